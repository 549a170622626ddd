"""One call from a stored week to post text, for the CLI and the app alike."""

from __future__ import annotations

from studylog.blog import to_html, to_markdown
from studylog.blog.from_week import build_post
from studylog.blog.layout import lay_out
from studylog.blog.post import Post
from studylog.store.database import Database

WRITERS = {"markdown": to_markdown.render, "tistory-html": to_html.render}


def render_post(post: Post, fmt: str = "markdown") -> str:
    """The post as Markdown or Tistory HTML."""
    return WRITERS[fmt](lay_out(post))


def export_week(db: Database, week_id: int, fmt: str = "markdown", *, with_checks: bool = True) -> str:
    """The week as a post, with each question's latest verification unless with_checks is False."""
    return render_post(build_post(db, week_id, with_checks=with_checks), fmt)
