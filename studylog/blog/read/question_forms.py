"""How campers write a question and its answer, as patterns over a paragraph's (or heading's) text.

Labelled: `Q.`, `Q1.`, `Q:`, `Q1)`, `Q [이름]님 :`, `질문 :`, `Question :` (answers `A.`, `A:`, `A :`,
`답:`, `답변:`, `Answer:`, also on the question's next line). Unlabelled, a line that reads as a question: it
ends in `?` (a `…?` aside such as `이러겠지..?` or `…? 라는 생각`, or a plan to oneself such as `해볼까?`, is not one), a `…란?` topic, or in a peer session a topic
phrased as one (`…인지`, `…하는 이유`, `A vs B`, `…의 차이`). Reported: a first sentence saying what was
asked (`과제 해설 시간에 data augmentation에 대해 질문하였다.`, `…를 여쭤보았다.`), answered by the rest of the
paragraph (`…라는 답변을 받았다`). The asker (`[캠퍼A]님`, `([캠퍼B]님)`) is split off the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUESTION_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:Q\s*\d*\s*(?P<who>(?:\[[^\]\n]{1,30}\]|[^\s:\]\n]{1,20})\s*님)?\s*[.):：]|질문\s*\d*\s*[:：.]|Question\s*\d*\s*[:.])(?:\*\*)?\s*",
    re.IGNORECASE,
)
ANSWER_LABEL = re.compile(r"^\s*(?:\*\*)?(?:A\s*\d*\s*[.):：]|답변?\s*[:：]|Answer\s*[:.])(?:\*\*)?\s*", re.IGNORECASE)
ASKER_SUFFIX = re.compile(r"\s*\(\s*(?P<who>\[?[^()\[\]\n]{1,30}\]?)\s*님\s*\)\s*$")
# Not a question asked: a `…?` aside (`이러겠지..?`, `…? 라는 생각`), or talking to oneself about what to try
# next (`다음주엔 어떤 문제로 해볼까?`, `적어볼까?`: the volitional -아/어 볼까).
ASIDE = re.compile(r"\.\.+\?|\?\s*(?:라는|라고|하는|하며|하고)\b|\?\s*\)|볼까\s*\?+\s*$")
ENDS_ASKING = re.compile(r"\S\s+\S+\?(?:[\s\"'”)]*$|\s+\S)")
TOPIC_ENDINGS = re.compile(r"(?:란|이란)\s*\??\s*$|(?:인지|는지|은지|을지|할까|일까|까요)\s*\??$|(?:이유|차이|차이점|다른 점)\s*$|\S\s+vs\.?\s+\S", re.IGNORECASE)
TRAILING = re.compile(
    r"\s*(?:\(TODO\)|\[\[[A-Z]+\]\]\([^)]*\)|\[[^\]]*\]\([^)]*\)|\(https?://[^)\s]*\)|\[[A-Z]+\]|<br\s*/?>|\*\*|__)\s*$",
    re.IGNORECASE,
)
# A sentence reporting a question about something: its object (`…에 대해`, `…를`) and an affirmative past verb,
# so that `적극적으로 질문했다` (asked a lot) and `질문하지 못했다` are not questions asked.
REPORTED = re.compile(
    r"(?:에\s*(?:대해|관해)(?:서)?|[을를])\s+(?:[^\s.]+\s+){0,2}?(?:질문(?:을)?\s*(?:하였|했|드렸)|여쭤\s*(?:보았|봤))(?:습니)?다[.!]*$"
)
FIRST_SENTENCE = re.compile(r"^(.+?[.!])(?:\s+|$)")
TOPIC_KINDS = frozenset({"peer_session", "special_peer_session", "mentoring"})  # sections where topics are asked
NUMBERING = re.compile(r"^\s*\d+[.)]\s+")
CITED = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+[*_]{1,3}[^*_\n]+\?[*_]{1,3}")


@dataclass(frozen=True)
class Asked:
    """A recognised question: its title (one line) and who asked it."""

    title: str
    asker: str = ""


def _clean(line: str) -> str:
    text = NUMBERING.sub("", line.strip())
    while (shorter := TRAILING.sub("", text)) != text:
        text = shorter
    return text.strip()


def _split_asker(title: str, asker: str = "") -> Asked:
    match = ASKER_SUFFIX.search(title)
    if match and not asker:
        asker, title = match["who"], title[: match.start()]
    return Asked(title.strip(), asker.strip().strip("[]"))


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    return not re.search(r"[가-힣]", text) and len(words) >= 4 and len(words) * 2 > len(text.split()) and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3


def labelled_question(text: str) -> tuple[Asked, str] | None:
    """(the question, the rest of the paragraph after its first line) when text starts with a Q label."""
    match = QUESTION_LABEL.match(text)
    if not match:
        return None
    first, _, rest = text[match.end():].partition("\n")
    who = (match["who"] or "").removesuffix("님").strip() if "who" in match.groupdict() else ""
    return _split_asker(_clean(first), who), rest


def reported_question(text: str) -> tuple[Asked, str] | None:
    """(the question, the rest of the paragraph as its answer) when the paragraph's first sentence reports a question
    asked about something (`…에 대해 질문하였다.`), else None."""
    first_line = text.split("\n", 1)[0]
    sentence = FIRST_SENTENCE.match(first_line.strip())
    said = sentence[1] if sentence else first_line.strip()
    if len(said) > 200 or not REPORTED.search(said):
        return None
    return _split_asker(_clean(said)), text.strip()[len(said):].strip()


def answer_line(text: str, label: re.Pattern = ANSWER_LABEL) -> int | None:
    """The index of the first line of text that starts with an A label (`Q: …` then `A: …` on the next line
    is one paragraph), else None."""
    return next((k for k, line in enumerate(text.split("\n")) if label.match(line)), None)


def answer_text(text: str) -> str | None:
    """The answer without its label when text starts with an A label, else None."""
    match = ANSWER_LABEL.match(text)
    return text[match.end():] if match else None


def reads_as_question(line: str, *, topics: bool = False) -> Asked | None:
    """The question a line asks, if it reads as one; topics admits peer-session topics (`…인지`, `A vs B`)."""
    text = _clean(line.split("\n", 1)[0])
    if not text or len(text) > 300 or ASIDE.search(text):
        return None
    asked = _split_asker(text)
    if _title_case(asked.title):
        return None  # a paper's title (`Do Vision Transformers See Like …?`), not a question asked
    if ENDS_ASKING.search(asked.title) or (topics and TOPIC_ENDINGS.search(asked.title)) or re.search(r"(?:란|이란)\s*\?\s*$", asked.title):
        return asked
    return None
