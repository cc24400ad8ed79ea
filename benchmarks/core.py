"""Figures for the core: checker messages per second, composer drafts per second, and how
long `writer check` takes to answer. Prints JSON; run `python benchmarks/core.py`."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from writer.backends import OfflineBackend
from writer.checker import check
from writer.drafting import Draft, draft_all
from writer.loader import load_notes
from writer.notes import Notes
from writer.planner import plan_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def _corpus() -> list[tuple[Notes, Draft]]:
    out = []
    for path in EXAMPLES:
        notes = load_notes(path)
        plan = plan_for(notes, notes.interview.ends + timedelta(hours=30))
        out += [(notes, d) for d in draft_all(notes, plan, OfflineBackend()).drafts]
    return out


def checker_rate(rounds: int = 7, seconds: float = 1.0) -> dict[str, float]:
    """Messages checked per second on one core: the examples' drafts, with their notes.

    Best and median of several rounds: this machine is shared, and timeit's advice holds
    (the best round is the least disturbed one). Per CPU-second too: on a loaded machine
    the wall clock counts the time other processes held the core."""
    corpus = _corpus()
    rates, cpu_rates = [], []
    for _ in range(rounds):
        count, start, start_cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - start < seconds:
            for notes, draft in corpus:
                check(
                    draft.kind, draft.text, subject=draft.subject, to=draft.interviewer, notes=notes
                )
            count += len(corpus)
        rates.append(count / (time.perf_counter() - start))
        cpu_rates.append(count / max(time.process_time() - start_cpu, 1e-9))
    mean_chars = statistics.mean(len(d.text) for _, d in corpus)
    return {
        "messages_per_second_best": round(max(rates)),
        "messages_per_second_median": round(statistics.median(rates)),
        "messages_per_cpu_second_best": round(max(cpu_rates)),
        "messages_per_cpu_second_median": round(statistics.median(cpu_rates)),
        "mean_chars": round(mean_chars),
    }


def composer_rate(seconds: float = 3.0) -> dict[str, float]:
    """Checked offline drafts per second, planning included."""
    notes_list = [load_notes(p) for p in EXAMPLES]
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for notes in notes_list:
            plan = plan_for(notes, notes.interview.ends + timedelta(hours=30))
            count += len(draft_all(notes, plan, OfflineBackend()).drafts)
    return {"drafts_per_second": round(count / (time.perf_counter() - start))}


def check_startup(runs: int = 7) -> dict[str, float]:
    """Wall time of a whole `writer check` process on a short note (median of runs)."""
    command = [
        sys.executable,
        "-m",
        "writer",
        "check",
        "Hi Dana, thank you for the talk.",
        "--kind",
        "connection_note",
        "--to",
        "Dana Lee",
    ]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=os.environ.copy())
        times.append(time.perf_counter() - start)
    return {
        "writer_check_seconds_median": round(statistics.median(times), 3),
        "writer_check_seconds_max": round(max(times), 3),
    }


if __name__ == "__main__":
    figures = {**checker_rate(), **composer_rate(), **check_startup()}
    print(json.dumps(figures, indent=2))
