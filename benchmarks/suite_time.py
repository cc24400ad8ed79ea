"""Wall time of the default test run (`pytest`), at a base revision and on the working tree.

    python benchmarks/suite_time.py --base d5b7d82 [--runs 1]

The base revision is exported with `git archive` into a temporary folder and run with that
folder first on the import path, so both runs use this virtualenv's packages. Runs alternate
(base, tree, base, tree...) so that a change in the machine's load hits both alike.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_pytest(tree: Path) -> tuple[float, str]:
    """Seconds for `pytest -q` in `tree`, and pytest's last line."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    return time.monotonic() - started, lines[-1] if lines else done.stderr[-200:]


def export(revision: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the revision to compare against")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="writer-base-") as scratch:
        base = export(args.base, Path(scratch))
        times: dict[str, list[float]] = {"base": [], "tree": []}
        for run in range(args.runs):
            for name, tree in (("base", base), ("tree", ROOT)):
                seconds, summary = timed_pytest(tree)
                times[name].append(seconds)
                print(f"run {run + 1} {name:<4} {seconds:7.1f} s   {summary}", flush=True)
    best = {name: min(values) for name, values in times.items()}
    saving = 1 - best["tree"] / best["base"]
    print(f"best of {args.runs}: base {best['base']:.1f} s, tree {best['tree']:.1f} s")
    print(f"the default run is {saving:.0%} faster")


if __name__ == "__main__":
    main()
