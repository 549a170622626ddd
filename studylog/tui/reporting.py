"""How workers report back. Any exception becomes an error notification, so a bug in one worker never ends the
app and takes the text in its editors with it; and only the newest of a screen's loads posts what it read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

from textual import work
from textual.dom import DOMNode
from textual.message import Message
from textual.worker import get_current_worker

from studylog.errors import StudylogError
from studylog.terminal import one_line


def described(exc: BaseException) -> str:
    """What to tell the user: a StudylogError's own text (written for them); for a bug, its type and first line."""
    if isinstance(exc, StudylogError):
        return one_line(str(exc))
    first = next(iter(str(exc).splitlines()), "")
    return f"unexpected {type(exc).__name__}" + (f": {one_line(first)}" if first else "")


@contextmanager
def reported(node: DOMNode) -> Iterator[None]:
    """Inside a worker thread: show any exception to the user as one line and end the work quietly."""
    try:
        yield
    except Exception as exc:
        if not isinstance(exc, StudylogError):  # a bug: keep the app and its editors, and leave a trace
            node.app.log.error("unexpected error in a worker", repr(exc))
        node.app.call_from_thread(node.app.notify, described(exc), severity="error", timeout=8)


def background(*, group: str, exclusive: bool = False) -> Callable:
    """A thread worker (Textual's @work) whose exceptions are reported, never raised as WorkerFailed, which
    would end the app. It returns None when it failed."""

    def decorator(method: Callable) -> Callable:
        @wraps(method)
        def reporting(node: DOMNode, *args, **kwargs):
            with reported(node):
                return method(node, *args, **kwargs)

        return work(thread=True, group=group, exclusive=exclusive, exit_on_error=False)(reporting)

    return decorator


def post_if_current(node: DOMNode, message: Message) -> None:
    """Post what a load read, unless a newer load replaced it: exclusive cancels a thread worker but cannot
    stop it, and an older read arriving last would show stale rows."""
    if not get_current_worker().is_cancelled:
        node.post_message(message)
