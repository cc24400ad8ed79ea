"""Perspective and time-word rules (issue 13), and the hand-written references of
evals/golden (tidy and messy cases), which no rule of these families may call an error."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.fakes import ScriptedBackend
from tests.helpers import END, ROOT, notes_from
from tests.test_checker import NOTES, Case, note, of, run
from writer.checker import ERROR, Window, apply_fixes, check, check_text
from writer.drafting import draft_one
from writer.evals import load_cases
from writer.kinds import MessageKind
from writer.plan import Action, ActionKind, Decision

CASES = [
    Case(
        "perspective.third_person_reader",
        "follow_up_message",
        note("I enjoyed what you shared about how she runs the guild."),
        "she",
        note("I enjoyed what your manager shared about how she runs the guild."),
    ),
    Case(
        "perspective.third_person_reader",
        "connection_note",
        note("He mentioned the on-call rota."),
        "He",
        note("You mentioned the on-call rota."),
    ),
    Case(
        "perspective.third_person_reader",
        "thank_you_email",
        note("As Dana said, the rota is fair."),
        "Dana",
        note("As you said, the rota is fair, Dana."),
    ),
    Case(
        "perspective.own_as_theirs",
        "connection_note",
        note("I enjoyed hearing about how I fixed the backlog."),
        "hearing about how I",
        note("I enjoyed hearing how I could help with the backlog."),
    ),
    Case(
        "perspective.own_as_theirs",
        "follow_up_message",
        note("Thanks for your perspective on my take-home."),
        "your perspective on my",
        note("Thanks for your perspective on the take-home format."),
    ),
]
RULES_TESTED = {c.rule for c in CASES} | {"time.wrong_day"}  # time: tests below


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.kind}")
def test_trips_with_span_on_the_offending_words(case: Case) -> None:
    found = of(run(case.kind, case.trip), case.rule)
    assert found, f"{case.rule} did not trip on {case.trip!r}"
    assert case.trip[found[0].start : found[0].end] == case.excerpt
    assert found[0].severity == case.severity
    assert found[0].message and found[0].suggestion


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.kind}")
def test_near_miss_does_not_trip(case: Case) -> None:
    assert of(run(case.kind, case.near_miss), case.rule) == []


def test_the_readers_pronoun_comes_from_the_notes() -> None:
    notes = notes_from(topics=["she runs the platform guild", "the Kafka pipeline migration"])
    said = note("He mentioned the on-call rota. She mentioned the guild.")
    report = check(MessageKind.follow_up_message, said, to="Dana Lee", notes=notes)
    found = of(report, "perspective.third_person_reader")
    assert [said[f.start : f.end] for f in found] == ["She"]
    assert found[0].message == (
        "'She' speaks of Dana in the third person, but the message is to Dana"
    )


# -- time words ---------------------------------------------------------------------------

INTERVIEW = datetime.fromisoformat("2026-11-20T14:00:00-05:00")  # a Friday
NEXT_DAY = Window(END + timedelta(hours=24), END + timedelta(hours=48), INTERVIEW)
SAME_DAY = Window(END, END + timedelta(hours=6), INTERVIEW)
SATURDAY = Window(END + timedelta(hours=20), END + timedelta(hours=30), INTERVIEW)
A_WEEK = Window(END + timedelta(days=3), END + timedelta(days=7), INTERVIEW)


def timed(kind: str, text: str, window: Window | None) -> list[tuple[str, str | None, str]]:
    report = check(MessageKind(kind), text, to="Dana Lee", notes=NOTES, window=window)
    return [
        (text[f.start : f.end], f.replacement, f.severity)
        for f in report.findings
        if f.rule == "time.wrong_day"
    ]


def test_today_in_a_note_sent_the_next_day_is_an_error_with_the_day_named() -> None:
    text = note("It was good to meet you today and this morning's demo was fun.")
    found = timed("connection_note", text, NEXT_DAY)
    assert found == [("today", "on Friday", ERROR), ("this morning's", "Friday morning's", ERROR)]
    text = note("Today's demo stayed with me; enjoy tonight.")
    assert timed("follow_up_message", text, NEXT_DAY) == [
        ("Today's", "Friday's", ERROR),
        ("tonight", "on Friday evening", ERROR),
    ]
    fixed = apply_fixes(text, check(MessageKind.follow_up_message, text, window=NEXT_DAY).findings)
    assert "Friday's demo stayed with me; enjoy on Friday evening." in fixed


def test_today_sent_the_same_day_or_without_a_window_passes() -> None:
    text = note("It was good to meet you today.")
    assert timed("connection_note", text, SAME_DAY) == []
    assert timed("connection_note", text, None) == []
    assert timed("thank_you_email", text, SAME_DAY) == []


def test_the_message_says_when_it_is_sent() -> None:
    report = check(MessageKind.connection_note, note("Great to meet you today."), window=NEXT_DAY)
    [found] = of(report, "time.wrong_day")
    assert found.message == (
        "'today' will be wrong: this message is sent between Saturday 21 November and "
        "Sunday 22 November"
    )
    assert found.suggestion == "Name the day of the interview instead ('on Friday')."


def test_yesterday_only_fits_a_message_sent_the_next_day() -> None:
    text = note("Thanks for the talk yesterday.")
    assert timed("follow_up_message", text, SATURDAY) == []
    assert timed("follow_up_message", text, NEXT_DAY) == [("yesterday", "on Friday", ERROR)]
    assert timed("follow_up_message", text, None) == []
    assert timed("follow_up_message", text, A_WEEK) == [("yesterday", "on Friday", ERROR)]
    assert timed("thank_you_email", text, SAME_DAY) == [("yesterday", "on Friday", ERROR)]
    open_ended = Window(END + timedelta(hours=24), None, INTERVIEW)
    assert timed("follow_up_message", text, open_ended) == [("yesterday", "on Friday", ERROR)]


def test_drafting_checks_a_draft_against_its_actions_window() -> None:
    notes = notes_from()
    action = Action(
        kind=ActionKind.connection_request,
        decision=Decision.do,
        not_before=NEXT_DAY.not_before,
        not_after=NEXT_DAY.not_after,
        reasons=[],
    )
    text = "Hi Dana, thank you for our talk today about migrating the telemetry pipeline to Kafka."
    backend = ScriptedBackend().enqueue(text)
    backend.can_repair = False
    draft = draft_one(notes, notes.interviewers[0], action, backend, END)
    assert "on Friday" in draft.text and "today" not in draft.text  # the safe fix applied
    assert not of(draft.report, "time.wrong_day")


# -- the hand-written references are good messages ----------------------------------------

FAMILIES = ("grammar.", "register.", "perspective.", "time.")
REFERENCES = [
    pytest.param(case, message, id=f"{case.id}:{message.kind}")
    for case in load_cases(ROOT / "evals" / "golden")
    for message in case.messages
]


@pytest.mark.parametrize(("case", "message"), REFERENCES)
def test_no_reference_trips_an_error_of_these_families(case: object, message: object) -> None:
    from writer.evals import Case as EvalCase
    from writer.evals import Expected

    assert isinstance(case, EvalCase) and isinstance(message, Expected)
    report = check_text(
        MessageKind(message.kind), message.reference, to=message.to, notes=case.notes
    )
    errors = [
        f"{f.rule}: {message.reference[f.start : f.end]!r}"
        for f in report.findings
        if f.rule.startswith(FAMILIES) and f.severity == ERROR
    ]
    assert errors == []


def test_the_references_cover_the_tidy_and_the_messy_cases() -> None:
    messy = [p for p in REFERENCES if str(p.id).startswith("messy-")]
    assert len(messy) > 30 and len(REFERENCES) - len(messy) > 40


@pytest.mark.parametrize(
    "text",
    [
        "You said that she runs it. She mentioned it. " * 2200,
        "I enjoyed our conversation about we both studied in Leeds and " * 1600,
        "i " * 50_000,
    ],
    ids=["pronouns", "clauses", "lower-i"],
)
def test_a_100_kb_paste_checks_quickly_with_at_most_100_findings_a_rule(text: str) -> None:
    import time
    from collections import Counter

    began = time.process_time()
    report = check(MessageKind.follow_up_message, text[:100_000], to="Dana Lee", window=A_WEEK)
    assert time.process_time() - began < 2.0  # was 83 s for the pronouns: one scan each
    assert max(Counter(f.rule for f in report.findings).values()) == 100


def test_no_good_message_of_the_corpus_tune_split_gets_an_error_of_these_families() -> None:
    from tests.test_corpus import bench

    good = [e for e in bench.load().entries if e.split == "tune" and e.label == "good"]
    assert len(good) > 20
    for entry in good:
        text = entry.filled or entry.text
        errors = [
            f.rule
            for f in bench.check_message(entry, text)
            if f.rule.startswith(FAMILIES) and f.severity == ERROR
        ]
        assert errors == [], entry.id
