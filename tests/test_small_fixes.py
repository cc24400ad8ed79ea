"""The smaller holes: a full disk and the eval cache, `import --out` over a file, an empty or
malformed `--baseline`, and a clock at another UTC offset than the interview."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from tests.flaky_server import flaky_server
from tests.helpers import ROOT
from writer.cli import main

GOLDEN = ROOT / "evals" / "golden"
ACME = str(ROOT / "examples" / "acme-final-round.yaml")


def cache_files() -> list[Path]:
    return sorted((Path(os.environ["WRITER_HOME"]) / "eval-cache").glob("*"))


def test_a_full_disk_leaves_no_cache_entry_and_a_damaged_one_is_a_miss(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["eval", str(GOLDEN), "--backend", "openai", "--limit", "1", "--json"]
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with flaky_server() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
        monkeypatch.setattr(os, "fsync", disk_full)
        assert main(args) == 0
        full = json.loads(capsys.readouterr().out)
        assert cache_files() == []  # nothing half-written is left behind
        monkeypatch.setattr(os, "fsync", real_fsync)

        assert main(args) == 0
        assert json.loads(capsys.readouterr().out)["metrics"] == full["metrics"]
        entries = cache_files()
        assert entries and all(json.loads(p.read_text("utf-8"))["text"] for p in entries)

        # What an interrupted write of the old code left: empty and torn entries.
        entries[0].write_text("", "utf-8")
        for entry in entries[1:]:
            entry.write_text(entry.read_text("utf-8")[:20], "utf-8")
        asked = len(server.seen)
        assert main(args) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out)["metrics"] == full["metrics"]
        assert "Traceback" not in captured.err
        assert len(server.seen) > asked  # the damaged entries were asked again
        assert all(json.loads(p.read_text("utf-8"))["text"] for p in cache_files())


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty, not a saved eval run; save one with `writer eval --json > FILE`"),
        ("{", "not a saved eval run (Expecting property name"),
        ("[]", "not a saved eval run: it has no metrics"),
        ('{"metrics": {}}', "not a saved eval run: it has none of the metrics plan_accuracy"),
        ('{"metrics": null}', "not a saved eval run: it has no metrics"),
        (
            '{"metrics": {"clean_share": "1.0"}}',
            "not a saved eval run: metric clean_share is '1.0', not a number",
        ),
    ],
)
def test_an_empty_or_malformed_baseline_fails_the_gate(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, "utf-8")
    assert main(["eval", str(GOLDEN), "--limit", "1", "--baseline", str(baseline)]) == 2
    captured = capsys.readouterr()
    assert f"writer: {baseline}: {message}" in captured.err
    assert "No regression" not in captured.err and "Traceback" not in captured.err


def test_a_baseline_given_as_an_empty_path_fails_the_gate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["eval", str(GOLDEN), "--limit", "1", "--baseline", ""]) == 2
    assert "writer: --baseline: no file given" in capsys.readouterr().err


def test_import_out_refuses_to_overwrite_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("Met Dana Lee at Acme for the backend role; talked about Kafka.\n")
    existing = tmp_path / "notes.yaml"
    existing.write_text("# my edited notes\n", "utf-8")
    assert main(["import", str(source), "--out", str(existing)]) == 2
    err = capsys.readouterr().err
    assert f"--out {existing} exists; pass --force to overwrite it, or give another file" in err
    assert existing.read_text("utf-8") == "# my edited notes\n"
    # --force gets past the check (here to the next one: the offline composer cannot import).
    assert main(["import", str(source), "--out", str(existing), "--force"]) == 2
    assert "import needs a language model" in capsys.readouterr().err


def test_windows_say_their_offset_when_the_clock_is_at_another(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The interview was at -05:00 (EST); after the change to daylight saving time the
    # clock is at -04:00.
    assert main(["plan", ACME, "--now", "2026-11-21T10:00:00-04:00"]) == 0
    text = capsys.readouterr().out
    assert (
        "note: times are shown at the interview's UTC offset, -05:00; your clock is now at "
        "-04:00, so add 1 h to read them on it"
    ) in text
    assert "Fri 20 Nov 16:00 -05:00 → Sat 21 Nov 16:00 -05:00" in text
    assert main(["plan", ACME, "--now", "2026-11-21T10:00:00-04:00", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["offset_note"].startswith("times are shown at the interview's UTC offset")
    assert main(["draft", ACME, "--now", "2026-11-21T10:00:00-04:00", "--offline"]) in (0, 1)
    drafted = capsys.readouterr().out
    assert "send Fri 20 Nov 16:00 -05:00 → Sat 21 Nov 16:00 -05:00" in drafted
    assert "note: times are shown at the interview's UTC offset, -05:00" in drafted


def test_no_offset_note_when_the_clock_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", ACME, "--now", "2026-11-21T09:00:00-05:00", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["offset_note"] is None
    assert main(["plan", ACME, "--now", "2026-11-21T09:00:00-05:00"]) == 0
    text = capsys.readouterr().out
    assert "note: times are shown" not in text and "16:00 -05:00" not in text
