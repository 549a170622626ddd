"""`studylog verify` of the bundled pack, as whole processes: cold (fresh database) and cached, beside a bare
`python -c "import torch, torchvision"` measured in the same run, rounds interleaved so load drifts hit all three.

Targets: cold within the bare import + 20 s (checks must not each pay a torch import); cached at most 0.3 s.
Each round checks verify's summary line: the cold run computed every check, the cached one served all of them.

    .venv/bin/python benchmarks/verify_cold_vs_cached.py [--repeats 3] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STUDYLOG = [sys.executable, "-c", "from studylog.cli import main; main()"]


SUMMARY = re.compile(r"^(\d+) checks?: .* \((\d+) from the cache\)", re.MULTILINE)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Wall time and stdout of one whole process; it must succeed (exit 0: every asserted claim holds)."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def from_the_cache(stdout: str) -> tuple[int, int]:
    """(checks, checks served from the cache), read from verify's summary line."""
    match = SUMMARY.search(stdout)
    if match is None:
        raise SystemExit(f"no summary line in verify's output:\n{stdout[-2000:]}")
    return int(match[1]), int(match[2])


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
            times["import torch, torchvision"].append(timed([sys.executable, "-c", "import torch, torchvision"], env)[0])
            cold, cold_out = timed(verify, env)
            cached, cached_out = timed(verify, env)
            checks, served = from_the_cache(cached_out)
            if from_the_cache(cold_out)[1] != 0 or served != checks:
                raise SystemExit(f"round {round_}: the cold run must compute every check and the second serve all "
                                 f"{checks} from the cache; the second served {served}")
            times["verify, cold"].append(cold)
            times["verify, cached"].append(cached)
    print(f"load average after:  {os.getloadavg()[0]:.2f}\n")
    bare = statistics.median(times["import torch, torchvision"])
    cold, cached = statistics.median(times["verify, cold"]), statistics.median(times["verify, cached"])
    print(f"{'process':<28}{'median s':>10}{'min s':>8}{'all runs':>28}")
    for name, runs in times.items():
        print(f"{name:<28}{statistics.median(runs):>10.2f}{min(runs):>8.2f}{'  ' + ' '.join(f'{t:.2f}' for t in runs):>28}")
    print()
    print(f"checks               = {checks}")
    print(f"cold - bare import   = {cold - bare:.2f} s   target <= 20 s   {'met' if cold - bare <= 20 else 'NOT met'}"
          f"   (cold / bare = {cold / bare:.2f}x)")
    print(f"cached               = {cached:.2f} s   target <= 0.3 s  {'met' if cached <= 0.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
