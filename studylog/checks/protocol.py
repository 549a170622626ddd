"""JSON lines between the runner's processes: one object per line, written whole with os.write."""

from __future__ import annotations

import json
import os


def send(fd: int, message: dict) -> None:
    """Write one message as a line; loops until the whole line is out (pipes may take it in parts)."""
    data = (json.dumps(message, ensure_ascii=False) + "\n").encode()
    while data:
        data = data[os.write(fd, data) :]


class LineReader:
    """Turns chunks read from a pipe into whole messages."""

    def __init__(self) -> None:
        self._partial = b""

    def feed(self, chunk: bytes) -> list[dict]:
        lines = (self._partial + chunk).split(b"\n")
        self._partial = lines.pop()
        return [json.loads(line) for line in lines if line.strip()]
