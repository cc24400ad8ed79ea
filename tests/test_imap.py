"""`writer draft --imap` against a real dovecot on 127.0.0.1: the drafts land in the Drafts
folder flagged as drafts, nothing is sent, and the app password never shows."""

from __future__ import annotations

import email
import email.policy
import imaplib
import shutil
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import cast

import pytest

from tests.helpers import ROOT
from tests.imap_server import DOVECOT, Server, dovecot
from writer.cli import main
from writer.ledger_export import load_exports

ACME = str(ROOT / "examples" / "acme-final-round.yaml")
NOW = "2026-11-20T18:00:00-05:00"

pytestmark = pytest.mark.skipif(
    DOVECOT is None or shutil.which("openssl") is None,
    reason="needs Debian's dovecot-imapd and openssl (apt-get install -y dovecot-imapd)",
)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    with dovecot() as running:
        monkeypatch.setenv("WRITER_IMAP_HOST", "127.0.0.1")
        monkeypatch.setenv("WRITER_IMAP_PORT", str(running.port))
        monkeypatch.setenv("WRITER_IMAP_USER", running.user)
        monkeypatch.setenv("WRITER_IMAP_PASSWORD", running.password)
        monkeypatch.setenv("WRITER_IMAP_CA_FILE", running.ca_file)
        yield running


def drafts_in(server: Server, folder: str = "Drafts") -> list[tuple[bytes, EmailMessage]]:
    context = ssl.create_default_context(cafile=server.ca_file)
    with imaplib.IMAP4_SSL("127.0.0.1", server.port, ssl_context=context, timeout=10) as box:
        box.login(server.user, server.password)
        box.select(folder, readonly=True)
        _, found = box.search(None, "ALL")
        out = []
        for number in found[0].split():
            _, data = box.fetch(number, "(FLAGS RFC822)")
            head, raw = cast("tuple[bytes, bytes]", data[0])
            message = email.message_from_bytes(raw, policy=email.policy.default)
            assert isinstance(message, EmailMessage)
            out.append((head, message))
        return out


def test_drafts_are_appended_and_read_back(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["draft", ACME, "--offline", "--now", NOW, "--imap", "--eml", str(tmp_path)])
    assert code in (0, 1)
    captured = capsys.readouterr()
    assert "appended to 127.0.0.1/Drafts" in captured.err
    files = {p.name for p in tmp_path.glob("*.eml")}
    found = drafts_in(server)
    assert len(found) == len(files) >= 3
    for flags, message in found:
        assert b"\\Draft" in flags
        assert message["X-Unsent"] == "1"
        assert str(message["From"]) == "Alex Kim <alex.kim@example.com>"
        body = message.get_body(("plain",))
        assert body is not None and "Alex Kim" in str(body.get_content())
    on_disk = []
    for path in tmp_path.glob("*.eml"):
        saved = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        on_disk.append((str(saved["To"]), str(saved["Subject"])))
    assert sorted((str(m["To"]), str(m["Subject"])) for _, m in found) == sorted(on_disk)
    assert drafts_in(server, "INBOX") == []  # nothing delivered anywhere: drafts only
    vias = sorted({r.via for r in load_exports("Acme Robotics")})
    assert vias == ["eml", "imap"]
    secret = server.password
    assert secret not in captured.out and secret not in captured.err
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name == "ledger.sqlite3" for p in written)  # WRITER_HOME is in tmp_path
    for logged in written:
        assert secret.encode() not in logged.read_bytes(), logged


def test_a_wrong_password_is_a_clear_error_without_it(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WRITER_IMAP_PASSWORD", "wrong-Pa55word-xyz")
    assert main(["draft", ACME, "--offline", "--now", NOW, "--imap"]) == 2
    err = capsys.readouterr().err
    assert "127.0.0.1" in err and "Traceback" not in err
    assert "wrong-Pa55word-xyz" not in err
    assert drafts_in(server) == []


def test_missing_settings_are_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", ACME, "--offline", "--now", NOW, "--imap"]) == 2
    err = capsys.readouterr().err
    assert "imap_host (WRITER_IMAP_HOST)" in err and "app password" in err
