"""Which rules a message's one phrase scan lets run: every rule's phrases and every pattern's
triggers in one automaton, and which pattern each trigger found lets run.

Built from the rules, or compiled from its plain tuples (`plain`), which
`python -m writer.checker.schema` stores in rules.index.marshal for the rules as shipped: so
`writer check` does not build some 4,000 phrases in Python at every start."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from writer.checker.engine import MATCH_ONLY, MAY_SKIP, RUNNERS, SCRIPTS, Rule, Runner
from writer.checker.patterns import Pattern, _any_byte, _any_in, _form
from writer.checker.phrases import Phrase, PhraseIndex, Scan, Table

# By trigger: (rule, pattern index, whether the pattern has other triggers too).
Owners = dict[str, list[tuple[str, int, bool]]]
# An index as marshal stores it: the rules' ids (what it was built for), the automaton's
# two tables, the owners, and the patterns with no trigger (rule, pattern index).
Plain = tuple[tuple[str, ...], Table, Table, Owners, list[tuple[str, int]]]


def index_for(rules: Iterable[Rule], plain: Plain | None = None) -> PhraseIndex:
    """One automaton for these rules: their phrases, and their patterns' triggers (from
    `plain` when it was built for these very rules)."""
    return RuleIndex(tuple(rules), plain)


class RuleIndex(PhraseIndex):
    """The phrases and triggers of some rules, and which pattern each trigger lets run: a
    message's scan tells which few patterns are worth trying, with no test of the rest."""

    literals = True

    def __init__(self, rules: tuple[Rule, ...], plain: Plain | None = None) -> None:
        if plain is not None and plain[0] == tuple(r.id for r in rules):
            self.phrases = ()
            _, folded, exact, owners, always = plain
            self._load(folded, exact)
        else:
            phrases, owners, always = _gathered(rules)
            super().__init__(phrases)
        self._owners, self._always = owners, always
        self.ids = tuple(r.id for r in rules)
        patterns = {rule.id: rule.patterns for rule in rules}
        # (rule, pattern index, pattern, many) by trigger; the patterns found once, here.
        self.owners = {
            trigger: [(rule, i, patterns[rule][i], many) for rule, i, many in found]
            for trigger, found in owners.items()
        }
        self.always = [(rule, i, patterns[rule][i]) for rule, i in always]
        self.steps = tuple(_step(rule) for rule in rules)
        self.unskipped = tuple(step for step in self.steps if step[2] != UNMATCHED)
        self.never = tuple(step for step in self.steps if step[2] == NEVER)
        self.ask = tuple(step for step in self.steps if step[2] == ASK)
        self.skippable = {step[0].id: step for step in self.steps if step[2] == UNMATCHED}

    def plain(self) -> Plain:  # type: ignore[override]
        folded, exact = self.tables
        return self.ids, folded, exact, self._owners, self._always

    def tries(self, scan: Scan) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        asked: set[tuple[str, int]] = set()  # patterns of several triggers, asked once
        present = scan.present
        owners = self.owners
        forms: list[Any] = [None, None]  # the text's form for the clauses, by case
        for trigger in present:
            mine = owners.get(trigger)
            if mine is None:
                continue  # a literal of some pattern's other clauses, or a phrase's
            for rule, i, pattern, many in mine:
                if many:
                    if (rule, i) in asked:
                        continue
                    asked.add((rule, i))
                # Its trigger is present: only its other literals are left to look up.
                if pattern.requires:
                    plan = pattern.__dict__.get(_PLAN) or _plan(pattern)
                    if not _holds(plan, pattern, scan, present, forms):
                        continue
                found.setdefault(rule, []).append(i)
        for rule, i, pattern in self.always:
            if pattern.requires:
                plan = pattern.__dict__.get(_PLAN) or _plan(pattern)
                if not _holds(plan, pattern, scan, present, forms):
                    continue
            found.setdefault(rule, []).append(i)
        for indices in found.values():
            if len(indices) > 1:
                indices.sort()
        return found


# How `tries` asks a pattern's other clauses (`Pattern.requires`) of a rule index's scan,
# worked out on first use and kept on the pattern: the clauses that are only strings the
# scan finds, as those sets, then the rest. Most patterns asked fail on one of the first,
# for a set look-up each: `Pattern.holds` read every clause in its general form.
_PLAN = "_index_plan"
_Plan = tuple[tuple[frozenset[str], ...], tuple[Any, ...]]


