"""Which rules a message's one phrase scan lets run: every rule's phrases and every pattern's
triggers in one automaton, and which pattern each trigger found lets run.

Built from the rules, or compiled from its plain tuples (`plain`), which
`python -m writer.checker.schema` stores in rules.index.marshal for the rules as shipped: so
`writer check` does not build some 4,000 phrases in Python at every start."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from writer.checker.engine import MATCH_ONLY, MAY_SKIP, RUNNERS, SCRIPTS, Rule, Runner
from writer.checker.patterns import Pattern
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
        self.skippable = {step[0].id: step for step in self.steps if step[2] == UNMATCHED}

    def plain(self) -> Plain:  # type: ignore[override]
        folded, exact = self.tables
        return self.ids, folded, exact, self._owners, self._always

    def tries(self, scan: Scan) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        asked: set[tuple[str, int]] = set()  # patterns of several triggers, asked once
        for trigger in scan.present:
            for rule, i, pattern, many in self.owners.get(trigger, ()):
                if many:
                    if (rule, i) in asked:
                        continue
                    asked.add((rule, i))
                # Its trigger is present: only its other literals are left to look up.
                if not pattern.requires or pattern.holds(scan):
                    found.setdefault(rule, []).append(i)
        for rule, i, pattern in self.always:
            if not pattern.requires or pattern.holds(scan):
                found.setdefault(rule, []).append(i)
        for indices in found.values():
            if len(indices) > 1:
                indices.sort()
        return found


def _gathered(rules: Sequence[Rule]) -> tuple[list[Phrase], Owners, list[tuple[str, int]]]:
    """The rules' phrases and their patterns' literals, which trigger lets which pattern
    run, and the patterns no trigger gates."""
    phrases: list[Phrase] = []
    owners: Owners = {}
    always: list[tuple[str, int]] = []
    for rule in rules:
        phrases += rule.phrases
        for i, pattern in enumerate(rule.patterns):
            if pattern.triggers is None:
                always.append((rule.id, i))
            many = len(pattern.triggers or ()) > 1
            for trigger in sorted(pattern.triggers or ()):
                phrase = Phrase("", trigger, None, pattern.case_sensitive, trigger=True)
                phrases.append(phrase)
                owners.setdefault(phrase.key, []).append((rule.id, i, many))
            # The strings of its other literals are found in the same pass: a search
            # of the text for each of them (60 for one pattern) cost a tenth of a check.
            for clause in pattern.clauses:
                for needed in sorted(clause.scanned):  # in the same order in every process
                    phrases.append(Phrase("", needed, None, pattern.case_sensitive, True))
    return phrases, owners, always


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
