"""CPU seconds per test and per test file, a figure a loaded machine barely moves.

    pytest -p benchmarks.cpu_per_test [pytest's usual arguments]
    python -m benchmarks.cpu_per_test [--top 30] [--tests 0]

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


_seconds: dict[str, float] = {}


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller, or a run without workers
        shutil.rmtree(OUT, ignore_errors=True)
        OUT.mkdir()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, Any, None]:
    started = _cpu()
    yield
    _seconds[item.nodeid] = _cpu() - started


def pytest_unconfigure(config: pytest.Config) -> None:
    worker = getattr(config, "workerinput", {}).get("workerid", "main")
    if _seconds:
        (OUT / f"{worker}-{os.getpid()}.json").write_text(json.dumps(_seconds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30, help="files to list")
    parser.add_argument("--tests", type=int, default=0, help="single tests to list")
    args = parser.parse_args()
    per_test: dict[str, float] = {}
    for part in OUT.glob("*.json"):
        per_test.update(json.loads(part.read_text()))
    per_file: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for nodeid, seconds in per_test.items():
        name = nodeid.split("::")[0]
        per_file[name] += seconds
        count[name] += 1
    print(f"{len(per_test)} tests, {sum(per_test.values()):.1f} s CPU")
    for name, seconds in sorted(per_file.items(), key=lambda kv: -kv[1])[: args.top]:
        print(f"{seconds:8.1f} s  {count[name]:4d} tests  {name}")
    for nodeid, seconds in sorted(per_test.items(), key=lambda kv: -kv[1])[: args.tests]:
        print(f"{seconds:8.2f} s  {nodeid}")


if __name__ == "__main__":
    main()
