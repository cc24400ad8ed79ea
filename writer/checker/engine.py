"""A small engine for rules written as data (rules.yaml), in the manner of Vale's styles:
the rule types, one runner per type with one signature, and the registry of scripts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from writer.checker.context import Context
from writer.checker.patterns import Pattern
from writer.checker.phrases import Phrase
from writer.guidance import Guidance
from writer.kinds import KINDS, MessagePart

ERROR, WARNING, OFF = "error", "warning", "off"
LEVELS = (OFF, WARNING, ERROR)
# Rule types that find nothing where no phrase or pattern of theirs matches.
MATCH_ONLY = frozenset({"existence", "substitution"})
MAY_SKIP = MATCH_ONLY | {"occurrence"}  # and those that may, by their limits


def finds_nothing_unmatched(rule: Rule, ctx: Context) -> bool:
    """Whether the rule can find nothing in a text where none of its phrases and patterns
    match: an existence or substitution rule, or an occurrence rule that allows none or
    more (a count of nought is within it)."""
    if rule.type in MATCH_ONLY:
        return True
    if rule.type != "occurrence":
        return False
    allowed = rule.limit(ctx.guidance, "warn_above")
    return allowed is None or allowed >= 0


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
class Rule:
    """One checker rule, as read from rules.yaml (writer/checker/schema.py checks it)."""

    id: str
    type: str
    severities: dict[str, str]
    kinds: frozenset[str]
    description: str
    source: str
    message: str
    suggestion: str | None
    patterns: tuple[Pattern, ...] = ()
    phrases: tuple[Phrase, ...] = ()  # `tokens:` and `swap:`, matched by the engine
    limits: dict[str, str] = field(default_factory=dict)
    metric: str | None = None
    script: str | None = None
    replacement: str | None = None
    count_characters: bool = False  # occurrence: count characters of matches, not matches
    scope: str = "message"  # or "across": judges several drafts together
    # A text holds one of these or no pattern of the rule can match (None: can't be told).
    gate: frozenset[str] | None = None

    @property
    def enabled(self) -> bool:
        return self.severities != {"default": OFF}

    def severity_for(self, kind: str) -> str:
        return self.severities.get(kind, self.severities["default"])

    def finding(self, kind: str, start: int, end: int, **values: Any) -> Finding:
        """A finding of this rule, its message and suggestion filled in from `values`."""
        try:
            key = (self.id, kind, *values.items())
            said = _SAID.get(key)
        except TypeError:  # a value that cannot be hashed: fill it in every time
            key, said = None, None
        if said is None:
            said = self._say(kind, values)
            if key is not None:
                if len(_SAID) > 4096:
                    _SAID.clear()
                _SAID[key] = said
        severity, message, suggestion, replacement, where = said
        return Finding(self.id, severity, message, start, end, suggestion, replacement, where)

    def _say(self, kind: str, values: dict[str, Any]) -> _Said:
        fill = _Fill(values)
        return (
            values.get("severity") or self.severity_for(kind),
            self.message.format_map(fill),
            self.suggestion.format_map(fill) if self.suggestion else None,
            values.get("replacement"),
            MessagePart(values.get("field", MessagePart.text)),
        )

    def limit(self, guidance: Guidance, name: str) -> float | None:
        setting = self.limits.get(name)
        return None if setting is None else setting_value(guidance, setting, values={})

    def to_json(self) -> dict[str, Any]:
        severity: Any = self.severities["default"]
        if len(self.severities) > 1:
            severity = dict(self.severities)
        return {
            "id": self.id,
            "type": self.type,
            "severity": severity,
            "kinds": [k for k in KINDS if k in self.kinds],
            "scope": self.scope,
            "catches": self.description,
            "source": self.source,
        }


# What a finding says, by (rule, kind, values): a text with thousands of the same match
# (50,000 emoji) formats the message once.
_Said = tuple[str, str, str | None, str | None, MessagePart]
_SAID: dict[tuple[Any, ...], _Said] = {}


class _Fill(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def setting_value(guidance: Guidance, name: str, values: dict[str, Any]) -> float:
    if name == "note_chars":
        return guidance.note_chars(values.get("tier", "free"))
    return float(getattr(guidance, name))


# -- the registry of scripts ---------------------------------------------------------------

Runner = Callable[[Rule, Context], Iterable[Finding]]
Drafts = Sequence[tuple[str, str, str]]  # (recipient name, kind, text)
AcrossRunner = Callable[[Rule, Drafts, Guidance], list[tuple[int, Finding]]]

SCRIPTS: dict[str, Runner] = {}
ACROSS_SCRIPTS: dict[str, AcrossRunner] = {}


def script(name: str) -> Callable[[Runner], Runner]:
    """Register a check on one message as the script `name` (for `script: name`)."""

    def register(run: Runner) -> Runner:
        SCRIPTS[name] = run
        return run

    return register


def across_script(name: str) -> Callable[[AcrossRunner], AcrossRunner]:
    """Register a check over several drafts as the script `name` (for `scope: across`)."""

    def register(run: AcrossRunner) -> AcrossRunner:
        ACROSS_SCRIPTS[name] = run
        return run

    return register


# -- the runners: one signature for every type ---------------------------------------------


Span = tuple[int, int, str, str | None]  # start, end, the words there, the fix


def _matches(rule: Rule, ctx: Context) -> list[Span]:
    """Every span a rule's phrases and patterns find: phrases first, then each pattern in
    file order; a span that overlaps one taken before is dropped, as is an empty one."""
    sources: list[list[Span]] = []
    hits = ctx.hits.get(rule.id) if rule.phrases else None
    if hits:
        keep_fix = rule.type == "substitution"
        sources.append(
            [(h.start, h.end, h.match, h.replacement if keep_fix else None) for h in hits]
        )
    text, scan, tries = ctx.text, ctx.found, ctx.tries
    if tries is None:  # every pattern, each asking its own triggers (or none, ungated)
        if ctx.gated and rule.gate is not None and rule.gate.isdisjoint(scan.present):
            return sources[0] if sources else []
        chosen: Iterable[int] = range(len(rule.patterns))
    else:
        chosen = tries.get(rule.id, ())
    for i in chosen:
        pattern = rule.patterns[i]
        if tries is None and ctx.gated and not pattern.may_match(scan):
            continue
        fix = pattern.replacement if pattern.replacement is not None else rule.replacement
        sources.append([(m.start(), m.end(), m.group(), fix) for m in pattern.regex.finditer(text)])
    spans = [found for found in sources if found]
    if len(spans) == 1:  # one pattern's matches never overlap each other
        return [span for span in spans[0] if span[0] != span[1]]
    return _disjoint(span for found in spans for span in found)


def _disjoint(spans: Iterable[Span]) -> list[Span]:
    """The spans in position order, each dropped that overlaps one before it in `spans`."""
    taken_starts: list[int] = []
    taken: list[Span] = []
    for span in spans:
        start, end = span[0], span[1]
        if end == start:
            continue
        i = bisect_right(taken_starts, start)
        # The spans taken are disjoint, so only the neighbours can overlap the new one.
        if (i and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        taken_starts.insert(i, start)
        taken.insert(i, span)
    return taken


def run_existence(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A finding per match; where two patterns of a rule match the same words, one."""
    for start, end, text, fix in _matches(rule, ctx):
        yield rule.finding(ctx.kind, start, end, match=text.strip(), replacement=fix)


