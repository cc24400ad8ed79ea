"""Issue 13's false alarms on good messages, each as `writer check` or the checker sees it,
with a near miss that is still flagged."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from tests.helpers import ROOT, notes_from
from writer.checker import check, check_text
from writer.cli import main
from writer.kinds import MessageKind

NOTE = MessageKind.connection_note

ACME = str(ROOT / "examples" / "acme-final-round.yaml")


def run_check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = main(["check", *args, "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out else None, captured.err


def rules_of(report: dict[str, Any], severity: str = "error") -> set[str]:
    return {f["rule"] for f in report["findings"] if f["severity"] == severity}


def test_the_name_anywhere_in_the_opening_clause(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Thanks for connecting, Dana! Your Kafka migration story stuck with me."
    code, report, _ = run_check(capsys, text, "--kind", "connection_note", "--to", "Dana Lee")
    assert "greet.by_name" not in rules_of(report) and code == 0


def test_the_given_name_of_a_family_name_first_person() -> None:
    notes = notes_from(name="Nagy Zsófia")
    text = "Hi Zsófia, thanks for the talk about migrating telemetry to Kafka."
    report = check(NOTE, text, to="Nagy Zsófia", notes=notes)
    assert report.ok
    wrong = check(NOTE, text.replace("Zsófia", "Nagy"), to="Nagy Zsófia", notes=notes)
    assert "greet.by_name" in {f.rule for f in wrong.findings}


def test_topics_match_by_stems_and_content_words() -> None:
    notes = notes_from(topics=["her thoughts on customer retention"])
    text = "Hi Dana, thanks for the talk about keeping customers once they sign up."
    assert check(NOTE, text, to="Dana Lee", notes=notes).ok
    # Synonyms are not matched: a word of the topic, or its stem, has to be there.
    other = "Hi Dana, thanks for the talk about churned clients and what brings them back."
    report = check(NOTE, other, to="Dana Lee", notes=notes)
    (finding,) = [f for f in report.findings if f.rule == "specific.topic"]
    assert "customer" in finding.message and "retention" in finding.message


def test_a_hedge_in_the_topic_is_not_a_word_the_message_must_repeat() -> None:
    notes = notes_from(topics=["she does all the newsletters, substack mostly"])
    text = "Hi Dana, thanks for the chat and for explaining how you do all the newsletters."
    assert check(NOTE, text, to="Dana Lee", notes=notes).ok
    vague = "Hi Dana, thanks for the chat; I mostly enjoyed hearing about the team."
    report = check(NOTE, vague, to="Dana Lee", notes=notes)
    assert "specific.topic" in {f.rule for f in report.findings}


def test_a_topic_of_common_words_is_never_required() -> None:
    notes = notes_from(topics=["the team", "how it went", "her thoughts"])
    text = "Hi Dana, thank you for your time on Friday; I enjoyed meeting you."
    assert "specific.topic" not in {
        f.rule for f in check(NOTE, text, to="Dana Lee", notes=notes).findings
    }


SIGNED = (
    "Hi Dana,\n\nThank you for the conversation about migrating the telemetry pipeline to "
    "Kafka.\n\nBest regards,\nAlex Kim\nalex.kim@mail.example\nhttps://alexkim.example"
)


def test_the_signatures_own_details_without_notes(capsys: pytest.CaptureFixture[str]) -> None:
    code, report, _ = run_check(
        capsys, SIGNED, "--kind", "thank_you_email", "--to", "Dana Lee", "--subject", "Thank you"
    )
    assert "hostile.contact_details" not in rules_of(report) and code == 0


def test_a_link_in_the_body_is_still_flagged(capsys: pytest.CaptureFixture[str]) -> None:
    text = SIGNED.replace("Kafka.", "Kafka; see https://evil.example/x.")
    code, report, _ = run_check(
        capsys, text, "--kind", "thank_you_email", "--to", "Dana Lee", "--subject", "Thank you"
    )
    (finding,) = [f for f in report["findings"] if f["rule"] == "hostile.contact_details"]
    assert text[finding["start"] : finding["end"]] == "https://evil.example/x" and code == 1


def test_a_subject_line_on_a_follow_up_is_stripped() -> None:
    text = "Subject: thanks\nHi Dana, thanks again for the Kafka migration talk."
    report = check_text(MessageKind.follow_up_message, text, to="Dana Lee", notes=notes_from())
    assert report.ok, [f.message for f in report.findings]
    assert report.text == text


def test_an_email_without_a_subject_says_how_to_pass_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    body = "Hi Dana,\n\nThank you for the talk about migrating telemetry to Kafka.\n\nBest,\nAlex"
    code, report, _ = run_check(capsys, body, "--kind", "thank_you_email", "--to", "Dana Lee")
    (finding,) = [f for f in report["findings"] if f["rule"] == "subject.present"]
    assert finding["severity"] == "warning" and "--subject" in finding["suggestion"] and code == 0
    code, report, _ = run_check(
        capsys, body, "--kind", "thank_you_email", "--subject", "Thank you - Backend interview"
    )
    assert not any(f["rule"] == "subject.present" for f in report["findings"]) and code == 0
    code, report, _ = run_check(capsys, body, "--kind", "thank_you_email", "--subject", "Hello")
    assert "subject.present" in rules_of(report) and code == 1


def test_check_refuses_a_text_over_the_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big = "word " * 30_000
    assert main(["check", big, "--kind", "connection_note"]) == 2
    assert "at most 100 KB" in capsys.readouterr().err
    stdin = io.TextIOWrapper(io.BytesIO(big.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["check", "-", "--kind", "connection_note"]) == 2
    assert "at most 100 KB" in capsys.readouterr().err
