"""A batch of any size: its inputs are found in a stable order without listing them all
first, and a fixed set of workers takes them one at a time, so only a few are ever in
progress and the batch's memory does not grow with the number of files."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from tests.generated import write_notes
from tests.helpers import ROOT
from writer.backends import DraftRequest, OfflineBackend, Proposal
from writer.batch import Batch, expand
from writer.batch_inputs import NOTES_SUFFIXES

NOW = datetime.fromisoformat("2026-11-21T09:00:00-05:00")


def old_expand(items: list[str]) -> list[Path]:
    """What `expand` gave when it listed everything up front (sorted `rglob`)."""
    found: dict[Path, None] = {}
    for item in items:
        path = Path(item)
        matches = (
            sorted(p for p in path.rglob("*") if p.suffix.lower() in NOTES_SUFFIXES)
            if path.is_dir()
            else [path]
        )
        for match in matches:
            found.setdefault(match, None)
    return list(found)


def test_inputs_come_in_the_order_of_their_sorted_paths(tmp_path: Path) -> None:
    root = tmp_path / "notes"
    for name in ["b.yaml", "a.YML", "a-b/c.json", "a/z.yaml", "a/b/c.yaml", "A.yaml", "x.txt"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("company: x\n", "utf-8")
    (root / "d.yaml").mkdir()  # a folder named like notes is listed (and fails as one)
    (root / "d.yaml" / "e.yaml").write_text("company: x\n", "utf-8")
    (root / "linked").symlink_to(root / "a", target_is_directory=True)  # not followed
    found = list(expand([str(root)]))
    assert found == old_expand([str(root)])
    assert [p.relative_to(root).as_posix() for p in found] == [
        "A.yaml",
        "a/b/c.yaml",
        "a/z.yaml",
        "a-b/c.json",
        "a.YML",
        "b.yaml",
        "d.yaml",
        "d.yaml/e.yaml",
    ]


def test_an_input_named_twice_is_drafted_once(tmp_path: Path) -> None:
    paths = write_notes(tmp_path / "in", 3)
    items = [str(paths[1]), str(tmp_path / "in"), str(tmp_path / "in" / "*.yaml")]
    assert list(expand(items)) == [paths[1], paths[0], paths[2]]
    assert not expand([str(tmp_path / "empty-*.yaml")])  # a glob matching nothing


class CountedInputs:
    """Notes files handed out one by one, noting how many each pass has handed out."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths, self.passes = paths, [0]

    def __iter__(self) -> Iterator[Path]:
        self.passes.append(0)
        for path in self.paths:
            self.passes[-1] += 1
            yield path


def test_workers_take_the_inputs_as_they_go(tmp_path: Path) -> None:
    inputs = CountedInputs(write_notes(tmp_path / "in", 30, interviewers=1))
    handed_out_at_first_result: list[int] = []

    def progress(line: str) -> None:
        if not handed_out_at_first_result:
            handed_out_at_first_result.append(inputs.passes[-1])

    batch = Batch(tmp_path / "out", OfflineBackend(), now=NOW, concurrency=2, progress=progress)
    tally = asyncio.run(batch.run(inputs))
    summary = tally.summary(0.0)
    assert summary["inputs"] == summary["done"] == 30 and summary["failed"] == []
    # Two drafts in flight and two inputs being read or written: four workers, so when the
    # first input is done at most four have been taken, not thirty.
    assert handed_out_at_first_result[0] <= batch.workers == 4
    done = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert len(done) == 30
    lines = (tmp_path / "out" / "results.jsonl").read_text("utf-8").splitlines()
    assert {json.loads(line)["source"] for line in lines} == {str(p) for p in inputs.paths}


