"""Fuzzing (slow: `pytest -m slow`, which .ci/run runs): the loader on arbitrary structures
and bytes, the checker on arbitrary text, the composer on arbitrary valid notes."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import strategies
from tests.helpers import BASE
from writer.backends import OfflineBackend
from writer.checker import KINDS, check
from writer.drafting import draft_all
from writer.errors import InputError
from writer.kinds import MessageKind
from writer.loader import parse_notes
from writer.planner import plan_for

EXAMPLES = 10_000
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
pytestmark = pytest.mark.slow

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.dates().map(str),
)
structures = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)
PATHS = [
    ("company",),
    ("role",),
    ("candidate", "name"),
    ("candidate", "linkedin_tier"),
    ("interview", "start"),
    ("interview", "went"),
    ("culture",),
    ("outcome",),
    ("interviewers",),
    ("interviewers", 0, "name"),
    ("interviewers", 0, "topics"),
    ("interviewers", 0, "linkedin"),
    ("interviewers", 0, "mutual_connections"),
]


def _mutated(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def _parses_or_explains(text: str, *, is_json: bool = False) -> None:
    try:
        parse_notes(text, "fuzz.yaml", is_json=is_json)
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)


@FUZZ
@given(st.sampled_from(PATHS), structures)
def test_loader_on_mutated_notes(path: tuple[Any, ...], value: Any) -> None:
    data = _mutated(path, value)
    _parses_or_explains(yaml.safe_dump(data, allow_unicode=True))
    _parses_or_explains(json.dumps(data, default=str), is_json=True)


@FUZZ
@given(structures)
def test_loader_on_arbitrary_structures(data: Any) -> None:
    _parses_or_explains(yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(st.binary(max_size=400))
def test_loader_on_arbitrary_bytes(blob: bytes) -> None:
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError:
        return  # the file reader turns these into "not UTF-8" (tested in test_loader)
    _parses_or_explains(text)
    _parses_or_explains(text, is_json=True)


NOTES = parse_notes(yaml.safe_dump(BASE))


@FUZZ
@given(st.sampled_from(KINDS), st.text(max_size=600), st.booleans(), st.text(max_size=30))
def test_checker_on_arbitrary_text(kind: MessageKind, text: str, with_notes: bool, to: str) -> None:
    options: dict[str, Any] = (
        {"notes": NOTES, "to": "Dana Lee"} if with_notes else {"to": to or None}
    )
    first = check(kind, text, subject=text[:60], **options)
    assert all(0 <= f.start <= f.end <= len(text) for f in first.findings if f.field == "text")
    assert check(kind, text, subject=text[:60], **options).findings == first.findings
    assert first.ok == (not any(f.severity == "error" for f in first.findings))


@FUZZ
@given(st.data())
def test_composer_on_arbitrary_valid_notes(data: st.DataObject) -> None:
    notes = data.draw(strategies.notes())
    now = data.draw(strategies.moments(notes.interview.ends))
    for draft in draft_all(notes, plan_for(notes, now), OfflineBackend()).drafts:
        assert draft.ok, (draft.kind, draft.text, draft.report.findings)
        if draft.kind == "connection_note":
            assert len(draft.text) <= (300 if notes.tier == "premium" else 200)