def _plan(pattern: Pattern) -> _Plan:
    alone = tuple(c for c in pattern.clauses if _scanned_alone(c))
    # The rest, those told from the text's characters alone first (no string searched).
    rest = tuple(
        sorted(
            (c for c in pattern.clauses if not _scanned_alone(c)),
            key=lambda c: bool(c.scanned or c.searched),
        )
    )
    plan = (tuple(c.scanned for c in alone), rest)
    pattern.__dict__[_PLAN] = plan  # frozen to callers; a cache underneath
    return plan


def _scanned_alone(clause: Any) -> bool:
    return bool(clause.scanned) and not (clause.chars or clause.searched or clause.non_ascii)


def _holds(plan: _Plan, pattern: Pattern, scan: Scan, present: set[str], forms: list[Any]) -> bool:
    """`pattern.holds(scan)` for a scan by a rule index (its `present` holds the scanned
    strings), its clauses asked in the plan's order."""
    for scanned in plan[0]:
        if scanned.isdisjoint(present):
            return False
    rest = plan[1]
    if not rest:
        return True
    sensitive = pattern.case_sensitive
    haystack = scan.straight if sensitive else scan.folded
    form = forms[sensitive]
    if form is None:
        form = forms[sensitive] = _form(haystack)
    ascii_bytes, chars = form
    for needed_bytes, needed_chars, _, non_ascii, scanned, searched in rest:
        if ascii_bytes is None:
            if non_ascii or not needed_chars.isdisjoint(chars):
                continue
        elif len(needed_bytes) > 3:
            if len(ascii_bytes.translate(None, needed_bytes)) != len(ascii_bytes):
                continue
        elif needed_bytes and _any_byte(needed_bytes, ascii_bytes):
            continue
        if not scanned.isdisjoint(present) or (searched and _any_in(searched, haystack)):
            continue
        return False
    return True


def _gathered(rules: Sequence[Rule]) -> tuple[list[Phrase], Owners, list[tuple[str, int]]]:
    """The rules' phrases and their patterns' literals, which trigger lets which pattern
    run, and the patterns no trigger gates."""
    phrases: list[Phrase] = []
    owners: Owners = {}
    always: list[tuple[str, int]] = []
    for rule in rules:
        phrases += rule.phrases
        for i, pattern in enumerate(rule.patterns):
            triggers = pattern.triggers
            if triggers is None:
                triggers = _index_triggers(pattern)
                if triggers is None:
                    always.append((rule.id, i))
            many = len(triggers or ()) > 1
            for trigger in sorted(triggers or ()):
                phrase = Phrase("", trigger, None, pattern.case_sensitive, trigger=True)
                phrases.append(phrase)
                owners.setdefault(phrase.key, []).append((rule.id, i, many))
            # The strings of its other literals are found in the same pass: a search
            # of the text for each of them (60 for one pattern) cost a tenth of a check.
            for clause in pattern.clauses:
                for needed in sorted(clause.scanned):  # in the same order in every process
                    phrases.append(Phrase("", needed, None, pattern.case_sensitive, True))
    return phrases, owners, always


def _index_triggers(pattern: Pattern) -> frozenset[str] | None:
    """For a pattern with no triggers of its own, the strings of one of its clauses that
    the scan can find for it, so that it is asked only where one is there: a clause with no
    NON_ASCII (a string the scan cannot find) whose strings are two characters or more or a
    mark ('rn', a control character, 'hi '), the one of the longest shortest string. None
    when no clause will do: the pattern is asked about every text."""
    fit = [
        clause
        for clause in pattern.clauses
        if not clause.non_ascii
        and all(s != " " and not s.isalnum() for s in clause.chars)
        and (clause.chars or clause.strings)
    ]
    if not fit:
        return None
    best = max(fit, key=lambda c: (min(map(len, (*c.chars, *c.strings))), -len(c.chars)))
    return frozenset(best.chars) | frozenset(best.strings)


# How a rule is run in a check: the rule, its runner (a script's own function), and
# whether it may be skipped where none of its phrases or patterns is found (ASK: its limits
# tell, see `engine.finds_nothing_unmatched`).
NEVER, UNMATCHED, ASK = 0, 1, 2
Step = tuple[Rule, Runner, int]


def _step(rule: Rule) -> Step:
    run = SCRIPTS[rule.script or ""] if rule.type == "script" else RUNNERS[rule.type]
    skip = UNMATCHED if rule.type in MATCH_ONLY else ASK if rule.type in MAY_SKIP else NEVER
    return rule, run, skip


__all__ = ["ASK", "NEVER", "UNMATCHED", "Pattern", "Plain", "RuleIndex", "Step", "index_for"]
