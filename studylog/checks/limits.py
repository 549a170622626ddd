"""Each check's memory and CPU-time limits (rlimits set in its own process), and how running out of them reads.

Memory is limited with RLIMIT_DATA, not RLIMIT_AS: since Linux 4.7 RLIMIT_DATA counts the private
writable memory a process maps (its heap, tensors, anonymous mmaps), while address space that is only
reserved is not counted. RLIMIT_AS counts that too, and torch reserves a lot of it: the CPU-only build
holds 3.5 GB of address space after `import torch, torchvision` for 0.9 GB of data, and CUDA builds
reserve tens of GB more once CUDA starts, so any useful RLIMIT_AS would break them. The limit covers the
whole check process, torch's own ~0.9 GB included; GPU memory is not limited. On macOS, where
RLIMIT_DATA does not cover mmap, only the CPU-time limit holds.
"""

from __future__ import annotations

import math
import os
import resource
import signal

DEFAULT_MEMORY_GB = 8.0  # or half the machine's memory where that is less
DEFAULT_CPU_S = 600.0  # CPU seconds, every thread counted: a 60 s check on 10 threads still fits
GB = 1e9
OUT_OF_MEMORY_TEXTS = ("can't allocate memory", "cannot allocate memory", "out of memory")


def default_memory_gb() -> float:
    """8 GB, or half the machine's memory where that is less (one check must not take the whole machine)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GB
    except (ValueError, OSError):
        return DEFAULT_MEMORY_GB
    return min(DEFAULT_MEMORY_GB, math.floor(total / 2))


def apply(memory_gb: float, cpu_s: float) -> None:
    """Limit this process (a check's, just forked) to `memory_gb` of data and `cpu_s` of CPU time: SIGXCPU
    at the limit, SIGKILL a second later."""
    data = int(memory_gb * GB)
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (data, data))
    except (ValueError, OSError):  # a hard limit already lower: keep it
        pass
    seconds = max(1, math.ceil(cpu_s))
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    except (ValueError, OSError):
        pass


def is_out_of_memory(exc: BaseException) -> bool:
    """Whether a check's exception says an allocation was refused (MemoryError, torch's allocator errors)."""
    return isinstance(exc, MemoryError) or (isinstance(exc, RuntimeError) and any(t in str(exc).lower() for t in OUT_OF_MEMORY_TEXTS))


def out_of_memory(memory_gb: float) -> str:
    return f"ran out of memory (limit {memory_gb:g} GB)"


def out_of_cpu_time(cpu_s: float) -> str:
    return f"ran out of CPU time (limit {cpu_s:g} s of CPU)"


def death_by_limit(wait_status: int, cpu_used_s: float, task: dict) -> str | None:
    """The limit a killed check ran out of, or None: SIGXCPU (or SIGKILL past it) means CPU time."""
    if not os.WIFSIGNALED(wait_status):
        return None
    sig = os.WTERMSIG(wait_status)
    if sig == getattr(signal, "SIGXCPU", None) or (sig == signal.SIGKILL and cpu_used_s >= task["cpu_s"]):
        return out_of_cpu_time(task["cpu_s"])
    return None
