"""Frames that fit the fragment, and no trouble of theirs framed as something enjoyed:
messy notes of my own that break the way the blind read's drafts did ('is still Excel',
'your point that you picked ...', '... last year with you meant a great deal')."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest

from writer.backends import OfflineBackend
from writer.drafting import draft_all
from writer.notes import Notes
from writer.planner import plan_for

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _notes(culture: str, people: list[dict[str, Any]], **extra: Any) -> Notes:
    data: dict[str, Any] = {
        "candidate": {"name": "Priya Nair"},
        "company": extra.pop("company", "Larkspur Ltd"),
        "role": extra.pop("role", "Operations Analyst"),
        "culture": culture,
        "interview": {
            "start": "2026-06-09T10:00:00+01:00",  # a Tuesday
            "end": "2026-06-09T11:30:00+01:00",
            "stage": "second interview",
            "went": "well",
        },
        "interviewers": people,
    }
    data.update(extra)
    return Notes.model_validate(data)


def _drafts(notes: Notes) -> dict[tuple[str, str], str]:
    moment = datetime.fromisoformat("2026-06-09T15:00:00+01:00")
    result = draft_all(notes, plan_for(notes, moment), OfflineBackend())
    return {(d.interviewer, d.kind.value): d.text for d in result.drafts}


def _all(notes: Notes) -> str:
    return "\n".join(_drafts(notes).values())


WAREHOUSE = _notes(
    "neutral",
    [
        {
            "name": "Tomasz Wr\u00f3bel",
            "relation": "hiring_manager",
            "topics": [
                "pick paths still on clipboards -> he wants handheld scanners",
                "he thinks most slotting projects fail on bad master data",
            ],
        },
        {
            "name": "Aisha Bello",
            "relation": "team_member",
            "topics": ["kafka vs rabbitmq, they picked kafka", "theyre moving wms to the cloud"],
        },
    ],
    company="Northgate Distribution",
)
STARTUP = _notes(
    "casual",
    [
        {
            "name": "Kai Lindqvist",
            "relation": "hiring_manager",
            "topics": [
                "theyre rebuilding onboarding in react native",
                "series b closes end of jan",
            ],
        }
    ],
    company="Sprout",
    role="Mobile Engineer",
)
HOSPITAL = _notes(
    "formal",
    [
        {
            "name": "Dr. Folake Adeyemi",
            "relation": "hiring_manager",
            "topics": [
                "the discharge audit failed in june",
                "infection control is strict here",
                "e-prescribing go-live is in april",
            ],
        }
    ],
    company="Wyndham General Hospital",
    role="Clinical Systems Analyst",
)
SCHOOL = _notes(
    "neutral",
    [
        {
            "name": "Gareth Pryce",
            "relation": "hiring_manager",
            "topics": [
                "the reading scheme they brought in last yr",
                "the maths hub they set up with two other schools",
            ],
        }
    ],
    company="Cefn Primary School",
    role="Year 4 Teacher",
)


def test_a_problem_of_theirs_is_named_as_the_work_not_as_news_enjoyed() -> None:
    text = _all(WAREHOUSE)
    assert "clipboards" not in text  # the trouble stays in the notes
    assert "handheld scanners" in text  # the work it points to is what is said
    assert not re.search(r"(?:learn|hear|point|glad)\w* (?:that|how) the pick paths", text)


def test_a_plan_or_a_choice_is_said_as_the_work_never_as_a_point() -> None:
    text = _all(WAREHOUSE) + _all(STARTUP)
    assert "your point that you" not in text
    assert not re.search(r"that you(?:'re| are) (?:moving|rebuilding)", text)
    assert "theyre" not in text.casefold()
    assert "rebuilding onboarding in React Native" in text
    # the comparison says the choice once; 'picked Kafka' beside it is the same topic twice
    assert "picked Kafka" not in text and "Kafka versus RabbitMQ" in text


def test_a_failure_a_rule_or_a_date_is_never_the_warm_hook() -> None:
    text = _all(HOSPITAL) + _all(STARTUP)
    for said in ("failed", "strict", "is in April", "closes", "stayed with me that"):
        assert said not in text
    assert "e-prescribing" in text.casefold()
    # a raise jotted with its date is named as the work, without the date
    assert "series b" not in text.casefold() and "the funding round" in text


@pytest.mark.parametrize("notes", [SCHOOL, WAREHOUSE], ids=["school", "warehouse"])
def test_a_topic_with_a_clause_inside_ends_its_sentence(notes: Notes) -> None:
    """'Talking about the reading scheme you brought in last year with you ...' makes the
    reader look for where the clause ends: such a topic closes its sentence."""
    for text in _drafts(notes).values():
        for sentence in _SENTENCE.split(text):
            inner = re.search(r"\byou (?:brought|set)\b|\bmoving the pick paths\b", sentence)
            if inner:
                assert re.search(r"(?:last year|other schools|handheld scanners)\.$", sentence)
