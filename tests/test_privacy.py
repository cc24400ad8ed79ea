"""Keys never leak, and offline means offline."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.flaky_server import flaky_server
from tests.helpers import ROOT
from writer.cli import main

ACME = str(ROOT / "examples" / "acme-final-round.yaml")
NOW = "2026-11-21T09:00:00-05:00"
FAKE_KEY = "sk-proj-LEAKCHECK-0123456789abcdefABCDEF"


def _everything_written(folders: list[Path]) -> str:
    texts = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                texts.append(path.read_bytes().decode("utf-8", "replace"))
    return "\n".join(texts)


def test_a_key_appears_nowhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
    with flaky_server() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        server.then("ok", "500", "ok", "401")
        main(["draft", ACME, "--now", NOW, "--json"])
        main(["batch", ACME, "--out", str(tmp_path / "out"), "--now", NOW])
        main(["ledger", "--drafts", "--json"])
        main(["eval", str(ROOT / "evals" / "golden"), "--limit", "1", "--json"])
    captured = capsys.readouterr()
    written = _everything_written([tmp_path])  # out dir, WRITER_HOME (ledger, cache), config
    for text in (
        captured.out,
        captured.err,
        written,
        _everything_written([ROOT / "tests" / "cassettes"]),
    ):
        assert FAKE_KEY not in text
        assert FAKE_KEY[8:] not in text


def _no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("the network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_offline_mode_uses_no_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("WRITER_OFFLINE", "1")
    attempts = _no_sockets(monkeypatch)
    assert main(["plan", ACME, "--now", NOW]) == 0
    capsys.readouterr()
    assert main(["draft", ACME, "--now", NOW, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backend"] == "offline"
    assert main(["check", "Hi Dana, thanks for the Kafka talk.", "--kind", "connection_note"]) == 0
    assert main(["batch", ACME, "--out", str(tmp_path / "out"), "--now", NOW]) == 0
    assert main(["eval", str(ROOT / "evals" / "golden"), "--limit", "3"]) == 0
    capsys.readouterr()
    assert main(["draft", ACME, "--backend", "openai"]) == 2
    assert "offline mode is on" in capsys.readouterr().err
    assert attempts == []


def test_the_offline_flag(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    attempts = _no_sockets(monkeypatch)
    assert main(["draft", ACME, "--now", NOW, "--offline", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["backend"] == "offline"
    assert attempts == []


def test_a_remote_backend_says_where_the_notes_go(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with flaky_server() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        main(["draft", ACME, "--now", NOW, "--kind", "connection_note"])
    assert "the notes are sent there" in capsys.readouterr().err


def test_a_readable_config_file_with_a_key_is_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from writer.config import load_settings

    config = tmp_path / "config.toml"
    config.write_text(f'api_key = "{FAKE_KEY}"\n')
    config.chmod(0o644)
    monkeypatch.setenv("WRITER_CONFIG", str(config))
    settings = load_settings()
    err = capsys.readouterr().err
    assert "chmod 600" in err and FAKE_KEY not in err
    assert settings.api_key is not None and FAKE_KEY not in repr(settings)
    config.chmod(0o600)
    load_settings()
    assert capsys.readouterr().err == ""
