"""Where the shared inputs are: ../shared beside the checkout (as CI lays it), or one folder higher for a
checkout inside a folder of worktrees. Tests that read it skip or fail by their own rules when it is absent."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((up / "shared" for up in (ROOT.parent, ROOT.parent.parent) if (up / "shared").is_dir()), ROOT.parent / "shared")
