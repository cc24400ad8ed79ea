"""The plan at a glance: per interviewer, each action's decision, window and reasons, and a
timeline strip from the interview to a few days after it."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from writer.kinds import ActionKind, label
from writer.kinds import mark as kind_mark
from writer.plan import Action, InterviewerPlan, Plan
from writer.render import relative, window
from writer.tui.widgets.shown import show_text

BADGES = {
    "do": "black on green",
    "wait": "black on yellow",
    "optional": "black on cyan",
    "skip": "white on grey37",
}
DAYS_SHOWN = 4
LEGEND = [
    (ActionKind.thank_you_email, "email"),
    (ActionKind.connection_request, "connect"),
    (ActionKind.follow_up_message, "follow-up"),
]


def timeline(person: InterviewerPlan, start: datetime, now: datetime, width: int = 48) -> Text:
    """One line: each action's window as a bar, and │ where now is."""
    span = timedelta(days=DAYS_SHOWN)
    cells = [" "] * width
    styles = [""] * width

    def column(moment: datetime) -> int:
        return max(0, min(width - 1, int((moment - start) / span * width)))

    for action in person.actions:
        if action.not_before is None or action.decision.value == "skip":
            continue
        end = action.not_after or action.not_before + timedelta(hours=12)
        mark = kind_mark(action.kind)
        for at in range(column(action.not_before), column(end) + 1):
            cells[at], styles[at] = mark, BADGES[action.decision.value].split(" on ")[-1]
    if start <= now <= start + span:
        cells[column(now)], styles[column(now)] = "│", "bold red"
    line = Text("  ")
    for cell, style in zip(cells, styles, strict=True):
        line.append(cell, style=f"on {style}" if style and cell != "│" else style)
    line.append(f"  {start:%a %d} → +{DAYS_SHOWN} days", style="dim")
    return line


def legend() -> Text:
    """What the timeline's letters, colours and │ mean (fits 80 columns)."""
    line = Text("  ", style="dim")
    for kind, name in LEGEND:
        line.append(f"{kind_mark(kind)} {name}  ", style="dim")
    for decision in ("do", "wait", "optional"):
        line.append(f" {decision} ", style=BADGES[decision])
        line.append(" ")
    line.append("│ now", style="bold red")
    return line


def long_past_summary(plan: Plan, interview_end: datetime) -> Text:
    """What a plan for a loop long over says first: nothing is due, and why."""
    days = (plan.now - interview_end).days
    out = Text()
    out.append("Long past: ", style="bold yellow")
    out.append(
        f"the interview ended {interview_end:%a %d %b %Y}, {days} days ago; every window "
        "below has closed and nothing is due.\n"
    )
    return out


def describe(action: Action, now: datetime, *, long_past: bool = False) -> Text:
    text = Text("  ")
    decision = action.decision.value
    text.append(f" {decision.upper():<8}", style=BADGES[decision])
    text.append(f" {label(action.kind.value):<19}", style="bold")
    text.append(window(action))
    # "closed 5660 h ago" is noise once the summary says the loop is long past.
    timing = "" if long_past else relative(action, now)
    if timing:
        text.append(f"  {timing}", style="italic")
    for reason in action.reasons:
        text.append("\n      ")
        text.append(reason.rule, style="dim")
        text.append(f"  {reason.text}")
    return text


def is_long_past(plan: Plan) -> bool:
    return any(w.rule == "plan.long_past" for w in plan.warnings)


def render(plan: Plan, interview_end: datetime) -> Text:
    out = Text()
    out.append(f"{plan.company} · {plan.role}\n", style="bold")
    out.append(f"now {plan.now:%a %d %b %H:%M} (interview time zone)\n", style="dim")
    long_past = is_long_past(plan)
    if long_past:
        out.append(long_past_summary(plan, interview_end))
    for warning in plan.warnings:
        out.append("warning ", style="yellow")
        out.append(f"{warning.rule}: ", style="dim")
        out.append(f"{warning.text}\n")
    out.append(legend())
    out.append("\n\n")
    for person in plan.interviewers:
        out.append(f"{person.name}", style="bold underline")
        out.append(f"  {person.relation.replace('_', ' ')}\n", style="dim")
        out.append(timeline(person, interview_end - timedelta(hours=2), plan.now))
        out.append("\n")
        for action in person.actions:
            out.append(describe(action, plan.now, long_past=long_past))
            out.append("\n")
        out.append("\n")
    return out


class PlanView(VerticalScroll):
    """The plan, re-rendered whenever the notes change."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="plan-text")

    def show(self, plan: Plan | None, interview_end: datetime | None) -> None:
        body = self.query_one("#plan-text", Static)
        if plan is None or interview_end is None:
            show_text(body, Text("The notes have problems: see the Notes tab.", style="bold red"))
        else:
            show_text(body, render(plan, interview_end))
