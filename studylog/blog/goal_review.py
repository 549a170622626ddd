"""The review of last week's goals at the top of a week's post, worded as the seed post reviews its own:
`2. 수학 기초를 쌓자 -> 이번주에 진행 못함`, then how many were done and dropped."""

from __future__ import annotations

from studylog.blog.post import PostSection
from studylog.journal.goal_items import outcome_phrase
from studylog.journal.goal_review import Review
from studylog.journal.kinds import REVIEW_KIND

CARRIED = " (이번주 목표로 이어감)"


def review_title(review: Review) -> str:
    return f"지난주 목표 돌아보기 ({review.week_number}주차)"


def review_lines(review: Review) -> list[str]:
    """One line per goal, `N. text -> outcome`, and the count line."""
    lines = [_goal_line(n, g.text, outcome_phrase(g.status, g.note), g.id in review.carried)
             for n, g in enumerate(review.goals, 1)]
    counts = review.counts
    lines.append("")
    lines.append(
        f"목표 {len(review.goals)}개: 완료 {counts['done']} · 일부 {counts['partly']} · 포기 {counts['dropped']}"
        f" · 진행 못함 {counts['open']}"
    )
    return lines


def _goal_line(n: int, text: str, outcome: str, carried: bool) -> str:
    """`N. text -> outcome`, marked as carried on unless the user's note already says so."""
    line = f"{n}. {text} -> {outcome}"
    return line + CARRIED if carried and CARRIED.strip(" ()") not in outcome else line


def review_section(review: Review) -> PostSection | None:
    """The review as the post's first section; None when there is no week before or it set no goals."""
    if review.week_number is None or not review.goals:
        return None
    return PostSection(kind=REVIEW_KIND, title=review_title(review), body="\n".join(review_lines(review)))
