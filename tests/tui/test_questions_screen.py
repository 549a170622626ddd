"""The questions list: every week's questions with their verdicts, filtered by week, tag and verdict."""

from __future__ import annotations

from studylog.journal.questions import add_question
from studylog.journal.weeks import create_week
from studylog.tui.screens.questions import QuestionsScreen
from pilot_helpers import settle, type_text


def titles(screen: QuestionsScreen) -> list[str]:
    table = screen.query_one("#questions")
    return [table.get_row_at(i)[3] for i in range(table.row_count)]


async def test_filters_by_week_tag_and_verdict(demo_db, app_on):
    week5 = create_week(demo_db, 5, "5주차")
    add_question(demo_db, "ViT의 패치 크기는?", slug="vit-patch", week_id=week5.id, tags=["vit"])
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert len(titles(screen)) == 4
        assert {str(screen.query_one("#questions").get_row_at(i)[1]) for i in range(4)} == {"· not checked"}

        screen.query_one("#filter-week").value = 5
        await settle(pilot)
        assert titles(screen) == ["ViT의 패치 크기는?"]

        screen.query_one("#filter-week").clear()
        await pilot.press("f", "tab")  # the filter bar, then its tag input
        await type_text(pilot, "google")
        await settle(pilot)
        assert [t[:5] for t in titles(screen)] == ["Incep", "보조분류기"]

        screen.query_one("#filter-verdict").value = "verified"
        await settle(pilot)
        assert titles(screen) == []
