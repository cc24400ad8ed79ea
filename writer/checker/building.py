"""A checked rule entry (a dict as the schema dumps it) made into the engine's Rule: patterns
compiled, phrases gathered. No pydantic here: `writer check` builds from the stamp."""

from __future__ import annotations

import re
from typing import Any

from writer.checker.engine import Rule
from writer.checker.patterns import Pattern, compile_pattern
from writer.checker.phrases import Phrase


class RuleError(ValueError):
    """A rule file that cannot be loaded: where, which rule, which key, how to fix it."""


def build(
    entry: dict[str, Any],
    source: str = "rules.yaml",
    *,
    eager: bool = True,
) -> Rule:
    """The engine's rule for an entry the schema has checked (every key present). Without
    `eager`, its patterns compile on first use (entries from rules.checked.json, compiled
    when that was written)."""
    rid, sensitive = entry["id"], entry["case_sensitive"]
    patterns: list[Pattern] = []
    # What each pattern needs in a text, as the stamp stores it (derived when it does not).
    derived = entry.get("triggers") or [None] * len(entry["patterns"])
    for item, clauses in zip(entry["patterns"], derived, strict=True):
        regex, fix = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        try:
            patterns.append(compile_pattern(regex, sensitive, fix, clauses, eager=eager))
        except re.error as error:
            raise RuleError(f"{source}: rule {rid}: key 'patterns': {regex!r}: {error}") from None
    phrases = [Phrase(rid, t, None, sensitive) for t in entry["tokens"]]
    phrases += [Phrase(rid, bad, good, sensitive) for bad, good in entry["swap"].items()]
    severity = entry["severity"]
    gate = None
    if patterns and all(p.triggers is not None for p in patterns):
        gate = frozenset().union(*(p.triggers or () for p in patterns))
    return Rule(
        id=rid,
        type=entry["type"],
        severities=dict(severity) if isinstance(severity, dict) else {"default": severity},
        kinds=frozenset(entry["kinds"]),
        description=entry["description"],
        source=entry["source"],
        message=entry["message"],
        suggestion=entry["suggestion"],
        patterns=tuple(patterns),
        phrases=tuple(phrases),
        limits=dict(entry["limits"]),
        metric=entry["metric"],
        script=entry["script"],
        replacement=entry["replacement"],
        count_characters=entry["count"] == "characters",
        scope=entry["scope"],
        gate=gate,
    )
