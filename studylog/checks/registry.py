"""The @check decorator: marks a function as a check of a question so the runner can call it by id.

Its arguments must be literals: listing checks and keying the cache read them with `ast`,
without importing the module (and so without importing torch).
"""

from __future__ import annotations

from collections.abc import Callable

DEFAULT_TIMEOUT_S = 60.0

_registry: dict[str, Callable] = {}  # check id -> function; the other arguments are read from the source


def check(check_id: str, *, question: str | None = None, timeout: float | None = None, measures: bool = False,
          memory_gb: float | None = None, cpu_s: float | None = None):
    """Register the decorated `function(ctx)` as check `check_id` of `question`.

    `question` defaults to the question file beside the module; `timeout` (seconds) overrides
    the runner's default limit for this check; `measures=True` says it times something (a latency,
    a rate), so it runs with the machine to itself; `memory_gb` and `cpu_s` override its memory and
    CPU-time limits (default 8 GB, or half the machine's memory if less, and 600 s of CPU: checks/limits.py).
    """

    def register(function: Callable) -> Callable:
        _registry[check_id] = function
        return function

    return register


def registered(check_id: str) -> Callable | None:
    """The check function registered under `check_id` by a module imported in this process, if any."""
    return _registry.get(check_id)
