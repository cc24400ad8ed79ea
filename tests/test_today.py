"""`writer today` over a folder of six loops in different states (docs/notes-format.md §3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from writer.cli import main

NOW = "2026-12-01T10:00:00-05:00"  # a Tuesday


def _loop(company: str, interview: dict[str, Any], person: dict[str, Any], **top: Any) -> Any:
    return {
        "candidate": {"name": "Alex Kim"},
        "company": company,
        "role": "Data Engineer",
        "interview": {"went": "well", **interview},
        "interviewers": [person],
        **top,
    }


RECRUITER = {"name": "Rita Gomez", "relation": "recruiter", "email_sent_on": "2026-11-16"}
OLD = {"start": "2026-11-16T10:00:00-05:00", "end": "2026-11-16T11:00:00-05:00"}
LOOPS = {
    # Interviewed yesterday: the thank-you is due; the request and the status email are next.
    "fresh": _loop(
        "Fresh Co",
        {"start": "2026-11-30T14:00:00-05:00", "end": "2026-11-30T15:00:00-05:00"},
        {"name": "Dana Lee", "relation": "hiring_manager", "topics": ["the Kafka migration"]},
    ),
    # Decision promised by Wed 25 Nov: the status email was due Fri 27 Nov.
    "late": _loop("Late Co", {**OLD, "decision_by": "2026-11-25"}, RECRUITER),
    # Decision promised by Fri 27 Nov: the status email is due today (Tuesday).
    "today": _loop("Today Co", {**OLD, "decision_by": "2026-11-27"}, RECRUITER),
    # Rejected yesterday: the reply is due by the end of today.
    "rejected": _loop("Nope Co", OLD, RECRUITER, outcome="rejected", outcome_on="2026-11-30"),
    # Two status emails unanswered (in the ledger): cold, nothing due.
    "cold": _loop("Cold Co", {**OLD, "decision_by": "2026-11-18"}, RECRUITER),
    # An offer on Thu 26 Nov not yet answered: overdue since Fri 18:00.
    "offer": _loop(
        "Offer Co",
        OLD,
        {**RECRUITER, "rapport": "minimal"},
        outcome="offer",
        outcome_on="2026-11-26",
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    where = tmp_path / "loops"
    where.mkdir()
    for name, data in LOOPS.items():
        (where / f"{name}.yaml").write_text(yaml.safe_dump(data), "utf-8")
    for at in ("2026-11-20T10:00:00-05:00", "2026-11-27T10:00:00-05:00"):
        assert (
            main(["sent", str(where / "cold.yaml"), "--to", "Rita", "--kind", "status", "--at", at])
            == 0
        )
    return where


def today(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    capsys.readouterr()
    assert main(["today", *args, "--now", NOW, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def rows(data: Any) -> list[tuple[str, str, str, str]]:
    return [(e["state"], e["company"], e["person"], e["kind"]) for e in data["entries"]]


def test_lists_exactly_what_is_due_overdue_and_next(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = today(capsys, str(folder))
    assert rows(data) == [
        ("overdue", "Late Co", "Rita Gomez", "status_email"),  # closed Fri 27 Nov 18:00
        ("overdue", "Offer Co", "Rita Gomez", "offer_reply"),  # closed then too
        ("due", "Fresh Co", "Dana Lee", "thank_you_email"),  # closes Tue 15:00
        ("due", "Nope Co", "Rita Gomez", "rejection_reply"),  # closes Tue 18:00
        ("due", "Today Co", "Rita Gomez", "status_email"),  # closes Tue 18:00 too
        ("next", "Fresh Co", "Dana Lee", "connection_request"),  # opens Tue 15:00
        ("next", "Fresh Co", "Dana Lee", "status_email"),  # opens Mon 7 Dec 09:00
    ]
    assert data["loops"] == 6 and data["problems"] == []
    assert [c["company"] for c in data["cold"]] == ["Cold Co"]
    first = data["entries"][1]
    assert first["not_after"] == "2026-11-27T18:00:00-05:00"
    assert first["file"].endswith("offer.yaml") and first["label"] == "reply to an offer"


def test_recording_a_send_removes_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["sent", str(folder / "today.yaml"), "--to", "Rita Gomez", "--kind", "status_email"])
    main(["sent", str(folder / "fresh.yaml"), "--to", "Dana", "--kind", "email", "--at", NOW])
    kinds = rows(today(capsys, str(folder)))
    assert ("due", "Today Co", "Rita Gomez", "status_email") not in kinds
    assert ("due", "Fresh Co", "Dana Lee", "thank_you_email") not in kinds
    # The second status email, a week after the first, is next.
    assert ("next", "Today Co", "Rita Gomez", "status_email") in kinds
    assert len(kinds) == 6


def test_a_bad_file_is_a_line_not_a_stop(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "broken.yaml").write_text("company: [\n", "utf-8")
    data = today(capsys, str(folder), str(folder / "missing.yaml"))
    assert len(data["entries"]) == 7
    problems = {Path(p["file"]).name: p["message"] for p in data["problems"]}
    assert (
        "YAML" in problems["broken.yaml"] and problems["missing.yaml"] == "no such file or folder"
    )
    assert main(["today", str(folder), "--now", NOW]) == 0
    text = capsys.readouterr().out
    assert "Overdue (2)" in text and "Due now (3)" in text and "Next (2)" in text
    assert "skipped " in text and "broken.yaml" in text and "cold: Cold Co" in text


def test_default_is_the_current_folder_and_ics_holds_the_queue(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    target = folder.parent / "queue.ics"
    assert main(["today", "--now", NOW, "--ics", str(target)]) == 0
    calendar = target.read_text("utf-8")
    assert calendar.count("BEGIN:VEVENT") == 7
    assert "Send status email to Rita Gomez (Late Co)" in calendar
    assert "Due now (3)" in capsys.readouterr().out


def test_recording_their_reply_cancels_the_status_email(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = str(folder / "late.yaml")
    assert main(["sent", late, "--to", "Rita", "--kind", "heard_back", "--at", NOW]) == 0
    assert "Recorded: a reply from Rita Gomez (Late Co)" in capsys.readouterr().out
    assert ("overdue", "Late Co", "Rita Gomez", "status_email") not in rows(
        today(capsys, str(folder))
    )
    capsys.readouterr()
    assert main(["plan", late, "--now", NOW]) == 0
    assert "They wrote back on Tue 01 Dec" in capsys.readouterr().out
