"""The deterministic checker: every rule of rules.yaml run over one message, or across many."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from writer.checker import scripts
from writer.checker.engine import (
    ERROR,
    WARNING,
    Finding,
    Rule,
    load_rules,
    rules_for,
    run_existence,
    run_metric,
    run_occurrence,
)
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import KINDS, MessageKind, MessagePart, spec

if TYPE_CHECKING:
    from writer.notes import Notes

SUBJECT_LINE = re.compile(r"\A\s*subject:[ \t]*(?P<subject>[^\n]*)\n?", re.IGNORECASE)
_SEVERITY_ORDER = {ERROR: 0, WARNING: 1}


@dataclass
class Report:
    """The checker's verdict on one message."""

    kind: MessageKind
    text: str
    chars: int
    words: int
    limit: int
    unit: str
    findings: list[Finding] = field(default_factory=list)
    subject: str | None = None

    @property
    def ok(self) -> bool:
        return not any(f.severity == ERROR for f in self.findings)

    @property
    def measured(self) -> int:
        """Its length in its limit's unit: characters for a note, words otherwise."""
        return self.chars if self.unit == "chars" else self.words

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "kind": self.kind,
            "chars": self.chars,
            "words": self.words,
            "limit": self.limit,
            "unit": self.unit,
            "findings": [f.to_json() for f in self.findings],
        }


def rules() -> tuple[Rule, ...]:
    """Every checker rule."""
    return load_rules()


def limit_for(
    kind: MessageKind, tier: str, guidance: Guidance = DEFAULT_GUIDANCE
) -> tuple[int, str]:
    """The length limit shown beside a message of `kind`: (number, 'chars' or 'words')."""
    about = spec(kind)
    return about.limit(guidance, tier), about.unit


def check(
    kind: MessageKind,
    text: str,
    *,
    subject: str | None = None,
    to: str | None = None,
    notes: Notes | None = None,
    tier: str | None = None,
    guidance: Guidance = DEFAULT_GUIDANCE,
) -> Report:
    """Run every rule for `kind` over `text` (and the email's `subject`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    kind = MessageKind(kind)
    tier = tier or (notes.tier.value if notes else "free")
    ctx = scripts.Context(
        kind=kind, text=text, guidance=guidance, tier=tier, subject=subject, to=to, notes=notes
    )
    findings: list[Finding] = []
    for rule in rules_for(kind):
        findings += _run(rule, ctx)
    limit, unit = limit_for(kind, tier, guidance)
    return Report(
        kind=kind,
        text=text,
        chars=len(text),
        words=ctx.word_count,
        limit=limit,
        unit=unit,
        findings=sort_findings(_drop_echoes(findings, len(text))),
        subject=subject,
    )


def _drop_echoes(findings: list[Finding], length: int) -> list[Finding]:
    """Drop a grounding warning that sits inside another rule's pointed finding: the other
    rule already says what is wrong there."""
    pointed = [
        (f.start, f.end)
        for f in findings
        if f.rule != "grounded.details"
        and f.field == MessagePart.text
        and (f.start, f.end) != (0, length)
        and not f.rule.startswith("length.")
    ]
    return [
        f
        for f in findings
        if f.rule != "grounded.details" or not any(s <= f.start and f.end <= e for s, e in pointed)
    ]


def _run(rule: Rule, ctx: scripts.Context) -> list[Finding]:
    if rule.type == "existence":
        return list(run_existence(rule, ctx.kind, ctx.text, ctx.lowered))
    if rule.type == "occurrence":
        return list(run_occurrence(rule, ctx.kind, ctx.text, ctx.lowered, ctx.guidance))
    if rule.type == "metric":
        measured = len(ctx.text) if rule.metric == "chars" else ctx.word_count
        return list(run_metric(rule, ctx.kind, ctx.text, measured, ctx.guidance, ctx.tier))
    script = scripts.SCRIPTS.get(rule.script or "")
    return list(script(rule, ctx)) if script else []


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 2), f.start, f.rule))


def check_text(kind: MessageKind, text: str, **options: Any) -> Report:
    """Check text as a person pastes it: an email may start with a 'Subject:' line.

    Spans are offsets into `text` as given.
    """
    if not spec(kind).has_subject:
        return check(kind, text, **options)
    match = SUBJECT_LINE.match(text)
    subject, offset = (match.group("subject"), match.end()) if match else (None, 0)
    body = text[offset:]
    lead = len(body) - len(body.lstrip("\n"))
    report = check(kind, body[lead:], subject=subject, **options)
    shift = offset + lead
    subject_at = match.start("subject") if match else 0
    report.findings = [
        replace(f, start=f.start + subject_at, end=f.end + subject_at, field=MessagePart.text)
        if f.field == MessagePart.subject
        else replace(f, start=f.start + shift, end=f.end + shift)
        for f in report.findings
    ]
    report.text = text
    return report


def check_across(
    drafts: Sequence[tuple[str, str, str]], guidance: Guidance = DEFAULT_GUIDANCE
) -> list[tuple[int, Finding]]:
    """`distinct.across` over (recipient, kind, text) drafts: (index, finding) pairs."""
    rule = next(r for r in load_rules() if r.script == "distinct")
    return scripts.distinct(rule, list(drafts), guidance)


def apply_fixes(text: str, findings: Sequence[Finding]) -> str:
    """`text` with every safe replacement applied. Where fixes overlap, the one that covers
    the most wins (a whole run of emoji, not one emoji inside it)."""
    fixable = sorted(
        (f for f in findings if f.replacement is not None and f.field == MessagePart.text),
        key=lambda f: (f.start, -f.end),
    )
    chosen: list[Finding] = []
    for finding in fixable:
        if not chosen or finding.start >= chosen[-1].end:
            chosen.append(finding)
    for finding in reversed(chosen):
        assert finding.replacement is not None
        text = text[: finding.start] + finding.replacement + text[finding.end :]
    return text


__all__ = [
    "ERROR",
    "KINDS",
    "WARNING",
    "Finding",
    "Report",
    "Rule",
    "apply_fixes",
    "check",
    "check_across",
    "check_text",
    "limit_for",
    "rules",
]
