"""Plan → draft → check → repair → best draft: the one path every front end uses."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, cast

from writer.backends import Backend, BackendError, DraftRequest, Proposal, Usage
from writer.checker import (
    ERROR,
    Finding,
    Report,
    Window,
    apply_fixes,
    check,
    check_across,
    limit_for,
    sort_findings,
)
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import MessageKind
from writer.notes import Interviewer, Notes
from writer.plan import Action, Plan

DEFAULT_REPAIRS = 2


__all__ = ["Draft", "DraftSet", "adraft_one", "draft_all", "draft_one"]


@dataclass
class Draft:
    """One checked message for one interviewer (or the error that stopped it)."""

    interviewer: str
    kind: MessageKind
    decision: str
    subject: str | None
    text: str
    report: Report
    attempts: int = 1
    variant: int = 0
    not_before: datetime | None = None
    not_after: datetime | None = None
    usage: Usage | None = None
    prompt_hash: str | None = None
    error: str | None = None
    notices: tuple[str, ...] = ()
    # What it was drafted for, so a front end can redraft it without finding them by name.
    person: Interviewer | None = field(default=None, repr=False, compare=False)
    action: Action | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.report.ok

    def rank(self) -> tuple[int, int, int]:
        return (self.report.errors, self.report.warnings, self.variant)

    def to_json(self) -> dict[str, Any]:
        return {
            "interviewer": self.interviewer,
            "kind": self.kind,
            "decision": self.decision,
            "variant": self.variant,
            "not_before": _iso(self.not_before),
            "not_after": _iso(self.not_after),
            "subject": self.subject,
            "text": self.text,
            "chars": self.report.chars,
            "words": self.report.words,
            "limit": self.report.limit,
            "unit": self.report.unit,
            "ok": self.ok,
            "attempts": self.attempts,
            "findings": [f.to_json() for f in self.report.findings],
            "prompt_hash": self.prompt_hash,
            "usage": self.usage.to_json() if self.usage else None,
            "error": self.error,
            "notices": list(self.notices),
        }


@dataclass
class DraftSet:
    """Every draft of one run, and who drafted them."""

    backend: str
    model: str | None
    plan: Plan
    drafts: list[Draft] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(d.ok for d in self.drafts)

    @property
    def usage(self) -> Usage:
        return sum((d.usage for d in self.drafts if d.usage), Usage())

    def to_json(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "model": self.model,
            "drafts": [d.to_json() for d in self.drafts],
            "usage": self.usage.to_json(),
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def draft_all(
    notes: Notes,
    plan: Plan,
    backend: Backend,
    *,
    kinds: Iterable[MessageKind] | None = None,
    variants: int = 1,
    repairs: int = DEFAULT_REPAIRS,
    guidance: Guidance = DEFAULT_GUIDANCE,
) -> DraftSet:
    """A checked draft (or `variants` of them, best first) for every action not skipped."""
    wanted = set(kinds) if kinds else None
    result = DraftSet(backend=backend.name, model=backend.model, plan=plan)
    for message in plan.messages(notes, wanted):
        found = [
            draft_one(
                notes,
                message.person,
                message.action,
                backend,
                plan.now,
                variant=v,
                repairs=repairs,
                guidance=guidance,
            )
            for v in range(max(variants, 1))
        ]
        result.drafts += _distinct_ranked(found)
    check_distinct(result.drafts, guidance)
    return result


# The loop, written once: it yields each request and is sent back the backend's answer (a
# list of proposals, or the BackendError it raised); it returns the best draft. `draft_one`
# drives it synchronously and `adraft_one` with asyncio.
Steps = Generator[DraftRequest, "list[Proposal] | BackendError", Draft]


def draft_steps(
    notes: Notes,
    person: Interviewer,
    action: Action,
    backend: Backend,
    now: datetime,
    *,
    variant: int = 0,
    repairs: int = DEFAULT_REPAIRS,
    guidance: Guidance = DEFAULT_GUIDANCE,
) -> Steps:
    """The best checked draft for one action: the backend proposes, the checker decides,
    safe fixes are applied, and a backend that can repair is re-asked with what is left
    (at most `repairs` times). Never raises because tries ran out; a backend failure
    becomes a draft with the error."""
    kind = action.message_kind
    assert kind is not None, "actions without a message have no draft"
    request = DraftRequest(
        notes,
        person,
        kind,
        now,
        variant,
        guidance,
        late=action.late,
        not_before=action.not_before,
        not_after=action.not_after,
    )
    shell = Draft(
        interviewer=person.name,
        kind=kind,
        decision=action.decision.value,
        subject=None,
        text="",
        report=_empty_report(kind, notes, guidance),
        variant=variant,
        not_before=action.not_before,
        not_after=action.not_after,
        attempts=0,
        person=person,
        action=action,
    )
    best: Draft | None = None
    usage = Usage()
    for _ in range(1 + (repairs if backend.can_repair else 0)):
        answer = yield request
        if isinstance(answer, BackendError):
            if best is not None:
                break  # keep the best attempt; a failed repair loses nothing
            return _failed(shell, str(answer), usage)
        shell.attempts += 1
        for proposal in answer:
            usage = usage + (proposal.usage or Usage())
            draft = _checked_draft(shell, proposal, person, notes, guidance)
            if best is None or draft.rank() < best.rank():
                best = draft
            if draft.report.ok and not draft.report.warnings:
                break
        assert best is not None
        if best.ok or not backend.can_repair:
            break
        errors = tuple(f for f in best.report.findings if f.severity == ERROR)
        previous = Proposal(text=best.text, subject=best.subject)
        request = replace(request, previous=previous, findings=errors)
    if best is None:
        return _failed(shell, f"{backend.name} proposed nothing", usage)
    return replace(best, attempts=shell.attempts, usage=usage if backend.model else None)


def draft_one(
    notes: Notes,
    person: Interviewer,
    action: Action,
    backend: Backend,
    now: datetime,
    **options: Any,
) -> Draft:
    """`draft_steps`, asking the backend synchronously."""
    steps = draft_steps(notes, person, action, backend, now, **options)
    try:
        request = next(steps)
        while True:
            try:
                answer: list[Proposal] | BackendError = backend.execute(request)
            except BackendError as error:
                answer = error
            request = steps.send(answer)
    except StopIteration as done:
        return cast(Draft, done.value)


async def adraft_one(
    notes: Notes,
    person: Interviewer,
    action: Action,
    backend: Backend,
    now: datetime,
    gate: AbstractAsyncContextManager[Any] | None = None,
    **options: Any,
) -> Draft:
    """`draft_steps`, awaiting the backend (batch runs many of these at once, `gate`
    bounding how many requests are in flight)."""
    steps = draft_steps(notes, person, action, backend, now, **options)
    try:
        request = next(steps)
        while True:
            try:
                answer: list[Proposal] | BackendError = await backend.aexecute(request, gate)
            except BackendError as error:
                answer = error
            request = steps.send(answer)
    except StopIteration as done:
        return cast(Draft, done.value)


def _checked_draft(
    shell: Draft, proposal: Proposal, person: Interviewer, notes: Notes, guidance: Guidance
) -> Draft:
    window = Window(shell.not_before, shell.not_after, notes.interview.start)
    subject, text, report = checked(proposal, shell.kind, person, notes, guidance, window)
    return replace(
        shell,
        subject=subject,
        text=text,
        report=report,
        prompt_hash=proposal.prompt_hash,
        notices=proposal.notices,
    )


def _empty_report(kind: MessageKind, notes: Notes, guidance: Guidance) -> Report:
    limit, unit = limit_for(kind, notes.tier.value, guidance)
    return Report(kind=kind, text="", chars=0, words=0, limit=limit, unit=unit)


def _failed(shell: Draft, message: str, usage: Usage) -> Draft:
    finding = Finding(
        rule="backend.error",
        severity=ERROR,
        message=message,
        start=0,
        end=0,
        suggestion="Fix the cause and draft again, or use --backend offline.",
    )
    report = replace(shell.report, findings=[finding])
    return replace(shell, report=report, error=message, usage=usage)


def checked(
    proposal: Proposal,
    kind: MessageKind,
    person: Interviewer,
    notes: Notes,
    guidance: Guidance,
    window: Window | None = None,
) -> tuple[str | None, str, Report]:
    """Check a proposal; apply the safe fixes the checker suggests and keep what is better."""
    report = check(
        kind,
        proposal.text,
        subject=proposal.subject,
        to=person.name,
        notes=notes,
        guidance=guidance,
        window=window,
    )
    if not any(f.replacement is not None for f in report.findings):
        return proposal.subject, proposal.text, report
    fixed_text = apply_fixes(proposal.text, report.findings)
    fixed = check(
        kind,
        fixed_text,
        subject=proposal.subject,
        to=person.name,
        notes=notes,
        guidance=guidance,
        window=window,
    )
    if (fixed.errors, fixed.warnings) < (report.errors, report.warnings):
        return proposal.subject, fixed_text, fixed
    return proposal.subject, proposal.text, report


def _distinct_ranked(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[str | None, str]] = set()
    out: list[Draft] = []
    for draft in sorted(drafts, key=Draft.rank):
        if draft.error is None and (draft.subject, draft.text) in seen:
            continue
        seen.add((draft.subject, draft.text))
        out.append(replace(draft, variant=len(out)))
    return out


def check_distinct(drafts: list[Draft], guidance: Guidance) -> None:
    best = [d for d in drafts if d.variant == 0 and d.error is None]
    pairs = check_across([(d.interviewer, d.kind, d.text) for d in best], guidance)
    for index, finding in pairs:
        report = best[index].report
        report.findings = sort_findings([*report.findings, finding])
