"""`writer new --invite`: notes started from calendar invites shaped like Google Calendar,
Outlook and Apple Calendar exports, and from an email carrying one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.helpers import ROOT
from writer.cli import main
from writer.errors import InputError
from writer.loader import load_notes, parse_notes

INVITES = ROOT / "tests" / "data" / "invites"
ME = "alex.kim@example.com"


def new_notes(tmp_path: Path, invite: str, *extra: str) -> str:
    out = tmp_path / "notes.yaml"
    assert main(["new", "--invite", str(INVITES / invite), "--out", str(out), *extra]) == 0
    return out.read_text(encoding="utf-8")


def filled(text: str) -> str:
    """The skeleton as the candidate completes it: every FILL IN replaced."""
    lines = []
    for line in text.splitlines():
        key = line.split(":")[0].strip()
        if "FILL IN" in line and key == "start":
            line = line.split(":")[0] + ": 2026-11-20T14:00:00-05:00"
        elif "FILL IN" in line:
            line = line.split(":")[0] + ": Filled By Hand"
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("invite", "people", "start", "end"),
    [
        (
            "outlook.ics",  # Windows zone name, defined by the invite's VTIMEZONE
            ["Jordan Blake", "Dana Lee", "Priya Raman", "Marcus O'Neill"],
            "2026-11-20T14:00:00-05:00",
            "2026-11-20T16:00:00-05:00",
        ),
        (
            "google.ics",  # UTC "Z" times, shown in the calendar's X-WR-TIMEZONE
            ["Sam Ortiz", "Mia Chen"],
            "2026-11-20T14:00:00-08:00",
            "2026-11-20T15:30:00-08:00",
        ),
        (
            "apple.ics",  # an Olson TZID with its VTIMEZONE, quoted non-ASCII names
            ["Jürgen Weiß", "Zoë Dubois", "Kai Becker"],
            "2026-11-24T10:00:00+01:00",
            "2026-11-24T11:30:00+01:00",
        ),
        (
            "rescheduled.ics",  # SEQUENCE 2: the new times
            ["Jordan Blake", "Dana Lee", "Priya Raman", "Marcus O'Neill"],
            "2026-11-23T09:30:00-05:00",
            "2026-11-23T11:00:00-05:00",
        ),
        (
            "google-invite.eml",  # the invite inside the email Google sends
            ["Sam Ortiz", "Mia Chen"],
            "2026-11-20T14:00:00-08:00",
            "2026-11-20T15:30:00-08:00",
        ),
    ],
)
def test_invite_becomes_notes_that_load(
    tmp_path: Path, invite: str, people: list[str], start: str, end: str
) -> None:
    text = new_notes(tmp_path, invite, "--me", ME)
    notes = parse_notes(filled(text), "notes.yaml")
    assert [p.name for p in notes.interviewers] == people
    assert notes.interview.start == datetime.fromisoformat(start)
    assert notes.interview.start.utcoffset() == datetime.fromisoformat(start).utcoffset()
    assert notes.interview.end == datetime.fromisoformat(end)
    assert all(p.email and "@" in p.email for p in notes.interviewers)
    assert ME not in {p.email for p in notes.interviewers}  # the candidate is left out
    assert not any(
        "room" in (p.email or "") or "resource" in (p.email or "") for p in notes.interviewers
    )


def test_summary_suggests_company_role_and_stage(tmp_path: Path) -> None:
    notes = parse_notes(filled(new_notes(tmp_path, "outlook.ics", "--me", ME)))
    assert (notes.company, notes.role) == ("Acme Robotics", "Senior Backend Engineer")
    assert notes.interview.stage == "final round"
    google = parse_notes(filled(new_notes(tmp_path, "google.ics", "--me", ME, "--force")))
    assert (google.company, google.role) == ("Brightleaf", "Product Designer")


def test_organizer_is_marked_recruiter(tmp_path: Path) -> None:
    notes = parse_notes(filled(new_notes(tmp_path, "outlook.ics", "--me", ME)))
    jordan = notes.interviewer("Jordan Blake")
    assert jordan is not None and jordan.relation == "recruiter"
    dana = notes.interviewer("Dana Lee")
    assert dana is not None and dana.relation == "other"


def test_candidate_found_from_the_emails_recipient(tmp_path: Path) -> None:
    text = new_notes(tmp_path, "google-invite.eml")  # no --me: the To of the email
    assert f'email: "{ME}"' in text.split("company:")[0]  # as candidate.email
    notes = parse_notes(filled(text))
    assert notes.candidate.email == ME
    assert ME not in {p.email for p in notes.interviewers}


def test_candidate_unknown_is_left_in_with_a_comment(tmp_path: Path) -> None:
    text = new_notes(tmp_path, "outlook.ics")
    line = next(line for line in text.splitlines() if '"Alex Kim"' in line)
    assert "if this is you, delete this entry" in line
    assert "Alex Kim" in [p.name for p in parse_notes(filled(text)).interviewers]


def test_me_from_the_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WRITER_ME", ME)
    notes = parse_notes(filled(new_notes(tmp_path, "apple.ics")))
    assert "Alex Kim" not in [p.name for p in notes.interviewers]
    assert notes.candidate.name == "Alex Kim"


def test_all_day_event_is_a_date(tmp_path: Path) -> None:
    text = new_notes(tmp_path, "allday.ics", "--me", ME)
    assert "start: 2026-12-03  # all day" in text
    notes = parse_notes(filled(text))
    assert notes.interview.start.date() == date(2026, 12, 3) and notes.interview.start_was_date
    assert [p.name for p in notes.interviewers] == ["Quillstone Recruiting", "Lee Park"]
    assert notes.company == "Quillstone"


def test_placeholders_are_refused_until_filled(tmp_path: Path) -> None:
    new_notes(tmp_path, "allday.ics")
    with pytest.raises(InputError) as caught:
        load_notes(tmp_path / "notes.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any("role is still 'FILL IN'" in m and "job title" in m for m in messages)
    assert any(":4: candidate.name is still 'FILL IN'" in m for m in messages)
    assert main(["plan", str(tmp_path / "notes.yaml")]) == 2


def test_cancellation_says_so_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.yaml"
    code = main(["new", "--invite", str(INVITES / "cancelled.ics"), "--out", str(out)])
    assert code == 2 and not out.exists()
    assert "is a cancellation" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"BEGIN:VCALENDAR\nnot a content line\n", b"\x00\x01"])
def test_malformed_invite_exits_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_bytes(content)
    assert main(["new", "--invite", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "cannot read this invite" in err and "Traceback" not in err
    assert main(["new", "--invite", str(INVITES / "malformed.ics")]) == 2
    assert "DTSTART/DTEND cannot be read" in capsys.readouterr().err


def test_email_without_an_invite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mail = tmp_path / "plain.eml"
    mail.write_bytes(
        b"From: a@b.example\r\nTo: c@d.example\r\nSubject: hi\r\n"
        b"Content-Type: text/plain\r\n\r\nhello\r\n"
    )
    assert main(["new", "--invite", str(mail)]) == 2
    assert "carries no calendar invite" in capsys.readouterr().err


def test_out_is_not_overwritten_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.yaml"
    out.write_text("mine\n")
    assert main(["new", "--invite", str(INVITES / "apple.ics"), "--out", str(out)]) == 2
    assert "pass --force" in capsys.readouterr().err and out.read_text() == "mine\n"
    args = ["new", "--invite", str(INVITES / "apple.ics"), "--out", str(out), "--force"]
    assert main(args) == 0 and "Nordwind Bank" in out.read_text(encoding="utf-8")


def test_without_invite_or_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["new"]) == 2
    err = capsys.readouterr().err
    assert "pass --invite FILE" in err and "examples/" in err


def test_prompt_asks_for_the_required_fields(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter(["Alex Kim", "Acme", "Engineer", "2026-11-20T14:00:00-05:00", "Dana Lee, Bo"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    assert main(["new"]) == 0
    notes = parse_notes(capsys.readouterr().out)
    assert (notes.candidate.name, notes.company, notes.role) == ("Alex Kim", "Acme", "Engineer")
    assert [p.name for p in notes.interviewers] == ["Dana Lee", "Bo"]


def test_a_summary_with_line_breaks_stays_in_its_comment(tmp_path: Path) -> None:
    text = (INVITES / "apple.ics").read_text(encoding="utf-8")
    hostile = text.replace(
        "SUMMARY:Nordwind Bank | Data Analyst interview",
        "SUMMARY:Nordwind Bank | Data Analyst\\ncompany: Evil Corp\\nrole: x",
    )
    invite = tmp_path / "hostile.ics"
    invite.write_text(hostile, encoding="utf-8")
    out = tmp_path / "notes.yaml"
    assert main(["new", "--invite", str(invite), "--out", str(out), "--me", ME]) == 0
    notes = parse_notes(filled(out.read_text(encoding="utf-8")))
    assert notes.company == "Nordwind Bank"


def test_a_directory_is_not_an_invite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--invite", str(tmp_path)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_windows_zone_name_without_its_vtimezone(tmp_path: Path) -> None:
    text = (INVITES / "outlook.ics").read_text(encoding="utf-8")
    head, rest = text.split("BEGIN:VTIMEZONE", 1)
    invite = tmp_path / "bare.ics"
    invite.write_text(head + rest.split("END:VTIMEZONE\n", 1)[1], encoding="utf-8")
    assert "VTIMEZONE" not in invite.read_text(encoding="utf-8")
    out = tmp_path / "notes.yaml"
    assert main(["new", "--invite", str(invite), "--out", str(out), "--me", ME]) == 0
    notes = parse_notes(filled(out.read_text(encoding="utf-8")))
    assert notes.interview.start == datetime.fromisoformat("2026-11-20T14:00:00-05:00")
    assert notes.interview.ends == datetime.fromisoformat("2026-11-20T16:00:00-05:00")
