"""Regular-expression patterns of rules: compiled with the engine's conventions, and what a
text must contain before a pattern is worth running (writer/checker/triggers.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from writer.checker.phrases import Scan
from writer.checker.triggers import NON_ASCII, key_clause, requirements

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


@dataclass(frozen=True)
class Pattern:
    """A pattern, the literals it cannot match without, and its safe fix. It compiles on
    first use: most patterns never run (their triggers are absent), and compiling them all
    cost every `writer` command a third of its start-up."""

    source: str  # as re.compile takes it (rules.yaml's ' already widened to ['’])
    # Every match contains one of these (lower case unless case-sensitive): the phrase
    # pass tells which a text holds, so most patterns are never run.
    triggers: frozenset[str] | None
    case_sensitive: bool
    replacement: str | None = None
    # More sets of strings, a string of each of which any text it matches holds (NON_ASCII:
    # some character outside ASCII): looked up only when the triggers are there.
    requires: tuple[frozenset[str], ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        compiled: re.Pattern[str] | None = self.__dict__.get("_regex")
        if compiled is None:
            compiled = re.compile(self.source, 0 if self.case_sensitive else re.IGNORECASE)
            self.__dict__["_regex"] = compiled  # frozen to callers; a cache underneath
        return compiled

    def finditer(self, text: str, present: set[str]) -> Iterator[re.Match[str]] | None:
        if self.triggers is not None and self.triggers.isdisjoint(present):
            return None
        return self.regex.finditer(text)

    def may_match(self, scan: Scan) -> bool:
        """Whether the text the phrase pass read holds what every match needs."""
        if self.triggers is not None and self.triggers.isdisjoint(scan.present):
            return False
        return not self.requires or self.holds(scan)

    def holds(self, scan: Scan) -> bool:
        """Whether the text holds what `requires` names (its triggers aside). One function
        with its loops written out: a call, a generator and a method a clause cost each
        pattern asked about 26,000 instructions, more than running the pattern itself."""
        haystack = scan.straight if self.case_sensitive else scan.folded
        ascii_bytes, chars = _form(haystack)
        present = scan.present if scan.literals else None
        for needed_bytes, needed_chars, strings, non_ascii, scanned, searched in self.clauses:
            if ascii_bytes is None:
                if non_ascii or not needed_chars.isdisjoint(chars):
                    continue
            elif len(needed_bytes) > 3:
                if len(ascii_bytes.translate(None, needed_bytes)) != len(ascii_bytes):
                    continue
            elif needed_bytes and _any_byte(needed_bytes, ascii_bytes):
                continue
            if present is None:
                if strings and _any_in(strings, haystack):
                    continue
            elif not scanned.isdisjoint(present) or (searched and _any_in(searched, haystack)):
                continue
            return False
        return True

    @property
    def clauses(self) -> tuple[_Clause, ...]:
        found: tuple[_Clause, ...] | None = self.__dict__.get("_clauses")
        if found is None:
            found = tuple(_Clause.of(needed) for needed in self.requires)
            self.__dict__["_clauses"] = found
        return found


class _Clause(NamedTuple):
    """One set of `requires`, ready to be looked up: its single characters (in an ASCII
    text, deleted from its bytes in one pass; in another, looked up in the set of its
    characters: a search for each of 64 control characters cost a fifth of a check), its
    strings, and whether any non-ASCII character will do."""

    ascii_chars: bytes
    chars: frozenset[str]
    strings: tuple[str, ...]
    non_ascii: bool
    # Its strings that a rule index's scan finds (long enough to be rare: a short one
    # such as 'an' would be found in every text, many times), and the rest.
    scanned: frozenset[str]
    searched: tuple[str, ...]

    @classmethod
    def of(cls, needed: frozenset[str]) -> _Clause:
        chars = frozenset(c for c in needed if len(c) == 1)
        ascii_chars = "".join(sorted(c for c in chars if c.isascii())).encode()
        strings = tuple(sorted(s for s in needed if len(s) != 1 and s != NON_ASCII))
        scanned = frozenset(s for s in strings if len(s) >= _SCANNED)
        searched = tuple(s for s in strings if s not in scanned)
        return cls(ascii_chars, chars, strings, NON_ASCII in needed, scanned, searched)


# Loops, not any(): a generator costs more than the few searches it would run.
def _any_byte(needles: bytes, haystack: bytes) -> bool:
    for needle in needles:  # noqa: SIM110  (a byte's a memchr)
        if needle in haystack:
            return True
    return False


def _any_in(needles: tuple[str, ...], haystack: str) -> bool:
    for needle in needles:  # noqa: SIM110
        if needle in haystack:
            return True
    return False


_SCANNED = 4  # characters: a string this long or longer is found by the phrase scan


# A text as the clauses look it up: its bytes when it is all ASCII, or else its characters.
_Form = tuple[bytes | None, frozenset[str]]
_NO_CHARS: frozenset[str] = frozenset()


def _form(text: str) -> _Form:
    """`text` as the clauses look it up, worked out once for every pattern that asks about
    the same text: the last two texts asked about are kept (a scan's straight and folded
    forms, which patterns of either case ask about in turn)."""
    for seen, form in _FORMS:
        if seen is text:
            return form
    form = (text.encode(), _NO_CHARS) if text.isascii() else (None, frozenset(text))
    _FORMS[:] = [(text, form), _FORMS[0]]
    return form


_FORMS: list[tuple[str, _Form]] = [("", (b"", _NO_CHARS))] * 2
