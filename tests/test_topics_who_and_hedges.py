"""The topic stage on jottings that blind readers of fresh notes found said back badly:
who the reader is (their title), the candidate's own slip or hedged answer, a reminder in
brackets not to repeat something, a setback in the business, and a reflexive pronoun left
in the third person. Each jotting here is written for this test."""

from __future__ import annotations

import re

import pytest

from writer.backends.offline.composer import compose
from writer.notes import Notes
from writer.topics import analyse


def _said(topic: str) -> list[str]:
    return [f.noun or f.clause or "" for f in analyse((topic,)).usable]


def _reasons(topic: str) -> list[str]:
    return [left.reason for left in analyse((topic,)).left_out]


@pytest.mark.parametrize(
    "topic",
    [
        "senior associate, commercial property",
        "ward manager at St Luke's",
        "she's the head of analytics",
        "CTO/cofounder, ex-Monzo",
        "deputy head teacher, 9 yrs at the school",
        "ex-Deloitte",
        "pastry chef, 8 yrs there",
        "co-owner, started it in 2015",
        "deputy head of maths",
        "director of nursing, 20 yrs in the trust",
    ],
)
def test_who_the_reader_is_is_not_a_topic(topic: str) -> None:
    assert _said(topic) == []
    assert "who they are" in _reasons(topic)


@pytest.mark.parametrize(
    ("topic", "kept"),
    [
        ("the partner portal rebuild", "partner portal"),
        ("ecologist too, we talked about newt surveys", "newt surveys"),
        ("the head of data wants one warehouse", ""),
    ],
)
def test_a_title_inside_a_real_topic_does_not_hide_it(topic: str, kept: str) -> None:
    said = " ".join(_said(topic))
    assert kept in said


@pytest.mark.parametrize(
    "topic",
    [
        "the pricing case - I missed the churn angle",
        "can I use tableau? - kinda",
        "asked about my french - rusty, doing lessons",
        "do I know dbt - not really",
        "the warehouse design exercise, i fumbled the indexing part",
        "stakeholder question - i gave a vague answer tbh",
    ],
)
def test_the_candidates_slip_or_hedged_answer_leaves_the_topic_out(topic: str) -> None:
    said = " ".join(_said(topic)).casefold()
    assert "missed" not in said and "kinda" not in said and "rusty" not in said
    assert "not really" not in said and "my french" not in said and "tableau" not in said
    assert "pricing case" not in said and "warehouse design" not in said
    assert "stakeholder" not in said
    assert "self-critical" in _reasons(topic)


@pytest.mark.parametrize(
    "topic",
    [
        "their old CRM vendor went bust (dont mention)",
        "the restructure of the sales team (keep quiet)",
        "series B talks with two funds (don't bring it up)",
    ],
)
def test_a_reminder_in_brackets_not_to_repeat_it_covers_the_whole_topic(topic: str) -> None:
    assert _said(topic) == []


@pytest.mark.parametrize(
    "topic", ["they lost their two biggest customers this year", "lost the council tender"]
)
def test_a_setback_in_the_business_is_not_said_back(topic: str) -> None:
    assert _said(topic) == []
    assert "a candid remark" in _reasons(topic)


def test_a_near_miss_about_winning_work_is_kept() -> None:
    assert _said("won the council tender for school meals")


def test_a_reflexive_pronoun_follows_the_reader_into_the_second_person() -> None:
    [said] = _said("he trained as a nurse himself before moving to IT")
    assert "yourself" in said and "himself" not in said


def test_a_thank_you_never_names_the_readers_title_as_what_was_discussed() -> None:
    notes = Notes.model_validate(
        {
            "candidate": {"name": "Ola Nowak"},
            "company": "Hartley Dunn LLP",
            "role": "Paralegal",
            "interview": {
                "start": "2026-12-01T10:00:00+00:00",
                "end": "2026-12-01T11:00:00+00:00",
                "stage": "2nd round",
            },
            "interviewers": [
                {
                    "name": "Imogen Hale",
                    "relation": "hiring_manager",
                    "topics": ["senior partner, family law", "their move to a paperless bundle"],
                }
            ],
        }
    )
    person = notes.interviewers[0]
    for variant in range(3):
        text = compose(notes, person, "thank_you_email", notes.interview.start, variant)[0].text
        assert "senior partner" not in text and "family law" not in text
        assert "paperless bundle" in text
        assert "2nd round" not in text


