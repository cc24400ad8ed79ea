"""`writer today`: what every interview loop owes whom, across many notes files
(docs/notes-format.md §3, `writer today`).

An entry is one planned action that sends a message and is `do` (due now or overdue) or
timed and not open yet (`next`). The ledger is read first, so what was recorded as sent
drops off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from writer.errors import InputError
from writer.kinds import label
from writer.plan import Action, Decision, Plan, Sent

NOTES_SUFFIXES = (".yaml", ".yml", ".json")


class State(StrEnum):
    overdue = "overdue"
    due = "due"
    next = "next"


_ORDER = {State.overdue: 0, State.due: 1, State.next: 2}


@dataclass(frozen=True)
class Entry:
    """One thing to send: in which loop, to whom, what, and its window."""

    state: State
    when: datetime  # what it sorts by: when it closed, closes or opens
    file: str
    company: str
    role: str
    person: str
    action: Action

    def to_json(self) -> dict[str, Any]:
        a = self.action
        return {
            "state": self.state.value,
            "when": self.when.isoformat(),
            "file": self.file,
            "company": self.company,
            "role": self.role,
            "person": self.person,
            "kind": a.kind.value,
            "label": label(a.kind.value),
            "decision": a.decision.value,
            "not_before": a.not_before.isoformat() if a.not_before else None,
            "not_after": a.not_after.isoformat() if a.not_after else None,
            "rules": [r.rule for r in a.reasons],
        }


@dataclass(frozen=True)
class Queue:
    """Every loop's entries, sorted; the loops gone cold; the files that could not be read."""

    now: datetime
    entries: list[Entry]
    cold: list[tuple[str, str]]  # (file, company)
    problems: list[tuple[str, str]]  # (file, why)
    loops: int

    def to_json(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(),
            "loops": self.loops,
            "entries": [e.to_json() for e in self.entries],
            "cold": [{"file": f, "company": c} for f, c in self.cold],
            "problems": [{"file": f, "message": m} for f, m in self.problems],
        }


def notes_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The notes files `paths` name (a folder: its *.yaml, *.yml and *.json files, sorted),
    and a problem for each path that does not exist."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()  # the `today` setting may say "~/loops"
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in NOTES_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            problems.append((str(path), "no such file or folder"))
    return files, problems


def entries_of(plan: Plan, file: str) -> list[Entry]:
    """The plan's actions that send a message and are due, overdue or ahead."""
    out = []
    for person in plan.interviewers:
        for action in person.actions:
            if action.message_kind is None:
                continue
            found = _state(action, plan.now)
            if found is not None:
                state, when = found
                out.append(Entry(state, when, file, plan.company, plan.role, person.name, action))
    return out


def _state(action: Action, now: datetime) -> tuple[State, datetime] | None:
    start, end = action.not_before, action.not_after
    if action.decision == Decision.do:
        if start is not None and start > now:
            return State.next, start
        if end is not None and end < now:
            return State.overdue, end
        return State.due, end or now
    if action.decision == Decision.wait and start is not None and start > now:
        return State.next, start
    return None


def build_queue(paths: Sequence[str | Path], now: datetime, sent: Sequence[Sent]) -> Queue:
    """Plan every loop in `paths` at `now` with the ledger's `sent`; a file that cannot be
    read becomes a problem line, never a stop."""
    from writer.loader import load_notes
    from writer.planner import plan_for

    files, problems = notes_files(paths)
    entries: list[Entry] = []
    cold: list[tuple[str, str]] = []
    loops = 0
    for path in files:
        try:
            notes = load_notes(path)
        except InputError as error:
            problems.append((str(path), "; ".join(str(p) for p in error.problems)))
            continue
        plan = plan_for(notes, now, sent=sent)
        loops += 1
        entries += entries_of(plan, str(path))
        if plan.cold:
            cold.append((str(path), plan.company))
    entries.sort(key=lambda e: (_ORDER[e.state], e.when, e.company, e.person))
    return Queue(now, entries, cold, problems, loops)


def render_queue(queue: Queue) -> str:
    """The queue as a reader scans it: one line per entry, grouped by state."""
    lines: list[str] = []
    titles = {State.overdue: "Overdue", State.due: "Due now", State.next: "Next"}
    for state in State:
        mine = [e for e in queue.entries if e.state == state]
        if not mine:
            continue
        lines.append(f"{titles[state]} ({len(mine)})")
        lines += [f"  {_line(e)}" for e in mine]
    if not queue.entries:
        lines.append(f"Nothing is due across {queue.loops} loop(s).")
    for file, company in queue.cold:
        lines.append(f"cold: {company} ({file}): two status emails went unanswered; stop writing")
    for file, message in queue.problems:
        lines.append(f"skipped {file}: {message}")
    return "\n".join(lines) + "\n"


def _line(entry: Entry) -> str:
    a = entry.action
    return (
        f"{window_text(a):<34} {entry.company} · {entry.person} · {label(a.kind.value)}"
        f"{'' if a.decision == Decision.do else ' (' + a.decision.value + ')'}"
    )


def window_text(action: Action) -> str:
    start, end = action.not_before, action.not_after
    if start is None and end is None:
        return "now (no window)"
    if start is None:
        return f"by {end:%a %d %b %H:%M}"
    if end is None:
        return f"from {start:%a %d %b %H:%M}"
    return f"{start:%a %d %b %H:%M} → {end:%a %d %b %H:%M}"


def queue_to_ics(queue: Queue) -> bytes:
    """The whole queue as one calendar: an event per entry with a start."""
    from icalendar import Calendar  # heavy import; only `--ics` needs it

    from writer.ics import plan_to_ics
    from writer.plan import InterviewerPlan

    calendar = Calendar()
    calendar.add("prodid", "-//writer//interview follow-ups//EN")
    calendar.add("version", "2.0")
    for entry in queue.entries:
        start = entry.action.not_before or queue.now
        end = entry.action.not_after
        if end is not None and end < queue.now:
            start, end = queue.now, None  # still owed: the event goes now, not in the past
        action = entry.action.model_copy(
            update={"decision": Decision.do, "not_before": start, "not_after": end}
        )
        person = InterviewerPlan(name=entry.person, relation="other", actions=[action])
        one = Plan(company=entry.company, role=entry.role, now=queue.now, interviewers=[person])
        for component in Calendar.from_ical(plan_to_ics(one)).walk("VEVENT"):
            calendar.add_component(component)
    return bytes(calendar.to_ical())
