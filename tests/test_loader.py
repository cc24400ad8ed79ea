"""Bad input gets `file:line: what is wrong and how to fix it` and exit 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.helpers import BASE, EXAMPLES
from writer.cli import main
from writer.errors import InputError
from writer.loader import load_notes, parse_notes

GOOD = (EXAMPLES[0]).read_text("utf-8")


def cli_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["plan", str(path), "--now", "2026-11-20T18:00:00-05:00"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    return captured.err


def write(tmp_path: Path, text: str, name: str = "notes.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def test_examples_load() -> None:
    for path in EXAMPLES:
        assert load_notes(path).interviewers


def test_malformed_yaml_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD.replace("role: Senior Backend Engineer", "role: [Senior"))
    err = cli_error(path, capsys)
    assert err.startswith(f"writer: {path}:")
    assert "YAML syntax error" in err and "check indentation" in err


def test_unknown_key_suggests_the_nearest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, GOOD.replace("    rapport: strong", "    raport: strong", 1))
    line = GOOD.splitlines().index("    rapport: strong") + 1
    err = cli_error(path, capsys)
    assert f"{path}:{line}: unknown key 'raport' in interviewers[0]; did you mean 'rapport'?" in err


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "compnay: Acme\n")
    with pytest.raises(
        InputError,
        match=r"unknown key 'compnay' in the top level; did you "
        r"mean 'company'\?",
    ):
        load_notes(path)


def test_missing_required_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD.replace("company: Acme Robotics\n", ""))
    err = cli_error(path, capsys)
    assert f"{path}:2: company is required but missing; add it" in err


def test_missing_name_points_at_its_parent(tmp_path: Path) -> None:
    text = GOOD.replace("  - name: Priya Raman\n", "  - notes: none\n")
    with pytest.raises(InputError) as error:
        load_notes(write(tmp_path, text))
    [problem] = [p for p in error.value.problems if "name" in p.message]
    assert "interviewers[1].name is required" in problem.message
    assert problem.line == text.splitlines().index("  - notes: none") + 1


def test_impossible_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD.replace("2026-11-20T14:00:00-05:00", "2026-11-31T14:00:00-05:00"))
    err = cli_error(path, capsys)
    assert "interview.start: '2026-11-31T14:00:00-05:00' is not a valid date" in err
    assert "use ISO 8601 like 2026-11-20T14:00:00-05:00" in err


def test_date_time_without_offset(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="needs a UTC offset"):
        load_notes(write(tmp_path, GOOD.replace("T14:00:00-05:00", "T14:00:00")))


def test_date_alone_means_nine_in_the_morning(tmp_path: Path) -> None:
    notes = load_notes(write(tmp_path, GOOD.replace("2026-11-20T14:00:00-05:00", "2026-11-20")))
    assert (notes.interview.start.hour, notes.interview.start.minute) == (9, 0)
    assert notes.interview.start.utcoffset() is not None


def test_end_before_start(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="end is before"):
        load_notes(write(tmp_path, GOOD.replace("T16:00:00-05:00", "T13:00:00-05:00")))


def test_no_interviewers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = GOOD[: GOOD.index("interviewers:")] + "interviewers: []\n"
    err = cli_error(write(tmp_path, text), capsys)
    assert "interviewers: list at least one interviewer" in err


def test_wrong_choice_suggests_the_right_one(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("relation: team_member", "relation: team member"))
    with pytest.raises(InputError, match=r"did you mean 'team_member'\?"):
        load_notes(path)


def test_negative_mutual_connections(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="mutual_connections"):
        load_notes(write(tmp_path, GOOD.replace("mutual_connections: 2", "mutual_connections: -1")))


def test_non_utf8_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD.replace("Alex Kim", "Zoë Kim").encode("latin-1"))
    err = cli_error(path, capsys)
    assert f"{path}:3: not UTF-8 text (byte 0xeb); save the file as UTF-8" in err


def test_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "is a directory; pass a notes file" in cli_error(tmp_path, capsys)


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no such file; check the path" in cli_error(tmp_path / "nope.yaml", capsys)


def test_ten_megabyte_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * 10_000_000)
    assert "10.0 MB is too large for a notes file (at most 1 MB)" in cli_error(path, capsys)


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "the file is empty" in cli_error(write(tmp_path, "\n\n"), capsys)


def test_not_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "expected a mapping" in cli_error(write(tmp_path, "- just\n- a list\n"), capsys)


def test_duplicate_key(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="key 'company' appears twice"):
        load_notes(write(tmp_path, GOOD + "company: Other\n"))


def test_aliases_are_refused(tmp_path: Path) -> None:
    text = "a: &x [1, 2]\nb: *x\n"
    with pytest.raises(InputError, match="aliases"):
        load_notes(write(tmp_path, text))


def test_json_notes_and_json_errors(tmp_path: Path) -> None:
    good = write(tmp_path, json.dumps(BASE, indent=1), "notes.json")
    assert load_notes(good).company == "Acme Robotics"
    broken = write(tmp_path, '{"company": "Acme",\n "role" "x"}', "broken.json")
    with pytest.raises(InputError, match=r"broken.json:2: JSON syntax error"):
        load_notes(broken)
    unknown = json.dumps(BASE | {"compny": 1}, indent=1)
    with pytest.raises(InputError, match=r"notes.json:\d+: unknown key 'compny'"):
        load_notes(write(tmp_path, unknown, "notes.json"))


def test_plain_scalars_stay_text() -> None:
    text = yaml.safe_dump(BASE | {"company": "2024", "role": "yes"})
    notes = parse_notes(text)
    assert (notes.company, notes.role) == ("2024", "yes")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("relation: executive", "relation: boss").replace("went: well", "went: ok")
    with pytest.raises(InputError) as error:
        load_notes(write(tmp_path, text))
    assert len(error.value.problems) == 2


def test_control_characters_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, GOOD.replace("role: Senior", "role: \x07Senior"))
    err = cli_error(path, capsys)
    assert f"{path}:9: character U+0007 is not allowed in a notes file" in err


def test_yaml_tags_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"notes.yaml:1: .*without tags"):
        load_notes(write(tmp_path, "company: !!python/object:os.system ls\n"))


def test_a_topic_with_a_colon_says_to_quote_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "her view: ..." is how people jot; YAML reads it as a mapping, not a topic.
    first = next(line for line in GOOD.splitlines() if line.startswith("      - "))
    jotted = "      - her view: logs matter more than dashboards"
    path = write(tmp_path, GOOD.replace(first, jotted, 1))
    line = GOOD.splitlines().index(first) + 1
    err = cli_error(path, capsys)
    assert f"{path}:{line}: interviewers[0].topics[0] should be text" in err
    assert 'in quotes, like - "her view: logs matter more than dashboards"' in err
