"""A small engine for rules written as data (rules.yaml), in the manner of Vale's styles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from writer.settings import Guidance

ERROR, WARNING = "error", "warning"
KINDS = ("thank_you_email", "connection_note", "follow_up_message")
_TYPES = {"existence", "occurrence", "metric", "script"}


@dataclass(frozen=True)
class Finding:
    """One thing the checker found: which rule, how bad, where, and what to do."""

    rule: str
    severity: str
    message: str
    start: int
    end: int
    suggestion: str | None = None
    replacement: str | None = None  # text for [start, end) that fixes it, when one is safe
    field: str = "text"  # "text" or "subject"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }
        if self.replacement is not None:
            out["replacement"] = self.replacement
        if self.field != "text":
            out["field"] = self.field
        return out


@dataclass(frozen=True)
class Rule:
    """One checker rule, as read from rules.yaml."""

    id: str
    type: str
    severities: dict[str, str]
    kinds: frozenset[str]
    description: str
    source: str
    message: str
    suggestion: str | None
    patterns: tuple[re.Pattern[str], ...] = ()
    replacements: dict[int, str] = field(default_factory=dict)
    limits: dict[str, str] = field(default_factory=dict)
    metric: str | None = None
    script: str | None = None
    replacement: str | None = None

    def severity_for(self, kind: str) -> str:
        return self.severities.get(kind, self.severities["default"])

    def finding(self, kind: str, start: int, end: int, **values: Any) -> Finding:
        """A finding of this rule, its message and suggestion filled in from `values`."""
        fill = _Fill(values)
        suggestion = self.suggestion.format_map(fill) if self.suggestion else None
        return Finding(
            rule=self.id,
            severity=values.pop("severity", None) or self.severity_for(kind),
            message=self.message.format_map(fill),
            start=start,
            end=end,
            suggestion=suggestion,
            replacement=values.get("replacement"),
            field=values.get("field", "text"),
        )

    def limit(self, guidance: Guidance, name: str) -> float | None:
        setting = self.limits.get(name)
        return None if setting is None else _setting(guidance, setting, values={})

    def to_json(self) -> dict[str, Any]:
        severity: Any = self.severities["default"]
        if len(self.severities) > 1:
            severity = dict(self.severities)
        return {
            "id": self.id,
            "type": self.type,
            "severity": severity,
            "kinds": [k for k in KINDS if k in self.kinds],
            "catches": self.description,
            "source": self.source,
        }


class _Fill(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _setting(guidance: Guidance, name: str, values: dict[str, Any]) -> float:
    if name == "note_chars":
        return guidance.note_chars(values.get("tier", "free"))
    return float(getattr(guidance, name))


def _compile(pattern: str, case_sensitive: bool) -> re.Pattern[str]:
    pattern = pattern.replace("'", "['’]")
    return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)


def _rule_from(entry: dict[str, Any]) -> Rule:
    rid = entry.get("id", "?")
    if entry.get("type") not in _TYPES:
        raise ValueError(f"rules.yaml: rule {rid}: type must be one of {sorted(_TYPES)}")
    severity = entry["severity"]
    severities = dict(severity) if isinstance(severity, dict) else {"default": severity}
    sensitive = bool(entry.get("case_sensitive", False))
    raw = list(entry.get("patterns", []))
    replacements = {raw.index(p): text for p, text in entry.get("replacements", {}).items()}
    limits = dict(entry.get("limits", {}))
    known = Guidance.names() | {"note_chars"}
    for setting in limits.values():
        if setting not in known:
            raise ValueError(f"rules.yaml: rule {rid}: no setting named {setting!r}")
    kinds = entry.get("kinds", list(KINDS))
    return Rule(
        id=rid,
        type=entry["type"],
        severities=severities,
        kinds=frozenset(kinds),
        description=entry["description"],
        source=entry.get("source", "—"),
        message=entry["message"],
        suggestion=entry.get("suggestion"),
        patterns=tuple(_compile(p, sensitive) for p in raw),
        replacements=replacements,
        limits=limits,
        metric=entry.get("metric"),
        script=entry.get("script"),
        replacement=entry.get("replacement"),
    )


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule in rules.yaml, in file order (read once per process)."""
    text = resources.files("writer.checker").joinpath("rules.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(_rule_from(entry) for entry in yaml.load(text, Loader=loader))


# -- running the generic rule types --------------------------------------------------------

Script = Callable[[Rule, Any], Iterable[Finding]]


def run_existence(rule: Rule, kind: str, text: str) -> Iterator[Finding]:
    taken: list[tuple[int, int]] = []
    for index, pattern in enumerate(rule.patterns):
        for match in pattern.finditer(text):
            start, end = match.span()
            if end == start or any(s < end and start < e for s, e in taken):
                continue  # two patterns of one rule on the same words: one finding
            taken.append((start, end))
            shown = match.group().strip()
            yield rule.finding(
                kind,
                match.start(),
                match.end(),
                match=shown,
                replacement=rule.replacements.get(index),
            )


def run_occurrence(rule: Rule, kind: str, text: str, guidance: Guidance) -> Iterator[Finding]:
    matches = [m for p in rule.patterns for m in p.finditer(text)]
    allowed = rule.limit(guidance, "warn_above")
    error_above = rule.limit(guidance, "error_above")
    if allowed is None or len(matches) <= allowed:
        return
    severity = ERROR if error_above is not None and len(matches) > error_above else None
    matches.sort(key=lambda m: m.start())
    for match in matches[int(allowed) :]:
        yield rule.finding(
            kind,
            match.start(),
            match.end(),
            value=len(matches),
            max=int(allowed),
            match=match.group(),
            severity=severity,
            replacement=rule.replacement,
        )


def run_metric(
    rule: Rule, kind: str, text: str, measured: int, guidance: Guidance, tier: str
) -> Iterator[Finding]:
    values = {"tier": tier}
    limits = {name: _setting(guidance, s, values) for name, s in rule.limits.items()}
    lo, hi = limits.get("warn_below"), limits.get("warn_above")
    err = limits.get("error_above")
    shown = {"value": measured, "tier": tier, "min": _int(lo), "max": _int(hi)}
    if err is not None and measured > err:
        start = int(err) if rule.metric == "chars" else 0
        yield rule.finding(
            kind,
            start,
            len(text),
            severity=ERROR,
            limit=int(err),
            over=measured - int(err),
            **shown,
        )
    elif hi is not None and measured > hi:
        yield rule.finding(kind, 0, len(text), limit=int(hi), **shown)
    elif lo is not None and measured < lo:
        yield rule.finding(kind, 0, len(text), limit=int(lo), **shown)


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)
