"""`writer batch`: resumable after SIGKILL, one bad input never stops the others, and the
Batch API path gives the same outputs as a direct run."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tests.flaky_server import flaky_server
from tests.generated import write_notes
from tests.helpers import ROOT
from writer.cli import main
from writer.loader import load_notes
from writer.planner import plan_for

NOW = "2026-11-21T09:00:00-05:00"


def expected_drafts(paths: list[Path]) -> set[tuple[str, str, str]]:
    out = set()
    for path in paths:
        notes = load_notes(path)
        plan = plan_for(notes, datetime.fromisoformat(NOW))
        for planned in plan.messages(notes):  # what drafting drafts
            out.add((str(path), planned.person.name, planned.kind.value))
    return out


def read_results(out: Path) -> list[dict[str, object]]:
    lines = (out / "results.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]  # every line must parse


def offline_batch(inputs: str, out: Path) -> list[str]:
    """`writer batch` arguments for an offline run at NOW."""
    return ["batch", inputs, "--out", str(out), "--backend", "offline", "--now", NOW]


def batch_command(inputs: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "writer", *offline_batch(str(inputs), out)]


def wait_for(path: Path, process: subprocess.Popen[bytes], deadline: float) -> float:
    """When `path` first exists (polled every 5 ms), or when the process ended or the
    deadline passed."""
    while not path.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    return time.monotonic()


# 20 killed runs and their reruns take 25-65 s: `pytest -m slow` (CI) runs it, not the default.
@pytest.mark.slow
def test_sigkill_at_random_moments_then_rerun(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    paths = write_notes(inputs, 60)
    expected = expected_drafts(paths)
    rng = random.Random(20261122)
    # Time one whole run, and when its first results are written: the kills land while it
    # writes, however long this machine takes to start the process.
    timing = tmp_path / "timing"
    started = time.monotonic()
    process = subprocess.Popen(
        batch_command(inputs, timing),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    first = wait_for(timing / "results.jsonl", process, started + 120)
    process.wait(timeout=120)
    writing = time.monotonic() - first
    killed_midway = 0
    for trial in range(20):
        out = tmp_path / f"out-{trial}"
        process = subprocess.Popen(
            batch_command(inputs, out),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        wait_for(out / "results.jsonl", process, time.monotonic() + 120)
        time.sleep(rng.uniform(0.0, 0.8 * writing))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if (out / "results.jsonl").exists() and not (out / "summary.json").exists():
            killed_midway += 1
        rerun = subprocess.run(
            batch_command(inputs, out), capture_output=True, text=True, cwd=ROOT, check=False
        )
        assert rerun.returncode in (0, 1), rerun.stderr
        records = read_results(out)
        keys = [(r["source"], r["interviewer"], r["kind"]) for r in records]
        assert len(keys) == len(set(keys)), f"trial {trial}: a draft appears twice"
        assert set(keys) == expected, f"trial {trial}: drafts missing"
        for output in out.glob("*.json"):
            json.loads(output.read_text("utf-8"))
    assert killed_midway >= 3, "the kills should land while the batch is writing"


def test_a_broken_file_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    paths = write_notes(inputs, 3)
    broken = inputs / "broken.yaml"
    broken.write_text("candidate:\n  name: A\ncompany: X\nrole: [oops\n", "utf-8")
    out = tmp_path / "out"
    code = main(
        ["batch", str(inputs), "--out", str(out), "--backend", "offline", "--now", NOW, "--json"]
    )
    summary = json.loads(capsys.readouterr().out)
    assert code == 1
    assert summary["done"] == 3 and summary["inputs"] == 4
    [failed] = summary["failed"]
    assert failed["source"] == str(broken)
    assert failed["error"].startswith(f"{broken}:5: YAML syntax error")
    assert {r["source"] for r in read_results(out)} == {str(p) for p in paths}
    assert json.loads((out / "summary.json").read_text())["failed"] == summary["failed"]


def test_rerun_skips_done_inputs_and_files_are_per_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    write_notes(inputs, 4)
    out = tmp_path / "out"
    args = [*offline_batch(str(inputs / "*.yaml"), out), "--json"]
    main(args)
    capsys.readouterr()
    main(args)
    summary = json.loads(capsys.readouterr().out)
    assert summary["resumed_from_earlier_run"] == 4
    assert len(list(out.glob("notes-*.json"))) == 4 and len(list(out.glob("notes-*.md"))) == 4
    assert len(read_results(out)) == summary["drafts"]


def test_concurrency_bounds_the_requests_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    write_notes(inputs, 4)  # a dozen or more requests
    with flaky_server() as server:
        server.delay = 0.05
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        args = ["batch", str(inputs), "--out", str(tmp_path / "out"), "--backend", "openai"]
        code = main([*args, "--concurrency", "3", "--now", NOW, "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and summary["failed"] == []  # 1: the stub's replies get flagged
    assert len(server.seen) >= summary["drafts"] > 3
    assert server.most_in_flight == 3, "never more than --concurrency, and all of it used"


def answer_every_request(emitted: Path, results: Path) -> Path:
    """A Batch API results file answering each emitted request as the flaky server would."""
    from tests.flaky_server import good_reply

    with open(results, "w") as handle:
        for number, line in enumerate(emitted.read_text().splitlines()):
            request = json.loads(line)
            body = {
                "id": f"chatcmpl-{number}",
                "object": "chat.completion",
                "model": "x",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": good_reply(request["body"])},
                    }
                ],
                "usage": {"prompt_tokens": 50, "completion_tokens": 10},
            }
            handle.write(
                json.dumps(
                    {
                        "id": f"batch_req_{number}",
                        "custom_id": request["custom_id"],
                        "response": {
                            "status_code": 200,
                            "request_id": f"req_{number}",
                            "body": body,
                        },
                        "error": None,
                    }
                )
                + "\n"
            )
    return results


def test_emit_batch_lines_follow_the_batch_api_format(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    paths = write_notes(inputs, 5)
    target = tmp_path / "requests.jsonl"
    code = main(
        [
            "batch",
            str(inputs),
            "--out",
            str(tmp_path / "out"),
            "--emit-batch",
            str(target),
            "--now",
            NOW,
            "--model",
            "gpt-4o-mini",
        ]
    )
    assert code == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(lines) == len(expected_drafts(paths))
    assert len({line["custom_id"] for line in lines}) == len(lines)
    for line in lines:
        assert set(line) == {"custom_id", "method", "url", "body"}
        assert isinstance(line["custom_id"], str) and len(line["custom_id"]) <= 64
        assert (line["method"], line["url"]) == ("POST", "/v1/chat/completions")
        body = line["body"]
        assert body["model"] == "gpt-4o-mini"
        assert [m["role"] for m in body["messages"]] == ["system", "user"]
        assert body["messages"][1]["content"].rstrip().endswith("</notes>")


def test_collect_gives_the_same_outputs_as_a_direct_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    inputs = tmp_path / "in"
    write_notes(inputs, 3)
    with flaky_server() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
        direct = tmp_path / "direct"
        main(["batch", str(inputs), "--out", str(direct), "--backend", "openai", "--now", NOW])
    emitted = tmp_path / "requests.jsonl"
    viabatch = tmp_path / "viabatch"
    main(
        [
            "batch",
            str(inputs),
            "--out",
            str(viabatch),
            "--emit-batch",
            str(emitted),
            "--now",
            NOW,
            "--backend",
            "openai",
        ]
    )
    results = answer_every_request(emitted, tmp_path / "results.jsonl")
    assert main(["batch", "--collect", str(results), "--out", str(viabatch)]) in (0, 1)

    def comparable(folder: Path) -> list[tuple[object, ...]]:
        return sorted(
            (
                r["source"],
                r["interviewer"],
                r["kind"],
                r["text"],
                r["ok"],
                json.dumps(r["findings"], sort_keys=True),
            )
            for r in read_results(folder)
        )

    assert comparable(viabatch) == comparable(direct)
    assert len(comparable(direct)) > 0


def test_collect_plans_with_the_ledger_emit_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dana's connection request is in the ledger: emit asks for no note to her, and collect
    drafts exactly what was asked for, every draft from its batch result."""
    acme = str(ROOT / "examples" / "acme-final-round.yaml")
    sent = ["sent", acme, "--to", "Dana Lee", "--kind", "connection_request", "--at", NOW]
    assert main(sent) == 0
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # never contacted
    emitted, out = tmp_path / "requests.jsonl", tmp_path / "out"
    emit = ["batch", acme, "--out", str(out), "--emit-batch", str(emitted), "--now", NOW]
    assert main([*emit, "--backend", "openai"]) == 0
    results = answer_every_request(emitted, tmp_path / "results.jsonl")
    main(["batch", "--collect", str(results), "--out", str(out)])
    drafts = read_results(out)
    assert [d["error"] for d in drafts if d["error"]] == []
    people = [p.name for p in load_notes(acme).interviewers]
    ids = [json.loads(line)["custom_id"].split("-", 2) for line in emitted.read_text().splitlines()]
    asked = {(people[int(person)], kind) for _, person, kind in ids}
    assert {(d["interviewer"], d["kind"]) for d in drafts} == asked
    dana = {str(d["kind"]): d for d in drafts if d["interviewer"] == "Dana Lee"}
    assert set(dana) == {"thank_you_email", "follow_up_message"}  # no second request
    assert str(dana["follow_up_message"]["text"]).startswith("Hi Dana, thank you")
    summary = json.loads((out / "summary.json").read_text())
    assert summary["drafts"] == len(emitted.read_text().splitlines())
