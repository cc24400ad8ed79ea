"""Figures, stated problems, jotted word order and lower-case names: what the recipient of a
draft reads when the notes were jotted that way (issue 14, a reader's scores)."""

from __future__ import annotations

from typing import Any

import pytest

from writer.backends.offline.composer import compose
from writer.notes import Notes
from writer.topics import Kind, analyse

_KINDS = ("thank_you_email", "connection_note", "follow_up_message")


def _notes(topics: list[str], **person: Any) -> Notes:
    return Notes.model_validate(
        {
            "candidate": {"name": "Ines Okafor"},
            "company": "Larchfield Partners",
            "role": "Operations Analyst",
            "interview": {
                "start": "2026-05-12T10:00:00+01:00",
                "end": "2026-05-12T11:00:00+01:00",
                "stage": "second round",
            },
            "interviewers": [
                {"name": "Bogdan Petrov", "relation": "hiring_manager", "topics": topics, **person}
            ],
        }
    )


def _drafts(topics: list[str], **person: Any) -> list[str]:
    notes = _notes(topics, **person)
    who = notes.interviewers[0]
    return [compose(notes, who, kind, notes.interview.start)[0].text for kind in _KINDS]


@pytest.mark.parametrize(
    "topic",
    [
        "the analytics team is 6 people rn",
        "interns rotate through 3 desks over 18 months",
        "warehouse pick rate ~140 an hour",
        "app bundle capped at 2mb",
        "churn at 9% a month",
        "support rota is 1 day in 4",
    ],
)
def test_a_figure_that_is_the_point_never_reaches_a_draft(topic: str) -> None:
    drafts = _drafts([topic, "the supplier portal they're building in-house"])
    for text in drafts:
        assert not any(ch.isdigit() for ch in text), text
    assert any("supplier portal" in text for text in drafts)
    [left] = analyse((topic,)).left_out
    assert left.reason == "a figure, too small a detail to recall"


def test_a_figure_about_some_work_is_said_as_that_work() -> None:
    [fragment] = analyse(("late deliveries down 30% since the new routing tool",)).usable
    assert (fragment.kind, fragment.noun) == (Kind.subject, "the new routing tool")
    email = _drafts(["late deliveries down 30% since the new routing tool"])[0]
    assert "the new routing tool" in email and "30" not in email


def test_small_incidental_counts_are_spelled_out() -> None:
    [fragment] = analyse(("stock reconciliation across 4 depots",)).usable
    assert fragment.noun == "stock reconciliation across four depots"
    # a number that is part of a name stays as it is
    [named] = analyse(("the Phase 2 rollout for Year 9 pupils",)).usable
    assert named.noun is not None and "Phase 2" in named.noun and "Year 9" in named.noun


@pytest.mark.parametrize(
    ("topic", "not_said"),
    [
        ("the returns log is still on a shared drive", "still on"),
        ("stock counts are manual only", "manual only"),
        ("crunch every quarter end is expected here", "crunch"),
        ("two vacancies on the night team", "vacancies"),
    ],
)
def test_a_problem_of_theirs_is_never_good_news(topic: str, not_said: str) -> None:
    drafts = _drafts([topic, "the supplier portal they're building in-house"])
    for text in drafts:
        assert not_said not in text.casefold(), text
        assert "glad to hear that" not in text.casefold()


def test_a_problem_names_its_work_neutrally_when_it_can() -> None:
    [fragment] = analyse(("goods-in paperwork still on paper",)).usable
    assert (fragment.kind, fragment.noun, fragment.clause) == (
        Kind.subject,
        "the goods-in paperwork",
        None,
    )
    email = _drafts(["goods-in paperwork still on paper"])[0]
    assert "the goods-in paperwork" in email and "on paper" not in email


def test_work_that_deals_with_a_trouble_is_still_the_work() -> None:
    [fragment] = analyse(("the no-show prediction model they're piloting",)).usable
    assert fragment.kind == Kind.subject
    [other] = analyse(("how the team restores service after an outage",)).usable
    assert other.noun is not None and "outage" in other.noun