def test_a_rerun_keeps_each_finished_inputs_lines_once(tmp_path: Path) -> None:
    paths = write_notes(tmp_path / "in", 6, interviewers=1)
    out = tmp_path / "out"
    asyncio.run(Batch(out, OfflineBackend(), now=NOW).run(paths[:4]))
    results = out / "results.jsonl"
    first = results.read_text("utf-8").splitlines()
    results.write_text("\n".join(first + first[:2] + ["{torn"]) + "\n", "utf-8")
    os.remove(next(out.glob(f"{paths[0].stem}-*.json")))  # this one is drafted again
    tally = asyncio.run(Batch(out, OfflineBackend(), now=NOW).run(paths))
    assert tally.summary(0.0)["resumed_from_earlier_run"] == 3
    lines = [json.loads(line) for line in results.read_text("utf-8").splitlines()]
    keys = [(d["source"], d["interviewer"], d["kind"]) for d in lines]
    assert len(keys) == len(set(keys))
    assert {d["source"] for d in lines} == {str(p) for p in paths}


class PidRecording(OfflineBackend):
    """The offline composer, noting in `folder` which process drafted each message."""

    folder: Path | None = None

    def execute(self, request: DraftRequest) -> list[Proposal]:
        assert self.folder is not None
        (self.folder / f"{os.getpid()}-{uuid.uuid4().hex}").touch()
        return super().execute(request)


def test_offline_drafting_uses_worker_processes_and_writes_the_same(tmp_path: Path) -> None:
    paths = write_notes(tmp_path / "in", 12, interviewers=2)
    seen = tmp_path / "pids"
    seen.mkdir()
    backend = PidRecording()
    backend.folder = seen
    apart = asyncio.run(Batch(tmp_path / "apart", backend, now=NOW, processes=2).run(paths))
    here = asyncio.run(Batch(tmp_path / "here", OfflineBackend(), now=NOW, processes=0).run(paths))
    assert apart.summary(0.0) == here.summary(0.0)
    drafters = {name.split("-")[0] for name in os.listdir(seen)}
    assert str(os.getpid()) not in drafters and len(drafters) == 2
    for written in (tmp_path / "here").glob("*.*"):
        if written.name != "summary.json":
            twin = tmp_path / "apart" / written.name
            assert sorted(twin.read_text("utf-8").splitlines()) == sorted(
                written.read_text("utf-8").splitlines()
            ), written.name


def state_and_parent(pid: int) -> tuple[str, int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def children_of(pid: int) -> set[int]:
    return {
        int(entry)
        for entry in os.listdir("/proc")
        if entry.isdigit() and (found := state_and_parent(int(entry))) and found[1] == pid
    }


def running(pid: int) -> bool:
    found = state_and_parent(pid)
    return found is not None and found[0] not in "ZX"  # a zombie has ended


# 80 inputs keep the batch drafting after its first result for 1.7 s at load 10 (about 11 ms
# of CPU per input over two workers, so a few tenths of a second on an idle two-core
# machine), many times the 20 ms poll below that kills it; 200 cost 1.3 s more CPU.
KILLED_INPUTS = 80


def test_a_killed_batch_leaves_no_worker_behind(tmp_path: Path) -> None:
    write_notes(tmp_path / "in", KILLED_INPUTS, interviewers=1)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "writer", "batch", str(tmp_path / "in"), "--out", str(out)]
    command += ["--backend", "offline", "--now", NOW.isoformat()]
    env = {**os.environ, "WRITER_HOME": str(tmp_path / "home")}
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 120
    while not any(out.glob("*.md")) and time.monotonic() < deadline:  # drafting has begun
        time.sleep(0.02)
    workers = children_of(process.pid)
    process.kill()
    process.wait(timeout=10)
    assert workers, "the offline batch drafts in worker processes on this machine"
    while any(running(worker) for worker in workers):
        assert time.monotonic() < deadline + 10, "a worker outlived its batch"
        time.sleep(0.05)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    assert "in use by another batch" not in rerun.stderr
    assert json.loads((out / "summary.json").read_text())["done"] == KILLED_INPUTS
