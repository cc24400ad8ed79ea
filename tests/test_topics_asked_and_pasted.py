"""Issue 14, fresh-notes round: classes blind readers still quoted, with jottings of our own.
A note fragment is never pasted in whole or half-repaired, and a question the reader put to
the candidate is never thanked for as the reader's own account."""

from __future__ import annotations

import pytest

from writer.topics import Kind, analyse


def _renderings(topic: str) -> list[str]:
    found = analyse((topic,))
    return [t for f in found.usable for t in (f.noun, f.clause, f.sentence) if t]


# -- 1. fragments pasted in whole or half-repaired -------------------------------------------


@pytest.mark.parametrize(
    ("topic", "said"),
    [
        ("moving from Airflow to dagster migration", "the migration from Airflow to Dagster"),
        ("switching from jira to linear move", "the move from Jira to linear"),
    ],
)
def test_a_move_jotted_twice_is_said_once(topic: str, said: str) -> None:
    nouns = [f.noun for f in analyse((topic,)).usable]
    assert nouns == [said]


@pytest.mark.parametrize(
    "topic",
    [
        "how she opened the shop in 2019 after leaving publishing",
        "how he started the choir after moving from Lagos",
    ],
)
def test_a_wh_clause_with_its_own_subject_is_said_whole(topic: str) -> None:
    [noun] = [f.noun for f in analyse((topic,)).usable]
    assert noun is not None
    assert noun.startswith("how you ")
    assert " of " not in noun.replace("of you", "")  # never 'the publishing of you opened'
    assert noun.split()[-1] == topic.split()[-1]


# -- 3. a question the reader asked, thanked for as the reader's own account ----------------


@pytest.mark.parametrize(
    ("topic", "choice"),
    [
        ("she asked why consulting not industry", "why I chose consulting over industry"),
        ("he asked why retail and not publishing", "why I chose retail over publishing"),
        ("they asked why nursing rather than medicine", "why I chose nursing over medicine"),
    ],
)
def test_a_question_about_the_candidates_choice_is_the_candidates_to_answer(
    topic: str, choice: str
) -> None:
    [fragment] = analyse((topic,)).usable
    assert fragment.kind == Kind.own
    assert fragment.noun == choice
    assert not any("your" in t.split() for t in _renderings(topic))
