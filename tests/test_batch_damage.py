"""A batch that no input can stop: every broken input (bad content, file-system oddities, a
model answer of the wrong shape) is a failed entry with a reason, the rest finish, and a
rerun over damaged outputs repairs them. One batch at a time holds an `--out`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from tests.generated import write_notes
from tests.helpers import EXAMPLES, ROOT
from writer.backends import DraftRequest, OfflineBackend, Proposal
from writer.batch import output_name, run_batch
from writer.batch_guard import OutLock
from writer.cli import main

GOOD_YAML = EXAMPLES[0].read_text("utf-8")
NOW = datetime.fromisoformat("2026-11-21T09:00:00-05:00")
MALFORMED_COMPANY = "Malformed Answer Co"


class MalformedAnswers(OfflineBackend):
    """The offline composer, except that for one company the answer has a shape the
    client does not expect (as `content` arriving as a list would make it fail)."""

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        if request.notes.company == MALFORMED_COMPANY:
            raise TypeError("'list' object has no attribute 'strip'")
        return await super().aexecute(request, gate)


def broken_inputs(folder: Path) -> dict[str, str]:
    """One input of each broken kind: its path (as the batch is given it) -> the reason
    summary.json must give."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "file.yaml").write_text(GOOD_YAML, "utf-8")
    deep = folder / "deep.yaml"
    deep.write_text("candidate: " + "[" * 900 + "]" * 900 + "\n", "utf-8")
    huge_int = folder / "huge-int.json"
    huge_int.write_text('{"candidate": {"name": "A"}, "n": ' + "9" * 4301 + "}", "utf-8")
    loop = folder / "loop.yaml"
    loop.symlink_to(loop)
    fifo = folder / "pipe.yaml"
    os.mkfifo(fifo)
    not_utf8_name = os.fsdecode(os.fsencode(folder) + b"/caf\xe9.yaml")
    Path(not_utf8_name).write_text(GOOD_YAML.replace("role: Senior", "role: [Senior"), "utf-8")
    malformed = folder / "malformed-answer.yaml"
    malformed.write_text(GOOD_YAML.replace("Acme Robotics", MALFORMED_COMPANY), "utf-8")
    return {
        str(deep): "deep.yaml:1: nested more than 32 levels deep",
        str(huge_int): "huge-int.json:1: a number with more than 18 digits",
        str(folder / ("n" * 300 + ".yaml")): "cannot be read: the file name is too long",
        str(loop): "cannot be read: a symbolic link that loops",
        str(fifo): "is a named pipe (FIFO), not a regular file",
        "/dev/zero": "is a character device, not a regular file",
        str(folder / "file.yaml" / "inside.yaml"): "a part of the path is not a directory",
        not_utf8_name: "caf\\xe9.yaml:10: YAML syntax error",
        str(malformed): "the model's answer could not be read (unexpected TypeError",
    }


def run(sources: list[str], out: Path) -> dict[str, Any]:
    return run_batch(
        [Path(s) for s in sources],
        out,
        MalformedAnswers(),
        now=NOW,
        concurrency=8,
        repairs=2,
        sent=[],
    )


def reasons(summary: dict[str, Any]) -> dict[str, str]:
    found = {f["source"]: f["error"] for f in summary["failed"]}
    found |= {e["source"]: e["error"] for e in summary["draft_errors"]}
    return found


def shown(path: str) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def assert_every_broken_one_listed(summary: dict[str, Any], broken: dict[str, str]) -> None:
    listed = reasons(summary)
    for source, reason in broken.items():
        assert reason in listed[shown(source)], (source, listed[shown(source)])


