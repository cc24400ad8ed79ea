"""The topic stage's left-out classes generalise: private remarks written for these tests
(none of them from the messy golden cases) are kept out of every draft, and the work topic beside
them still goes in."""

from __future__ import annotations

from typing import Any

import pytest

from writer.backends.offline.composer import compose
from writer.notes import Notes
from writer.topics import analyse

_WORK = "the rollout of feature flags across the mobile apps"


def _notes(topics: list[str]) -> Notes:
    data: dict[str, Any] = {
        "candidate": {"name": "Priya Nair"},
        "company": "Tidewater Freight",
        "role": "Mobile Engineer",
        "interview": {
            "start": "2026-05-12T14:00:00+00:00",
            "end": "2026-05-12T15:00:00+00:00",
        },
        "interviewers": [{"name": "Owen Blake", "relation": "team_member", "topics": topics}],
    }
    return Notes.model_validate(data)


@pytest.mark.parametrize(
    ("remark", "reason", "leak"),
    [
        ("had a migraine the whole morning", "private", "migraine"),
        ("custody hearing on the 3rd so need flexible hours", "private", "custody"),
        ("my landlord is selling the flat", "private", "landlord"),
        ("she looked exhausted", "personal", "exhausted"),
        ("he seemed really grumpy", "personal", "grumpy"),
        ("awful coffee in the kitchen", "negative", "coffee"),
        ("bleak open-plan floor", "negative", "bleak"),
        ("between us the budget is frozen", "said in confidence", "budget"),
        ("don't bring up the startup i left", "a note to yourself", "startup"),
        ("gonna push for remote fridays", "a note to yourself", "remote"),
        ("i'll ask for a signing bonus", "private", "bonus"),
        ("mentioned my 8 month gap after the layoffs", "private", "gap"),
        ("prefers to be called Oz", "a note to yourself", "Oz"),
        ("he's switching teams in spring", "about someone else", "switching"),
        ("got a counter-offer from my current employer", "private", "counter"),
    ],
)
def test_private_remarks_are_left_out_with_a_reason(remark: str, reason: str, leak: str) -> None:
    found = analyse((remark, _WORK))
    assert [o.reason for o in found.left_out] == [reason]
    text = _email([remark, _WORK])
    assert leak.casefold() not in text.casefold()
    assert "feature flags" in text


def _email(topics: list[str]) -> str:
    notes = _notes(topics)
    return compose(notes, notes.interviewers[0], "thank_you_email", notes.interview.start)[0].text


@pytest.mark.parametrize(
    "topic",
    [
        "secrets management with Vault",
        "the nervous system imaging pipeline",
        "loan origination on the new core banking platform",
        "she stressed that testing comes first",
        "traffic shaping at the edge",
        "custodial wallets for institutional clients",
    ],
)
def test_work_subjects_near_those_words_are_still_used(topic: str) -> None:
    assert not analyse((topic,)).left_out


@pytest.mark.parametrize(
    ("topic", "noun", "clause"),
    [
        # the things talked of stay things: one pronoun turned, not two
        ("map layers + how they version them per client", "how you version them", None),
        # an arrow between two clauses means 'and so'
        (
            "onboarding is still a shared doc -> he wants a proper portal",
            None,
            "onboarding is still a shared doc, so you want a proper portal",
        ),
        # a hope with an infinitive is said as a hope, not as a topic
        (
            "she wants the new platform to be self-serve",
            "your hope that the new platform will be self-serve",
            None,
        ),
        # product and regulation names a lower-case jotting lost
        ("ifrs reporting in excel", "IFRS reporting in Excel", None),
        ("the epic rollout on the wards", "the Epic rollout", None),
        ("Solvency ii returns", "Solvency II returns", None),
    ],
)
def test_grammar_of_renderings(topic: str, noun: str | None, clause: str | None) -> None:
    (fragment,) = analyse((topic,)).usable
    if noun:
        assert fragment.noun is not None and noun in fragment.noun
    if clause:
        assert fragment.clause == clause


def test_how_the_reader_took_the_candidates_work_is_left_out() -> None:
    for jotted in ["he didnt rate my portfolio", "she wasn't convinced by my answer on caching"]:
        found = analyse((jotted,), None, frozenset())
        assert not found.usable, jotted
        assert "(about how you did)" in found.notices()[0]
