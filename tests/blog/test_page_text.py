"""The plain text of a blog page, copied from a browser: the chrome around the post dropped whatever the title
looks like, the title and date found, subheadings and questions read without blank lines between them."""

from __future__ import annotations

from datetime import date

import pytest

from studylog.blog.read import parse_post

CHROME_BEFORE = ["본문 바로가기", "홍길동의 공부 블로그", "카테고리", "검색하기", "부스트캠프 AI Tech/회고"]
CHROME_AFTER = ["공감", "저작자표시", "'부스트캠프 AI Tech > 회고' 카테고리의 다른 글", "부스트캠프 4주차 학습 정리 (0)",
                "댓글 2", "Designed by Tistory."]
BODY = """* 학습 내용
본격적으로 PyTorch를 배웠다.
- 텐서 연산
텐서 연산과 autograd를 공부했다.

배치 정규화는 추론 때 왜 다르게 동작할까요?
- 피어세션
오늘은 텐서의 메모리 배치를 이야기했다.
Q: view와 reshape의 차이는?
A: view는 contiguous 텐서에만 쓸 수 있다.
* 회고
이번 주는 바빴다. 다음주엔 어떤 문제로 해볼까?"""


def page(title_lines: list[str]) -> str:
    return "\n".join(CHROME_BEFORE + title_lines + BODY.split("\n") + CHROME_AFTER)


@pytest.mark.parametrize("title_lines, title, end", [
    (["부스트캠프 3주차 학습 정리", "by 홍길동 2024. 5. 3."], "부스트캠프 3주차 학습 정리", (2024, 5, 3)),  # a byline under it
    (["부스트캠프 3주차 학습 정리 본문"], "부스트캠프 3주차 학습 정리", None),  # the skin's hidden "… 본문" heading
    (["[week3] 부스트캠프 학습 정리", "부스트캠프 AI Tech/회고 2024. 5. 3. 19:59"], "부스트캠프 학습 정리", (2024, 5, 3)),  # the seed's
], ids=["byline", "skin-heading", "seed"])
def test_the_page_chrome_goes_whatever_the_title_looks_like(title_lines, title, end):
    text = page(title_lines)
    if title_lines[0].endswith("본문"):  # this skin puts its heading right under the blog's name
        text = "\n".join([CHROME_BEFORE[1], *title_lines, *BODY.split("\n"), *CHROME_AFTER])
    post, _ = parse_post(text, "text")
    assert (post.number, post.title) == (3, title)
    assert (post.end_date.timetuple()[:3] if post.end_date else None) == end
    everything = "\n".join([s.title + "\n" + s.body for s in post.sections] + [q.title for q in post.questions])
    for chrome in CHROME_BEFORE[:4] + CHROME_AFTER + ["by 홍길동"]:
        assert chrome not in everything, chrome


@pytest.mark.parametrize("title_lines", [
    ["Community/AI Boostcamp 5th", "", "4주차 회고", "", "by 홍길동 2023. 3. 31."],  # a category line above a bylined title
    ["  • [week4] 4주차 회고", "    Community/AI Boostcamp 5th 2023. 3. 31. 19:59"],  # the seed's line under its title
], ids=["byline", "seed"])
def test_the_category_line_names_the_course_and_a_first_line_range_the_weeks_days(title_lines):
    text = "\n".join(CHROME_BEFORE[:4] + title_lines + ["", "[AI BoostCamp 4주차 (23.03.27~23.03.31) 회고]", *BODY.split("\n")])
    post, _ = parse_post(text, "text")
    assert (post.number, post.course) == (4, "AI Boostcamp 5th")
    assert (post.start_date, post.end_date) == (date(2023, 3, 27), date(2023, 3, 31))


def test_a_line_that_is_not_a_category_names_no_course():
    post, _ = parse_post("\n".join(["개발자로 후회없는 삶 살기", "4주차 회고", "by 홍길동 2023. 3. 31.", *BODY.split("\n")]), "text")
    assert (post.course, post.start_date, post.end_date) == ("", None, date(2023, 3, 31))