# Drafting 200 panels twice costs seconds: the default run drafts 40, the slow run 200.
@pytest.mark.parametrize("count", [40, pytest.param(200, marks=pytest.mark.slow)])
def test_good_files_and_one_of_each_broken_kind(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], count: int
) -> None:
    good = [str(p) for p in write_notes(tmp_path / "good", count, interviewers=1)]
    broken = broken_inputs(tmp_path / "bad")
    out = tmp_path / "out"
    sources = good + list(broken)

    first = run(sources, out)
    assert first["inputs"] == count + len(broken)
    assert first["done"] == count + 1  # the good ones, and the input whose drafts failed
    assert_every_broken_one_listed(first, broken)
    results = [json.loads(line) for line in (out / "results.jsonl").read_text("utf-8").splitlines()]
    assert {r["source"] for r in results} >= set(good)

    second = run(sources, out)
    assert second["resumed_from_earlier_run"] == count + 1
    assert_every_broken_one_listed(second, broken)
    assert json.loads((out / "summary.json").read_text("utf-8")) == {
        **second,
        "wall_seconds": json.loads((out / "summary.json").read_text("utf-8"))["wall_seconds"],
    }
    assert "Traceback" not in capfd.readouterr().err


def test_each_broken_kind_is_a_failed_entry_and_the_rest_finish(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    good = [str(p) for p in write_notes(tmp_path / "good", 3, interviewers=1)]
    broken = broken_inputs(tmp_path / "bad")
    summary = run(good + list(broken), tmp_path / "out")
    assert summary["done"] == 4
    assert_every_broken_one_listed(summary, broken)
    assert "Traceback" not in capfd.readouterr().err


def test_an_unreadable_file_is_a_failed_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [good] = write_notes(tmp_path / "in", 1)
    locked = tmp_path / "in" / "locked.yaml"
    locked.write_text(GOOD_YAML, "utf-8")
    real_open = os.open

    def refusing(path: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(locked):  # as chmod 000 would for anyone but root
            raise PermissionError(13, "Permission denied", str(locked))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    summary = run([str(good), str(locked)], tmp_path / "out")
    assert summary["done"] == 1
    assert summary["failed"] == [
        {
            "source": str(locked),
            "error": f"{locked}: cannot be read: permission denied; check the file's permissions",
        }
    ]


def test_rerun_repairs_any_damage_to_the_results(tmp_path: Path) -> None:
    paths = write_notes(tmp_path / "in", 4, interviewers=1)
    sources = [str(p) for p in paths]
    out = tmp_path / "out"
    first = run(sources, out)
    results = out / "results.jsonl"
    clean = sorted(results.read_text("utf-8").splitlines())
    with open(results, "ab") as handle:
        handle.write(b"[1, 2, 3]\n")  # valid JSON, not an object
        handle.write(b'"a string"\n{"source": 7}\n')
        handle.write(b"\xff\xfe not UTF-8 \x80\n")
        handle.write(clean[0].encode()[:40])  # torn mid-line
    truncated = out / f"{output_name(paths[1])}.json"
    truncated.write_text(truncated.read_text("utf-8")[:100], "utf-8")

    second = run(sources, out)
    assert second["failed"] == [] and second["done"] == 4
    assert second["resumed_from_earlier_run"] == 3  # the truncated one was drafted again
    assert sorted(results.read_text("utf-8").splitlines()) == clean
    assert second["drafts"] == first["drafts"]
    assert json.loads(truncated.read_text("utf-8"))["source"] == str(paths[1])


def test_a_second_batch_on_the_same_out_says_who_holds_it(tmp_path: Path) -> None:
    [notes] = write_notes(tmp_path / "in", 1)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "writer", "batch", str(notes), "--out", str(out)]
    with OutLock(out):
        before = sorted(out.iterdir())
        held = subprocess.run(
            [*command, "--backend", "offline"], capture_output=True, text=True, cwd=ROOT
        )
        assert sorted(out.iterdir()) == before
    assert held.returncode == 2, held.stderr
    assert f"--out {out} is in use by another batch (pid {os.getpid()}, since " in held.stderr
    assert "wait for it to finish, or give another --out" in held.stderr
    assert "Traceback" not in held.stderr
    # Once the lock is free, the same command runs (in this process: the refusal above is
    # the part that needs another one).
    assert main([*command[3:], "--backend", "offline"]) in (0, 1)
    assert (out / "summary.json").exists()
