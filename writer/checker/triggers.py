"""What a text must contain before a rule's pattern can match it, read from the pattern's
syntax tree: a list of clauses, each a set of strings one of which every text the pattern
matches holds. The engine runs a pattern only where every clause holds: most never run.

`requirements('\\bi am (now )?[1-9]\\d')` is [{'i am now ', 'i am '}, {'1', ..., '9'},
{'0', ..., '9', NON_ASCII}]: 'i am ' and a digit, or the pattern cannot match.

Derived once, when the rules are checked (`python -m writer.checker.schema` stores them in
rules.checked.json): parsing every pattern costs more than `writer check` may spend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib import import_module
from itertools import product
from typing import Any

# re's own parser and its opcodes (stable from 3.11 to 3.13; typeshed does not describe them).
_parser: Any = import_module("re._parser")
sre: Any = import_module("re._constants")

# Stands for "a character outside ASCII": a clause may hold it beside real strings.
NON_ASCII = "\x00non-ascii"
# Characters that `re.IGNORECASE` matches to an ASCII letter but that lower-casing does not
# turn into one ('İ' is 'i' to re, 'i̇' to str.lower): a text holding one is not gated.
CASE_TRAPS = frozenset("\u0130\u0131\u017f")
Clause = frozenset[str]

_MOST_STRINGS = 48  # alternatives spelled out in a run before it is cut
_MOST_CLASS = 64  # characters of a class spelled out as single-character strings
_DIGITS = frozenset("0123456789")
_STRAIGHT = {"’": "'"}  # the engine matches phrases with curly apostrophes straightened


def requirements(source: str, case_sensitive: bool) -> list[Clause] | None:
    """The clauses every text a pattern matches satisfies, strongest first; None when the
    pattern cannot be read (or changes case sensitivity inside)."""
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        parsed = _parser.parse(source, flags)
    except re.error:
        return None
    if bool(parsed.state.flags & re.IGNORECASE) == case_sensitive:
        return None  # an inline (?i) at the start: the pattern's case is not the rule's
    reader = _Reader(fold=not case_sensitive)
    try:
        clauses = reader.sequence(list(parsed))
    except _Unreadable:
        return None
    # Ties broken by the strings, so that every process orders them alike.
    return sorted(set(clauses), key=lambda c: (strength(c), sorted(c)), reverse=True)


def strength(clause: Clause) -> tuple[int, int]:
    """How rarely a clause holds, roughly: by its shortest string (a string of several
    characters is rarer than one of a few), then by having fewer strings."""
    shortest = min((len(s) if s != NON_ASCII else 1 for s in clause), default=0)
    return shortest, -len(clause)


def key_clause(clauses: Sequence[Clause]) -> Clause | None:
    """The clause a phrase scan can test (no NON_ASCII, every string of 3+ characters or
    with punctuation in it), the strongest one; None if none can be."""
    for clause in clauses:
        if NON_ASCII not in clause and all(_scannable(s) for s in clause):
            return clause
    return None


def _scannable(text: str) -> bool:
    return len(text.strip()) >= 3 or any(not c.isalnum() and not c.isspace() for c in text)


class _Unreadable(Exception):
    """A construct the reader does not handle: nothing is claimed for the pattern."""


class _Reader:
    def __init__(self, fold: bool) -> None:
        self.fold = fold
        # Spellings by node: a nested group is asked again at every level above it.
        self._exact: dict[int, set[str] | None] = {}

    def sequence(self, items: Sequence[tuple[Any, Any]]) -> list[Clause]:
        """The clauses of a sequence: runs of nodes with few spellings are spelled out
        together ('i', then "'m" or ' am' is {"i'm", 'i am'}); other nodes add their own."""
        clauses: list[Clause] = []
        run: set[str] | None = None
        for op, av in items:
            exact = self.exact(op, av)
            if exact is not None:
                joined = {a + b for a, b in product(run, exact)} if run is not None else exact
                if len(joined) <= _MOST_STRINGS:
                    run = joined
                    continue
                clauses += _run_clause(run)
                run = exact
                continue
            body = self._repeated(op, av)
            if body is not None:
                # A run of one or more copies: what came before touches its first copy, and
                # its last copy what comes after ('ha(ha)+' holds 'haha').
                joined = {a + b for a, b in product(run, body)} if run is not None else body
                clauses += _run_clause(joined if len(joined) <= _MOST_STRINGS else run)
                run = body
                continue
            clauses += _run_clause(run)
            run = None
            clauses += self.inner(op, av)
        clauses += _run_clause(run)
        return clauses

    def _repeated(self, op: Any, av: Any) -> set[str] | None:
        """Every string one copy of a repeat matches, when it repeats at least once and
        its copies can be spelled out."""
        if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) or av[0] < 1:
            return None
        return self._exact_sequence(list(av[2]))

    def exact(self, op: Any, av: Any) -> set[str] | None:
        """Every string the node matches, when they are few and it matches nothing else."""
        key = id(av)
        if key not in self._exact:
            self._exact[key] = self._spell(op, av)
        return self._exact[key]

    def _spell(self, op: Any, av: Any) -> set[str] | None:
        if op is sre.LITERAL:
            char = self._fold(_STRAIGHT.get(chr(av), chr(av)))
            return None if char == NON_ASCII else {char}
        if op is sre.AT:
            return {""}  # \b, ^, $: they match no characters
        if op is sre.IN:
            chars = self._class(av)
            if chars is None or len(chars) > 2 or NON_ASCII in chars:
                return None
            return chars
        if op is sre.SUBPATTERN:
            _, add, remove, body = av
            if (add | remove) & re.IGNORECASE:
                return None  # its case is not the pattern's: nothing claimed
            return self._exact_sequence(list(body))
        if op is sre.BRANCH:
            return self._exact_union(av[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, high, body = av
            if (low, high) == (0, 1):
                inner = self._exact_sequence(list(body))
                return None if inner is None else inner | {""}
            if low == high == 1:
                return self._exact_sequence(list(body))
        return None

    def _exact_sequence(self, items: Sequence[tuple[Any, Any]]) -> set[str] | None:
        found = {""}
        for op, av in items:
            exact = self.exact(op, av)
            if exact is None:
                return None
            found = {a + b for a, b in product(found, exact)}
            if len(found) > _MOST_STRINGS:
                return None
        return found

    def _exact_union(self, branches: Iterable[Any]) -> set[str] | None:
        found: set[str] = set()
        for branch in branches:
            exact = self._exact_sequence(list(branch))
            if exact is None:
                return None
            found |= exact
        return found if len(found) <= _MOST_STRINGS else None

    def inner(self, op: Any, av: Any) -> list[Clause]:
        """The clauses of a node that cannot be spelled out."""
        if op is sre.SUBPATTERN:
            _, add, remove, body = av
            if (add | remove) & re.IGNORECASE:
                return []
            return self.sequence(list(body))
        if op is sre.ATOMIC_GROUP:
            return self.sequence(list(av))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _, body = av
            return self.sequence(list(body)) if low >= 1 else []
        if op is sre.BRANCH:
            return self._branch(av[1])
        if op is sre.IN:
            chars = self._class(av)
            if chars is not None:
                return [frozenset(chars)]
            return [frozenset({NON_ASCII})] if _all_non_ascii(av) else []
        if op is sre.LITERAL:
            return [frozenset({NON_ASCII})]  # one outside ASCII (those inside are exact)
        if op is sre.CATEGORY or op is sre.NOT_LITERAL or op is sre.ANY:
            return []
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF, sre.GROUPREF_EXISTS):
            return []  # nothing claimed: a lookaround's text is not the match's
        raise _Unreadable

    def _branch(self, branches: Iterable[Any]) -> list[Clause]:
        """The clauses of alternatives: the union of each one's strongest clause, and any
        clause of the first that every other one has a narrower clause of (a digit)."""
        each = [self.sequence(list(branch)) for branch in branches]
        if not all(each):
            return []
        union = frozenset().union(*(max(clauses, key=strength) for clauses in each))
        shared = [
            clause
            for clause in each[0]
            if all(any(other <= clause for other in clauses) for clauses in each[1:])
        ]
        return [union, *shared]

    def _class(self, items: list[tuple[Any, Any]]) -> set[str] | None:
        """The characters of a class as the scan sees them (a class of letters folds to
        its lower-case ones), or None for a negated, category or non-ASCII one."""
        chars: set[str] = set()
        for op, av in items:
            if op is sre.LITERAL:
                codes: Iterable[int] = (av,)
            elif op is sre.RANGE and av[1] - av[0] < _MOST_CLASS:
                codes = range(av[0], av[1] + 1)
            elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
                chars |= _DIGITS | {NON_ASCII}
                continue
            else:
                return None
            chars.update(self._fold(_STRAIGHT.get(chr(c), chr(c))) for c in codes)
        return chars if 0 < len(chars) <= _MOST_CLASS else None

    def _fold(self, char: str) -> str:
        """The character as the phrase scan sees it, or NON_ASCII for a letter outside
        ASCII (re's case folding of other scripts is not str.lower's)."""
        if char.isascii():
            return char.lower() if self.fold else char
        caseless = not char.isalpha() and char.lower() == char == char.upper()
        return char if caseless else NON_ASCII


def _all_non_ascii(items: list[tuple[Any, Any]]) -> bool:
    """Whether a class matches only characters outside ASCII ('[\\u200b-\\u200f]')."""
    for op, av in items:
        if op is sre.LITERAL and av < 128:
            return False
        if op is sre.RANGE and av[0] < 128:
            return False
        if op not in (sre.LITERAL, sre.RANGE):
            return False
    return True


def _run_clause(run: set[str] | None) -> list[Clause]:
    """A run spelled out is a clause unless one of its spellings is empty."""
    if not run or "" in run:
        return []
    if any(NON_ASCII in s for s in run):
        return []  # a spelling that mixes a placeholder with text cannot be searched for
    return [frozenset(run)]
