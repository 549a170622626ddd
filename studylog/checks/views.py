"""Plain views of claims and check runs (no ORM objects): what a check states, and what the CLI, the TUI,
the blog and the quiz read back."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from studylog.checks import rules


@dataclass(frozen=True)
class ClaimView:
    """One evaluated claim, as a check states it and as a run stores it. computed/expected are JSON values;
    rule is the rule's JSON (see rules.py)."""

    label: str
    computed: object
    expected: object
    rule: dict
    verdict: str  # holds | fails (asserted) · matches | differs (compare) · reported
    asserted: bool
    citation: str

    def to_json(self) -> dict:
        """The claim's fields as plain JSON (how a check's process sends it to the runner)."""
        return asdict(self)

    @property
    def rule_text(self) -> str:
        """The rule in words."""
        return rules.describe(self.rule)

    @property
    def hypotheses(self) -> dict[str, bool] | None:
        """For a one_of claim, whether each hypothesis holds; None for other rules."""
        if self.rule.get("kind") != "one_of":
            return None
        return rules.hypothesis_verdicts(self.rule, self.computed, self.expected)


NOT_CACHED = "not cached: "  # starts the line of a run's message that says why its result is not cached


@dataclass(frozen=True)
class RunView:
    """One run of one check: where it ran, how it ended, and its claims.

    stale: the check's code or reference data changed since this run. cached: this run was not
    executed now but served from the cache by the verify that returned it.
    """

    check_id: str
    question_slug: str
    status: str  # passed | failed | error | timeout
    device: str
    device_name: str
    torch_version: str
    torchvision_version: str
    started_at: datetime
    duration_s: float
    message: str
    claims: tuple[ClaimView, ...]
    code_hash: str = ""
    cache_key: str = ""
    run_id: int | None = None
    stale: bool = False
    cached: bool = False

    @property
    def not_cached_because(self) -> str:
        """Why this result was not cached (it changed torch, a local module failed to import), or ""."""
        return next((line[len(NOT_CACHED):] for line in self.message.splitlines() if line.startswith(NOT_CACHED)), "")

    @property
    def audit_only(self) -> bool:
        """It passed stating only audits (compare) and reports: nothing in it could have failed."""
        return self.status == "passed" and not any(claim.asserted for claim in self.claims)
