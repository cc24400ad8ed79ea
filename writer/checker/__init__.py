"""The deterministic checker: every rule of rules.yaml run over one message, or across many."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from writer.checker.context import Context, Window
from writer.checker.engine import (
    ACROSS_SCRIPTS,
    ERROR,
    MAY_SKIP,
    OFF,
    RUNNERS,
    WARNING,
    Finding,
    Rule,
    finds_nothing_unmatched,
)
from writer.checker.loading import active_rules, for_kind
from writer.checker.phrases import PhraseIndex
from writer.checker.rule_index import ASK, UNMATCHED, RuleIndex, Step
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import KINDS, MessageKind, MessagePart, spec

if TYPE_CHECKING:
    from writer.notes import Notes

# Past this many findings of one rule a text is not a message: the rest are not shown, and
# a 100 KB paste of '->' or 'i' checks in milliseconds, not seconds.
MOST_FINDINGS_PER_RULE = 100
# When a message is sent (`writer check --context`): only after an interview is there a
# conversation to thank the reader for.
CONTEXTS = ("after_interview", "after_application", "cold")
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
    """Every checker rule, at the level the user's config file sets (OFF when disabled)."""
    return active_rules()


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
    window: Window | None = None,
    context: str = CONTEXTS[0],
) -> Report:
    """Run every rule for `kind` over `text` (and the email's `subject`); `window`, when
    given, is when the message is sent (time words are judged against it); `context`, one
    of CONTEXTS, whether it follows an interview or goes to someone not yet met."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    if context not in CONTEXTS:
        raise ValueError(f"unknown context {context!r}; one of {', '.join(CONTEXTS)}")
    kind = kind if type(kind) is MessageKind else MessageKind(kind)
    tier = tier or (notes.tier.value if notes else "free")
    chosen, index = for_kind(kind)
    ctx = Context(
        kind=kind,
        text=text,
        guidance=guidance,
        tier=tier,
        subject=subject,
        to=to,
        notes=notes,
        phrases=index,
        window=window,
        context=context,
    )
    findings: list[Finding] = []
    # The rules whose phrases were found or whose patterns are worth a try (None: all).
    tries = ctx.tries
    wanted = None if tries is None else tries.keys() | ctx.hits.keys()
    if wanted is not None and isinstance(index, RuleIndex):
        # The rules that always run, then those their limits may let be skipped, then the
        # ones that find nothing unmatched, looked up by the ids found rather than each
        # asked in turn (the order they run in is no matter: the findings are sorted).
        for rule, run, _ in index.never:
            findings += islice(run(rule, ctx), MOST_FINDINGS_PER_RULE)
        for rule, run, _ in index.ask:
            if rule.id in wanted or not finds_nothing_unmatched(rule, ctx):
                findings += islice(run(rule, ctx), MOST_FINDINGS_PER_RULE)
        for rule, run, _ in filter(None, map(index.skippable.get, wanted)):
            findings += islice(run(rule, ctx), MOST_FINDINGS_PER_RULE)
    else:
        for rule, run, skip in _steps(chosen, index):
            unwanted = skip and wanted is not None and rule.id not in wanted
            if unwanted and (skip == UNMATCHED or finds_nothing_unmatched(rule, ctx)):
                continue
            findings += islice(run(rule, ctx), MOST_FINDINGS_PER_RULE)
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


def _steps(chosen: tuple[Rule, ...], index: PhraseIndex) -> Sequence[Step]:
    """Each rule with its runner, as the kind's index worked them out once."""
    if isinstance(index, RuleIndex):
        return index.steps
    return [(rule, RUNNERS[rule.type], ASK if rule.type in MAY_SKIP else 0) for rule in chosen]


def _drop_echoes(findings: list[Finding], length: int) -> list[Finding]:
    """Drop a grounding warning that sits inside another rule's pointed finding: the other
    rule already says what is wrong there."""
    if not any(f.rule == "grounded.details" for f in findings):
        return findings
    pointed = sorted(
        (f.start, f.end)
        for f in findings
        if f.rule != "grounded.details"
        and f.field == MessagePart.text
        and (f.start, f.end) != (0, length)
        and not f.rule.startswith("length.")
    )
    starts = [s for s, _ in pointed]
    reach: list[int] = []  # the furthest end among the pointed spans up to each one
    for _, end in pointed:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(f: Finding) -> bool:
        i = bisect_right(starts, f.start)
        return i > 0 and reach[i - 1] >= f.end

    return [f for f in findings if f.rule != "grounded.details" or not inside(f)]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_SEVERITY_ORDER.get(f.severity, 2), f.start, f.rule))


def check_text(
    kind: MessageKind, text: str, *, subject: str | None = None, **options: Any
) -> Report:
    """Check text as a person pastes it: it may start with a 'Subject:' line (an email's
    subject; on a note or a follow-up message it is stripped, those have none). `subject`
    (from `--subject`) wins over that line. An email given with no subject at all is not
    failed for it: a warning says how to pass one.

    Spans are offsets into `text` as given.
    """
    match = SUBJECT_LINE.match(text)
    has_subject = spec(kind).has_subject
    found, offset = (match.group("subject"), match.end()) if match else (None, 0)
    subject = subject if subject is not None else found
    body = text[offset:]
    lead = len(body) - len(body.lstrip("\n"))
    report = check(kind, body[lead:], subject=subject if has_subject else None, **options)
    shift = offset + lead
    subject_at = match.start("subject") if match and found == subject else 0
    report.findings = [
        replace(f, start=f.start + subject_at, end=f.end + subject_at, field=MessagePart.text)
        if f.field == MessagePart.subject
        else replace(f, start=f.start + shift, end=f.end + shift)
        if shift
        else f
        for f in report.findings
    ]
    if has_subject and subject is None:
        report.findings = sort_findings([_subject_unknown(f) for f in report.findings])
    report.text = text
    return report


def _subject_unknown(finding: Finding) -> Finding:
    """With no subject given at all, the body is checked and the subject is not judged."""
    if finding.rule != "subject.present":
        return finding
    return replace(
        finding,
        severity=WARNING,
        message="No subject was given, so it was not checked",
        suggestion="Pass it with --subject TEXT, or start the text with a 'Subject: ...' line.",
    )


def check_across(
    drafts: Sequence[tuple[str, str, str]], guidance: Guidance = DEFAULT_GUIDANCE
) -> list[tuple[int, Finding]]:
    """Every `scope: across` rule over (recipient, kind, text) drafts: (index, finding)."""
    out: list[tuple[int, Finding]] = []
    for rule in active_rules():
        if rule.scope == "across" and rule.enabled:
            out += ACROSS_SCRIPTS[rule.script or ""](rule, list(drafts), guidance)
    return out


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
    "CONTEXTS",
    "ERROR",
    "KINDS",
    "OFF",
    "WARNING",
    "Finding",
    "Report",
    "Rule",
    "Window",
    "apply_fixes",
    "check",
    "check_across",
    "check_text",
    "limit_for",
    "rules",
]
