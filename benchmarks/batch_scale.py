"""The offline batch at scale: 1,000 and 10,000 generated notes files (three interviewers
each) through `writer batch --backend offline`, each in a child process of its own.

Per run: the child's peak resident memory (VmHWM from its /proc/self/status at exit: it
starts afresh at exec, where getrusage's maxrss would carry the forking parent's size), its
CPU time (user + system, the child and its threads) and wall time per file. Printed:

- the 10,000/1,000 peak ratio (goal: at most 1.10: memory stays flat);
- the speed ratio per file against older revisions ("today"), each exported with
  `git archive` and run with the export first on PYTHONPATH (this virtualenv's packages),
  side by side with this tree on the same 1,000 files, so a busy machine slows both alike
  (goal: at least 1.4). Wall time is what a user waits (the offline batch drafts in one
  worker process per core); CPU time, which a shared machine's load barely moves, is the
  work done, all processes counted;
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

# `writer` as `python -m writer` runs it, printing at exit its peak resident memory and the
# largest of its worker processes' (getrusage's maxrss of its children, in KB: a forked
# worker's counts the pages it shares with the batch's process, so it errs high).
PEAK = """
import atexit, resource, runpy, sys
def peaks():
    print([l for l in open("/proc/self/status") if "VmHWM" in l][0])
    print("workers", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
atexit.register(peaks)
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
            "worker_peak_mb": round(int(printed.rsplit("workers", 1)[1].split()[0]) / 1024, 1),
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

    large = big["files"]
    tree = {key: median("tree", key) for key in big if isinstance(big[key], int | float)}
    figures: dict[str, Any] = {
        "peak_mb (batch process, largest worker)": {
            str(small): [tree["peak_mb"], tree["worker_peak_mb"]],
            str(large): [big["peak_mb"], big["worker_peak_mb"]],
        },
        "peak_ratio_large_to_small": {
            "batch process": round(big["peak_mb"] / tree["peak_mb"], 3),
            "largest worker": round(big["worker_peak_mb"] / max(tree["worker_peak_mb"], 0.1), 3),
        },
        "ms_per_file (cpu, wall)": {
            f"tree {small}": [tree["cpu_ms_per_file"], tree["wall_ms_per_file"]],
            f"tree {large}": [big["cpu_ms_per_file"], big["wall_ms_per_file"]],
        },
        "ideal_cpu_ms_per_file": round(ideal, 2),
        "tree_cpu_to_ideal": round(tree["cpu_ms_per_file"] / ideal, 3),
    }
    for old in olds:
        cpu, wall = median(old, "cpu_ms_per_file"), median(old, "wall_ms_per_file")
        figures["ms_per_file (cpu, wall)"][f"{old} {small}"] = [cpu, wall]
        figures[f"speed_vs_{old} (old per file / tree per file)"] = {
            f"cpu at {small}": round(cpu / tree["cpu_ms_per_file"], 3),
            f"wall at {small}, side by side": round(wall / tree["wall_ms_per_file"], 3),
            f"cpu, tree at {large} vs old at {small}": round(cpu / big["cpu_ms_per_file"], 3),
            "drafts per file (old, tree)": [median(old, "drafts") / small, tree["drafts"] / small],
        }
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