def run_substitution(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A finding per phrase of `swap:` found, offering its replacement as the fix (with a
    capital where the phrase starts with one: "Thx" becomes "Thanks", "YRS" "years")."""
    for start, end, text, fix in _matches(rule, ctx):
        if fix and text[:1].isupper() and not text.isupper() and fix[:1].islower():
            fix = fix[0].upper() + fix[1:]
        yield rule.finding(ctx.kind, start, end, match=text.strip(), replacement=fix)


def run_occurrence(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Matches beyond the allowed count are findings. With `count: characters`, a run such
    as '!!!' counts each character and is flagged (and fixed) as one piece."""
    matches = _matches(rule, ctx)
    sizes = [end - start if rule.count_characters else 1 for start, end, _, _ in matches]
    total = sum(sizes)
    allowed = rule.limit(ctx.guidance, "warn_above")
    error_above = rule.limit(ctx.guidance, "error_above")
    if allowed is None or total <= allowed:
        return
    severity = ERROR if error_above is not None and total > error_above else None
    seen, beyond = 0, []
    for span, size in zip(matches, sizes, strict=True):
        seen += size
        if seen > allowed:
            beyond.append(span)
    for start, end, text, fix in _runs(beyond):
        yield rule.finding(
            ctx.kind,
            start,
            end,
            value=total,
            max=int(allowed),
            match=text,
            severity=severity,
            replacement=fix,
        )


def _runs(spans: list[Span]) -> Iterator[Span]:
    """Spans that touch, with the same fix, as one: a flood of 50,000 emoji is one finding
    (and one fix), not 50,000."""
    if not spans:
        return
    start, end, text, fix = spans[0]
    pieces = [text]
    for next_start, next_end, next_text, next_fix in spans[1:]:
        if next_start == end and next_fix == fix:
            end = next_end
            pieces.append(next_text)
            continue
        yield start, end, "".join(pieces), fix
        start, end, pieces, fix = next_start, next_end, [next_text], next_fix
    yield start, end, "".join(pieces), fix


def run_metric(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A measured size (characters or words) against the rule's limits."""
    measured = len(ctx.text) if rule.metric == "chars" else ctx.word_count
    values = {"tier": ctx.tier}
    limits = {name: setting_value(ctx.guidance, s, values) for name, s in rule.limits.items()}
    lo, hi = limits.get("warn_below"), limits.get("warn_above")
    err = limits.get("error_above")
    shown = {"value": measured, "tier": ctx.tier, "min": _int(lo), "max": _int(hi)}
    end = len(ctx.text)
    if err is not None and measured > err:
        start = int(err) if rule.metric == "chars" else 0
        over = measured - int(err)
        yield rule.finding(ctx.kind, start, end, severity=ERROR, limit=int(err), over=over, **shown)
    elif hi is not None and measured > hi:
        yield rule.finding(ctx.kind, 0, end, limit=int(hi), **shown)
    elif lo is not None and measured < lo:
        yield rule.finding(ctx.kind, 0, end, limit=int(lo), **shown)


def _int(value: float | None) -> int | None:
    return None if value is None else int(value)


def run_script(rule: Rule, ctx: Context) -> Iterable[Finding]:
    return SCRIPTS[rule.script or ""](rule, ctx)  # the schema checked the name at load


RUNNERS: dict[str, Runner] = {
    "existence": run_existence,
    "substitution": run_substitution,
    "occurrence": run_occurrence,
    "metric": run_metric,
    "script": run_script,
}
