"""Shared helpers for the rule-family tests (tests/test_rules_*.py): each family lists
(rule, kind, text that trips it, the words the finding must cover, a near miss)."""

from __future__ import annotations

from collections.abc import Sequence

from tests.helpers import ROOT
from tests.test_checker import Case, of, run
from writer.evals import load_cases

KINDS = ("thank_you_email", "connection_note", "follow_up_message")


def cases(rows: Sequence[tuple[str, str, str, str, str]]) -> list[Case]:
    return [Case(rule, kind, trip, excerpt, near) for rule, kind, trip, excerpt, near in rows]


def trips(case: Case) -> None:
    found = of(run(case.kind, case.trip), case.rule)
    assert found, f"{case.rule} did not trip on {case.trip!r}"
    assert case.trip[found[0].start : found[0].end] == case.excerpt
    assert found[0].severity == "error"
    assert found[0].message and found[0].suggestion


def misses(case: Case) -> None:
    found = of(run(case.kind, case.near_miss), case.rule)
    assert found == [], [case.near_miss[f.start : f.end] for f in found]


def references() -> list[tuple[str, str, str]]:
    """(case id, kind, reference) for every hand-written reference in the golden sets."""
    out = []
    for case in load_cases(ROOT / "evals" / "golden"):
        out += [(case.id, m.kind, m.reference) for m in case.messages if m.reference]
    return out


def errors_from(prefixes: tuple[str, ...], kind: str, text: str) -> list[str]:
    report = run(kind, text)
    return [
        f"{f.rule}: {text[f.start : f.end]!r}"
        for f in report.findings
        if f.severity == "error" and f.rule.startswith(prefixes)
    ]
