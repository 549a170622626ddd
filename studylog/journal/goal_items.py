"""Goal items in a section's text: `1. 수학 기초를 쌓자 -> 이번주에 진행 못함`, `- [x] 코테 3문제`.

A list item of a goal-like section is a goal; a `[ ]`/`[x]` box and a `-> note` after it say how it
went, the way the seed post reviews its goals. Plain functions over text, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STATUSES = ("open", "done", "partly", "dropped")
ITEM = re.compile(r"^\s*(?:(?P<number>\d+)[.)]|[-*+])\s+(?:\[(?P<box>[ xX])\]\s*)?(?P<rest>.*?)\s*$")
ARROW = re.compile(r"\s+(?:->|→)(?=\s|$)\s*")
# How the seed (and the review studylog writes) words each outcome; the first phrase is the one written.
PHRASES = {
    "done": ("완료", "했음", "했다", "done"),
    "partly": ("일부 진행", "일부", "절반", "partly"),
    "dropped": ("포기", "안 하기로", "dropped"),
    "open": ("이번주에 진행 못함", "진행 못함", "못함", "못했"),
}


@dataclass(frozen=True)
class GoalItem:
    """One goal as written: its text, the status its box or note implies (None: not said), and the note."""

    text: str
    status: str | None = None
    note: str = ""


def status_of_note(note: str) -> str | None:
    """The status a note's words imply (`이번주에 진행 못함` → open, `포기` → dropped), None when they imply none."""
    lowered = note.casefold()
    for status in ("dropped", "partly", "done", "open"):  # 진행 못함 before 했음, 일부 before 완료
        if any(phrase in lowered for phrase in PHRASES[status]) and not (status == "done" and "못" in lowered):
            return status
    return None


def parse_item(line: str) -> GoalItem | None:
    """The goal a list line states, None when the line is not a list item with text."""
    match = ITEM.match(line)
    if not match:
        return None
    text, arrow, note = ARROW.split(match["rest"], maxsplit=1)[0], ARROW.search(match["rest"]), ""
    if arrow:
        note = match["rest"][arrow.end():].strip()
    text = text.strip()
    if not text:
        return None
    status = {"x": "done", "X": "done", " ": "open"}.get(match["box"] or "")
    return GoalItem(text, status_of_note(note) if note else status, note)


def parse_items(body: str) -> list[GoalItem]:
    """The goals in a section's text, in order."""
    return [item for line in body.splitlines() if (item := parse_item(line))]


def item_line(text: str, body: str) -> str:
    """A new goal's line in the style of the body's list: numbered on from its last number, `- ` in a
    bulleted list, `1. ` in a section without a list (the seed numbers its goals)."""
    items = [m for line in body.splitlines() if (m := ITEM.match(line))]
    numbers = [int(m["number"]) for m in items if m["number"]]
    if items and not numbers:
        return f"- {text}"
    return f"{numbers[-1] + 1 if numbers else 1}. {text}"


def outcome_phrase(status: str, note: str) -> str:
    """What follows `->` in a review line: the status in the seed's words (`완료`, `이번주에 진행 못함`), or the
    note when it says as much itself, else both: `포기 (코테는 대회 끝나고)`."""
    if not note:
        return PHRASES[status][0]
    if status_of_note(note) == status or (status == "open" and status_of_note(note) is None):
        return note
    return f"{PHRASES[status][0]} ({note})"
