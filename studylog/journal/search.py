"""Full-text search over sections and questions that works for Korean.

Terms of three or more characters go through the FTS5 trigram index; shorter ones (a
two-syllable Korean word such as 멘토) match nothing there, so they are matched with LIKE.
Queries are NFC-normalised like the stored text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import text

from studylog.store.database import Database
from studylog.store.text import nfc

SNIPPET_RADIUS = 30  # terminal cells each side of a match


@dataclass(frozen=True)
class SearchHit:
    """A section or question containing every term of the query."""

    kind: str  # "section" | "question"
    id: int
    week_number: int | None
    title: str
    snippet: str
    match_start: int  # offset of the first term in snippet, for highlighting
    match_length: int

    @property
    def where(self) -> str:
        """`week 4 · section · 짧은 소감`: the line that heads the hit in a list of results."""
        week = f"week {self.week_number}" if self.week_number is not None else "no week"
        return f"{week} · {self.kind} · {self.title or '(untitled)'}"

    def parts(self) -> tuple[str, str, str]:
        """The snippet split around the match (before, match, after), so each display can mark the match."""
        end = self.match_start + self.match_length
        return self.snippet[: self.match_start], self.snippet[self.match_start : end], self.snippet[end:]


TARGETS = {
    "section": ("section", "section_fts", "t.title || char(10) || t.body", "t.title"),
    "question": ("question", "question_fts", "t.title || char(10) || t.question || char(10) || t.answer", "t.title"),
}


def _quote_fts(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _escape_like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _cells(char: str) -> int:
    """Terminal cells a character takes: Hangul and other wide characters take two."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _snippet(content: str, term: str) -> tuple[str, int]:
    """The text around the first match, SNIPPET_RADIUS terminal cells each side, and where the match starts."""
    flat = " ".join(content.split())
    at = flat.lower().find(term.lower())
    start, budget = at, SNIPPET_RADIUS
    while start > 0 and _cells(flat[start - 1]) <= budget:
        start -= 1
        budget -= _cells(flat[start])
    end, budget = at + len(term), SNIPPET_RADIUS
    while end < len(flat) and _cells(flat[end]) <= budget:
        budget -= _cells(flat[end])
        end += 1
    prefix = "…" if start else ""
    return prefix + flat[start:end] + ("…" if end < len(flat) else ""), at - start + len(prefix)


def search(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Sections and questions containing every whitespace-separated term of query."""
    terms = nfc(query).split()
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    hits: list[SearchHit] = []
    with db.reading() as conn:  # a damaged file is one line (database_errors), not a traceback
        for kind, (table, fts, content, title) in TARGETS.items():
            where, params = [], {"limit": limit}
            if long_terms:
                where.append(f"t.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH :match)")
                params["match"] = " AND ".join(_quote_fts(t) for t in long_terms)
            for i, term in enumerate(short_terms):
                where.append(f"({content}) LIKE :like{i} ESCAPE '\\'")
                params[f"like{i}"] = _escape_like(term)
            sql = (
                f"SELECT t.id, w.number, {title}, {content} FROM {table} t LEFT JOIN week w ON w.id = t.week_id "
                f"WHERE {' AND '.join(where)} ORDER BY w.number, t.position, t.id LIMIT :limit"
            )
            for row_id, week_number, row_title, row_content in conn.execute(text(sql), params):
                snippet, at = _snippet(row_content, terms[0])
                hits.append(SearchHit(kind, row_id, week_number, row_title, snippet, at, len(terms[0])))
    return hits[:limit]
