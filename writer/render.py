"""Readable terminal output for plans, drafts, check reports and rules."""

from __future__ import annotations

import os
import sys
import textwrap
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from writer.kinds import label

if TYPE_CHECKING:  # the check command renders without loading pydantic
    from writer.checker import Finding, Report, Rule
    from writer.drafting import Draft, DraftSet
    from writer.plan import Action, Plan

_COLOURS = {
    "do": "32",
    "wait": "33",
    "optional": "36",
    "skip": "2",
    "error": "31",
    "warning": "33",
    "ok": "32",
    "bold": "1",
    "dim": "2",
}


class Style:
    """ANSI colour on a terminal, plain text elsewhere (and whenever NO_COLOR is set)."""

    def __init__(self, enabled: bool | None = None) -> None:
        if enabled is None:
            enabled = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        self.enabled = enabled

    def __call__(self, text: str, what: str) -> str:
        code = _COLOURS.get(what)
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled and code else text


def when(moment: datetime, offset: bool = False) -> str:
    """'Sat 21 Nov 16:00', with ' -05:00' when the offset must be said."""
    from writer.plan import offset_text

    shown = moment.strftime("%a %d %b %H:%M")
    return f"{shown} {offset_text(moment)}" if offset else shown


def duration(delta: timedelta) -> str:
    """'45 min', '22 h', '2 d 3 h'."""
    minutes = int(abs(delta.total_seconds()) // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    days, rest = divmod(hours, 24)
    return f"{days} d {rest} h" if rest else f"{days} d"


def relative(action: Action, now: datetime) -> str:
    """Where `now` sits against the action's window: 'opens in 22 h', 'closed 3 h ago'."""
    return relative_window(action.not_before, action.not_after, now)


def relative_window(start: datetime | None, end: datetime | None, now: datetime) -> str:
    if start and now < start:
        return f"opens in {duration(start - now)}"
    if end and now > end:
        return f"closed {duration(now - end)} ago"
    if end:
        return f"due in {duration(end - now)}"
    return "open now" if start else ""


def window(action: Action, offset: bool = False) -> str:
    start, end = action.not_before, action.not_after
    if start and end:
        return f"{when(start, offset)} → {when(end, offset)}"
    if start:
        return f"from {when(start, offset)}"
    return {"wait": "on hold (see why)", "skip": "—"}.get(action.decision.value, "any time")


def render_plan(plan: Plan, style: Style) -> str:
    lines = [
        style(f"{plan.company} · {plan.role}", "bold"),
        style(f"now {when(plan.now)} ({plan.now.strftime('%z')})", "dim"),
        *([style(f"note: {plan.offset_note}", "warning")] if plan.offset_note else []),
        "",
    ]
    offset = plan.offset_note is not None
    lines += plan_warnings(plan, style)
    if plan.warnings:
        lines.append("")
    for person in plan.interviewers:
        lines.append(style(f"{person.name} — {person.relation.replace('_', ' ')}", "bold"))
        for action in person.actions:
            badge = style(f"{action.decision.value.upper():<8}", action.decision.value)
            timing = relative(action, plan.now)
            lines.append(
                f"  {badge} {label(action.kind.value):<20} {window(action, offset)}"
                + (f"  ({timing})" if timing else "")
            )
            for reason in action.reasons:
                lines.append(style(f"{'':11}{reason.rule}: ", "dim") + reason.text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def plan_warnings(plan: Plan, style: Style) -> list[str]:
    """What the plan assumed (a date-only start, no end) or found odd (a loop long past)."""
    return [
        style("warning ", "warning") + style(f"{w.rule}: ", "dim") + w.text for w in plan.warnings
    ]


def render_findings(findings: list[Finding], text: str, style: Style, indent: str = "  ") -> str:
    lines = []
    for f in findings:
        excerpt = text[f.start : f.end] if f.field == "text" and f.end - f.start <= 60 else ""
        where = f" at {f.start}-{f.end}" + (f" {excerpt!r}" if excerpt else "")
        lines.append(f"{indent}{style(f.severity, f.severity)} {f.rule}{where}: {f.message}")
        if f.suggestion:
            lines.append(style(f"{indent}  → {f.suggestion}", "dim"))
    return "\n".join(lines)


def _measure(report: Report) -> str:
    return f"{report.measured}/{report.limit} {report.unit}"


def render_draft(
    draft: Draft, style: Style, now: datetime | None = None, offset: bool = False
) -> str:
    head = f"{draft.interviewer} · {label(draft.kind)} · {draft.decision}"
    if draft.variant:
        head += f" · variant {draft.variant + 1}"
    timing = ""
    if draft.not_before or draft.not_after:
        start = when(draft.not_before, offset) if draft.not_before else "now"
        end = when(draft.not_after, offset) if draft.not_after else None
        timing = f"send {start} → {end}" if end else f"from {start}"
        if now is not None:
            timing += f"  ({relative_window(draft.not_before, draft.not_after, now)})"
    verdict = style("ok", "ok") if draft.ok else style("needs changes", "error")
    lines = [style("─" * 72, "dim"), style(head, "bold")]
    if timing:
        lines.append(style(timing, "dim"))
    lines.append("")
    if draft.subject is not None:
        lines += [f"Subject: {draft.subject}", ""]
    if draft.error is not None:
        lines += [style(f"not drafted: {draft.error}", "error")]
        return "\n".join(lines)
    tries = f" · after {draft.attempts} attempts" if draft.attempts > 1 else ""
    lines += [draft.text, "", f"{_measure(draft.report)} · {verdict}{tries}"]
    lines += [style(f"  note: {notice}", "warning") for notice in draft.notices]
    if draft.report.findings:
        lines.append(render_findings(draft.report.findings, draft.text, style))
    return "\n".join(lines)


def render_drafts(result: DraftSet, style: Style) -> str:
    who = "the built-in offline composer" if result.backend == "offline" else result.backend
    model = f", model {result.model}" if result.model else ""
    flagged = sum(not d.ok for d in result.drafts)
    summary = f"{len(result.drafts)} drafts by {who}{model}"
    summary += f"; {flagged} need changes" if flagged else "; all pass the checker"
    failed = sum(d.error is not None for d in result.drafts)
    if failed:
        summary += f" ({failed} could not be drafted)"
    usage = result.usage
    if usage.prompt_tokens:
        cost = "" if usage.cost_usd is None else f", about ${usage.cost_usd:.4f}"
        rough = "~" if usage.approximate else ""
        summary += (
            f"\n{rough}{usage.prompt_tokens} prompt + {usage.completion_tokens} "
            f"completion tokens{cost}"
        )
    note = result.plan.offset_note
    parts = [render_draft(d, style, result.plan.now, note is not None) for d in result.drafts]
    skipped = [
        f"  {person.name}: {label(a.kind.value)} ({a.reasons[0].rule})"
        for person in result.plan.interviewers
        for a in person.actions
        if a.decision.value == "skip"
    ]
    tail = [style("─" * 72, "dim"), summary]
    if note:
        tail.append(style(f"note: {note}", "warning"))
    if skipped:
        tail += ["Not drafted (the plan says skip; `writer plan` says why):", *skipped]
    tail += plan_warnings(result.plan, style)
    return "\n".join(parts + tail) + "\n"


def render_report(report: Report, style: Style) -> str:
    verdict = style("ok", "ok") if report.ok else style("needs changes", "error")
    head = f"{label(report.kind)}: {_measure(report)}, {report.words} words · {verdict}"
    body = render_findings(report.findings, report.text, style)
    return head + ("\n" + body if body else "") + "\n"


def render_rules(rules: tuple[Rule, ...], style: Style) -> str:
    lines = []
    for rule in rules:
        severity = ", ".join(
            f"{k}: {v}" if k != "default" else v for k, v in rule.severities.items()
        )
        kinds = ", ".join(label(k) for k in sorted(rule.kinds))
        lines.append(style(rule.id, "bold") + f"  [{severity}]  {kinds}")
        lines += textwrap.wrap(
            rule.description, 90, initial_indent="    ", subsequent_indent="    "
        )
    return "\n".join(lines) + "\n"


def _draft_window(draft: Draft) -> str:
    """The draft's window with its offset, as the plan gives it."""
    start, end = draft.not_before, draft.not_after
    if start and end:
        return f"{when(start, True)} → {when(end, True)}"
    if start:
        return f"from {when(start, True)}"
    return "on hold (see the plan)" if draft.decision == "wait" else "any time"


def drafts_markdown(title: str, drafts: list[Draft], intro: str | None = None) -> str:
    """Drafts as Markdown: a heading each, the subject, the text, what the checker found."""
    lines = [f"# {title}", ""] + ([intro, ""] if intro else [])
    for draft in drafts:
        status = "ok" if draft.ok else "needs changes"
        lines += [f"## {draft.interviewer} — {label(draft.kind)} ({status})", ""]
        lines += [f"**Decision:** {draft.decision} · **Window:** {_draft_window(draft)}", ""]
        if draft.error:
            lines += [f"Not drafted: {draft.error}", ""]
            continue
        if draft.subject:
            lines += [f"**Subject:** {draft.subject}", ""]
        lines += [draft.text, ""]
        lines += [f"- {f.severity} `{f.rule}`: {f.message}" for f in draft.report.findings]
        lines.append("")
    return "\n".join(lines)
