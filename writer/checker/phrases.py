"""Every rule's literal phrases (`tokens:` and `swap:`) matched in one pass over a message.

One Aho-Corasick automaton per case mode holds the phrases of all the rules of a message
kind, so adding a hundred phrases costs the scan next to nothing (benchmarks/phrases.py
measures it against one compiled alternation). The engine, not the rule, supplies the word
boundaries, and a straight apostrophe in a phrase also matches a curly one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick


@dataclass(frozen=True)
class Phrase:
    """One literal phrase of one rule, and the text that replaces it when one is safe."""

    rule: str
    text: str
    replacement: str | None = None
    case_sensitive: bool = False
    trigger: bool = False  # a pattern's literal, wanted anywhere, not as a word

    @property
    def key(self) -> str:
        key = self.text.replace("’", "'")
        return key if self.case_sensitive else fold(key)


class Hit(NamedTuple):
    """Where a phrase was found: [start, end) in the message, the words there, the fix."""

    start: int
    end: int
    match: str
    replacement: str | None


class Scan(NamedTuple):
    """What one pass over a message found: each rule's hits, the triggers present, and the
    text as the scan read it (straightened, and folded too), for the patterns' other
    literals to be looked up in."""

    hits: dict[str, list[Hit]]
    present: set[str]
    straight: str
    folded: str
    # Whether `present` also tells which strings of the patterns' other literals (their
    # `requires`) the text holds: so in a scan by the rules' own index.
    literals: bool = False


class PhraseIndex:
    """The phrases of many rules, compiled once, found in one scan of a text."""

    literals = False  # see Scan.literals

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = tuple(phrases)
        # One pass over the folded text for all: a case-sensitive phrase is looked up by its
        # folded form and kept where the text has it as written (one scan, not two).
        merged = [p for p in self.phrases if not p.case_sensitive or len(fold(p.key)) == len(p.key)]
        taken = set(merged)
        rest = [p for p in self.phrases if p not in taken]
        self._load(_table(merged, folded=True), _table(rest, folded=False))

    def _load(self, folded: Table, exact: Table) -> None:
        """Compile the tables (`plain` gives them back, for rules.index.marshal)."""
        self.tables = (folded, exact)
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)

    def plain(self) -> tuple[Table, Table]:
        """The index as plain tuples, which marshal stores and `_load` compiles again."""
        return self.tables

    def tries(self, scan: Scan) -> dict[str, list[int]] | None:
        """Which patterns of which rules the triggers found allow to run, by rule id (None:
        this index does not know, so every pattern asks its own triggers)."""
        return None

    def find(self, text: str) -> tuple[dict[str, list[Hit]], set[str]]:
        """Each rule's hits, leftmost first (of overlapping hits of a rule, the longest),
        and the triggers present."""
        scan = self.scan(text)
        return scan.hits, scan.present

    def scan(self, text: str) -> Scan:
        """`find`, with the text as it was read."""
        found: dict[str, list[Hit]] = {}
        present: set[str] = set()
        straight = text.replace("’", "'")
        folded = fold(straight)
        if self._folded is None and self._exact is None:
            return Scan(found, present, straight, folded, self.literals)
        for automaton, haystack in ((self._folded, folded), (self._exact, straight)):
            if automaton is None:
                continue
            for last, entries in automaton.iter(haystack):
                if entries.__class__ is str:  # a trigger's key alone: no case to test
                    present.add(entries)
                    continue
                end = last + 1
                for rule, key, fix, size, head, tail, exact in entries:
                    if exact and not straight.endswith(exact, 0, end):
                        continue  # the folded form is there, not the case the phrase wants
                    if size < 0:  # a trigger: wanted anywhere, and once is enough
                        present.add(key)
                        continue
                    start = end - size
                    seen = straight if exact else haystack
                    if head and start > 0 and _is_word(seen[start - 1]):
                        continue
                    if tail and end < len(seen) and _is_word(seen[end]):
                        continue
                    hit = Hit(start, end, text[start:end], fix)
                    found.setdefault(rule, []).append(hit)
        hits = {rule: _leftmost_longest(hits) for rule, hits in found.items()}
        return Scan(hits, present, straight, folded, self.literals)


def fold(text: str) -> str:
    """Lower case with every offset kept (`str.lower` lengthens a few letters, such as 'İ')."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


# One phrase as the automaton keeps it: (rule, the key, its fix, its length or -1 for a
# trigger, a boundary wanted before, one after, the key as the text must have it when the
# phrase is case-sensitive). Plain tuples, so that marshal can store a whole index.
Entry = tuple[str, str, str | None, int, bool, bool, str | None]
Table = list[tuple[str, tuple[Entry, ...]]]  # each key the automaton looks for, its entries


def _table(phrases: Iterable[Phrase], folded: bool) -> Table:
    """The automaton's keys (folded for a case-sensitive phrase too, in the folded table)
    and the entries of each."""
    by_key: dict[str, list[Entry]] = {}
    for phrase in phrases:
        key = phrase.key
        exact = key if phrase.case_sensitive else None
        entries = by_key.setdefault(fold(key) if folded else key, [])
        if phrase.trigger:
            trigger: Entry = ("", key, None, -1, False, False, exact)
            if trigger not in entries:  # one per literal is enough
                entries.append(trigger)
            continue
        # A boundary is wanted only where the phrase itself starts or ends with a word
        # character: `\b` before "->" would demand a letter there.
        head, tail = _is_word(key[0]), _is_word(key[-1])
        entries.append((phrase.rule, key, phrase.replacement, len(key), head, tail, exact))
    return [(key, tuple(entries)) for key, entries in by_key.items()]


def _automaton(table: Table) -> Any:
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for key, entries in table:
        # A key that only triggers (wanted anywhere, in any case) is stored as the key it
        # adds to the triggers present: the scan then adds it with no loop over entries.
        only = len(entries) == 1 and entries[0][3] < 0 and entries[0][6] is None
        automaton.add_word(key, entries[0][1] if only else entries)
    automaton.make_automaton()
    return automaton


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept
