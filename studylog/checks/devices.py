"""Devices: which one `auto` will pick, guessed without importing torch (for the cache key), and names.

The guess only keys the cache: the run itself picks its device with torch, inside the child
process (cuda, then mps, then cpu), and records what it used.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

from studylog.errors import StudylogError

DEVICES = ("auto", "cpu", "cuda", "mps")
GPU_DRIVER_FILES = ("/proc/driver/nvidia/version", "/dev/kfd")  # NVIDIA's driver; ROCm's for AMD cards


class DeviceUnavailable(StudylogError):
    """The device asked for (--device cuda or mps) is not available on this machine."""


def expected_device(spec: str) -> str:
    """The device a run with `spec` will use, as far as can be told without torch."""
    if spec != "auto":
        return spec
    hidden = os.environ.get("CUDA_VISIBLE_DEVICES", None) in ("", "-1")
    if not hidden and any(Path(p).exists() for p in GPU_DRIVER_FILES):
        return "cuda"
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return "mps"
    return "cpu"


def cpu_name() -> str:
    """The CPU's model name, e.g. 'AMD EPYC 7B13'."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def resolve(spec: str) -> tuple[str, str]:
    """The device to run on and its name, decided with torch. Call it only in a check's own process:
    it may initialise CUDA, which must never happen in the process that forks the checks."""
    import torch

    if spec == "auto":
        spec = "cuda" if torch.cuda.is_available() else "mps" if torch.backends.mps.is_available() else "cpu"
    if spec == "cuda":
        if not torch.cuda.is_available():
            raise DeviceUnavailable(f"--device cuda: this machine has no CUDA device torch {torch.__version__} can use "
                                    "(torch.cuda.is_available() is False); use --device cpu or auto")
        return "cuda", torch.cuda.get_device_name()
    if spec == "mps":
        if not torch.backends.mps.is_available():
            raise DeviceUnavailable("--device mps: torch.backends.mps.is_available() is False on this machine; "
                                    "use --device cpu or auto")
        return "mps", f"Apple {platform.machine()} (MPS)"
    return "cpu", cpu_name()
