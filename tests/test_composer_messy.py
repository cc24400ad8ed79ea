"""Issue 14's failure patterns, with notes of our own that break the same way."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest

from writer.backends import OfflineBackend
from writer.backends.offline.composer import compose, role_phrase
from writer.checker import check_across
from writer.drafting import draft_all
from writer.notes import Notes
from writer.planner import plan_for


def _notes(topics: list[str], **extra: Any) -> Notes:
    data: dict[str, Any] = {
        "candidate": {"name": "Sam Rivera"},
        "company": "Quarry Mills Co.",
        "role": "Platform Engineer",
        "interview": {
            "start": "2026-03-03T10:00:00+00:00",
            "end": "2026-03-03T11:00:00+00:00",
            "stage": "final round",
        },
        "interviewers": [{"name": "Lena Ortiz", "relation": "team_member", "topics": topics}],
    }
    data.update(extra)
    return Notes.model_validate(data)


def _email(notes: Notes, **kw: Any) -> str:
    person = notes.interviewers[0]
    return compose(notes, person, "thank_you_email", notes.interview.start, **kw)[0].text


def test_clauses_and_common_ground_never_follow_about() -> None:
    text = _email(_notes(["talked about the move to Terraform", "we both grew up in Cork"]))
    assert "about talked" not in text and "on we both" not in text
    assert "Terraform" in text and "we both grew up in Cork" in text


def test_private_asides_and_jottings_are_not_sent() -> None:
    topics = [
        "i blanked on the graph question",
        "(she looked tired)",
        "visa stuff",
        "ci is slow lol",
    ]
    text = _email(_notes([*topics, "the migration to Buildkite"]))
    for word in ("blanked", "tired", "visa", "lol"):
        assert word not in text
    assert "Buildkite" in text


def test_own_doing_is_first_person() -> None:
    text = _email(_notes(["my demo of the caching layer"]))
    assert "hearing about my" not in text and "my demo of the caching layer" in text


def test_no_usable_topic_invents_nothing_and_says_what_to_add() -> None:
    people = [
        {
            "name": "Lena Ortiz",
            "title": "Unit Secretary",
            "relation": "team_member",
            "topics": ["my mum is unwell"],
        }
    ]
    notes = _notes([], interviewers=people)
    proposals = compose(notes, notes.interviewers[0], "thank_you_email", notes.interview.start)
    assert "Unit Secretary" not in proposals[0].text
    assert any("add a topic you talked about with Lena" in n for n in proposals[0].notices)


def test_company_ending_in_a_period_and_role_said_once() -> None:
    text = _email(_notes(["the queue rewrite"], role="Platform Engineer at Quarry Mills Co."))
    assert "Co.." not in text and text.count("Quarry Mills") == 1
    assert role_phrase("Backend role", "X") == "Backend role"


def test_time_words_follow_the_send_window() -> None:
    notes = _notes(["the queue rewrite"])
    person, start = notes.interviewers[0], notes.interview.start
    note = compose(
        notes,
        person,
        "connection_note",
        start,
        not_before=start,
        not_after=start + timedelta(days=2),
    )[0].text
    assert "today" not in note and "yesterday" not in note
    nextday = datetime(2026, 3, 4, 9, tzinfo=start.tzinfo)
    note = compose(
        notes,
        person,
        "connection_note",
        start,
        not_before=nextday,
        not_after=nextday + timedelta(hours=8),
    )[0].text
    assert "yesterday's final round" in note


_DELAY = re.compile(r"\b(?:late|later|sooner|delay|belated\w*|slow)\b", re.IGNORECASE)


def test_late_email_owns_the_delay_once() -> None:
    text = _email(_notes(["the queue rewrite"]), late=True)
    body = text.split("\n\n")[1:-1]
    sentences = [s for p in body for s in re.split(r"(?<=[.!?])\s+", p)]
    owning = [s for s in sentences if _DELAY.search(s)]
    # one clause of the opening owns the delay, and that same sentence thanks them
    assert len(owning) == 1 and owning[0] == sentences[0]
    assert re.search(r"\bthank", owning[0], re.IGNORECASE)


@pytest.mark.parametrize("culture", ["casual", "neutral", "formal"])
@pytest.mark.parametrize("outcome", ["pending", "offer", "rejected"])
def test_panel_of_eight_shares_no_sentence(culture: str, outcome: str) -> None:
    people = [
        {"name": f"{first} Test", "relation": "team_member", "topics": ["the queue rewrite"]}
        for first in "Ada Ben Cleo Dov Eva Finn Gus Hal".split()
    ]
    notes = _notes([], interviewers=people, culture=culture, outcome=outcome)
    for kind in ("thank_you_email", "connection_note", "follow_up_message"):
        drafts = [
            (p.name, kind, compose(notes, p, kind, notes.interview.start)[0].text)
            for p in notes.interviewers
        ]
        shared = [f.message for _, f in check_across(drafts) if f.rule == "distinct.sentence"]
        assert not shared, (kind, shared)


def test_a_list_whose_first_part_is_short_is_said_whole() -> None:
    text = _email(_notes(["event sourcing, rebuilding the billing ledger on Postgres"]))
    assert "event sourcing and rebuilding the billing ledger on Postgres" in text


def test_a_long_head_drops_its_trailing_remark_but_is_kept() -> None:
    text = _email(_notes(["the move from cron jobs to Temporal, huge win"]))
    assert "cron jobs to Temporal" in text and "huge win" not in text


def test_saint_in_a_family_name_does_not_end_the_greeting() -> None:
    notes = _notes([], culture="formal")
    person = notes.interviewers[0].model_copy(update={"name": "Dr. Ana María St. John"})
    notes = notes.model_copy(update={"interviewers": [person]})
    result = draft_all(notes, plan_for(notes, notes.interview.start), OfflineBackend())
    for draft in result.drafts:
        assert "Dr. St. John," in draft.text
        assert not [f for f in draft.report.findings if f.severity == "error"], draft.text


def test_a_gerund_clause_is_still_a_subject() -> None:
    text = _email(_notes(["rewriting the invoice service in Go which cut costs in half"]))
    assert "rewriting the invoice service in Go" in text


def test_a_how_with_no_verb_to_lead_keeps_its_subject() -> None:
    # 'how' would lead nothing here: the rest is the subject, and the email still names it.
    notes = _notes(["Terraform in the data team, moving the nightly loads to Airflow which led"])
    text = _email(notes)
    assert "Terraform in the data team" in text and "how Terraform" not in text


def test_a_wh_clause_takes_no_article() -> None:
    text = _email(_notes(["where the support desk should be in a year"]))
    assert "where the support desk should be in a year" in text
    assert "the where" not in text
