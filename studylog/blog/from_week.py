"""A stored week as a Post: its sections in order, each with the questions raised in it, and its links.

Links go to the week's first study-links section (one is added when the week has links but no such
section); questions not raised in any section go to a closing section of their own; the review of last week's goals
opens the post. Sections from
elsewhere (the quiz's shakiest questions, say) are appended to `Post.sections` before laying out.
"""

from __future__ import annotations

from studylog.blog.goal_review import REVIEW_KIND, review_section
from studylog.blog.post import Post, PostLink, PostQuestion, PostSection
from studylog.journal.goal_review import review as goal_review
from studylog.journal.weeks import week_detail
from studylog.store.database import Database

LINKS_TITLE = "공부 내용 링크"
LOOSE_QUESTIONS_TITLE = "질문"


def build_post(db: Database, week_id: int, *, with_checks: bool = True) -> Post:
    """The week as a post; with_checks (as export does by default) adds each question's latest check runs."""
    detail = week_detail(db, week_id)
    week = detail.week
    runs = _runs_by_question(db) if with_checks else {}

    def post_question(q) -> PostQuestion:
        return PostQuestion(
            title=q.title, question=q.question, answer=q.answer, slug=q.slug,
            tags=list(detail.tags.get(q.id, [])), status=q.status, asker=q.asker, runs=runs.get(q.slug, []),
        )

    sections = [
        PostSection(
            kind=s.kind, level=s.level, title=s.title, body=s.body,
            questions=[post_question(q) for q in detail.questions_of(s)],
        )
        for s in detail.sections
    ]
    links = [PostLink(l.title, l.posted_on, l.category, l.url) for l in detail.links]
    if links:
        home = next((s for s in sections if s.kind == "study_links"), None)
        if home is None:
            home = PostSection(kind="study_links", title=LINKS_TITLE)
            sections.append(home)
        home.links = links
    loose = [post_question(q) for q in detail.questions if q.section_id is None]
    if loose:
        sections.append(PostSection(kind="peer_session", title=LOOSE_QUESTIONS_TITLE, questions=loose))
    if not any(s.kind == REVIEW_KIND for s in sections) and (review := review_section(goal_review(db, week_id))):
        sections.insert(0, review)  # an imported post brings its own review, as written
    return Post(
        number=week.number, title=week.title, course=week.course,
        start_date=week.start_date, end_date=week.end_date, sections=sections,
    )


def _runs_by_question(db: Database) -> dict[str, list]:
    """The newest run of every check, grouped by the question it belongs to (read without torch)."""
    from studylog.checks.results import latest_runs

    grouped: dict[str, list] = {}
    for run in latest_runs(db):
        grouped.setdefault(run.question_slug, []).append(run)
    return grouped
