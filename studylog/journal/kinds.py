"""Section kinds: the stored name of each, the name a user reads, and which kinds hold goals.

The readable names are the seed post's own headings (피어세션, 멘토링, 주말 계획, …) and the
retrospective formats campers use: KPT (Keep / Problem / Try) and 4L (Liked / Learned / Lacked /
Longed for).
"""

from __future__ import annotations

KIND_NAMES: dict[str, str] = {
    "intro": "도입",
    "curriculum": "목차",
    "reflection": "회고 · 소감",
    "peer_session": "피어세션",
    "special_peer_session": "스페셜 피어세션",
    "special_session": "스페셜 세션 · 특강",
    "mentoring": "멘토링",
    "progress": "진행한 내용",
    "weekend_plan": "주말 계획",
    "next_week_plan": "다음주 계획",
    "goals": "목표",
    "keep": "Keep",
    "problem": "Problem",
    "try": "Try",
    "liked": "Liked",
    "learned": "Learned",
    "lacked": "Lacked",
    "longed_for": "Longed for",
    "goal_review": "지난주 목표 돌아보기",
    "study_links": "공부 내용 링크",
    "note": "메모",
}

SECTION_KINDS = tuple(KIND_NAMES)

# The review of last week's goals that export writes at the top of a week (kept as a section when imported).
REVIEW_KIND = "goal_review"

# The sections whose list items are goals, reviewed the week after (issue 14).
GOAL_KINDS = frozenset({"goals", "next_week_plan", "weekend_plan", "try"})


def kind_name(kind: str) -> str:
    """The readable name of a kind; an unknown kind as it is stored, underscores as spaces."""
    return KIND_NAMES.get(kind, kind.replace("_", " "))
