"""Triggers: what a text must hold before a rule's pattern runs, read from the pattern. A
trigger may only ever skip a pattern that could not have matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT
from tests.test_checker import of, run
from writer.checker import rules
from writer.checker.context import Context
from writer.checker.engine import Rule
from writer.checker.patterns import compile_pattern
from writer.checker.phrases import Phrase, PhraseIndex
from writer.checker.rule_index import index_for
from writer.checker.triggers import NON_ASCII, requirements
from writer.evals import load_cases
from writer.guidance import DEFAULT_GUIDANCE


def runs(source: str, text: str, case_sensitive: bool = False) -> bool:
    """Whether the engine would run the pattern over `text` (its triggers all there)."""
    pattern = compile_pattern(source, case_sensitive, None)
    index = PhraseIndex(
        Phrase("", t, None, case_sensitive, trigger=True) for t in pattern.triggers or ()
    )
    return pattern.may_match(index.scan(text))


def test_a_pattern_runs_only_where_its_words_and_its_digit_are() -> None:
    source = r"\bi(?:'m| am) (now )?[1-9]\d\b"
    assert runs(source, "Honestly, I'm 45 and keen.")
    assert runs(source, "I’m now 52.")  # a curly apostrophe is read as a straight one
    assert not runs(source, "I'm keen to start in March.")  # no digit
    assert not runs(source, "We shipped 45 releases.")  # no "I'm" or "I am"


def test_each_alternative_must_bring_one_of_its_words() -> None:
    source = r"\b(pay|salary) (range|band)\b"
    assert runs(source, "What is the salary band?")
    assert not runs(source, "The salary was not discussed, nor the pay.")


def test_a_repeat_brings_one_copy_joined_to_its_neighbours() -> None:
    source = r"\b(ba|bwa)?ha(ha)+h?\b"  # laughter typed out: 'ha' alone is in every 'that'
    assert runs(source, "It was great, hahaha.")
    assert runs(source, "Bwahaha, what a day.")
    assert not runs(source, "Thank you for that chat, and what a hat.")
    assert requirements(r"(ab)+c", case_sensitive=False) == [frozenset({"abc"}), {"ab"}]


def test_a_class_of_characters_outside_ascii_needs_one_of_them() -> None:
    clauses = requirements("[\U0001f000-\U0001faff]+", case_sensitive=False)
    assert clauses == [frozenset({NON_ASCII})]
    assert runs("[\U0001f000-\U0001faff]+", "Great chat \U0001f600")
    assert not runs("[\U0001f000-\U0001faff]+", "Great chat :)")


def test_a_pattern_whose_case_differs_from_its_rule_always_runs() -> None:
    assert requirements("(?i)salary", case_sensitive=True) is None
    assert runs("(?i)salary", "nothing of the kind", case_sensitive=True)


def test_a_letter_that_re_folds_differently_turns_the_skipping_off() -> None:
    """'İ' is an 'i' to re's case-insensitive match but not to str.lower."""
    report = run("connection_note", "Hi Dana, İ'm 45 years old and keen to join the team.")
    assert of(report, "privacy.age")


def _texts() -> list[str]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    corpus = yaml.load((ROOT / "tests/data/corpus/messages.yaml").read_text("utf-8"), loader)
    texts = [m["text"] for m in corpus["messages"]]
    texts += [m.get("filled") or "" for m in corpus["messages"]]
    for folder in ("golden",):  # the messy cases are golden ones (06-messy-*)
        for case in load_cases(Path(ROOT / "evals" / folder)):
            texts += [m.reference for m in case.messages]
            texts += case.notes.texts()
    return [t for t in texts if t]


@pytest.mark.parametrize("rule", [r for r in rules() if r.patterns], ids=lambda r: r.id)
def test_no_pattern_is_skipped_on_a_text_it_matches(rule: Rule) -> None:
    """Over the corpus, the golden references and the notes: wherever a rule's pattern
    matches, its triggers are there (so skipping never loses a finding)."""
    patterns = rule.patterns
    index = index_for([rule])
    for text in _TEXTS:
        ctx = Context(kind="thank_you_email", text=text, guidance=DEFAULT_GUIDANCE, phrases=index)
        for pattern in patterns:
            if pattern.regex.search(text):
                assert pattern.may_match(ctx.found), (pattern.regex.pattern, text)


_TEXTS = _texts()


def test_the_stamp_holds_the_triggers_derived_from_each_pattern() -> None:
    for rule in rules():
        for pattern in rule.patterns:
            fresh = compile_pattern(
                re.sub(r"\['’\]", "'", pattern.regex.pattern), pattern.case_sensitive, None
            )
            assert (fresh.triggers, fresh.requires) == (pattern.triggers, pattern.requires)
