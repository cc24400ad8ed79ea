"""The messy-notes golden cases (evals/golden/06-messy-*.yaml, ids messy-…) and the held-out
notes (evals/holdout) stay usable: every case loads, its references keep to their own lists and
the kinds' limits, its plan expectations are the planner's, and the names cases carry
greet_as."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ROOT
from writer.evals import Case, load_cases
from writer.loader import load_notes
from writer.planner import plan_for

GOLDEN = ROOT / "evals" / "golden"
HOLDOUT = ROOT / "evals" / "holdout"
CASES = [case for case in load_cases(GOLDEN) if case.id.startswith("messy-")]


def test_the_set_is_big_and_its_ids_are_unique() -> None:
    ids = [case.id for case in load_cases(GOLDEN)]
    assert len(CASES) >= 32
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_references_keep_to_their_lists_and_limits(case: Case) -> None:
    premium = case.notes.tier.value == "premium"
    for message in case.messages:
        text = message.reference.casefold()
        assert [m for m in message.must_mention if m.casefold() not in text] == []
        assert [m for m in message.must_not_mention if m.casefold() in text] == []
        words = len(message.reference.split())
        if message.kind == "connection_note":
            assert len(message.reference) <= (300 if premium else 200)
        elif message.kind == "follow_up_message":
            assert words <= 120
        else:
            assert 50 <= words <= 200


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_plan_expectations_are_the_planners(case: Case) -> None:
    plan = plan_for(case.notes, case.now)
    got = {(p.name, a.kind.value): a.decision.value for p in plan.interviewers for a in p.actions}
    wanted = {
        (person, action): decision
        for person, actions in case.plan.items()
        for action, decision in actions.items()
    }
    assert {key: got.get(key) for key in wanted} == wanted


def test_names_cases_say_how_to_greet() -> None:
    """The cases whose names need it carry greet_as, and the loader keeps it."""
    notes = [case.notes for case in CASES]
    greet_as = {p.greet_as for n in notes for p in n.interviewers if p.greet_as}
    assert {"An", "José Antonio", "Sir Anand", "Anne-Marie", "Dame Olivia"} <= greet_as


@pytest.mark.parametrize("path", sorted(HOLDOUT.glob("*.yaml")), ids=lambda p: p.name)
def test_held_out_notes_load(path: Path) -> None:
    notes = load_notes(path)
    assert notes.interviewers
    assert len(list(HOLDOUT.glob("*.yaml"))) >= 10
