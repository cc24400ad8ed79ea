"""`writer draft --eml`: each email draft as an RFC 5322 draft message a mail program opens
for editing, parsed back with the standard library; and the app's "open in mail" link."""

from __future__ import annotations

import email
import email.policy
import shutil
from datetime import datetime
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from tests.helpers import ROOT
from writer.backends import OfflineBackend
from writer.cli import main
from writer.ledger_export import load_exports
from writer.mail import MOZILLA_DRAFT_INFO, mailto
from writer.tui.app import make_app

ACME = ROOT / "examples" / "acme-final-round.yaml"
NOW = "2026-11-20T18:00:00-05:00"


def text_of(message: EmailMessage) -> str:
    """The plain-text body, its RFC 5322 CRLF line ends read as newlines."""
    body = message.get_body(("plain",))
    assert isinstance(body, EmailMessage) and body.get_content_charset() == "utf-8"
    return str(body.get_content()).replace("\r\n", "\n").rstrip("\n")


def parsed(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def drafts_json(capsys: pytest.CaptureFixture[str], notes: Path, out: Path) -> list[dict]:  # type: ignore[type-arg]
    import json

    code = main(["draft", str(notes), "--offline", "--now", NOW, "--json", "--eml", str(out)])
    assert code in (0, 1)
    return [d for d in json.loads(capsys.readouterr().out)["drafts"] if d.get("subject")]


def test_every_email_draft_becomes_a_draft_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mail"
    emails = drafts_json(capsys, ACME, out)
    files = sorted(out.glob("*.eml"))
    assert len(files) == len(emails) >= 3
    notes = yaml.safe_load(ACME.read_text())
    addresses = {p["name"]: p.get("email") for p in notes["interviewers"]}
    for draft in emails:
        match = [
            f
            for f in files
            if parsed(f)["Subject"] == draft["subject"]
            and draft["interviewer"] in str(parsed(f)["To"] or draft["interviewer"])
        ]
        assert match, draft["interviewer"]
        message = parsed(match[0])
        assert message["X-Unsent"] == "1"
        assert message["X-Mozilla-Draft-Info"] == MOZILLA_DRAFT_INFO
        assert parseaddr(str(message["From"])) == ("Alex Kim", "alex.kim@example.com")
        to = addresses[draft["interviewer"]]
        assert (parseaddr(str(message["To"]))[1] if message["To"] else None) == to
        assert text_of(message) == draft["text"].rstrip("\n")
        assert message["Message-ID"] and message["Date"]


def test_non_ascii_names_and_bodies_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load(ACME.read_text())
    data["candidate"] = {"name": "Zoë Dubois", "email": "zoe@example.com"}
    data["interviewers"] = [
        {
            "name": "Jürgen Weiß",
            "email": "juergen@nordwind.example",
            "relation": "hiring_manager",
            "topics": ["die Migration nach Köln"],
            "rapport": "strong",
        }
    ]
    notes = tmp_path / "notes.yaml"
    notes.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "mail"
    (draft,) = drafts_json(capsys, notes, out)
    (file,) = out.glob("*.eml")
    raw = file.read_bytes()
    assert raw.isascii()  # encoded words and a transfer encoding: no raw 8-bit bytes
    assert file.name == "jurgen-wei-thank_you_email.eml"
    message = parsed(file)
    assert parseaddr(str(message["To"])) == ("Jürgen Weiß", "juergen@nordwind.example")
    assert parseaddr(str(message["From"])) == ("Zoë Dubois", "zoe@example.com")
    assert text_of(message) == draft["text"].rstrip("\n")
    assert "Jürgen" in text_of(message)


def test_exports_are_recorded_not_sent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mail"
    emails = drafts_json(capsys, ACME, out)
    rows = load_exports("Acme Robotics")
    assert sorted(r.interviewer for r in rows) == sorted(d["interviewer"] for d in emails)
    assert {r.via for r in rows} == {"eml"} and all(Path(r.target).exists() for r in rows)
    main(["ledger", "--json"])
    assert "Dana Lee" not in capsys.readouterr().out  # drafted is not sent


def test_eml_into_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    code = main(["draft", str(ACME), "--offline", "--now", NOW, "--eml", str(target)])
    assert code == 2 and "give a folder" in capsys.readouterr().err


def test_mailto_link_is_percent_encoded() -> None:
    link = mailto("dana.lee@acme.example", "Thanks & more?", "Hi Dana,\n\nZoë here.\n")
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and parts.path == "dana.lee@acme.example"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thanks & more?"]
    assert query["body"] == ["Hi Dana,\r\n\r\nZoë here."]
    assert " " not in link and "\n" not in link


async def test_app_opens_the_email_in_mail(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    shutil.copy(ACME, notes)
    app = make_app(notes, OfflineBackend(), datetime.fromisoformat(NOW))
    opened: list[str] = []

    def no_handler(url: str) -> bool:  # as on a machine without a mail program: shown
        opened.append(url)
        return False

    app.open_link = no_handler
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        dana = next(
            i
            for i, d in enumerate(app.session.drafts)
            if d.interviewer == "Dana Lee" and d.kind == "thank_you_email"
        )
        app.show_draft(dana)
        await pilot.press("f7")
        await pilot.pause()
        draft = app.session.drafts[dana]
        assert opened == [app.mail_link]
        parts = urlsplit(opened[0])
        assert unquote(parts.path) == "dana.lee@acme.example"
        query = parse_qs(parts.query)
        assert query["subject"] == [draft.subject]
        assert query["body"][0].replace("\r\n", "\n") == draft.text.rstrip("\n")
        shown = [n.message for n in app._notifications]
        assert any("open it yourself: mailto:dana.lee@acme.example?" in m for m in shown)
    assert [r.via for r in load_exports("Acme Robotics")] == ["mailto"]
