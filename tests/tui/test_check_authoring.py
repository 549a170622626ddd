"""The question screen's checks, written and run without leaving the app: `c` → template → type one number →
ctrl+s → ✓, on a real database with its `checks/` folder under tmp_path, the check run by the real runner;
a syntax error shown with its line; `E` through $EDITOR; unsaved check text is never lost."""

from __future__ import annotations

import os
import stat
import sys
import time

from studylog.checks.results import question_verdict
from studylog.journal.questions import add_question
from studylog.journal.weeks import create_week
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets.check_editor import CheckEditor
from pilot_helpers import settle, type_text, visible_text


def bn_question(db) -> int:
    week = create_week(db, 5, "5주차")
    return add_question(db, "BatchNorm2d(64)의 학습 파라미터 수는?", "BatchNorm2d(64)의 학습 파라미터 수는?", "",
                        slug="bn-params", week_id=week.id).id


async def open_question(pilot) -> QuestionScreen:
    await settle(pilot)
    await pilot.press("2", "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, QuestionScreen)
    return pilot.app.screen


async def write_from_template(pilot) -> QuestionScreen:
    """Open the question, press c and take the first template (params)."""
    screen = await open_question(pilot)
    await pilot.press("c", "enter")
    await settle(pilot)
    return screen


async def test_c_template_one_number_ctrl_s_verifies_the_question(db, app_on):
    bn_question(db)
    module = db.path.parent / "checks" / "bn_params.py"
    async with app_on(db).run_test(size=(80, 40)) as pilot:  # the claims' verdicts fit 80 columns
        screen = await open_question(pilot)
        assert not module.exists()
        await pilot.press("c")          # 1: write a check
        await settle(pilot)
        await pilot.press("enter")      # 2: the first template, params
        await settle(pilot)
        assert module.is_file() and screen.query_one(CheckEditor).has_focus
        await type_text(pilot, str(2 * 64))  # 3: the value (γ and β per channel) replaces the fill_in(...) placeholder
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "EXPECTED = 128" in module.read_text(encoding="utf-8")
        assert question_verdict(db, "bn-params") == "verified"
        shown = visible_text(pilot.app)
        assert "✓ verified" in shown
        assert any("parameters, bias included" in line and "holds" in line for line in shown.splitlines())


async def test_a_load_read_before_the_module_was_written_does_not_take_the_placeholder_away(db, app_on, monkeypatch):
    """The load started when the template picker closes reads the page before the module exists; arriving after the
    module was written, it must not leave the editor with the cursor at the top (the value typed went there)."""
    from studylog.tui import pages

    read_page = pages.question_page
    modules = db.path.parent / "checks"

    def slow_while_no_module(database, question_id):
        page = read_page(database, question_id)
        if page.source_path is None and calls.append(1) is None and len(calls) > 1:  # not the screen's first load
            deadline = time.monotonic() + 5
            while not (modules / "bn_params.py").exists() and time.monotonic() < deadline:
                time.sleep(0.001)  # arrive as the module is written
        return page

    calls = []

    monkeypatch.setattr(pages, "question_page", slow_while_no_module)
    bn_question(db)
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        await write_from_template(pilot)
        await type_text(pilot, "64")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert "EXPECTED = 64" in (modules / "bn_params.py").read_text(encoding="utf-8")


async def test_a_syntax_error_is_shown_with_its_line_and_fixing_it_reruns(db, app_on):
    bn_question(db)
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        editor = (await write_from_template(pilot)).query_one(CheckEditor)
        await type_text(pilot, "128 +")  # EXPECTED = 128 +   <- invalid syntax on that line
        await pilot.press("ctrl+s")
        await settle(pilot)
        line = next(i for i, text in enumerate(editor.text.splitlines(), 1) if text.startswith("EXPECTED"))
        assert editor.problem.startswith(f"line {line}: ")
        assert question_verdict(db, "bn-params") == "error"
        await pilot.press("backspace", "backspace", "ctrl+s")
        await settle(pilot)
        assert editor.problem == "" and question_verdict(db, "bn-params") == "verified"


async def test_E_opens_the_module_in_the_editor_and_reruns_on_return(db, app_on, tmp_path, monkeypatch):
    bn_question(db)
    fake_editor = tmp_path / "fake-editor"
    fake_editor.write_text(f"#!{sys.executable}\nimport re, sys\np = sys.argv[1]\nt = open(p).read()\n"
                           "open(p, 'w').write(re.sub(r'fill_in\\(\"[^\"]*\"\\)', '128', t, count=1))\n")
    fake_editor.chmod(fake_editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(fake_editor))
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        screen = await write_from_template(pilot)
        await pilot.press("escape", "E")  # out of the editor, then the outside editor
        await settle(pilot)
        assert "EXPECTED = 128" in screen.query_one(CheckEditor).text
        assert question_verdict(db, "bn-params") == "verified"


async def test_unsaved_check_text_is_written_when_the_app_quits(db, app_on):
    bn_question(db)
    module = db.path.parent / "checks" / "bn_params.py"
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        await write_from_template(pilot)
        await type_text(pilot, "64")
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert "EXPECTED = 64" in module.read_text(encoding="utf-8")


async def test_a_module_changed_on_disk_meanwhile_is_not_overwritten(db, app_on, monkeypatch):
    from studylog.tui.widgets import check_editor

    monkeypatch.setattr(check_editor, "AUTOSAVE_SECONDS", 3600)  # only ctrl+s saves: typing on a loaded machine spans 3 s
    bn_question(db)
    module = db.path.parent / "checks" / "bn_params.py"
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        await write_from_template(pilot)
        module.write_text(module.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
        os.utime(module)
        await type_text(pilot, "128")
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert module.read_text(encoding="utf-8").endswith("# edited elsewhere\n")
    assert "EXPECTED = 128" in module.with_name("bn_params.py.unsaved").read_text(encoding="utf-8")


async def test_p_on_a_claim_row_makes_it_a_numeric_prompt(db, app_on):
    from studylog.quiz.prompts import NumericPrompt, prompts_by_question
    from studylog.tui.widgets.claims_table import ClaimsTable

    bn_question(db)
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        screen = await write_from_template(pilot)
        await type_text(pilot, "128")
        await pilot.press("ctrl+s")
        await settle(pilot)
        table = screen.query_one(ClaimsTable)
        table.focus()
        table.move_cursor(row=1)  # the check's line, then its first claim
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("enter", "enter")  # the suggested text, K = 1000
        await settle(pilot)
    assert prompts_by_question(db)["bn-params"] == [
        NumericPrompt("parameters, bias included?", "bn-params-params", "parameters, bias included", 1000)]


async def test_R_renames_the_question_and_M_moves_it_to_another_week(db, app_on):
    from studylog.journal.questions import get_question

    bn_question(db)
    week6 = create_week(db, 6, "6주차")
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        screen = await open_question(pilot)
        await pilot.press("R", "ctrl+a", "ctrl+k")
        await type_text(pilot, "bn64")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.title == "Q · bn64"
        await pilot.press("M", "ctrl+a", "ctrl+k", "6", "enter")
        await settle(pilot)
        assert "week 6" in screen.sub_title
    assert get_question(db, "bn64").week_id == week6.id


async def test_tab_in_the_check_editor_indents_and_stays(db, app_on):
    """Tab moves the focus app-wide before the next key is read; the check editor still takes it as an indent."""
    bn_question(db)
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        screen = await write_from_template(pilot)
        editor = screen.query_one(CheckEditor)
        await pilot.press("end", "enter", "tab")
        await type_text(pilot, "x")
        assert editor.has_focus
        assert editor.document.get_line(editor.cursor_location[0]) == " " * editor.indent_width + "x"


async def test_the_template_picker_opens_in_the_middle_of_the_screen(db, app_on):
    bn_question(db)
    async with app_on(db).run_test(size=(100, 40)) as pilot:
        await open_question(pilot)
        await pilot.press("c")
        await settle(pilot)
        box = pilot.app.screen.query_one(".dialog").region
        left, right = box.x, 100 - box.right
        top, bottom = box.y, 40 - box.bottom
        assert left > 0 and abs(left - right) <= 1 and abs(top - bottom) <= 1, box
