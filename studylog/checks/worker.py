"""The body of one check's process (forked from the zygote): run the check, stream what it states, exit.

Lines written to `out`: {"kind": "env", ...} with the library versions, then again once the device is known,
{"kind": "claim", ...} for each claim as it is made (so a crash later keeps them), then {"kind": "end",
"status", "message", "uncacheable"}, with "device_unavailable": true when the device asked for is missing;
"uncacheable" says why the result must not be cached (it changed torch, a local module failed to import).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import traceback
from pathlib import Path

from studylog.checks import devices, integrity, limits
from studylog.checks.context import CheckContext
from studylog.checks.fingerprint import library_versions
from studylog.checks.protocol import send
from studylog.checks.registry import registered


def _running_versions() -> dict[str, str]:
    """torch's and torchvision's versions from package metadata: the one string everything quotes (a citation of
    torchvision's weights metadata too), whether or not a check imported the library."""
    return {f"{name}_version": version for name, version in library_versions().items()}


def _import_module(path: Path):
    """Import a check module from its file; its folder goes on sys.path so it can import its siblings."""
    sys.path.insert(0, str(path.parent))
    name = f"studylog_check_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _run(task: dict, device_spec: str, out: int) -> tuple[str, str]:
    if task.get("threads"):
        import torch

        torch.set_num_threads(task["threads"])
    send(out, {"kind": "env", **_running_versions()})
    device, device_name = devices.resolve(device_spec)
    send(out, {"kind": "env", "device": device, "device_name": device_name})
    _import_module(Path(task["module"]))
    function = registered(task["check_id"])
    if function is None:
        return "error", f"{task['module']} did not register a check {task['check_id']!r} when imported"
    ctx = CheckContext(device, on_claim=lambda record: send(out, {"kind": "claim", **record.to_json()}))
    function(ctx)
    if not ctx.claims:
        return "error", "the check stated no claim, so it cannot fail; state what it computes with ctx.claim(...)"
    return ("failed", "an asserted claim does not hold") if ctx.failed else ("passed", "")


def _describe(exc: BaseException) -> str:
    """The exception on one line, then its traceback from the check's own code on (this file's frames left out)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    trace = "".join(traceback.format_exception(type(exc), exc, tb)[-12:])
    return f"{type(exc).__name__}: {exc}\n{trace}".rstrip()


def _uncacheable(imports: integrity.FailedImports) -> str:
    """Why this process's result depends on more than the check's code, if it does."""
    reasons = []
    if imports.failures:
        reasons.append(f"importing {', '.join(imports.failures[:3])} failed")
    if changed := integrity.replaced():
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        reasons.append(f"it replaced {', '.join(changed[:3])}{more}")
    return "; ".join(reasons)


def run_in_child(task: dict, device_spec: str, out: int) -> None:
    """Run one check and exit this process; never returns into the zygote's loop."""
    unavailable, imports = False, integrity.FailedImports().install()
    try:
        status, message = _run(task, device_spec, out)
    except devices.DeviceUnavailable as exc:  # not the check's fault: one line, no traceback
        status, message, unavailable = "error", str(exc), True
    except BaseException as exc:  # everything a check raises, SystemExit and KeyboardInterrupt included
        status, message = "error", _describe(exc)
        if limits.is_out_of_memory(exc):
            message = f"{limits.out_of_memory(task['memory_gb'])}: {message}"
    try:
        end = {"kind": "end", "status": status, "message": message, "uncacheable": _uncacheable(imports)}
        send(out, end | ({"device_unavailable": True} if unavailable else {}))
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(0)
