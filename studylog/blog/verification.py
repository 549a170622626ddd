"""A question's verification as post blocks a reader can read: per check, how its newest run ended (device,
torch and torchvision versions, date), its claims as a table (claim, computed, expected or printed, verdict),
an audited paper table in the check's row order, then every document cited, once each, numbered.
"""

from __future__ import annotations

import re

from studylog.blog.blocks import Item, Items, Prose, Table
from studylog.blog.plain_markdown import escape_line, one_line
from studylog.checks.display import CitedDocuments, cited, format_computed_briefly, format_expected, held_hypotheses
from studylog.checks.paper_tables import PaperTable, regroup
from studylog.checks.views import ClaimView, RunView

VERDICT_MARKS = {"holds": "✓", "matches": "✓", "fails": "✗", "differs": "✗", "reported": "·"}
STALE_NOTE = "stale: the check changed since this run"
CLAIM_HEADER = ("claim", "computed", "expected or printed", "verdict")
ARXIV = re.compile(r"arXiv:(\d{4}\.\d{4,5}(?:v\d+)?)")
URL = re.compile(r"https?://\S+")


def run_line(run: RunView) -> str:
    """`검증 inception-3a-weights: passed · cpu (…) · torch 2.14.1 · torchvision 0.29.1 · 2025-06-01`."""
    parts = (
        run.status,
        f"{run.device} ({run.device_name})" if run.device_name and run.device_name != run.device else run.device,
        f"torch {run.torch_version}" if run.torch_version else "",
        f"torchvision {run.torchvision_version}" if run.torchvision_version else "",
        f"{run.started_at:%Y-%m-%d}",
        STALE_NOTE if run.stale else "",
    )
    return f"검증 {run.check_id}: " + " · ".join(part for part in parts if part)


class References(CitedDocuments):
    """The documents a question's claims cite, numbered in the order first cited, as post blocks."""

    def blocks(self) -> list:
        """The numbered list of documents, each linked where it names an arXiv id or a URL."""
        if not self.numbers:
            return []
        return [Items(tuple(Item(document, document_url(document)) for document in self.numbers), numbered=True)]


def document_url(document: str) -> str:
    """The page of a cited document: its arXiv abstract, or the URL it names; "" when it names neither."""
    if arxiv := ARXIV.search(document):
        return f"https://arxiv.org/abs/{arxiv[1]}"
    url = URL.search(document)
    return url[0].rstrip(".,;)") if url else ""


def verdict_cell(claim: ClaimView) -> str:
    return f"{VERDICT_MARKS.get(claim.verdict, '?')} {claim.verdict}"


def claims_table(claims: tuple[ClaimView, ...], references: References) -> Table:
    rows = tuple(
        (claim.label + references.mark(claim), format_computed_briefly(claim, "; "), format_expected(claim), verdict_cell(claim))
        for claim in claims
    )
    return Table(CLAIM_HEADER, tuple(tuple(one_line(cell) for cell in row) for row in rows))


def paper_cell(claim: ClaimView) -> str:
    """`✓ 114,688 / 112K (K = 1024)`: the computed value and, where it reads differently, the printed one; for
    a one_of claim, the printed value and the explanations that reproduce it (`✓ 1.8 × 10^9 ← A: 1,814,…`)."""
    mark, printed = VERDICT_MARKS.get(claim.verdict, "?"), format_expected(claim)
    if claim.hypotheses is not None:
        reproducing = held_hypotheses(claim)
        return one_line(f"{mark} {printed} ← " + "; ".join(reproducing) if reproducing
                        else f"{mark} {printed}: none of {len(claim.hypotheses)} explanations reproduces it")
    computed = format_computed_briefly(claim, "; ")
    return one_line(f"{mark} {computed if printed in (computed, '—') else f'{computed} / {printed}'}")


def paper_table(table: PaperTable, references: References) -> list:
    """A caption naming the table and its document's number, then the table row by row."""
    number = references.number(table.document)
    caption = f"{table.place} [{number}], row by row: computed / as printed (✓ agrees, ✗ does not)"
    columns = table.columns
    rows = tuple(
        (row, *(paper_cell(cells[column]) if column in cells else "" for column in columns))
        for row, cells in table.cells.items()
    )
    header = (table.place, *(table.column_label(column) for column in columns))
    return [Prose(escape_line(caption)), Table(tuple(map(one_line, header)), rows)]


def run_blocks(run: RunView, references: References) -> list:
    """One run: its line, its claims (paper tables and claim tables in the order stated), the error if any."""
    blocks: list = [Prose(escape_line(run_line(run)))]
    for group in regroup(run.claims):
        blocks += paper_table(group, references) if isinstance(group, PaperTable) else [claims_table(group.claims, references)]
    if run.message.strip():
        blocks.append(Prose(escape_line(one_line(run.message.strip().split("\n")[-1]))))
    return blocks


def verification_blocks(runs: list[RunView]) -> list:
    """Blocks for a question's check runs, then the documents their claims cite, once each, numbered."""
    references = References()
    blocks = [block for run in runs for block in run_blocks(run, references)]
    return blocks + references.blocks()