def test_a_jotted_motto_reads_as_a_sentence_says_it() -> None:
    drafts = _drafts(["iterate fast mentality"])
    assert any("how the team iterates fast" in text for text in drafts)
    assert not any("iterate fast mentality" in text for text in drafts)


def test_places_in_a_shared_background_are_names() -> None:
    [fragment] = analyse(("we both lived in krakow for a few yrs",)).usable
    assert fragment.clause == "we both lived in Krakow for a few years"
    [initials] = analyse(("we both did our masters at ucl",)).usable
    assert initials.clause is not None and initials.clause.endswith("at UCL")
    # a sector is not a place
    [sector] = analyse(("we both worked in consulting",)).usable
    assert sector.clause == "we both worked in consulting"
    drafts = _drafts(["we both lived in krakow for a few yrs", "the supplier portal"])
    assert any("in Krakow" in text for text in drafts)
    assert not any("krakow" in text for text in drafts)


def test_a_site_is_followed_by_its_place_name() -> None:
    [fragment] = analyse(("the pilot with two depots in leipzig",)).usable
    assert fragment.noun == "the pilot with two depots in Leipzig"


def test_a_jotting_that_starts_at_its_verb_gets_its_speaker() -> None:
    [wish] = analyse(("wants a self-serve returns portal",)).usable
    assert (wish.kind, wish.noun) == (Kind.view, "your plan for a self-serve returns portal")
    [led] = analyse(("runs the quarterly stock audit",)).usable
    assert led.noun == "the quarterly stock audit"
    email = _drafts(["runs the quarterly stock audit"])[0]
    assert "of runs" not in email and "about runs" not in email


def test_what_the_candidate_showed_stays_theirs() -> None:
    [fragment] = analyse(("I showed him my inventory forecasting notebook",)).usable
    assert (fragment.kind, fragment.noun) == (Kind.own, "my inventory forecasting notebook")
    drafts = _drafts(["I showed him my inventory forecasting notebook"])
    assert not any("your my" in text for text in drafts)
    [asked] = analyse(("he asked how i'd size the safety stock",)).usable
    assert (asked.kind, asked.noun) == (Kind.own, "how I'd size the safety stock")


def test_an_office_of_theirs_is_not_the_highlight() -> None:
    topics = ["he chaired the works council", "the supplier portal they're building in-house"]
    email = _drafts(topics)[0]
    assert "supplier portal" in email and "chaired" not in email


def test_a_bare_singular_subject_gets_its_article() -> None:
    [fragment] = analyse(("main customer is a grocery chain",)).usable
    assert fragment.clause == "the main customer is a grocery chain"


def test_go_the_language_is_cased() -> None:
    [fragment] = analyse(("porting the scheduler from python to go",)).usable
    assert fragment.noun == "porting the scheduler from Python to Go"
    [services] = analyse(("splitting billing into go services",)).usable
    assert services.noun is not None and "Go services" in services.noun


def test_lower_case_places_are_spelled_as_names() -> None:
    [fragment] = analyse(("fleet telematics pilots in lagos + nairobi",)).usable
    assert fragment.noun == "fleet telematics pilots in Lagos and Nairobi"
    [many] = analyse(("we both interned in kuala lumpur",)).usable
    assert many.clause == "we both interned in Kuala Lumpur"
    # a place that is also a word is left as written
    [word] = analyse(("reading age tests for year 3",)).usable
    assert word.noun is not None and word.noun.startswith("reading age")


def test_this_before_a_noun_does_not_hide_the_topic() -> None:
    topics = [
        "the supplier portal they're building in-house",
        "moving the stock system to the cloud this quarter",
    ]
    email = _drafts(topics)[0]
    assert "moving the stock system to the cloud this quarter" in email


def test_a_jotted_contrast_gets_its_comma() -> None:
    [view] = analyse(("he thinks most delays are paperwork not people",)).usable
    assert view.clause == "most delays are paperwork, not people"
    # a plain negative is not a contrast, and a subject with its article keeps just one
    [plain] = analyse(("the rollout is not ready",)).usable
    assert plain.clause == "the rollout is not ready"
