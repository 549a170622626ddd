"""The body of one check's process (forked from the zygote): run the check, stream what it states, exit.

Lines written to `out`: {"kind": "env", ...} once the device is known, {"kind": "claim", ...} for each
claim as it is made (so a crash later keeps them), then {"kind": "end", "status", "message"}.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import sys
import traceback
from pathlib import Path

from studylog.checks import devices
from studylog.checks.context import CheckContext
from studylog.checks.protocol import send
from studylog.checks.registry import registered


def _library_versions() -> dict[str, str]:
    import torch

    vision = sys.modules.get("torchvision")  # imported only when a check module uses it
    try:
        vision_version = vision.__version__ if vision else importlib.metadata.version("torchvision")
    except importlib.metadata.PackageNotFoundError:
        vision_version = "absent"
    return {"torch_version": torch.__version__, "torchvision_version": vision_version}


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
    device, device_name = devices.resolve(device_spec)
    send(out, {"kind": "env", "device": device, "device_name": device_name, **_library_versions()})
    _import_module(Path(task["module"]))
    found = registered(task["check_id"])
    if found is None:
        return "error", f"{task['module']} did not register a check {task['check_id']!r} when imported"
    ctx = CheckContext(device, on_claim=lambda record: send(out, {"kind": "claim", **record.to_json()}))
    found.function(ctx)
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


def run_in_child(task: dict, device_spec: str, out: int) -> None:
    """Run one check and exit this process; never returns into the zygote's loop."""
    try:
        status, message = _run(task, device_spec, out)
    except BaseException as exc:  # everything a check raises, SystemExit and KeyboardInterrupt included
        status, message = "error", _describe(exc)
    try:
        send(out, {"kind": "end", "status": status, "message": message})
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(0)
