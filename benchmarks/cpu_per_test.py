"""CPU seconds (a figure a loaded machine barely moves) and wall seconds per test and file.

    pytest -p benchmarks.cpu_per_test [pytest's usual arguments]
    python -m benchmarks.cpu_per_test [--top 30] [--tests 0] [--by cpu|wall]

As a pytest plugin it adds, for each test, the CPU its process spent (setup, call and
teardown) plus that of every child process the test waited for, to a JSON file per worker
under .cpu-per-test/ (started afresh by the controlling process). Run as a script it sums
those files per test file, slowest first.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import time
from collections import defaultdict
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

OUT = Path(".cpu-per-test")


def _cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


_seconds: dict[str, tuple[float, float]] = {}


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller, or a run without workers
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, Any, None]:
    started, clock = _cpu(), time.monotonic()
    yield
    _seconds[item.nodeid] = (_cpu() - started, time.monotonic() - clock)


def pytest_unconfigure(config: pytest.Config) -> None:
    worker = getattr(config, "workerinput", {}).get("workerid", "main")
    if _seconds:
        (OUT / f"{worker}-{os.getpid()}.json").write_text(json.dumps(_seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30, help="files to list")
    parser.add_argument("--tests", type=int, default=0, help="single tests to list")
    parser.add_argument("--by", choices=("cpu", "wall"), default="cpu", help="sort by")
    args = parser.parse_args()
    per_test: dict[str, tuple[float, float]] = {}
    for part in OUT.glob("*.json"):
        per_test.update({k: (v[0], v[1]) for k, v in json.loads(part.read_text()).items()})
    column = 0 if args.by == "cpu" else 1
    per_file: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    count: dict[str, int] = defaultdict(int)
    for nodeid, (cpu, wall) in per_test.items():
        name = nodeid.split("::")[0]
        per_file[name][0] += cpu
        per_file[name][1] += wall
        count[name] += 1
    cpu_total = sum(cpu for cpu, _ in per_test.values())
    wall_total = sum(wall for _, wall in per_test.values())
    print(f"{len(per_test)} tests, {cpu_total:.1f} s CPU, {wall_total:.1f} s wall summed")
    print("     CPU     wall")
    for name, (cpu, wall) in sorted(per_file.items(), key=lambda kv: -kv[1][column])[: args.top]:
        print(f"{cpu:8.1f} {wall:8.1f} s  {count[name]:4d} tests  {name}")
    for nodeid, (cpu, wall) in sorted(per_test.items(), key=lambda kv: -kv[1][column])[
        : args.tests
    ]:
        print(f"{cpu:8.2f} {wall:8.2f} s  {nodeid}")


if __name__ == "__main__":
    main()
