"""Focus lands where the user is about to type: a question just made takes more text at the end of its text,
Tab moves to the answer (never typing before what is there), and a search jump's selected match is never
replaced by the next key."""

from __future__ import annotations

from studylog.journal.questions import get_question, question_tags
from studylog.journal.weeks import find_week, week_detail
from studylog.tui.screens.dialogs import Field, FormScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets.draft_area import DraftArea
from pilot_helpers import keys_at_once, settle, type_text
from test_week_screen import open_week


async def test_after_creating_a_question_typing_goes_to_its_end_and_tab_to_the_answer(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_week(pilot, "멘토링")
        await pilot.press("n")
        await type_text(pilot, "1x1 conv의 역할")
        await pilot.press("enter")  # Enter in the form creates the question (id from the title, no tags)
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert isinstance(app.focused, DraftArea) and app.focused.id == "question"
        await type_text(pilot, "?")
        await pilot.press("tab")
        assert app.focused.id == "answer"
        await type_text(pilot, "채널 수를 줄인다")
        await pilot.press("shift+tab")  # back to the question: its cursor is where it was left, at the end
        await type_text(pilot, "!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        question = get_question(demo_db, app.screen.question_id)
    assert (question.question, question.answer) == ("1x1 conv의 역할?!", "채널 수를 줄인다")


def bodies(db) -> dict[int, str]:
    return {s.id: s.body for s in week_detail(db, find_week(db, 4).id).sections}


async def test_a_key_after_a_search_jump_types_after_the_match_not_over_it(demo_db, app_on):
    before = bodies(demo_db)
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "멘토")
        await settle(pilot)
        hit = app.screen.hits[0]
        await pilot.press("enter")
        await settle(pilot)
        area = app.focused
        assert area.selected_text == "멘토"  # the match is shown
        await type_text(pilot, "님")
        assert area.selected_text == ""
        await pilot.press("escape")
        await settle(pilot)
    assert bodies(demo_db)[hit.id] == before[hit.id].replace("멘토", "멘토님", 1)


async def test_backspace_after_a_jump_deletes_one_character_not_the_match(demo_db, app_on):
    question = get_question(demo_db, "aux-classifier-softmax")
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(QuestionScreen(question.id, highlight="corssentropyloss"))
        await settle(pilot)
        assert app.focused.id == "answer" and app.focused.selected_text == "corssentropyloss"
        await pilot.press("backspace")
        await pilot.press("ctrl+s")
        await settle(pilot)
    answer = get_question(demo_db, question.id).answer
    assert answer == question.answer.replace("corssentropyloss", "corssentropylos", 1)


async def test_keys_typed_at_once_land_where_tab_and_enter_send_them(demo_db, app_on):
    """As keys reach the app when a person types fast (or pastes keystrokes over SSH): Tab moves the focus before
    the next key is read, in the new question form and on the question screen it opens."""
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_week(pilot, "멘토링")
        await pilot.press("n")
        await settle(pilot)
        keys_at_once(pilot, "Q2?", "tab", "tab", "flops", "shift+tab", "idy", "enter")  # the id last, into its empty input
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        keys_at_once(pilot, "!", "tab", "답", "shift+tab", "?")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    question = get_question(demo_db, "idy")
    assert (question.title, question.question, question.answer) == ("Q2?", "Q2?!?", "답")
    assert question_tags(demo_db, question.id) == ["flops"]


async def test_enter_typed_at_once_moves_to_the_next_input_of_a_form(demo_db, app_on):
    """A form whose Enter goes on to the next input (the quiz-on-a-claim form's shape): what follows Enter lands
    there, and Enter in the last input returns what each input got."""
    app = app_on(demo_db)
    returned = []
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.push_screen(FormScreen("Two inputs", [Field("first", "First"), Field("second", "Second")]), returned.append)
        await settle(pilot)
        keys_at_once(pilot, "ab", "enter", "cd", "enter")
        await settle(pilot)
    assert returned == [{"first": "ab", "second": "cd"}]
