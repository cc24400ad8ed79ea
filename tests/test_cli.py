"""The command line as docs/notes-format.md §3 describes it: shapes, exit codes, files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import EXAMPLES, ROOT
from writer.cli import main

ACME = str(ROOT / "examples" / "acme-final-round.yaml")
NOW = "2026-11-20T18:00:00-05:00"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = main([*args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_plan_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, plan = run_json(capsys, "plan", ACME, "--now", NOW)
    assert code == 0
    assert {"company", "role", "now", "interviewers"} <= set(plan)
    assert plan["now"] == NOW
    dana = plan["interviewers"][0]
    assert (dana["name"], dana["relation"]) == ("Dana Lee", "hiring_manager")
    for person in plan["interviewers"]:
        kinds = [a["kind"] for a in person["actions"]]
        assert kinds[:2] == ["thank_you_email", "connection_request"]
        for action in person["actions"]:
            assert action["decision"] in {"do", "wait", "optional", "skip"}
            assert action["reasons"] and all(set(r) == {"rule", "text"} for r in action["reasons"])
            assert "not_before" in action and "not_after" in action
    email = dana["actions"][0]
    assert (email["not_before"], email["not_after"]) == (
        "2026-11-20T16:00:00-05:00",
        "2026-11-21T16:00:00-05:00",
    )


def test_draft_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, result = run_json(capsys, "draft", ACME, "--now", NOW, "--backend", "offline")
    assert code == 0
    assert result["backend"] == "offline" and result["model"] is None
    kinds = {d["kind"] for d in result["drafts"]}
    assert kinds == {"thank_you_email", "connection_note", "follow_up_message"}
    for draft in result["drafts"]:
        expected = {
            "interviewer",
            "kind",
            "decision",
            "subject",
            "text",
            "chars",
            "limit",
            "ok",
            "attempts",
            "findings",
        }
        assert expected <= set(draft)
        assert draft["decision"] != "skip"
        assert draft["chars"] == len(draft["text"])
        assert (draft["subject"] is not None) == (draft["kind"] == "thank_you_email")
        assert draft["ok"] == (not any(f["severity"] == "error" for f in draft["findings"]))
        if draft["kind"] == "connection_note":
            assert draft["limit"] == 200 and draft["chars"] <= 200
    recruiter = [d for d in result["drafts"] if d["interviewer"] == "Jordan Blake"]
    assert [d["kind"] for d in recruiter] == ["thank_you_email"], "skipped actions get no draft"


def test_draft_kind_filter_and_variants(capsys: pytest.CaptureFixture[str]) -> None:
    code, result = run_json(
        capsys, "draft", ACME, "--now", NOW, "--kind", "connection_note", "--variants", "2"
    )
    assert code == 0
    assert {d["kind"] for d in result["drafts"]} == {"connection_note"}
    dana = [d for d in result["drafts"] if d["interviewer"] == "Dana Lee"]
    assert len(dana) == 2 and dana[0]["text"] != dana[1]["text"]


def test_auto_backend_says_offline_drafted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", ACME, "--now", NOW]) == 0
    assert "by the built-in offline composer" in capsys.readouterr().out


def test_check_json_shape_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Hi Dana, thank you for the conversation about Kafka. " + "More words here. " * 12
    code, report = run_json(capsys, "check", text, "--kind", "connection_note", "--to", "Dana")
    assert code == 1
    assert set(report) >= {"ok", "kind", "chars", "words", "limit", "findings"}
    assert report["ok"] is False and report["chars"] == len(text) and report["limit"] == 200
    [length] = [f for f in report["findings"] if f["rule"] == "length.max_chars"]
    assert length == {
        "rule": "length.max_chars",
        "severity": "error",
        "message": f"{len(text)} characters; a free account allows 200",
        "start": 200,
        "end": len(text),
        "suggestion": length["suggestion"],
    }
    assert "Cut" in length["suggestion"]


def test_check_ok_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Hi Dana, thank you for the talk about Kafka. I'd be glad to stay connected."
    code, report = run_json(
        capsys, "check", text, "--kind", "connection_note", "--to", "Dana Lee", "--notes", ACME
    )
    assert code == 0 and report["ok"] is True


def test_check_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Subject: Hello\n\nHi Dana, thanks.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, report = run_json(capsys, "check", "-", "--kind", "thank_you_email")
    assert code == 1
    [subject] = [f for f in report["findings"] if f["rule"] == "subject.present"]
    assert text[subject["start"] : subject["end"]] == "Hello"


def test_check_premium_tier(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Hi Dana, thank you for the talk about Kafka. " + "x" * 200
    code, report = run_json(capsys, "check", text, "--kind", "connection_note", "--tier", "premium")
    assert report["limit"] == 300 and code == 0


def test_check_unknown_recipient_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["check", "Hi", "--kind", "connection_note", "--to", "Nobody", "--notes", ACME]) == 2
    )
    assert "the notes name: Dana Lee" in capsys.readouterr().err


def test_rules_json_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, rules = run_json(capsys, "rules")
    assert code == 0
    ids = [r["id"] for r in rules]
    assert "length.max_chars" in ids and "distinct.across" in ids and len(ids) == len(set(ids))
    for rule in rules:
        assert {"id", "severity", "kinds", "catches"} <= set(rule)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "hi", "--kind", "tweet"],
        ["draft", ACME, "--kind", "tweet"],
        ["draft", ACME, "--variants", "0"],
        ["plan", ACME, "--now", "next tuesday"],
        ["plan"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_two_with_a_message(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as leave:
        raise SystemExit(main(args))
    assert leave.value.code == 2
    err = capsys.readouterr().err
    assert "writer" in err and "error" in err and "Traceback" not in err


def test_ics_has_an_event_with_a_reminder_per_do_action(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.ics"
    assert main(["plan", ACME, "--now", NOW, "--ics", str(target)]) == 0
    text = target.read_text()
    from icalendar import Calendar

    events = Calendar.from_ical(text).walk("VEVENT")
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert "Send connection request to Dana Lee (Acme Robotics)" in summaries
    assert len(events) == 6  # 4 emails, connection requests to Dana and Priya
    assert all(e.walk("VALARM") for e in events)
    first = next(e for e in events if "thank you email to Dana" in str(e["SUMMARY"]))
    assert first.decoded("DTSTART").isoformat() == "2026-11-20T21:00:00+00:00"


def test_ics_unwritable_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", ACME, "--ics", "/nonexistent/dir/plan.ics"]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_readable_draft_shows_counter_and_window(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", ACME, "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "Dana Lee · connection note · do" in out
    assert "/200 chars · ok" in out
    assert "send Sat 21 Nov 16:00 → Mon 23 Nov 16:00" in out
    assert "Jordan Blake: connection request (connect.not_hr)" in out


def test_readable_plan_shows_relative_times(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", ACME, "--now", NOW]) == 0
    out = capsys.readouterr().out
    assert "(due in 22 h)" in out and "(opens in 22 h)" in out
    assert "connect.not_hr:" in out


# A fresh interpreter costs seconds: the default run starts one, the slow run the rest (and
# CI's `tasks.py test` drafts every example with the installed `writer` as well).
@pytest.mark.parametrize(
    "path",
    [EXAMPLES[0], *(pytest.param(p, marks=pytest.mark.slow) for p in EXAMPLES[1:])],
    ids=lambda p: p.name,
)
def test_python_dash_m_drafts_every_example(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "writer", "draft", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert all(d["ok"] for d in json.loads(done.stdout)["drafts"])


def test_no_arguments_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    assert "plan" in capsys.readouterr().out
