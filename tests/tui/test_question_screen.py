"""A question: its answer is edited and saved, its checks run in a worker with results shown as they
arrive, a run can be cancelled, and the checks' source is shown. Uses a tiny bank on $STUDYLOG_CHECK_PATHS."""

from __future__ import annotations

from textual.widgets import Markdown

from studylog.checks.results import latest_runs, question_verdict
from studylog.journal.questions import add_question, get_question
from studylog.journal.weeks import create_week
from studylog.tui.screens.claim import ClaimScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets.check_panel import CheckPanel
from studylog.tui.widgets.claims_table import ClaimsTable
from pilot_helpers import settle, type_text, visible_text

SLEEPY_CHECKS = '''
from studylog.checks import check
import time

@check("naps")
def naps(ctx):
    time.sleep(60)
'''


def tiny_question(db, slug: str = "tiny") -> int:
    week = create_week(db, 1, "첫 주")
    return add_question(db, "2 + 2는?", "2 + 2?", "4", slug=slug, week_id=week.id).id


async def open_question(pilot) -> QuestionScreen:
    await settle(pilot)
    await pilot.press("2")  # the questions list
    await settle(pilot)
    await pilot.press("enter")  # its first question
    await settle(pilot)
    assert isinstance(pilot.app.screen, QuestionScreen)
    return pilot.app.screen


def arrived(messages: list, kind: type) -> list:
    """The messages of a kind in the order they arrived; the hook sees a bubbling message at each stop."""
    seen: dict[int, object] = {}
    for message in messages:
        if isinstance(message, kind):
            seen.setdefault(id(message), message)
    return list(seen.values())


def table_text(screen) -> list[str]:
    table = screen.query_one(ClaimsTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def test_running_checks_shows_each_result_as_it_arrives(db, app_on, tiny_bank):
    tiny_question(db)
    progress = []
    app = app_on(db)
    async with app.run_test(size=(100, 32), message_hook=progress.append) as pilot:
        screen = await open_question(pilot)
        assert screen.query_one("#check-source").text == (tiny_bank / "tiny.py").read_text()
        assert screen.query_one("#check-source").border_title == "tiny.py"
        assert table_text(screen)[0].startswith("tiny-sum | ") and "never run" in table_text(screen)[0]

        await pilot.press("ctrl+r")
        await settle(pilot)
        events = [(m.event.kind, m.event.check_id) for m in arrived(progress, QuestionScreen.Progress)]
        assert sorted(events) == [("finished", "tiny-sum"), ("finished", "tiny-wrong"),
                                  ("started", "tiny-sum"), ("started", "tiny-wrong")]
        [ended] = arrived(progress, QuestionScreen.RunEnded)
        last_progress = arrived(progress, QuestionScreen.Progress)[-1]
        assert progress.index(last_progress) < progress.index(ended)  # results came in before the run ended
        assert ended.cancelled is False

        rows = table_text(screen)
        assert rows[0].startswith("tiny-sum | ") and "passed" in rows[0]
        assert rows[1].startswith("  2 + 2 | holds | 4 | 4")
        assert rows[2].startswith("tiny-wrong | ") and "failed" in rows[2]
        assert rows[3].startswith("  3 * 3 | fails | 9 | 10")
        assert "✗ failing" in str(screen.query_one("#question-heading").render())
        assert str(screen.query_one("#check-status").render()) == "Done: 1 of 2 checks passed"

        table = screen.query_one(ClaimsTable)
        table.focus()
        table.move_to_key("tiny-wrong#0")
        await pilot.press("enter")  # the claim in full, with its rule
        assert isinstance(app.screen, ClaimScreen)
        assert "equals exactly" in visible_text(app)
    stored = {run.check_id: run.status for run in latest_runs(db, "tiny")}
    assert stored == {"tiny-sum": "passed", "tiny-wrong": "failed"}
    assert question_verdict(db, "tiny") == "failing"


async def test_a_run_can_be_cancelled(db, app_on, tiny_bank):
    (tiny_bank / "tiny.py").write_text(SLEEPY_CHECKS, encoding="utf-8")
    tiny_question(db)
    started = []
    app = app_on(db)
    hook = lambda m: started.append(m) if isinstance(m, QuestionScreen.Progress) else None  # noqa: E731
    async with app.run_test(size=(100, 32), message_hook=hook) as pilot:
        screen = await open_question(pilot)
        await pilot.press("ctrl+r")
        while not started:  # the check process is up and napping
            await pilot.pause(0.05)
        assert screen.query_one(CheckPanel).is_running
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert not screen.query_one(CheckPanel).is_running
        assert str(screen.query_one("#check-status").render()) == "Cancelled: 0 of 1 checks passed"
    assert latest_runs(db, "tiny") == []  # a cancelled check is not recorded


async def test_question_and_answer_are_edited_and_saved(db, app_on, tiny_bank):
    question_id = tiny_question(db)
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot)
        await pilot.press("tab")
        assert app.focused.id == "question"
        await pilot.press("tab")
        assert app.focused.id == "answer"
        await pilot.press("ctrl+e")
        await type_text(pilot, " (정답)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.query_one("#answer").border_subtitle == "saved"
    assert get_question(db, question_id).answer == "4 (정답)"


async def test_ctrl_o_shows_the_question_as_the_post_will_and_returns_to_the_editor_as_it_was(db, app_on, tiny_bank):
    question_id = tiny_question(db)
    app = app_on(db)
    async with app.run_test(size=(90, 30)) as pilot:
        screen = await open_question(pilot)
        await pilot.press("tab", "tab", "ctrl+e")
        await type_text(pilot, " = 2*2, see __init__")  # not saved yet
        answer = app.focused
        cursor, typed = answer.cursor_location, answer.text

        await pilot.press("ctrl+o")
        await settle(pilot)
        assert not answer.display and not screen.query_one("#question").display
        assert screen.query_one("#question-post #preview-markdown", Markdown).source == (
            "**Q.** 2 + 2는?\n\n2 + 2?\n\n**A.** 4 = 2\\*2, see \\_\\_init\\_\\_")
        shown = visible_text(app)
        assert "4 = 2*2, see __init__" in shown and "In the post the answer is folded under 더보기" in shown
        assert "Escaped so they read literally: 2*2, __init__" in shown

        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.focused is answer and answer.display
        assert (answer.cursor_location, answer.text) == (cursor, typed)
    assert get_question(db, question_id).answer == "4 = 2*2, see __init__"  # saved when the app ended, as typed
