"""A small engine for rules written as data (rules.yaml), in the manner of Vale's styles."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from writer.guidance import Guidance
from writer.kinds import KINDS, MessagePart

ERROR, WARNING = "error", "warning"
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
    field: MessagePart = MessagePart.text

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
class Pattern:
    """A compiled pattern, the literal it cannot match without, and its safe fix."""

    regex: re.Pattern[str]
    # Every match contains one of these: a cheap substring test before the regex scan.
    triggers: tuple[str, ...] | None
    case_sensitive: bool
    replacement: str | None = None

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        triggers = self.triggers
        if triggers is not None:
            haystack = text if self.case_sensitive else lowered
            for trigger in triggers:
                if trigger in haystack:
                    break
            else:
                return iter(())  # a substring test is far cheaper than the regex scan
        return self.regex.finditer(text)


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
    patterns: tuple[Pattern, ...] = ()
    limits: dict[str, str] = field(default_factory=dict)
    metric: str | None = None
    script: str | None = None
    replacement: str | None = None
    count_characters: bool = False  # occurrence: count characters of matches, not matches

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
            field=MessagePart(values.get("field", MessagePart.text)),
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


def _compile(source: str, case_sensitive: bool, replacement: str | None) -> Pattern:
    regex = re.compile(source.replace("'", "['’]"), 0 if case_sensitive else re.IGNORECASE)
    found = triggers(source)
    if found is not None and not case_sensitive:
        found = tuple(t.lower() for t in found)
    return Pattern(regex, found, case_sensitive, replacement)


def triggers(source: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `source` contains, if they can be told:
    its longest literal run, else the literal runs of each alternative of its first group."""
    run = literal_run(source)
    if run is not None:
        return (run,)
    body = source.removeprefix("\\b").removeprefix("(?:")
    if not body.startswith("(") or body.startswith("(?"):
        return None
    found: list[str] = []
    for alternative in _alternatives(body):
        inner = triggers(alternative)
        if inner is None:
            return None
        found += inner
    return tuple(found)


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of the group that `body` starts with."""
    parts, depth, start = [], 0, 1
    for i, char in enumerate(body):
        if char == "\\":
            continue
        depth += (char == "(") - (char == ")")
        if depth == 1 and char == "|":
            parts.append(body[start:i])
            start = i + 1
        elif depth == 0:
            parts.append(body[start:i])
            return parts
    return []


_QUANTIFIERS = "?*+{"


def literal_run(source: str) -> str | None:
    """The longest run of plain letters and spaces a regular expression always matches
    (outside groups, classes and escapes), if it has one of three or more letters."""
    runs: list[str] = []
    run, depth, i = "", 0, 0
    while i < len(source):
        char = source[i]
        following = source[i + 1] if i + 1 < len(source) else ""
        if char == "\\":
            i, run = i + 2, _end(runs, run)
            continue
        if char == "[":
            i, run = source.index("]", i + 1) + 1, _end(runs, run)
            continue
        if char == "|" and depth == 0:
            return None  # alternatives at the top: nothing is always there
        depth += (char == "(") - (char == ")")
        if depth == 0 and char != ")" and (char.isalpha() or char == " "):
            if following in _QUANTIFIERS and following:
                run = _end(runs, run)
            else:
                run += char
        else:
            run = _end(runs, run)
        i += 1
    _end(runs, run)
    best = max((r.strip() for r in runs), key=len, default="")
    return best if sum(c.isalpha() for c in best) >= 3 else None


def _end(runs: list[str], run: str) -> str:
    if run:
        runs.append(run)
    return ""


def _rule_from(entry: dict[str, Any]) -> Rule:
    rid = entry.get("id", "?")
    if entry.get("type") not in _TYPES:
        raise ValueError(f"rules.yaml: rule {rid}: type must be one of {sorted(_TYPES)}")
    severity = entry["severity"]
    severities = dict(severity) if isinstance(severity, dict) else {"default": severity}
    sensitive = bool(entry.get("case_sensitive", False))
    raw = list(entry.get("patterns", []))
    fixes = entry.get("replacements", {})
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
        patterns=tuple(_compile(p, sensitive, fixes.get(p)) for p in raw),
        limits=limits,
        metric=entry.get("metric"),
        script=entry.get("script"),
        replacement=entry.get("replacement"),
        count_characters=entry.get("count") == "characters",
    )


@cache
def rules_for(kind: str) -> tuple[Rule, ...]:
    """The rules that apply to one message kind, in file order."""
    return tuple(rule for rule in load_rules() if kind in rule.kinds)


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule in rules.yaml, in file order (read once per process)."""
    text = resources.files("writer.checker").joinpath("rules.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return tuple(_rule_from(entry) for entry in yaml.load(text, Loader=loader))


# -- running the generic rule types --------------------------------------------------------

Script = Callable[[Rule, Any], Iterable[Finding]]


def run_existence(rule: Rule, kind: str, text: str, lowered: str) -> Iterator[Finding]:
    """A finding per match; where two patterns of a rule match the same words, one."""
    taken: list[tuple[int, int]] = []
    for pattern in rule.patterns:
        for match in pattern.finditer(text, lowered):
            start, end = match.span()
            if end == start or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            yield rule.finding(
                kind, start, end, match=match.group().strip(), replacement=pattern.replacement
            )


def run_occurrence(
    rule: Rule, kind: str, text: str, lowered: str, guidance: Guidance
) -> Iterator[Finding]:
    """Matches beyond the allowed count are findings. With `count: characters`, a run such
    as '!!!' counts each character and is flagged (and fixed) as one piece."""
    matches = sorted(
        (m for p in rule.patterns for m in p.finditer(text, lowered)), key=lambda m: m.start()
    )
    sizes = [len(m.group()) if rule.count_characters else 1 for m in matches]
    total = sum(sizes)
    allowed = rule.limit(guidance, "warn_above")
    error_above = rule.limit(guidance, "error_above")
    if allowed is None or total <= allowed:
        return
    severity = ERROR if error_above is not None and total > error_above else None
    seen = 0
    for match, size in zip(matches, sizes, strict=True):
        seen += size
        if seen <= allowed:
            continue
        yield rule.finding(
            kind,
            match.start(),
            match.end(),
            value=total,
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
