"""The rich Console every command prints with: text it renders has its control characters shown, not obeyed,
and a reader that went away ends the command as it ends every other (process_exit.py), not with rich's exit 1."""

from __future__ import annotations

import errno
import os

from rich.console import Console, ConsoleDimensions
from rich.segment import Segment

from studylog.terminal import printable


PIPED_WIDTH = 1000  # columns when the output is a pipe or a file: a row stays one line for grep, cut and less -S


class TerminalConsole(Console):
    """A Console whose rendered text goes through terminal.printable (its own styling codes are untouched:
    rich adds them after rendering, and control segments it makes itself pass as they are). Into a pipe or a
    file (and no $COLUMNS) nothing is wrapped at rich's default 80 columns: a row or a hint stays one line."""

    @property
    def size(self) -> ConsoleDimensions:
        size = super().size  # read again on each use: $COLUMNS and the terminal may change between commands
        if self._width is None and not self.is_terminal and not self._environ.get("COLUMNS"):
            return ConsoleDimensions(PIPED_WIDTH, size.height)
        return size

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)

    def render(self, renderable, options=None):
        for segment in super().render(renderable, options):
            yield segment if segment.control else Segment(printable(segment.text), segment.style, segment.control)

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more is rendered for a reader that is gone
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
