"""Editing notes through the app's form keeps the file the candidate wrote: comments, order
and quoting survive, only the changed values change, and a JSON file stays JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tests.helpers import EXAMPLES
from writer.backends.offline import OfflineBackend
from writer.loader import parse_notes, read_mapping
from writer.tui.notes_text import rewrite
from writer.tui.session import Session

NOW = datetime.fromisoformat("2026-11-21T09:00:00-05:00")
COMMENTED = """\
# Acme, final round. Ask Jordan about the timeline!
candidate:
  name: Alex Kim  # as on my CV
company: "2024 Robotics"
role: Senior Backend Engineer
interview:
  start: 2026-11-20T14:00:00-05:00
  went: well
interviewers:
  - name: Dana Lee
    relation: hiring_manager
    topics:
      - Kafka migrations  # she lit up here
    mutual_connections: 2
"""


def test_every_example_comes_back_byte_for_byte_when_nothing_changed() -> None:
    for path in EXAMPLES:
        text = path.read_text()
        assert rewrite(text, read_mapping(text)) == text, path.name


def test_a_form_edit_changes_one_line_and_keeps_the_comments() -> None:
    data = read_mapping(COMMENTED)
    data["interviewers"][0]["topics"].append("on-call rota")
    data["role"] = "Staff Engineer"
    new = rewrite(COMMENTED, data)
    old_lines, new_lines = COMMENTED.splitlines(), new.splitlines()
    assert [line for line in new_lines if line not in old_lines] == [
        "role: Staff Engineer",
        "      - on-call rota",
    ]
    assert [line for line in old_lines if line not in new_lines] == [
        "role: Senior Backend Engineer"
    ]
    notes = parse_notes(new)
    assert notes.company == "2024 Robotics" and notes.interviewers[0].mutual_connections == 2


def test_removing_an_interviewer_and_a_broken_file(tmp_path: Path) -> None:
    data = read_mapping(EXAMPLES[0].read_text())
    data["interviewers"] = data["interviewers"][:1]
    assert len(parse_notes(rewrite(EXAMPLES[0].read_text(), data)).interviewers) == 1
    assert parse_notes(rewrite("company: [broken", data)).company == data["company"]


def test_the_app_session_keeps_comments_and_json(tmp_path: Path) -> None:
    yaml_path = tmp_path / "notes.yaml"
    yaml_path.write_text(COMMENTED)
    session = Session.open(yaml_path, OfflineBackend(), NOW)
    data = session.data()
    data["interviewers"][0]["rapport"] = "strong"
    assert session.set_data(data)
    assert "# she lit up here" in session.text and "rapport: strong" in session.text

    json_path = tmp_path / "notes.json"
    json_path.write_text(json.dumps(read_mapping(COMMENTED)))
    session = Session.open(json_path, OfflineBackend(), NOW)
    data = session.data()
    data["role"] = "Staff Engineer"
    assert session.set_data(data), session.problems
    assert json.loads(session.text)["role"] == "Staff Engineer"
