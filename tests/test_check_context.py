"""`writer check --context`: a connection note to someone the candidate has not met (cold,
or after only applying) owes no thanks for a conversation; every other message, and any
note after an interview, is still held to the gratitude rule."""

from __future__ import annotations

import json

import pytest

from writer.checker import check
from writer.cli import main

COLD_NOTE = "Hi Kenji, I admire what your team is shipping at Tessel, especially the offline sync."


def _gratitude(kind: str, text: str, **options: str) -> list[str]:
    report = check(kind, text, to="Kenji Sato", **options)  # type: ignore[arg-type]
    return [f.severity for f in report.findings if f.rule == "gratitude.present"]


@pytest.mark.parametrize("context", ["cold", "after_application"])
def test_a_first_note_to_someone_not_met_owes_no_thanks(context: str) -> None:
    assert _gratitude("connection_note", COLD_NOTE, context=context) == []


def test_the_same_note_after_an_interview_still_needs_thanks() -> None:
    assert _gratitude("connection_note", COLD_NOTE) == ["error"]
    assert _gratitude("connection_note", COLD_NOTE, context="after_interview") == ["error"]


def test_a_message_after_they_accept_still_thanks_them_when_cold() -> None:
    text = "Hi Kenji, as my headline says, I am looking for a new opportunity."
    assert _gratitude("follow_up_message", text, context="cold") == ["warning"]


def test_an_unknown_context_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown context 'yesterday'; one of after_interview"):
        check("connection_note", COLD_NOTE, context="yesterday")  # type: ignore[arg-type]


def test_writer_check_takes_the_context(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", COLD_NOTE, "--kind", "connection_note", "--to", "Kenji Sato", "--json"]
    assert main([*args, "--context", "cold"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and not [f for f in report["findings"] if f["severity"] == "error"]
    assert main(args) == 1
    flagged = json.loads(capsys.readouterr().out)
    assert "gratitude.present" in {f["rule"] for f in flagged["findings"]}


def test_writer_check_names_the_contexts_it_knows(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["check", COLD_NOTE, "--kind", "connection_note", "--context", "yesterday"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--context" in err and "after_interview" in err and "cold" in err
