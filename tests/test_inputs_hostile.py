"""Hostile notes files: whatever the path or the content, `writer` answers with
`file:line: what and how to fix` and exit 2, at once, in bounded memory, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, ROOT
from writer.cli import main
from writer.errors import InputError
from writer.loader import load_notes, read_capped, read_mapping

GOOD = EXAMPLES[0].read_text("utf-8")  # acme-final-round.yaml
NOW = "2026-11-21T09:00:00-05:00"


def refusal(path: str | Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["plan", str(path), "--now", NOW]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    return captured.err


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_fifo_is_refused_without_waiting_for_a_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "notes.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    err = refusal(fifo, capsys)
    assert time.monotonic() - started < 5
    assert err == (
        f"writer: {fifo}: is a named pipe (FIFO), not a regular file; "
        "pass a notes file (.yaml or .json)\n"
    )


def test_a_device_is_refused_and_never_read(capsys: pytest.CaptureFixture[str]) -> None:
    err = refusal("/dev/zero", capsys)
    assert "writer: /dev/zero: is a character device, not a regular file" in err


def test_import_and_the_app_refuse_a_fifo_too(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.txt"
    os.mkfifo(fifo)
    for command in (["import", str(fifo)], ["tui", str(fifo)]):
        done = subprocess.run(
            [sys.executable, "-m", "writer", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=30,
        )
        assert done.returncode == 2
        assert "is a named pipe (FIFO), not a regular file" in done.stderr
        assert "Traceback" not in done.stderr


def test_the_cap_is_counted_while_reading_not_taken_from_st_size(tmp_path: Path) -> None:
    # A file that grows after it is opened reports a small st_size; /dev/zero reports 0.
    # Reading a character device through the cap (the check refuses it before) shows the
    # count holds: at most the cap plus one chunk is read, whatever the size says.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "import writer.reading as r\n"
        "r._require_regular = lambda mode, source: None\n"
        "try:\n"
        "    r.read_capped(Path('/dev/zero'), '/dev/zero')\n"
        "except r.InputError as error:\n"
        "    print(error)\n"
        # VmHWM, not ru_maxrss: the latter keeps the forking pytest's peak across exec.
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=30
    )
    message, peak_kb = done.stdout.splitlines()
    assert message == "/dev/zero: what it holds is too large for a notes file (at most 1 MB)"
    assert int(peak_kb) < 200_000  # an unbounded read grows by hundreds of MB a second


def test_a_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 1_000_001)
    with pytest.raises(InputError, match=r"1\.0 MB is too large for a notes file \(at most 1 MB\)"):
        read_capped(path, str(path))


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_deep_nesting_is_refused_with_its_line(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text('{"candidate":\n' + "[" * 900 + "]" * 900 + "}\n", "utf-8")
    assert path.stat().st_size < 2000
    err = refusal(path, capsys)
    assert err.startswith(f"writer: {path}:2: nested more than 32 levels deep;")


def test_block_nesting_is_refused_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [" " * depth + f"k{depth}:" for depth in range(200)]
    path = tmp_path / "deep.yaml"
    path.write_text("\n".join(lines) + " x\n", "utf-8")
    assert f"{path}:32: nested more than 32 levels deep" in refusal(path, capsys)


def test_a_huge_json_integer_is_refused_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.dumps(read_mapping(GOOD), indent=1)
    data = data.replace('"mutual_connections": "2"', '"mutual_connections": ' + "9" * 4301, 1)
    path = tmp_path / "notes.json"
    path.write_text(data, "utf-8")
    err = refusal(path, capsys)
    line = line_of(data, '"mutual_connections": 9')
    assert err == (
        f"writer: {path}:{line}: a number with more than 18 digits; no value in a notes "
        "file is that large, so check this number\n"
    )


def test_a_huge_yaml_integer_is_a_short_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(GOOD.replace("mutual_connections: 2", "mutual_connections: " + "9" * 5000))
    err = refusal(path, capsys)
    assert "interviewers[0].mutual_connections" in err and len(err) < 400


def test_json_duplicate_keys_are_refused_like_yaml_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.dumps(read_mapping(GOOD), indent=1)
    data = data.replace('"role":', '"company": "Other",\n "role":', 1)
    path = tmp_path / "notes.json"
    path.write_text(data, "utf-8")
    err = refusal(path, capsys)
    line = line_of(data, '"company": "Other"')
    assert err == f"writer: {path}:{line}: key 'company' appears twice here; keep one\n"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!str Acme", "!!str"),
        ("!!binary QUJD", "!!binary"),
        ("!custom Acme", "!custom"),
        ("!!python/object:os.system ls", "!!python/object:os.system"),
    ],
)
def test_yaml_tags_are_refused(
    tmp_path: Path, value: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(GOOD.replace("company: Acme Robotics", f"company: {value}"), "utf-8")
    err = refusal(path, capsys)
    assert err == (
        f"writer: {path}:{line_of(GOOD, 'company:')}: the YAML tag '{shown}' is not allowed: "
        "notes files use plain YAML without tags (remove the '!...' and keep the plain value)\n"
    )


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("  start: ", "20261120", "interview.start: 20261120 is a number, not a date"),
        ("  start: ", "'20261120'", "interview.start: 20261120 is a number, not a date"),
        ("  start: ", "0001-01-01T09:00:00-05:00", "interview.start: year 1 is out of range"),
        ("  start: ", "9999-12-31T09:00:00-05:00", "interview.start: year 9999 is out of range"),
        ("  start: ", "0001-01-01", "interview.start: year 1 is out of range"),
        ("  decision_by: ", "20261201", "interview.decision_by: 20261201 is a number"),
        ("  decision_by: ", "9999-12-31", "interview.decision_by: year 9999 is out of range"),
    ],
)
def test_compact_and_out_of_range_dates_are_refused_with_a_fix(
    tmp_path: Path, key: str, value: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    start = next(line for line in GOOD.splitlines() if line.startswith(key))
    path = tmp_path / "notes.yaml"
    path.write_text(GOOD.replace(start, key + value), "utf-8")
    err = refusal(path, capsys)
    assert f"{path}:{line_of(GOOD, start)}: {expected}" in err
    fix = "e.g. 2026-11-20" if "number" in expected else "use a year from 1970 to 2200"
    assert fix in err


def test_a_compact_date_in_json_is_refused_too(tmp_path: Path) -> None:
    data = read_mapping(GOOD)
    data["interview"] = {"start": 20261120}
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(InputError, match="20261120 is a number, not a date; write the date"):
        load_notes(path)


def test_a_linkedin_date_as_a_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(
        GOOD.replace(
            "    mutual_connections: 2",
            "    mutual_connections: 2\n    linkedin:\n      requested_on: 20261121",
            1,
        ),
        "utf-8",
    )
    with pytest.raises(InputError, match=r"linkedin\.requested_on: 20261121 is a number"):
        load_notes(path)


def test_a_non_utf8_file_name_is_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.yaml")
    Path(name).write_text("company: [oops\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "writer", "plan", name], capture_output=True, cwd=ROOT, timeout=30
    )
    assert done.returncode == 2
    assert done.stderr.startswith(b"writer: " + os.fsencode(tmp_path) + b"/caf\\xe9.yaml:")
    assert b"Traceback" not in done.stderr


def test_a_symlink_loop_and_a_too_long_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert "cannot be read: a symbolic link that loops; fix or remove the link" in refusal(
        loop, capsys
    )
    long = tmp_path / ("n" * 300 + ".yaml")
    assert "cannot be read: the file name is too long for the file system" in refusal(long, capsys)
