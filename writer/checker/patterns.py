"""Regular-expression patterns of rules: compiled with the engine's conventions, and what a
text must contain before a pattern is worth running (writer/checker/triggers.py)."""

from __future__ import annotations

from collections.abc import Sequence

from writer.checker.engine import Pattern
from writer.checker.triggers import key_clause, requirements

# Clauses tested with a substring search besides the scanned one: the strongest few prune
# nearly all the runs that the rest would.
_MOST_REQUIRED = 3


def widen(source: str) -> str:
    """A pattern as rules.yaml writes it, as compiled: a plain ' also matches a curly ’."""
    return source.replace("'", "['’]")


def derive(source: str, case_sensitive: bool) -> list[list[str]] | None:
    """The clauses a text must satisfy before `source` can match it, strongest first, as
    rules.checked.json stores them (None: none can be told)."""
    found = requirements(widen(source), case_sensitive)
    return None if found is None else [sorted(clause) for clause in found]


def compile_pattern(
    source: str,
    case_sensitive: bool,
    replacement: str | None,
    clauses: Sequence[Sequence[str]] | None = None,
    *,
    eager: bool = True,
) -> Pattern:
    """A pattern of a rule; `clauses` as `derive` gives them (derived here when not given:
    rules.checked.json stores them, as parsing every pattern is slow). `eager` compiles it
    now, so that a bad pattern raises re.error here; without it, on first use (for rules
    the schema has checked already)."""
    if clauses is None:
        clauses = derive(source, case_sensitive) or []
    sets = [frozenset(clause) for clause in clauses]
    key = key_clause(sets)
    rest = tuple(clause for clause in sets if clause != key)[:_MOST_REQUIRED]
    pattern = Pattern(widen(source), key, case_sensitive, replacement, rest)
    if eager:
        pattern.regex  # noqa: B018  (compiles it, raising re.error for a bad pattern)
    return pattern
