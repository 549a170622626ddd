"""A section's kind guessed from its title, for posts written without studylog's markers."""

from __future__ import annotations

import re

from studylog.journal.kinds import KIND_NAMES

# First match wins: the special peer session before the peer session.
KIND_WORDS = (
    ("special_peer_session", ("스페셜피어세션", "스페셜 피어세션", "special peer")),
    ("peer_session", ("피어세션", "피어 세션", "peer session", "q&a")),
    ("special_session", ("스페셜 세션", "스페셜세션", "특강", "special session")),
    ("mentoring", ("멘토링", "mentoring")),
    ("reflection", ("소감", "회고", "reflection")),
    ("progress", ("진행한", "progress")),
    ("weekend_plan", ("주말", "weekend")),
    ("next_week_plan", ("다음주", "다음 주", "next week")),
    ("goals", ("목표", "goal")),
    ("study_links", ("링크", "links")),
    ("curriculum", ("목차", "커리큘럼", "curriculum")),
)
# KPT and 4L headings name their part as a word of its own: `Try`, `T (Try)`, `Longed for:`; never `retry`.
RETRO_WORDS = (
    ("longed_for", r"longed\s+for"), ("liked", "liked"), ("learned", "learned"), ("lacked", "lacked"),
    ("keep", "keep"), ("problem", "problems?"), ("try", "try"),
)
BY_NAME = {name.casefold(): kind for kind, name in KIND_NAMES.items()}


def guess_kind(title: str, default: str = "note") -> str:
    """The kind whose readable name the title is (`< 목표 >`, `Keep`), else whose words it contains, else default."""
    lowered = title.casefold()
    if exact := BY_NAME.get(lowered.strip("<>[]():*# ")):
        return exact
    if retro := next((kind for kind, word in RETRO_WORDS if re.search(rf"\b{word}\b", lowered)), None):
        return retro
    return next((kind for kind, words in KIND_WORDS if any(w in lowered for w in words)), default)
