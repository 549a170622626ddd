"""One call from a stored week to post text, for the CLI and the app alike."""

from __future__ import annotations

from datetime import datetime, timezone

from studylog.blog import to_html, to_markdown
from studylog.blog.from_week import build_post
from studylog.blog.layout import lay_out
from studylog.blog.post import Post, PostSection
from studylog.store.database import Database

SHAKIEST_TITLE = "복습이 필요한 질문"

WRITERS = {"markdown": to_markdown.render, "tistory-html": to_html.render}


def render_post(post: Post, fmt: str = "markdown") -> str:
    """The post as Markdown or Tistory HTML."""
    return WRITERS[fmt](lay_out(post))


def export_week(
    db: Database, week_id: int, fmt: str = "markdown", *, with_checks: bool = True, shakiest: int = 0,
    now: datetime | None = None,
) -> str:
    """The week as a post, with each question's latest verification unless with_checks is False,
    and a closing list of the `shakiest` questions the quiz says are least likely to be recalled
    at `now` (default: the current time, UTC)."""
    post = build_post(db, week_id, with_checks=with_checks)
    if shakiest:
        if section := shakiest_section(db, week_id, shakiest, now or datetime.now(timezone.utc)):
            post.sections.append(section)
    return render_post(post, fmt)


def shakiest_section(db: Database, week_id: int, n: int, now: datetime) -> PostSection | None:
    """The week's n reviewed questions with the lowest recall probability at now, as a post section."""
    from studylog.quiz.stats import shakiest

    shaky = shakiest(db, week_id, n, now)
    if not shaky:
        return None
    lines = [f"{item.title} — 지금 기억할 확률 {item.retrievability:.0%}" for item in shaky]
    return PostSection(kind="review", title=SHAKIEST_TITLE, body="\n".join(lines))
