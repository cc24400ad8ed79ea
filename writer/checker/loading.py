"""The rules in force: rules.yaml read once and checked by the schema, the user's levels
from the config file laid over it, and each message kind's phrases compiled once."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache
from importlib import resources

import yaml

from writer.checker import scripts  # noqa: F401  (registers the scripts the schema names)
from writer.checker.engine import LEVELS, OFF, Rule, index_for
from writer.checker.phrases import PhraseIndex
from writer.checker.schema import parse_rules
from writer.errors import UsageError


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule in rules.yaml, in file order, at its own level (read once per process)."""
    text = resources.files("writer.checker").joinpath("rules.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return parse_rules(yaml.load(text, Loader=loader), "rules.yaml")


def active_rules() -> tuple[Rule, ...]:
    """Every rule at the level the user's config file sets for it (OFF when disabled)."""
    return _levelled(os.environ.get("WRITER_CONFIG"))[0]


def rules_for(kind: str) -> tuple[Rule, ...]:
    """The enabled rules that judge one message of `kind`, in file order."""
    return _levelled(os.environ.get("WRITER_CONFIG"))[1][kind][0]


def phrase_index(kind: str) -> PhraseIndex:
    """The literal phrases of every enabled rule for `kind`, ready for one scan."""
    return _levelled(os.environ.get("WRITER_CONFIG"))[1][kind][1]


Levelled = tuple[tuple[Rule, ...], dict[str, tuple[tuple[Rule, ...], PhraseIndex]]]


@cache
def _levelled(config: str | None) -> Levelled:
    """Keyed by `WRITER_CONFIG` so that a changed setting is read afresh; the file itself is
    read once per process."""
    from writer.checker.engine import KINDS
    from writer.config import config_path, rule_levels

    levels = rule_levels()
    base = load_rules()
    unknown = sorted(set(levels) - {r.id for r in base})
    if unknown:
        raise UsageError(
            f"{config_path()}: [rules] {unknown[0]!r}: no checker rule has that id; "
            "`writer rules` lists them"
        )
    rules = tuple(
        replace(r, severities={"default": levels[r.id]}) if r.id in levels else r for r in base
    )
    per_kind = {}
    for kind in KINDS:
        chosen = tuple(r for r in rules if kind in r.kinds and r.enabled and r.scope == "message")
        per_kind[kind] = (chosen, index_for(chosen))
    return rules, per_kind


__all__ = ["LEVELS", "OFF", "active_rules", "load_rules", "phrase_index", "rules_for"]
