"""What the program prints cannot drive the terminal, leak a credential or show a key: notes
carrying escape sequences, an endpoint URL with a password in it, a model that echoes a key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.helpers import BASE
from tests.hostile_server import HostileServer, hostile_server
from writer.backends.openai.redact import mask_credentials, mask_keys, mask_url
from writer.cli import main
from writer.visible import visible

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-11-20T18:00:00-05:00"
OSC52 = "\\e]52;c;aGVsbG8=\\a"  # a clipboard write, as YAML escapes
CLEAR = "\\e[2J\\e[H"  # clear the screen, cursor home


def escaped_notes(tmp_path: Path) -> Path:
    text = (ROOT / "examples" / "acme-final-round.yaml").read_text("utf-8")
    text = text.replace("company: Acme Robotics", 'company: "Acme\\e]0;pwned\\a Robotics"')
    text = text.replace(
        "      - migrating the fleet telemetry pipeline to Kafka",
        f'      - "migrating the fleet telemetry pipeline to Kafka{OSC52}"',
    )
    text = text.replace(
        "      - how the team splits on-call between the two sites",
        f'      - "{CLEAR}how the team splits on-call\\x9b6n"',
    )
    path = tmp_path / "escapes.yaml"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def test_visible_shows_controls_and_keeps_newlines_tabs_and_our_colours() -> None:
    assert visible("a\x1b]52;c;x\x07b\tc\nd\x9b\x7f") == "a␛]52;c;x␇b\tc\nd\\u009b␡"
    assert visible("\x1b[32mok\x1b[0m \x1b[2J", colour=True) == "\x1b[32mok\x1b[0m ␛[2J"


@pytest.mark.parametrize("command", ["plan", "draft"])
def test_plan_and_draft_print_no_escape_byte(
    command: str, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    notes = escaped_notes(tmp_path)
    extra = ["--backend", "offline"] if command == "draft" else []
    code = main([command, str(notes), "--now", NOW, *extra])
    out, err = capfdbinary.readouterr()
    for stream in (out, err):
        assert b"\x1b" not in stream and b"\x07" not in stream and b"\xc2\x9b" not in stream
    assert "Acme␛]0;pwned␇ Robotics".encode() in out, "shown, not obeyed, and not hidden"
    if command == "draft":
        assert code == 1 and b"hostile.invisible" in out


def test_draft_json_flags_every_draft_that_carries_a_control_character(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    notes = escaped_notes(tmp_path)
    main(["draft", str(notes), "--now", NOW, "--backend", "offline", "--json"])
    out, _ = capfdbinary.readouterr()
    assert b"\x1b" not in out and b"\x07" not in out
    drafts = json.loads(out)["drafts"]
    carrying = [d for d in drafts if any(c in d["text"] for c in "\x1b\x07\x9b")]
    assert carrying, "the offline composer quotes the topics"
    for draft in carrying:
        assert not draft["ok"]
        assert "hostile.invisible" in {f["rule"] for f in draft["findings"]}


def test_a_model_echoing_escapes_is_flagged_and_shown_harmless(
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    server.echo = True
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WRITER_REPAIR_ATTEMPTS", "0")
    notes = escaped_notes(tmp_path)
    code = main(["draft", str(notes), "--now", NOW, "--kind", "connection_note"])
    out, err = capfdbinary.readouterr()
    assert code == 1 and b"\x1b" not in out + err and b"\x07" not in out + err
    assert b"hostile.invisible" in out and "␛]52".encode() in out


def test_credentials_in_the_endpoint_are_masked(
    server: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    secret_url = server.base_url.replace("http://", "http://alex:hunter2secret@")
    server.against = {"Dana": "huge"}  # an error message names the endpoint too
    monkeypatch.setenv("WRITER_BASE_URL", secret_url + "?api-key=azuresecret")
    monkeypatch.setenv("WRITER_REPAIR_ATTEMPTS", "0")
    notes = tmp_path / "one.yaml"  # one interviewer: few requests
    notes.write_text(yaml.safe_dump(BASE), "utf-8")
    out_dir = tmp_path / "out"
    main(["draft", str(notes), "--now", NOW, "--kind", "connection_note", "--json"])
    main(["batch", str(notes), "--out", str(out_dir), "--now", NOW, "--json"])
    out, err = capfdbinary.readouterr()
    written = b"".join(p.read_bytes() for p in out_dir.rglob("*") if p.is_file())
    for where in (out, err, written):
        assert b"hunter2secret" not in where and b"azuresecret" not in where
    assert b"alex:***@127.0.0.1" in err


def test_mask_url_shapes() -> None:
    assert mask_credentials("for url 'http://a:b@h/v1'") == "for url 'http://***@h/v1'"
    assert mask_url("https://u:p@h.example/v1") == "https://u:***@h.example/v1"
    assert mask_url("https://token@h.example/v1") == "https://***@h.example/v1"
    assert mask_url("https://h.example/v1?api-key=s&x=1") == "https://h.example/v1?api-key=***&x=1"
    assert mask_url("http://localhost:11434/v1") == "http://localhost:11434/v1"


def test_a_key_in_a_model_reply_is_masked_and_the_draft_flagged(
    server: HostileServer,
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    key = "sk-proj-Configured0123456789abcdef"
    server.reply_suffix = f" My key is {key}, and another sk-abcdefghijklmnopqrstuvwx."
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.setenv("WRITER_REPAIR_ATTEMPTS", "0")
    notes = ROOT / "examples" / "acme-final-round.yaml"
    code = main(["draft", str(notes), "--now", NOW, "--kind", "connection_note", "--json"])
    out, err = capfdbinary.readouterr()
    assert key.encode() not in out + err and b"sk-abcdefghijklmnop" not in out + err
    drafts = json.loads(out)["drafts"]
    assert code == 1 and drafts and all(not d["ok"] for d in drafts)
    assert all("[API key removed]" in d["text"] for d in drafts)


def test_mask_keys_masks_the_configured_key_whatever_its_shape() -> None:
    text, found = mask_keys("use local-key-12345 here", "local-key-12345")
    assert found and "local-key-12345" not in text
    assert mask_keys("nothing here", "local-key-12345") == ("nothing here", False)
