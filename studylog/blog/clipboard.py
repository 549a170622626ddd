"""Copy text to the clipboard of the terminal the user sits at, over SSH too: the OSC 52 escape.

The terminal decodes the base64 payload into its clipboard; inside tmux the escape is wrapped in
tmux's passthrough so that tmux hands it on (tmux needs `set -g allow-passthrough on`).
"""

from __future__ import annotations

import base64
import os
import sys

from studylog.errors import StudylogError


def osc52(text: str, *, tmux: bool = False) -> str:
    """The escape sequence that sets the clipboard to text."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if tmux:
        sequence = "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence


def copy_to_clipboard(text: str) -> str:
    """Send text to the terminal's clipboard via /dev/tty, else stdout when it is a terminal; say where."""
    sequence = osc52(text, tmux=bool(os.environ.get("TMUX")))
    try:
        with open("/dev/tty", "w", encoding="ascii") as tty:
            tty.write(sequence)
        return "/dev/tty"
    except OSError:
        pass
    if sys.stdout.isatty():
        sys.stdout.write(sequence)
        sys.stdout.flush()
        return "stdout"
    raise StudylogError("--clipboard needs a terminal (OSC 52 goes to /dev/tty or a terminal stdout); write the post with -o FILE instead")
