"""The checker's speed in CPU time, which a shared, loaded machine disturbs far less than
wall time: messages checked per CPU-second on the examples' offline drafts (as
benchmarks/core.py), and the CPU time of a whole `writer check` process.
Prints JSON; run `python benchmarks/checker_cpu.py`. To compare with another checkout,
run it with PYTHONPATH=/path/to/that/checkout."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time

from core import _corpus

from writer.checker import check


def checker_rate(rounds: int = 15, seconds: float = 0.3) -> dict[str, float]:
    corpus = _corpus()
    rates = []
    for _ in range(rounds):
        count, start = 0, time.process_time()
        while time.process_time() - start < seconds:
            for notes, d in corpus:
                check(d.kind, d.text, subject=d.subject, to=d.interviewer, notes=notes)
            count += len(corpus)
        rates.append(count / (time.process_time() - start))
    return {
        "messages_per_cpu_second_best": round(max(rates)),
        "messages_per_cpu_second_median": round(statistics.median(rates)),
    }


def check_startup(runs: int = 12) -> dict[str, float]:
    command = [sys.executable, "-m", "writer", "check", "Hi Dana, thank you for the talk."]
    command += ["--kind", "connection_note", "--to", "Dana Lee"]
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, capture_output=True, check=False, env=os.environ.copy())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {
        "writer_check_cpu_seconds_median": round(statistics.median(times), 3),
        "writer_check_cpu_seconds_min": round(min(times), 3),
    }


if __name__ == "__main__":
    print(json.dumps({**checker_rate(), **check_startup()}, indent=2))
