"""Done-when 1 of issue 15, through the command line: against every hostile behaviour, each
draft ends within its deadline with a sentence that says what the server did, and the other
drafts of the same run complete; for `writer draft` (sync) and `writer batch` (async).

The default run uses a short WRITER_TIMEOUT; the `slow` tests use WRITER_TIMEOUT=2 with the
default retries (2), so each draft's deadline is 2 s x 3 = 6 s, in a subprocess."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import BASE
from tests.hostile_server import BEHAVIOURS, HostileServer, hostile_server
from tests.test_hostile_server import SAYS
from writer.cli import main

NOW = "2026-11-20T18:00:00-05:00"
GOOD = {"name": "Priya Raman", "relation": "team_member", "topics": ["Kafka streams"]}


def hostile_name(behaviour: str) -> str:
    return "".join(part.title() for part in behaviour.split("_"))  # "GzipBomb"


def notes_file(folder: Path, behaviour: str) -> Path:
    """Notes naming one person the server attacks, and one it answers well."""
    data: dict[str, Any] = copy.deepcopy(BASE)
    attacked = {**copy.deepcopy(GOOD), "name": f"{hostile_name(behaviour)} Lee"}
    data["interviewers"] = [attacked | {"relation": "hiring_manager"}, copy.deepcopy(GOOD)]
    path = folder / f"{behaviour}.yaml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    return path


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        running.against = {hostile_name(b): b for b in BEHAVIOURS}
        yield running


# With 32 drafts at once, the one-thread-per-connection test server may not send a drip's
# first byte within the 2 s deadline; then "did not answer within 2 s" is the true account.
_BUSY_SAYS = {"drip": ("did not answer within",)}


def says_what_happened(error: str | None, behaviour: str, *, busy: bool = False) -> bool:
    expected = SAYS[behaviour]
    if expected is not None and busy:
        expected = (*expected, *_BUSY_SAYS.get(behaviour, ()))
    if expected is None:
        return error is None
    return error is not None and any(part in error for part in expected)


def check_drafts(drafts: list[dict[str, Any]], behaviour: str, *, busy: bool = False) -> None:
    attacked = [d for d in drafts if d["interviewer"] != GOOD["name"]]
    others = [d for d in drafts if d["interviewer"] == GOOD["name"]]
    assert attacked and others
    for draft in attacked:
        assert says_what_happened(draft["error"], behaviour, busy=busy), (
            behaviour,
            draft["kind"],
            draft["text"][:80],
        )
    for draft in others:  # drafted and checked (the server's stock reply suits a note only)
        assert draft["error"] is None and draft["attempts"] >= 1, (behaviour, draft["error"])
        assert draft["ok"] or draft["kind"] != "connection_note"


def batch_drafts(out: Path, behaviour: str) -> list[dict[str, Any]]:
    lines = (out / "results.jsonl").read_text("utf-8").splitlines()
    drafts = [json.loads(line) for line in lines]
    return [d for d in drafts if Path(d["source"]).name == f"{behaviour}.yaml"]


def test_writer_draft_ends_a_dripping_draft_in_time(
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WRITER_TIMEOUT", "0.5")
    monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
    notes = notes_file(tmp_path, "drip")
    started = time.monotonic()
    code = main(["draft", str(notes), "--now", NOW, "--kind", "connection_note", "--json"])
    took = time.monotonic() - started
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err
    check_drafts(json.loads(captured.out)["drafts"], "drip")
    assert took < 0.5 + 1.5, "one draft's deadline, plus the good draft and the checker"


def test_a_batch_finishes_every_other_draft(
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WRITER_TIMEOUT", "1")  # the good drafts share a loaded machine
    monkeypatch.setenv("WRITER_MAX_RETRIES", "1")
    monkeypatch.setenv("WRITER_REPAIR_ATTEMPTS", "0")
    kinds = ("drip", "gzip_bomb", "content_dict", "retry_after_59", "usage_huge")
    inputs = [str(notes_file(tmp_path, b)) for b in kinds]
    out = tmp_path / "out"
    started = time.monotonic()
    code = main(["batch", *inputs, "--out", str(out), "--now", NOW, "--concurrency", "16"])
    took = time.monotonic() - started
    assert code in (0, 1) and "Traceback" not in capsys.readouterr().err
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["done"] == len(kinds) and summary["failed"] == []
    for behaviour in kinds:
        check_drafts(batch_drafts(out, behaviour), behaviour, busy=True)
    assert took < 2 + 2.0, "the drafts ran at once, each within its 2 s deadline"


DRAFT_DEADLINE = 2 * (1 + 2)  # WRITER_TIMEOUT x (1 + default WRITER_MAX_RETRIES)


def _slow_env(server: HostileServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WRITER_TIMEOUT", "2")
    monkeypatch.delenv("WRITER_MAX_RETRIES", raising=False)


@pytest.mark.slow
def test_writer_draft_with_timeout_2_ends_every_behaviour_in_time(
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _slow_env(server, monkeypatch)
    report, times = [], {}
    for behaviour in BEHAVIOURS:
        notes = str(notes_file(tmp_path, behaviour))
        # A fresh `writer draft` process, as the user runs it. In one pytest process after
        # the 10,000-example fuzz run, the first drip draft took 11-12 s in two CI runs
        # (6.1 s alone); the cause is not found yet.
        started = time.monotonic()
        command = [sys.executable, "-m", "writer", "draft", notes, "--now", NOW]
        done = subprocess.run(
            [*command, "--kind", "connection_note", "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        times[behaviour] = time.monotonic() - started
        assert "Traceback" not in done.stderr, done.stderr
        drafts = json.loads(done.stdout)["drafts"]
        check_drafts(drafts, behaviour)
        report.append(f"{behaviour}: {times[behaviour]:.1f} s: {drafts[0]['error']}")
    # The floor: the quickest behaviour's whole run (the process's start and imports, the
    # good draft, the checker), measured in this run beside the others.
    floor = min(times.values())
    late = [
        line
        for line, took in zip(report, times.values(), strict=True)
        if took - floor > DRAFT_DEADLINE + 1.5
    ]
    assert late == [], f"floor {floor:.1f} s; " + "; ".join(late)
    with capsys.disabled():
        print("\n" + "\n".join(report))


@pytest.mark.slow
def test_writer_batch_with_timeout_2_ends_every_behaviour_in_time(
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _slow_env(server, monkeypatch)
    inputs = [str(notes_file(tmp_path, b)) for b in BEHAVIOURS]
    out = tmp_path / "out"
    started = time.monotonic()
    main(["batch", *inputs, "--out", str(out), "--now", NOW, "--concurrency", "32"])
    took = time.monotonic() - started
    assert "Traceback" not in capsys.readouterr().err
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["done"] == len(BEHAVIOURS) and summary["failed"] == []
    for behaviour in BEHAVIOURS:
        check_drafts(batch_drafts(out, behaviour), behaviour, busy=True)
    # Every draft at once, each within its deadline; a draft repaired twice asks 3 times.
    assert took <= 3 * DRAFT_DEADLINE, f"{took:.1f} s"
    with capsys.disabled():
        print(f"\nbatch of {len(BEHAVIOURS)} hostile inputs: {took:.1f} s")


@pytest.mark.parametrize("behaviour", ["drip", "deep_json"])
def test_writer_import_ends_in_time_with_a_sentence(
    behaviour: str,
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server.against = {"": behaviour}  # import prompts name no first name
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WRITER_TIMEOUT", "0.5")
    monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
    source = tmp_path / "notes.txt"
    source.write_text("Met Dana Lee (hiring manager) at Acme on 20 Nov; we talked Kafka.\n")
    started = time.monotonic()
    code = main(["import", str(source)])
    took = time.monotonic() - started
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and took < 0.5 + 1.0
    assert any(part in err for part in SAYS[behaviour] or ()), err
