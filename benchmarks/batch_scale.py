"""The offline batch at scale: 1,000 and 10,000 generated notes files (three interviewers
each) through `writer batch --backend offline`, each in a child process of its own.

Per run: the child's peak resident memory (VmHWM from its /proc/self/status at exit: it
starts afresh at exec, where getrusage's maxrss would carry the forking parent's size), its
CPU time (user + system, the child and its threads) and wall time per file. Printed:

- the 10,000/1,000 peak ratio (goal: at most 1.10: memory stays flat);
- the speed ratio per file against older revisions ("today"), each exported with
  `git archive` and run with the export first on PYTHONPATH (this virtualenv's packages),
  side by side with this tree on the same 1,000 files, so a busy machine slows both alike;
  compared on CPU time, which a shared machine's load barely moves (goal: at least 1.4);
- the floor: the same 1,000 files read, planned and drafted in one loop in one process,
  nothing written (the batch's ideal), as the batch's CPU time per file over it.

    python benchmarks/batch_scale.py [--old f0b4692 --old 6e887e8] [--pairs 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.generated import write_notes  # noqa: E402

NOW = "2026-11-21T09:00:00-05:00"
# main before this issue's batch work, and the revision before issue 18's first commit.
OLD = ["f0b4692", "6e887e8"]

# `writer` as `python -m writer` runs it, printing its peak resident memory at exit.
PEAK = """
import atexit, runpy, sys
atexit.register(lambda: print([l for l in open("/proc/self/status") if "VmHWM" in l][0]))
sys.argv[0] = "writer"
runpy.run_module("writer", run_name="__main__")
"""

# The floor: read, plan and draft each file in one loop, nothing written, no draft log.
IDEAL = """
import asyncio, resource, sys
from datetime import datetime
from pathlib import Path
from writer.backends import make_backend
from writer.batch import Batch
from writer.config import Settings
from writer.loader import load_notes
from writer.planner import plan_for

now = datetime.fromisoformat(sys.argv[2])
batch = Batch(Path(sys.argv[3]), make_backend("offline", Settings()), now=now)
paths = sorted(Path(sys.argv[1]).iterdir())

async def main():
    start = resource.getrusage(resource.RUSAGE_SELF)
    for path in paths:
        notes = load_notes(path)
        await batch.draft(notes, plan_for(notes, now))
    end = resource.getrusage(resource.RUSAGE_SELF)
    print((end.ru_utime + end.ru_stime - start.ru_utime - start.ru_stime) / len(paths))

asyncio.run(main())
"""


class Run:
    """One `writer batch` child, started now."""

    def __init__(self, name: str, tree: Path, inputs: Path, scratch: Path) -> None:
        self.name, self.files = name, len(os.listdir(inputs))
        self.out = scratch / f"out-{name}"
        home = scratch / f"home-{name}"
        home.mkdir()
        command = [sys.executable, "-c", PEAK, "batch", str(inputs), "--out", str(self.out)]
        command += ["--backend", "offline", "--now", NOW]
        env = {"WRITER_HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(tree)}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )

    def finish(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        printed = self.process.stdout.read().decode()
        _, status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - self.started
        cpu = usage.ru_utime + usage.ru_stime
        summary = json.loads((self.out / "summary.json").read_text())
        shutil.rmtree(self.out)
        return {
            "run": self.name,
            "files": self.files,
            "drafts": summary["drafts"],
            "done": summary["done"],
            "peak_mb": round(int(printed.rsplit("VmHWM:", 1)[1].split()[0]) / 1024, 1),
            "cpu_ms_per_file": round(cpu / self.files * 1000, 2),
            "wall_ms_per_file": round(wall / self.files * 1000, 2),
            "wall_s": round(wall, 1),
        }


def export(revision: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, capture_output=True, check=True
    ).stdout
    into.mkdir()
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def ideal_ms_per_file(inputs: Path, scratch: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", IDEAL, str(inputs), NOW, str(scratch / "ideal")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"WRITER_HOME": str(scratch), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    return float(done.stdout.split()[-1]) * 1000


def side_by_side(
    trees: dict[str, Path], inputs: Path, scratch: Path, pair: int
) -> list[dict[str, Any]]:
    runs = [Run(f"{name}-{pair}", tree, inputs, scratch) for name, tree in trees.items()]
    return [run.finish() for run in runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", action="append", help=f"older revisions (default {OLD})")
    parser.add_argument("--pairs", type=int, default=1, help="side-by-side runs at 1,000")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    args = parser.parse_args()
    olds = args.old or OLD
    with tempfile.TemporaryDirectory(prefix="writer-scale-") as folder:
        scratch = Path(folder)
        large = scratch / "large"
        write_notes(large, args.large)
        small = scratch / "small"
        small.mkdir()
        for path in sorted(large.iterdir())[: args.small]:
            os.link(path, small / path.name)
        trees = {"tree": ROOT} | {old: export(old, scratch / old) for old in olds}
        runs: list[dict[str, Any]] = []
        for pair in range(args.pairs):
            for run in side_by_side(trees, small, scratch, pair):
                runs.append(run)
                print(json.dumps(run), flush=True)
        big = Run("tree-large", ROOT, large, scratch).finish()
        print(json.dumps(big), flush=True)
        ideal = ideal_ms_per_file(small, scratch)
    report(runs, big, ideal, olds, args.small)


def report(
    runs: list[dict[str, Any]], big: dict[str, Any], ideal: float, olds: list[str], small: int
) -> None:
    def median(name: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in runs if r["run"].rsplit("-", 1)[0] == name)

    tree_cpu, tree_peak = median("tree", "cpu_ms_per_file"), median("tree", "peak_mb")
    figures: dict[str, Any] = {
        "peak_mb": {str(small): tree_peak, str(big["files"]): big["peak_mb"]},
        "peak_ratio_large_to_small": round(big["peak_mb"] / tree_peak, 3),
        "cpu_ms_per_file": {
            f"tree {small}": tree_cpu,
            f"tree {big['files']}": big["cpu_ms_per_file"],
        },
        "ideal_cpu_ms_per_file": round(ideal, 2),
        "tree_to_ideal": round(tree_cpu / ideal, 3),
    }
    for old in olds:
        old_cpu = median(old, "cpu_ms_per_file")
        figures["cpu_ms_per_file"][f"{old} {small}"] = old_cpu
        figures[f"speed_vs_{old}"] = {
            f"at {small}": round(old_cpu / tree_cpu, 3),
            f"tree at {big['files']} vs old at {small}": round(old_cpu / big["cpu_ms_per_file"], 3),
            "drafts per file (old, tree)": [
                median(old, "drafts") / small,
                median("tree", "drafts") / small,
            ],
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
