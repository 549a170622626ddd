"""`studylog verify` of the bundled bank, as whole processes: cold (fresh database) and cached, beside a bare
`python -c "import torch, torchvision"` measured in the same run, rounds interleaved so load drifts hit all three.

Targets: cold within 2x the bare import (checks must not each pay a torch import); cached under 0.5 s.

    .venv/bin/python benchmarks/verify_cold_vs_cached.py [--repeats 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STUDYLOG = [sys.executable, "-c", "from studylog.cli import main; main()"]


def timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process; it must succeed (exit 0: every asserted claim holds)."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="passed to verify --jobs (default: verify's own)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("STUDYLOG_DB", "STUDYLOG_CHECK_PATHS")}
    times: dict[str, list[float]] = {"import torch, torchvision": [], "verify, cold": [], "verify, cached": []}
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.repeats):
            db = Path(folder) / f"round{round_}.db"
            verify = [*STUDYLOG, "verify", "--db", str(db), *(["--jobs", str(args.jobs)] if args.jobs else [])]
            times["import torch, torchvision"].append(timed([sys.executable, "-c", "import torch, torchvision"], env))
            times["verify, cold"].append(timed(verify, env))
            times["verify, cached"].append(timed(verify, env))
    print(f"load average after:  {os.getloadavg()[0]:.2f}\n")
    bare = statistics.median(times["import torch, torchvision"])
    cold, cached = statistics.median(times["verify, cold"]), statistics.median(times["verify, cached"])
    print(f"{'process':<28}{'median s':>10}{'min s':>8}{'all runs':>28}")
    for name, runs in times.items():
        print(f"{name:<28}{statistics.median(runs):>10.2f}{min(runs):>8.2f}{'  ' + ' '.join(f'{t:.2f}' for t in runs):>28}")
    print()
    print(f"cold / bare import   = {cold / bare:.2f}x   target <= 2x   {'met' if cold <= 2 * bare else 'NOT met'}")
    print(f"cached               = {cached:.2f} s   target < 0.5 s  {'met' if cached < 0.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
