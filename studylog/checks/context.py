"""The `ctx` a check receives: the device this run uses, and the claims it states."""

from __future__ import annotations

from collections.abc import Callable

from studylog.checks.claims import Claim, plain
from studylog.checks.views import ClaimView


class CheckContext:
    """Collects a check's claims as they are made, passing each to `on_claim` (the runner streams them out)."""

    def __init__(self, device: str, on_claim: Callable[[ClaimView], None] = lambda record: None):
        self.device = device
        self.claims: list[ClaimView] = []
        self._on_claim = on_claim

    def _record(self, record: ClaimView) -> None:
        self.claims.append(record)
        self._on_claim(record)

    def claim(self, label: str, value, *, asserted: bool = True, citation: str = "") -> Claim:
        """State `value` under `label`; the rule method called next (equals, rounds_to, ...) evaluates it.

        asserted=False makes it an audit (matches/differs) that never fails the check; `citation` names
        where a value that is not a ref() comes from (e.g. torchvision's weights metadata).
        """
        return Claim(self._record, label, value, asserted=asserted, citation=citation)

    def report(self, label: str, value, *, unit: str = "") -> None:
        """State a measured value (a latency, a rate) that nothing is compared with."""
        rule = {"kind": "report", "unit": unit} if unit else {"kind": "report"}
        self._record(ClaimView(label, plain(value), None, rule, "reported", False, ""))

    @property
    def failed(self) -> bool:
        """Whether an asserted claim failed."""
        return any(c.asserted and c.verdict == "fails" for c in self.claims)