def test_subheadings_and_answers_need_no_blank_line_before_them():
    post, _ = parse_post(page(["부스트캠프 3주차 학습 정리", "by 홍길동 2024. 5. 3."]), "text")
    assert [(s.level, s.title) for s in post.sections] == [(1, "학습 내용"), (2, "텐서 연산"), (2, "피어세션"), (1, "회고")]
    assert [(q.title, q.answer) for q in post.questions] == [
        ("배치 정규화는 추론 때 왜 다르게 동작할까요?", ""),  # a paragraph that asks, kept in the body too
        ("view와 reshape의 차이는?", "view는 contiguous 텐서에만 쓸 수 있다."),
    ]  # "해볼까?" is a plan to oneself, not a question


@pytest.mark.parametrize("fmt, text", [
    ("markdown", "# [week3] t\n\nQ1. 제목?\n덧붙인 설명\nA1. 답입니다.\n\n이어지는 답.\n"),
    ("markdown", "# [week3] t\n\n- Q1. 제목?\n  덧붙인 설명\n  A1. 답입니다.\n"),
    ("text", "[week3] t\n\nQ1. 제목?\n덧붙인 설명\nA1. 답입니다.\n"),
], ids=["markdown-paragraph", "markdown-list-item", "plain-text"])
def test_an_answer_on_the_line_after_the_question_is_the_answer(fmt, text):
    post, _ = parse_post(text, fmt)
    (question,) = post.questions
    assert (question.title, question.question) == ("제목?", "덧붙인 설명")  # once, not twice
    assert question.answer.startswith("답입니다.")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_paragraph_that_asks_is_a_question_once_answered_by_its_other_lines(fmt):
    text = "[week3] t\n\n배치 정규화는 추론 때 어떻게 해야 할까요?\n-> train(), eval() ✅\n동작이 달라진다.\n\n다음 문단.\n"
    post, _ = parse_post(("# " if fmt == "markdown" else "") + text, fmt)
    (question,) = post.questions
    assert question.title == "배치 정규화는 추론 때 어떻게 해야 할까요?"
    assert question.answer.startswith("-> train(), eval() ✅") and "동작이 달라진다." in question.answer  # no `\-`
    body = "\n".join(section.body for section in post.sections)
    assert "할까요" not in body and "다음 문단." in body  # not also left in the body, where the post printed it twice


@pytest.mark.parametrize("fmt, body", [
    ("markdown", "## 잘했던 것\n\n- 과제 해설 시간에 data augmentation에 대해 질문하였다. 직관적인 것은 넣으라는 답변을 받았다.\n"
                 "- 수업 시간에 적극적으로 질문했다.\n- 조교님께 질문하지 못했다.\n"),
    ("markdown", "## 잘했던 것\n\n과제 해설 시간에 data augmentation에 대해 질문하였다. 직관적인 것은 넣으라는 답변을 받았다.\n\n"
                 "수업 시간에 적극적으로 질문했다.\n"),
    ("text", "* 잘했던 것\n과제 해설 시간에 data augmentation에 대해 질문하였다. 직관적인 것은 넣으라는 답변을 받았다.\n\n"
             "수업 시간에 적극적으로 질문했다.\n"),
], ids=["list-item", "paragraph", "plain-text"])
def test_a_reported_question_is_asked_about_its_object_and_answered_by_the_rest(fmt, body):
    post, _ = parse_post(("# [week3] 회고\n\n" if fmt == "markdown" else "[week3] 회고\n\n") + body, fmt)
    assert [(q.title, q.answer) for q in post.questions] == [
        ("과제 해설 시간에 data augmentation에 대해 질문하였다.", "직관적인 것은 넣으라는 답변을 받았다.")]
    assert "적극적으로 질문했다" in post.sections[-1].body  # the text stays where it was written


def test_a_quote_that_asks_is_a_question_answered_by_the_rest_of_the_quote():
    post, _ = parse_post("# [week3] 회고\n\n## 피어세션\n\n> 왜 BN은 학습을 빠르게 하나요?\n> 내부 공변량 변화를 줄인다고 한다.\n>\n"
                         "> 2*64 = 128\n\n> 인용한 문장일 뿐이다.\n", "markdown")
    assert [(q.title, q.answer) for q in post.questions] == [
        ("왜 BN은 학습을 빠르게 하나요?", "내부 공변량 변화를 줄인다고 한다.\n\n2*64 = 128")]
    assert post.sections[-1].body.startswith("> 왜 BN은")  # the quote stays where it was written
