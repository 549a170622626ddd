"""A post's lines as a sequence over its text: where each line starts, not one string per line (the 1.3
million line strings of a 50 MB post took 160 MB, on top of the text that is held anyway)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate


class Lines(Sequence):
    """The lines of text (split at "\\n"); lines[k] and lines[a:b] read as the list text.split("\\n") would."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = array("q", accumulate(map(len, text.split("\n")), lambda start, n: start + n + 1, initial=0))
        self._blank = 0  # lines before this one read as blank (see blank)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self)))]
        k = index + len(self) if index < 0 else index
        if not 0 <= k < len(self):
            raise IndexError(index)
        return "" if k < self._blank else self._text[self._starts[k] : self._starts[k + 1] - 1]

    def joined(self, start: int, end: int) -> str:
        """"\\n".join(lines[start:end]) for 0 <= start, without a string per line."""
        end = min(end, len(self))
        if start >= end:
            return ""
        if start < self._blank:
            blanks = min(self._blank, end) - start
            return "\n" * blanks + self.joined(self._blank, end) if end > self._blank else "\n" * (blanks - 1)
        return self._text[self._starts[start] : self._starts[end] - 1]

    def blank(self, count: int) -> None:
        """Read the first count lines as blank (front matter, read elsewhere), keeping the lines' numbers."""
        self._blank = count

    def mention(self, fragment: str) -> bool:
        """Whether any line holds fragment (which holds no newline)."""
        return self._text.find(fragment, self._starts[min(self._blank, len(self))]) >= 0
