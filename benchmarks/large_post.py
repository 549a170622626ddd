"""A large blog post, generated deterministically, in the shapes `studylog import` reads: Markdown with
YAML front matter (weeks of sections at three heading levels, nested and ordered lists, links, images,
code blocks also inside list items, GFM tables, `$…$`/`$$…$$` math, quotes, Q&A as `Q1.`/`A1.`,
`Q [이름]님 :`/`A :`, `질문 :`/`답 :`, question headings, Further-Questions lists and 더보기 folds),
the same post as Tistory HTML, and as the plain text of a copied Tistory page.

    markdown_post(size_bytes), html_post(size_bytes), text_post(size_bytes) -> str (about size_bytes of UTF-8)
"""

from __future__ import annotations

import random

KOREAN = (
    "배치정규화 경사하강법 합성곱 풀링 드롭아웃 과적합 정규화 손실함수 역전파 학습률 모델 구현 논문 파라미터 연산량 "
    "보조분류기 소프트맥스 교차엔트로피 가중치 편향 채널 필터 커널 이미지 분류 검출 분할 과제 복습 실험 데이터"
).split()
ENGLISH = "batch normalization gradient convolution attention transformer residual softmax kernel stride".split()
TOPICS = ("ResNet", "ViT", "LSTM", "GoogLeNet", "EfficientNet", "Transformer", "GAN", "CLIP", "YOLO", "BERT")


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(KOREAN if rng.random() < 0.7 else ENGLISH) for _ in range(n))


def _sentence(rng: random.Random) -> str:
    extras = (f" `{rng.choice(ENGLISH)}()`", r" $\sqrt{d_k}$", f" {rng.randint(1, 512)}*3*3*{rng.randint(1, 512)}", "")
    return _words(rng, rng.randint(8, 20)) + rng.choice(extras) + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def _week(rng: random.Random, w: int) -> str:
    """One week's worth of sections, about 6 KB; question titles carry w so that none repeats."""
    topic, url = rng.choice(TOPICS), f"https://example.com/w{w}"
    days = []
    for d in range(1, 4):
        days.append(
            f"### Day {d}: {topic} {_words(rng, 2)}\n\n{_paragraph(rng)}\n\n"
            f"- {_sentence(rng)} [강의 노트]({url}/d{d}) 와 [코드](https://github.com/camper/w{w}/blob/main/d{d}.py)\n"
            f"  1. {_sentence(rng)}\n  2. {_sentence(rng)}\n\n"
            f"     ```python\n     def forward(self, x):\n         return self.conv{d}(x) * {w}\n     ```\n"
            f"- ![{topic} 그림]({url}/d{d}.png)\n  - {_sentence(rng)}\n\n"
        )
    return (
        f"## {w}주차 학습 내용 정리\n\n{_paragraph(rng)}\n\n" + "".join(days)
        + f"| 모델 | params | GMACs |\n|---|---:|---:|\n| {topic}-{w} | {rng.randint(10**6, 10**8):,} | {rng.random() * 10:.3f} |\n"
        f"| baseline | {rng.randint(10**6, 10**8):,} | {rng.random() * 10:.3f} |\n\n"
        f"$$\n\\mathcal{{L}}_{{{w}}} = -\\sum_{{i}} y_i \\log \\hat{{y}}_i + \\lambda \\|W\\|_2^2\n$$\n\n"
        f"> {_sentence(rng)} `__init__` 192*1*1*64\n\n"
        f"```python\nimport torch\n\nx = torch.randn({w}, 3, 224, 224)\nprint(x.shape)  # {_words(rng, 3)}\n```\n\n"
        f"## {w}주차 피어세션 정리\n\n"
        f"Q1. {w}주차 {topic}에서 {_words(rng, 3)}는 왜 필요한가요?\n\nA1. {_paragraph(rng)}\n\n"
        f"Q [캠퍼{w % 7}]님 : {w}주차 {_words(rng, 4)}은 어떻게 계산하나요?\n\nA : {_paragraph(rng)}\n\n"
        f"질문 : {w}주차 {_words(rng, 3)}의 차이는 무엇인가요?\n\n답 : {_paragraph(rng)}\n\n"
        f"Q3. {w}주차 {_words(rng, 3)}를 쓰면 무엇이 좋아지나요?\n\n<details>\n<summary>더보기</summary>\n\n{_paragraph(rng)}\n\n</details>\n\n"
        f"- Further Questions\n  - {w}주차 {_words(rng, 4)}는 무엇일까요?\n  - {w}주차 {_words(rng, 3)}를 어떻게 구현할까요?\n\n"
        f"### Q2) {w}주차 {topic}란?\n\n{_paragraph(rng)}\n\n"
        f"## {w}주차 회고\n\n### Keep\n\n- {_sentence(rng)}\n- {_sentence(rng)}\n\n"
        f"### Problem\n\n- {_sentence(rng)}\n\n### Try\n\n- {_sentence(rng)}\n\n---\n\n"
    )


def _weeks(size_bytes: int, seed: int) -> list[str]:
    rng, out, total, w = random.Random(seed), [], 0, 1
    while total < size_bytes:
        out.append(_week(rng, w))
        total += len(out[-1].encode())
        w += 1
    return out


def markdown_post(size_bytes: int, seed: int = 11) -> str:
    """A Jekyll-style post of about size_bytes: YAML front matter naming week 4, then generated weeks."""
    front = '---\ntitle: "[네이버 부스트캠프 AI Tech] 4주차 회고"\ndate: 2024-05-03\ntags: [회고, 부캠]\ncategories: [AI Tech]\n---\n\n'
    return front + "".join(_weeks(size_bytes - len(front), seed))


def html_post(size_bytes: int, seed: int = 11) -> str:
    """The Markdown post's weeks rendered by markdown-it-py (CommonMark + tables), as a Tistory page body."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    head = "<h1>[week4] 4주차 회고</h1>\n<p>by 캠퍼 2024. 5. 3.</p>\n"
    # rendering grows the text by about a fifth: ask for less Markdown
    return head + "".join(md.render(week) for week in _weeks(int(size_bytes * 0.8), seed))


def text_post(size_bytes: int, seed: int = 11) -> str:
    """The plain text of a copied Tistory page: the `[week4]` title and date, `* ` headings, `- `
    subheadings, paragraphs, `Q1.` questions with their answers after 더보기, Python code, link lines."""
    rng, parts, total, w = random.Random(seed), ["ABOUT ME\n\n[week4] 4주차 회고\n\nAI Tech 2024. 5. 3. 21:10\n\n"], 0, 1
    while total < size_bytes:
        part = (
            f"* {w}주차 학습 내용\n\n{_paragraph(rng)}\n\n- Day {w} {rng.choice(TOPICS)}\n\n{_paragraph(rng)}\n\n"
            f"def forward_{w}(self, x):\n    return self.conv(x)\n\n"
            f"2024.05.{w % 28 + 1:02} - [AI Tech] - {w}주차 {_words(rng, 3)}\n\n"
            f"* {w}주차 피어세션\n\nQ1. {w}주차 {_words(rng, 3)}는 왜 필요한가요?\n\n더보기\n\n{_paragraph(rng)}\n\n"
            f"< {w}주차 회고 >\n\n{_paragraph(rng)}\n\n"
        )
        parts.append(part)
        total += len(part.encode())
        w += 1
    return "".join(parts) + "AI Tech 카테고리의 다른 글\n\n댓글 0\n"
