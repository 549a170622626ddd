"""A question's verification as post blocks: per check, how its newest run ended, on which device,
torch version and date, then every claim with its computed and expected values and verdict."""

from __future__ import annotations

from studylog.blog.blocks import Item, Items, Prose
from studylog.blog.plain_markdown import escape_line
from studylog.checks.display import format_computed, format_expected
from studylog.checks.views import ClaimView, RunView

VERDICT_MARKS = {"holds": "✓", "matches": "✓", "fails": "✗", "differs": "✗", "reported": "·"}
STALE_NOTE = "stale: the check changed since this run"


def run_line(run: RunView) -> str:
    """`검증 inception-3a-weights: passed · cpu (…) · torch 2.14.1 · 2025-06-01`."""
    parts = (
        run.status,
        f"{run.device} ({run.device_name})" if run.device_name and run.device_name != run.device else run.device,
        f"torch {run.torch_version}" if run.torch_version else "",
        f"torchvision {run.torchvision_version}" if run.torchvision_version else "",
        f"{run.started_at:%Y-%m-%d}",
        STALE_NOTE if run.stale else "",
    )
    return f"검증 {run.check_id}: " + " · ".join(part for part in parts if part)


def claim_line(claim: ClaimView) -> str:
    """`✓ weights in inception (3a): computed 163,328, expected 163,328 (equals exactly): holds [citation]`."""
    expected = "" if claim.rule.get("kind") == "report" else f", expected {format_expected(claim)}"
    cited = f" [{claim.citation}]" if claim.citation else ""
    return (
        f"{VERDICT_MARKS.get(claim.verdict, '?')} {claim.label}: computed {format_computed(claim)}{expected}"
        f" ({claim.rule_text}): {claim.verdict}{cited}"
    )


def verification_blocks(runs: list[RunView]) -> list:
    """Blocks for a question's check runs: one line per run, its claims (and error) as a list."""
    blocks: list = []
    for run in runs:
        blocks.append(Prose(escape_line(run_line(run))))
        items = [Item(claim_line(claim)) for claim in run.claims]
        if run.message.strip():
            items.append(Item(run.message.strip().split("\n")[-1]))
        if items:
            blocks.append(Items(tuple(items)))
    return blocks
