"""Plan → draft → check → repair → best draft: the one path every front end uses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol

from writer.checker import Report, apply_fixes, check, check_across, sort_findings
from writer.composer import Proposal, compose
from writer.notes import Interviewer, Notes
from writer.plan import Action, Decision, Plan
from writer.settings import DEFAULT_GUIDANCE, Guidance


@dataclass(frozen=True)
class DraftRequest:
    """What a backend is asked to write."""

    notes: Notes
    person: Interviewer
    kind: str
    now: datetime
    variant: int = 0
    guidance: Guidance = DEFAULT_GUIDANCE


class Backend(Protocol):
    """Anything that proposes drafts: the offline composer, or a language model."""

    name: str
    model: str | None

    def execute(self, request: DraftRequest) -> list[Proposal]:
        """Candidate drafts for the request, best first (at least one)."""
        ...


class OfflineBackend:
    """The built-in composer: no model, no network, always available."""

    name = "offline"
    model: str | None = None

    def execute(self, request: DraftRequest) -> list[Proposal]:
        return compose(
            request.notes,
            request.person,
            request.kind,
            request.now,
            request.variant,
            request.guidance,
        )


@dataclass
class Draft:
    """One checked message for one interviewer."""

    interviewer: str
    kind: str
    decision: str
    subject: str | None
    text: str
    report: Report
    attempts: int = 1
    variant: int = 0
    not_before: datetime | None = None
    not_after: datetime | None = None

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

    def to_json(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "model": self.model,
            "drafts": [d.to_json() for d in self.drafts],
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def draft_all(
    notes: Notes,
    plan: Plan,
    backend: Backend,
    *,
    kinds: Iterable[str] | None = None,
    variants: int = 1,
    guidance: Guidance = DEFAULT_GUIDANCE,
) -> DraftSet:
    """A checked draft (or `variants` of them, best first) for every action not skipped."""
    wanted = set(kinds) if kinds else None
    result = DraftSet(backend=backend.name, model=backend.model, plan=plan)
    for person_plan, person in zip(plan.interviewers, notes.interviewers, strict=True):
        for action in person_plan.actions:
            kind = action.message_kind
            if action.decision == Decision.skip or kind is None:
                continue
            if wanted is not None and kind.value not in wanted:
                continue
            found = [
                draft_one(notes, person, action, backend, plan.now, variant=v, guidance=guidance)
                for v in range(max(variants, 1))
            ]
            result.drafts += _distinct_ranked(found)
    _check_across(result.drafts, guidance)
    return result


def draft_one(
    notes: Notes,
    person: Interviewer,
    action: Action,
    backend: Backend,
    now: datetime,
    *,
    variant: int = 0,
    guidance: Guidance = DEFAULT_GUIDANCE,
) -> Draft:
    """The best checked (and, where safe, repaired) proposal for one action."""
    kind = action.message_kind
    assert kind is not None, "actions without a message have no draft"
    request = DraftRequest(notes, person, kind.value, now, variant, guidance)
    best: Draft | None = None
    for proposal in backend.execute(request):
        subject, text, report = checked(proposal, kind.value, person, notes, guidance)
        draft = Draft(
            interviewer=person.name,
            kind=kind.value,
            decision=action.decision.value,
            subject=subject,
            text=text,
            report=report,
            variant=variant,
            not_before=action.not_before,
            not_after=action.not_after,
        )
        if best is None or draft.rank() < best.rank():
            best = draft
        if report.ok and not report.warnings:
            break
    if best is None:
        raise RuntimeError(f"backend {backend.name} proposed nothing for {person.name}")
    return best


def checked(
    proposal: Proposal, kind: str, person: Interviewer, notes: Notes, guidance: Guidance
) -> tuple[str | None, str, Report]:
    """Check a proposal; apply the safe fixes the checker suggests and keep what is better."""
    report = check(
        kind,
        proposal.text,
        subject=proposal.subject,
        to=person.name,
        notes=notes,
        guidance=guidance,
    )
    if not any(f.replacement is not None for f in report.findings):
        return proposal.subject, proposal.text, report
    fixed_text = apply_fixes(proposal.text, report.findings)
    fixed = check(
        kind, fixed_text, subject=proposal.subject, to=person.name, notes=notes, guidance=guidance
    )
    if (fixed.errors, fixed.warnings) < (report.errors, report.warnings):
        return proposal.subject, fixed_text, fixed
    return proposal.subject, proposal.text, report


def _distinct_ranked(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[str | None, str]] = set()
    out: list[Draft] = []
    for draft in sorted(drafts, key=Draft.rank):
        if (draft.subject, draft.text) not in seen:
            seen.add((draft.subject, draft.text))
            out.append(replace(draft, variant=len(out)))
    return out


def _check_across(drafts: list[Draft], guidance: Guidance) -> None:
    best = [d for d in drafts if d.variant == 0]
    pairs = check_across([(d.interviewer, d.kind, d.text) for d in best], guidance)
    for index, finding in pairs:
        report = best[index].report
        report.findings = sort_findings([*report.findings, finding])
