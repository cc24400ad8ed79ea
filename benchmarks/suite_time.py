"""Wall time of the default test run (`pytest`), at a base revision and on the working tree.

    python benchmarks/suite_time.py --base d5b7d82 [--runs 3]

The base revision is exported with `git archive` into a temporary folder and run with that
folder first on the import path, so both runs use this virtualenv's packages (each with its
own pyproject: the tree's default run spreads over the cores with pytest-xdist, the base's
ran in one process). The two take turns (base, tree, base, tree, ...), each with the whole
machine as a developer running `pytest` has it; run side by side, the base's one process
would take a core from the tree's workers and the ratio would measure the contention, not
the suite. The script prints each run and the median of each figure: wall time, what a
developer waits (issue 12 asks 30 % less), and CPU time, which a shared machine's load
barely moves. Taking turns pairs each base run with the tree run after it, so a change of
load during the session moves both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_pytest(tree: Path) -> tuple[subprocess.Popen[bytes], float]:
    """`pytest -q` in `tree`, started now."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider"]
    process = subprocess.Popen(
        command, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    return process, time.monotonic()


def finish(process: subprocess.Popen[bytes], started: float) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the run and every process it waited for) and pytest's
    last line, after the names of any failed tests (a failure can cost a timeout's wait)."""
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace").strip().splitlines()
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped above
    wall = time.monotonic() - started
    failed = [line for line in output if line.startswith("FAILED ")]
    summary = "\n".join([*failed, output[-1]] if output else failed)
    return wall, usage.ru_utime + usage.ru_stime, summary


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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    figures: dict[str, dict[str, list[float]]] = {
        "wall": {"base": [], "tree": []},
        "cpu": {"base": [], "tree": []},
    }
    with tempfile.TemporaryDirectory(prefix="writer-base-") as scratch:
        trees = {"base": export(args.base, Path(scratch)), "tree": ROOT}
        for run in range(args.runs):
            for name, tree in trees.items():
                wall, seconds, summary = finish(*start_pytest(tree))
                figures["wall"][name].append(wall)
                figures["cpu"][name].append(seconds)
                print(
                    f"run {run + 1} {name:<4} wall {wall:6.1f} s  cpu {seconds:6.1f} s  {summary}",
                    flush=True,
                )
    print(f"median of {args.runs} (base {args.base}, tree = working tree):")
    for what, by_tree in figures.items():
        middle = {name: statistics.median(values) for name, values in by_tree.items()}
        ratio = middle["tree"] / middle["base"]
        print(
            f"  {what:<4} base {middle['base']:6.1f} s  tree {middle['tree']:6.1f} s  "
            f"tree/base {ratio:.2f}  ({1 - ratio:.0%} less)"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end")


if __name__ == "__main__":
    main()
