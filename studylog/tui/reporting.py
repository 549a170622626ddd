"""How workers report a user's mistake: a StudylogError becomes a notification; any other error is a bug
and crashes the app with its traceback, as Textual does for a failed worker."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.dom import DOMNode

from studylog.errors import StudylogError


@contextmanager
def reported(node: DOMNode) -> Iterator[None]:
    """Inside a worker thread: show a StudylogError to the user and end the work quietly."""
    try:
        yield
    except StudylogError as exc:
        node.app.call_from_thread(node.app.notify, str(exc), severity="error", timeout=8)
