"""The ledger: what was sent, and how the planner respects it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers import BASE, EVENING, ROOT, notes_from
from writer.cli import main
from writer.ledger import MIGRATIONS, Ledger, default_path, load_sent
from writer.notes import Notes
from writer.plan import ActionKind, Decision, Sent
from writer.planner import plan_for

ACME = str(ROOT / "examples" / "acme-final-round.yaml")
NOW = "2026-11-21T18:00:00-05:00"


def test_migrations_run_in_order_once(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    with closing(Ledger.open(path)) as ledger:
        names = [row[0] for row in ledger.db.execute("SELECT name FROM migrations")]
        assert names == [name for name, _ in MIGRATIONS]
        assert ledger.migrate() == []


def test_sent_connection_request_is_never_proposed_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main(
            [
                "sent",
                ACME,
                "--to",
                "Dana Lee",
                "--kind",
                "connection_request",
                "--at",
                "2026-11-21T17:00:00-05:00",
            ]
        )
        == 0
    )
    assert "Recorded: connection request to Dana Lee" in capsys.readouterr().out
    assert main(["plan", ACME, "--now", NOW, "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    request = plan["interviewers"][0]["actions"][1]
    assert (request["kind"], request["decision"]) == ("connection_request", "skip")
    assert request["reasons"][0]["rule"] == "connect.never_repeat"
    follow_up = plan["interviewers"][0]["actions"][2]
    assert follow_up["decision"] == "wait"


def test_sent_email_and_message_are_not_proposed_again() -> None:
    at = datetime.fromisoformat("2026-11-20T17:00:00-05:00")
    sent = [Sent("Acme Robotics", "Dana Lee", ActionKind.thank_you_email, at)]
    email = (
        plan_for(notes_from(), EVENING, sent=sent)
        .interviewers[0]
        .action(ActionKind.thank_you_email)
    )
    assert email is not None and email.decision == Decision.skip
    assert "recorded in your ledger" in email.reasons[0].text
    accepted = notes_from(linkedin={"status": "accepted", "accepted_on": "2026-11-21"})
    sent = [Sent("Acme Robotics", "Dana Lee", ActionKind.follow_up_message, at)]
    message = (
        plan_for(accepted, EVENING, sent=sent).interviewers[0].action(ActionKind.follow_up_message)
    )
    assert message is not None and message.decision == Decision.skip


def test_budget_counts_notes_recorded_this_month_for_any_company() -> None:
    people = [{"name": f"Person {i}", "relation": "team_member"} for i in range(4)]
    notes = Notes.model_validate(BASE | {"interviewers": people})
    at = datetime.fromisoformat("2026-11-05T10:00:00-05:00")
    elsewhere = [Sent(f"Other {i}", "Someone", ActionKind.connection_request, at) for i in range(3)]
    plan = plan_for(notes, EVENING, sent=elsewhere)
    decisions = [
        p.action(ActionKind.connection_request).decision  # type: ignore[union-attr]
        for p in plan.interviewers
    ]
    assert decisions.count(Decision.do) == 2, "5 a month, 3 already used"
    last_month = [Sent("Old", "X", ActionKind.connection_request, at.replace(month=10))] * 3
    plan = plan_for(notes, EVENING, sent=last_month)
    assert all(
        p.action(ActionKind.connection_request).decision == Decision.do  # type: ignore[union-attr]
        for p in plan.interviewers
    )


def test_ledger_lists_forgets_and_purges(capsys: pytest.CaptureFixture[str]) -> None:
    main(["sent", ACME, "--to", "Priya", "--kind", "email", "--at", NOW])
    main(["sent", ACME, "--to", "Dana Lee", "--kind", "email", "--at", NOW])
    capsys.readouterr()
    assert main(["ledger", "--json"]) == 0
    assert {e["interviewer"] for e in json.loads(capsys.readouterr().out)} == {
        "Priya Raman",
        "Dana Lee",
    }
    main(["ledger", "--forget", "Priya Raman"])
    assert [s.interviewer for s in load_sent()] == ["Dana Lee"]
    main(["ledger", "--purge"])
    assert load_sent() == []


def test_draft_runs_are_logged(capsys: pytest.CaptureFixture[str]) -> None:
    main(["draft", ACME, "--now", NOW, "--kind", "connection_note"])
    capsys.readouterr()
    assert main(["ledger", "--drafts", "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert {e["interviewer"] for e in log} == {"Dana Lee", "Priya Raman", "Marcus O'Neill"}
    assert all(e["backend"] == "offline" and e["kind"] == "connection_note" for e in log)


def test_batch_runs_are_logged_per_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for example in ("acme-final-round.yaml", "quillstone-rejected.yaml"):
        (inputs / example).write_text((ROOT / "examples" / example).read_text())
    main(["batch", str(inputs), "--out", str(tmp_path / "out"), "--now", NOW, "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert main(["ledger", "--drafts", "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert len(log) == summary["drafts"]
    assert {Path(e["source"]).name for e in log} == {
        "acme-final-round.yaml",
        "quillstone-rejected.yaml",
    }


def test_a_batch_goes_on_when_the_ledger_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not sqlite")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "acme.yaml").write_text(Path(ACME).read_text())
    code = main(["batch", str(inputs), "--out", str(tmp_path / "out"), "--now", NOW])
    err = capsys.readouterr().err
    assert code == 0 and err.count("the draft log could not be written") == 1
    assert "Traceback" not in err and list((tmp_path / "out").glob("acme-*.json"))


def test_sent_needs_a_known_person_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sent", ACME, "--to", "Nobody", "--kind", "email"]) == 2
    assert main(["sent", ACME, "--to", "Dana", "--kind", "carrier_pigeon"]) == 2
    assert "use one of" in capsys.readouterr().err


def test_a_broken_ledger_is_reported_not_fatal(capsys: pytest.CaptureFixture[str]) -> None:
    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not sqlite")
    assert main(["plan", ACME, "--now", NOW]) == 0
    assert "the ledger could not be read" in capsys.readouterr().err
    with pytest.raises(sqlite3.DatabaseError):
        Ledger.open(path)
