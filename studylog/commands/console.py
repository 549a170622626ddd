"""The rich Console every command prints with: text it renders has its control characters shown, not obeyed,
and a reader that went away ends the command as it ends every other (process_exit.py), not with rich's exit 1."""

from __future__ import annotations

import errno
import os

from rich.console import Console
from rich.segment import Segment

from studylog.terminal import printable


class TerminalConsole(Console):
    """A Console whose rendered text goes through terminal.printable (its own styling codes are untouched:
    rich adds them after rendering, and control segments it makes itself pass as they are)."""

    def render(self, renderable, options=None):
        for segment in super().render(renderable, options):
            yield segment if segment.control else Segment(printable(segment.text), segment.style, segment.control)

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more is rendered for a reader that is gone
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