@pytest.mark.parametrize(
    "topics",
    [
        ["she runs all the podcast editing"],
        ["he said the brand refresh ships in spring"],
        ["how the team splits client accounts"],
        ["booked all my travel, so helpful"],
    ],
)
def test_a_note_after_an_offer_does_not_thank_for_the_news_and_the_topic_in_one_breath(
    topics: list[str],
) -> None:
    notes = Notes.model_validate(
        {
            "candidate": {"name": "Rui Costa"},
            "company": "Bright Kite",
            "role": "Copywriter",
            "outcome": "offer",
            "outcome_on": "2026-12-03",
            "interview": {
                "start": "2026-12-01T10:00:00+00:00",
                "end": "2026-12-01T11:00:00+00:00",
                "stage": "final",
            },
            "interviewers": [{"name": "Tess Moore", "relation": "team_member", "topics": topics}],
        }
    )
    person = notes.interviewers[0]
    for variant in range(4):
        text = compose(notes, person, "connection_note", notes.interview.start, variant)[0].text
        assert "offer" in text
        assert not re.search(r"offer(?: was wonderful news)?(?:, and|;| and) (?:for|I've)", text), (
            text
        )


@pytest.mark.parametrize(
    ("name", "culture", "email", "note"),
    [
        ("Mrs. Ruth Okonjo", "neutral", "Dear Mrs. Okonjo,", "Hello Mrs. Okonjo"),
        ("Dr Ana Vidal", "neutral", "Dear Dr Vidal,", "Hello Dr Vidal"),
        ("Mrs. Ruth Okonjo", "casual", "Hi Ruth,", "Hi Ruth"),
        ("Ruth Okonjo", "neutral", "Hi Ruth,", "Hi Ruth"),
    ],
)
def test_an_honorific_the_candidate_wrote_is_kept_outside_a_casual_place(
    name: str, culture: str, email: str, note: str
) -> None:
    notes = Notes.model_validate(
        {
            "candidate": {"name": "Ola Nowak"},
            "company": "Elm Street Academy",
            "role": "Maths Teacher",
            "culture": culture,
            "interview": {
                "start": "2026-12-01T10:00:00+00:00",
                "end": "2026-12-01T11:00:00+00:00",
            },
            "interviewers": [
                {"name": name, "relation": "hiring_manager", "topics": ["the new maths scheme"]}
            ],
        }
    )
    person = notes.interviewers[0]
    start = notes.interview.start
    assert compose(notes, person, "thank_you_email", start, 0)[0].text.startswith(email)
    assert compose(notes, person, "connection_note", start, 0)[0].text.startswith(note)


@pytest.mark.parametrize(
    ("topic", "reason"),
    [
        ("he told me i was runner-up last time", "about how you did"),
        ("she hinted i'm on the shortlist", "about how you did"),
        ("staff absences have tripled this winter", "a candid remark"),
        ("support tickets went up since the migration", "a candid remark"),
        ("he came over from Ocado last spring", "who they are"),
        ("she joined from a big four firm", "who they are"),
    ],
)
def test_standing_troubles_and_career_paths_are_not_said_back(topic: str, reason: str) -> None:
    assert _said(topic) == []
    assert reason in _reasons(topic)


@pytest.mark.parametrize(
    ("topic", "kept"),
    [
        ("we both used to teach at a school in york", "used to teach at"),
        ("tickets are triaged by the on-call engineer", "triaged"),
        ("the plan to move payroll in-house", "the plan to move payroll"),
    ],
)
def test_near_misses_stay_as_said(topic: str, kept: str) -> None:
    assert kept in " ".join(_said(topic))


def test_a_bare_infinitive_is_not_said_as_a_noun() -> None:
    assert _said("he asked me to sketch a caching layer") == []
