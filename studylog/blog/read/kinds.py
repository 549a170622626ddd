"""A section's kind guessed from its whole title, for posts written without studylog's markers.

The title is first stripped of what does not name the part (emoji and :shortcodes:, numbering,
`N주차`/`DayNN`, a trailing 정리/내용/후기), then must *be* one of a kind's phrases: `피어세션 정리` is
a peer session, `스타트와 링크` (a problem's name) is not study links.
"""

from __future__ import annotations

import re

from studylog.journal.kinds import KIND_NAMES

KIND_TITLES = (
    ("special_peer_session", r"스[페폐]셜\s*피어\s*세션|special peer session"),
    ("peer_session", r"(?:팀\s*)?피어\s*세션(?:\s*회의록)?|peer session|q\s*&\s*a|qna(?: with \w+)?|질문(?:\s*토론|\s*내용|\s*답변)?|토의(?:\s*내용)?|질의\s*응답"),
    ("special_session", r"스페셜\s*세션|특강|special session|마스터\s*(?:클래스|세션)"),
    ("mentoring", r"(?:주간\s*|팀\s*)?멘토링|mentoring|오피스\s*아워|office hours?"),
    ("reflection", r"(?:주간\s*|학습\s*|개인\s*|팀\s*|한\s*주\s*)?회고(?:록)?|weekly review|retrospective|느낀\s*점|소감|짧은\s*소감|"
                   r"kpt"),
    ("keep", r"(?:잘했던|좋았던|계속할)\s*(?:것|점).*"),
    ("problem", r"(?:잘못했던|아쉬운|부족한)\s*(?:것|점).*"),
    ("try", r"(?:도전할|시도할)\s*(?:것|점).*"),
    ("progress", r"진행한\s*(?:것|내용)|한\s*일|progress|학습\s*내용|주간\s*학습(?:\s*정리)?|공부한\s*것.*|깨달은\s*것|깨달은\s*내용"),
    ("weekend_plan", r"주말\s*계획|weekend(?: plan)?"),
    ("next_week_plan", r"다음\s*주\s*(?:계획|목표)?|next week(?: plan)?"),
    ("goals", r"(?:이번\s*주\s*|주간\s*)?목표|goals?|to ?do"),
    ("study_links", r"(?:공부|학습)?\s*(?:내용\s*)?(?:참고\s*)?링크|(?:study |useful )?links|참고\s*(?:자료|문헌)|references?"),
    ("curriculum", r"(?:주차별\s*)?(?:학습\s*내용\s*)?목차\.?|커리큘럼|curriculum|contents"),
)
_COMPILED = tuple((kind, re.compile(rf"(?:{pattern})", re.IGNORECASE)) for kind, pattern in KIND_TITLES)
NOISE = re.compile(
    r":[a-z_]+:|[^\w\s&.,/()-]|\b\d+\s*주차\b|\bday\s*\d+\b|\bweek\s*\d+\b|^\s*\d+[.)]\s*|\s*\([^)]*\)\s*$|\s*(?:정리|내용\s*정리|후기|진행)\.?\s*$",
    re.IGNORECASE,
)
# KPT and 4L headings name their part as a word of its own: `Try`, `T (Try)`, `Longed for:`; never `retry`.
RETRO_WORDS = (
    ("longed_for", r"longed\s+for"), ("liked", "liked"), ("learned", "learned"), ("lacked", "lacked"),
    ("keep", "keep"), ("problem", "problems?"), ("try", "try"),
)
BY_NAME = {name.casefold(): kind for kind, name in KIND_NAMES.items()}


def normalise_title(title: str) -> str:
    """The title without emoji, numbering, week/day names and a trailing 정리."""
    text = title
    for _ in range(2):
        text = " ".join(NOISE.sub(" ", text).split())
    return text.strip(" .,-")


def guess_kind(title: str, default: str = "note") -> str:
    """The kind whose readable name the title is (`< 목표 >`, `Keep`), else the KPT/4L part it names as a
    word of its own (`T (Try)`), else the kind whose phrases the whole (normalised) title is, else default."""
    lowered = title.casefold()
    if exact := BY_NAME.get(lowered.strip("<>[]():*# ")):
        return exact
    if retro := next((kind for kind, word in RETRO_WORDS if re.search(rf"\b{word}\b", lowered)), None):
        return retro
    text = normalise_title(title)
    return next((kind for kind, pattern in _COMPILED if pattern.fullmatch(text)), default)
