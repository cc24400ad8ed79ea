"""`writer plan` on the clock: its warnings, `--now` without an offset, and `--ics` that
never writes a window that has closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ROOT
from writer.cli import main

ACME = str(ROOT / "examples" / "acme-final-round.yaml")


def date_only_notes(tmp_path: Path) -> str:
    text = (ROOT / "examples" / "acme-final-round.yaml").read_text("utf-8")
    text = text.replace("start: 2026-11-20T14:00:00-05:00", "start: 2026-11-20")
    text = text.replace("  end: 2026-11-20T16:00:00-05:00\n", "")
    path = tmp_path / "date-only.yaml"
    path.write_text(text, "utf-8")
    return str(path)


def test_plan_text_and_json_carry_the_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = date_only_notes(tmp_path)
    assert main(["plan", notes, "--now", "2026-11-20T18:00:00+00:00"]) == 0
    out = capsys.readouterr().out
    assert "warning interview.date_only: interview.start is a date alone (2026-11-20)" in out
    assert "warning interview.no_end: interview.end is missing" in out
    assert main(["plan", notes, "--now", "2026-11-20T18:00:00+00:00", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert [w["rule"] for w in plan["warnings"]] == ["interview.date_only", "interview.no_end"]
    assert all("To be exact" in w["text"] for w in plan["warnings"])


def test_an_exact_plan_has_an_empty_warnings_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", ACME, "--now", "2026-11-20T18:00:00-05:00", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["warnings"] == []


def test_now_without_an_offset_is_read_in_the_notes_offset_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", ACME, "--now", "2026-11-20T18:00:00", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["now"] == "2026-11-20T18:00:00-05:00"
    assert "--now 2026-11-20T18:00:00 has no UTC offset" in captured.err
    assert "2026-11-20T18:00:00-05:00" in captured.err


def test_now_with_an_offset_is_used_as_given(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", ACME, "--now", "2026-11-20T23:00:00+00:00", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["now"] == "2026-11-20T18:00:00-05:00"  # the same moment
    assert "offset" not in captured.err


def test_ics_leaves_out_closed_windows_and_says_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from icalendar import Calendar

    target = tmp_path / "plan.ics"
    # 30 h after the end: the four emails are still `do`, but their 24 h windows have closed.
    assert main(["plan", ACME, "--now", "2026-11-21T22:00:00-05:00", "--ics", str(target)]) == 0
    err = capsys.readouterr().err
    assert f"Calendar written to {target} (4 'do' actions left out: their windows" in err
    events = Calendar.from_ical(target.read_text()).walk("VEVENT")
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == [
        "Send connection request to Dana Lee (Acme Robotics)",
        "Send connection request to Priya Raman (Acme Robotics)",
    ]


def test_ics_says_nothing_was_left_out_when_every_window_is_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.ics"
    assert main(["plan", ACME, "--now", "2026-11-20T18:00:00-05:00", "--ics", str(target)]) == 0
    err = capsys.readouterr().err
    assert f"Calendar written to {target}\n" in err and "left out" not in err


def test_draft_text_ends_with_the_plans_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = date_only_notes(tmp_path)
    code = main(["draft", notes, "--now", "2026-11-20T18:00:00+00:00", "--kind", "email"])
    assert code in (0, 1)
    out = capsys.readouterr().out
    tail = out.rsplit("─" * 72, 1)[1]
    assert "warning interview.date_only:" in tail and "warning interview.no_end:" in tail


def test_a_recorded_thank_you_is_skipped_like_email_sent_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    at = "2026-11-20T17:00:00-05:00"
    assert main(["sent", ACME, "--to", "Dana Lee", "--kind", "thank_you_email", "--at", at]) == 0
    noted = tmp_path / "noted.yaml"
    text = (ROOT / "examples" / "acme-final-round.yaml").read_text("utf-8")
    noted.write_text(
        text.replace(
            "  - name: Priya Raman\n", "  - name: Priya Raman\n    email_sent_on: 2026-11-20\n"
        ),
        "utf-8",
    )
    capsys.readouterr()
    assert main(["plan", str(noted), "--now", "2026-11-20T18:00:00-05:00", "--json"]) == 0
    people = {p["name"]: p for p in json.loads(capsys.readouterr().out)["interviewers"]}
    for name, source in (("Dana Lee", "ledger"), ("Priya Raman", "email_sent_on")):
        [email] = [a for a in people[name]["actions"] if a["kind"] == "thank_you_email"]
        assert email["decision"] == "skip"
        assert [r["rule"] for r in email["reasons"]] == ["email.sent"]
        assert "Fri 20 Nov" in email["reasons"][0]["text"] and source in email["reasons"][0]["text"]
