"""Run one snapshot test many times in a row, each in a fresh pytest process, on a loaded
machine, and count the passes (issue 12: the 120x40 Notes snapshot must pass 20 in a row).

    python benchmarks/snapshot_runs.py [--runs 20] [--load 2] [--test NODEID]

`--load N` keeps N busy processes spinning beside the runs (on top of whatever else the
machine is doing), because the flakiness showed only when the app was slow to lay out.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTES_SNAPSHOT = "tests/test_tui.py::test_snapshot_notes_120x40"


def spin(seconds: float) -> None:
    """Burn one core until the time is up (bounded, so a crashed parent leaves nothing)."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        sum(i * i for i in range(10_000))


def run_once(test: str) -> tuple[bool, float, str]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", test],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    lines = done.stdout.strip().splitlines()
    return done.returncode == 0, time.monotonic() - started, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--load", type=int, default=2, help="busy processes beside the runs")
    parser.add_argument("--test", default=NOTES_SNAPSHOT)
    args = parser.parse_args()
    loaders = [
        multiprocessing.Process(target=spin, args=(60.0 * args.runs,), daemon=True)
        for _ in range(args.load)
    ]
    for loader in loaders:
        loader.start()
    passed = 0
    try:
        for number in range(1, args.runs + 1):
            ok, seconds, summary = run_once(args.test)
            passed += ok
            verdict = "pass" if ok else "FAIL"
            print(f"run {number:2} {verdict} {seconds:5.1f} s  {summary}", flush=True)
    finally:
        for loader in loaders:
            loader.terminate()
            loader.join()
    load = os.getloadavg()[0]
    print(f"{args.test}: {passed}/{args.runs} passed, {args.load} busy processes beside it")
    print(f"load average at the end: {load:.1f} on {os.cpu_count()} cores")
    sys.exit(0 if passed == args.runs else 1)


if __name__ == "__main__":
    main()
