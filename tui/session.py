"""What the app is working on: the notes text, the plan and the drafts. No UI here, so the
logic is tested without a terminal; every step goes through the `writer` library."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.errors import InputError, Problem
from writer.kinds import ActionKind, MessageKind, spec
from writer.loader import parse_notes, read_mapping
from writer.notes import Notes
from writer.plan import Plan, Sent
from writer.planner import plan_for

if TYPE_CHECKING:  # the checker, the drafter and ruamel load when first used, after the plan
    from writer.backends import Backend
    from writer.checker import Report
    from writer.drafting import Draft


def _keep(edited: Draft | None, fresh: Draft) -> Draft:
    """The candidate's edited draft in place of a fresh one, for the fresh plan's action."""
    if edited is None or fresh.variant != 0:
        return fresh
    return replace(edited, person=fresh.person, action=fresh.action)


def template(now: datetime) -> str:
    """A notes file to start from: valid, and every value obviously yours to replace."""
    start = now.replace(hour=10, minute=0, second=0, microsecond=0).isoformat()
    return (
        "candidate:\n  name: Your Name\n  linkedin_tier: free\ncompany: Company\nrole: Role\n"
        f"interview:\n  start: {start}\n  went: well\nculture: neutral\noutcome: pending\n"
        "interviewers:\n  - name: First Interviewer\n    relation: hiring_manager\n"
        "    topics:\n      - something specific you talked about\n"
    )


@dataclass
class Session:
    """The notes being edited and everything derived from them."""

    backend: Backend
    now: datetime
    path: Path | None = None
    text: str = ""
    notes: Notes | None = None
    problems: list[Problem] = field(default_factory=list)
    plan: Plan | None = None
    _drafts: list[Draft] = field(default_factory=list, repr=False)
    edited: set[tuple[str, str]] = field(default_factory=set)
    dirty: bool = False
    sent: list[Sent] = field(default_factory=list)
    # True until the first drafts are made: the app plans first and drafts after its first frame.
    deferred: bool = False
    # The notes changed since the drafts were made. They are made again when next read, so a
    # keystroke in the form re-plans at once but drafts only once something shows the drafts.
    _stale: bool = field(default=False, repr=False)

    @classmethod
    def open(
        cls, path: Path | None, backend: Backend, now: datetime, *, draft: bool = True
    ) -> Session:
        """The session for a notes file (a template when there is none); `draft=False` plans
        only, and the first `redraft` drafts."""
        session = cls(backend=backend, now=now, path=path, sent=_ledger_sent(), deferred=not draft)
        text = path.read_text("utf-8") if path is not None and path.exists() else template(now)
        session.set_text(text, dirty=False)
        return session

    @property
    def drafts(self) -> list[Draft]:
        if self._stale:
            self.redraft()
        return self._drafts

    @drafts.setter
    def drafts(self, drafts: list[Draft]) -> None:
        self._drafts, self._stale = drafts, False

    @property
    def long_past(self) -> bool:
        """The interview is so long ago that every window has closed (the planner says so)."""
        return self.plan is not None and any(w.rule == "plan.long_past" for w in self.plan.warnings)

    @property
    def source(self) -> str:
        return str(self.path) if self.path else "new notes"

    def set_text(self, text: str, *, dirty: bool = True) -> bool:
        """Take new notes text; on success re-plan and re-draft, else keep the problems."""
        self.text, self.dirty = text, self.dirty or dirty
        try:
            notes = parse_notes(text, self.source, is_json=self.source.endswith(".json"))
        except InputError as error:
            self.problems = error.problems
            return False
        self.problems, self.notes = [], notes
        self.plan = plan_for(notes, self.now, sent=self.sent)
        if not self.deferred and (self.backend.name == "offline" or not self._drafts):
            self._stale = True
        return True

    def data(self) -> dict[str, Any]:
        """The notes as a plain mapping, for the form (empty when the YAML is broken)."""
        loaded = read_mapping(self.text)
        return loaded if isinstance(loaded, dict) else {}

    def set_data(self, data: dict[str, Any]) -> bool:
        """Take the form's notes: the text keeps its comments (and stays JSON if it was)."""
        from writer.tui.notes_text import rewrite

        return self.set_text(rewrite(self.text, data, as_json=self.source.endswith(".json")))

    def redraft(self, variants: int = 1) -> None:
        """Draft again, keeping the drafts the candidate has edited (they are re-checked)."""
        self.deferred = self._stale = False
        if self.notes is None or self.plan is None:
            return
        kept = {
            (d.interviewer, d.kind): d
            for d in self._drafts
            if (d.interviewer, d.kind) in self.edited
        }
        from writer.drafting import draft_all

        fresh = draft_all(self.notes, self.plan, self.backend, variants=variants).drafts
        self.drafts = [_keep(kept.get((d.interviewer, d.kind)), d) for d in fresh]
        for index, draft in enumerate(self.drafts):
            if (draft.interviewer, draft.kind) in kept:
                self.edit(index, draft.text, draft.subject)

    def edit(self, index: int, text: str, subject: str | None = None) -> Report:
        """The candidate changed a draft: check it again (fast enough for every keystroke)."""
        from writer.checker import check, check_across, sort_findings

        draft = self.drafts[index]
        assert self.notes is not None
        report = check(draft.kind, text, subject=subject, to=draft.interviewer, notes=self.notes)
        across = check_across(
            [
                (d.interviewer, d.kind, text if i == index else d.text)
                for i, d in enumerate(self.drafts)
                if d.variant == 0
            ]
        )
        report.findings = sort_findings(
            report.findings + [f for i, f in across if self.drafts[i] is draft]
        )
        self.drafts[index] = replace(draft, text=text, subject=subject, report=report)
        self.edited.add((draft.interviewer, draft.kind))
        return report

    def apply_fix(self, index: int, finding_index: int) -> bool:
        """Apply one finding's replacement to the draft; False when it has none."""
        draft = self.drafts[index]
        finding = draft.report.findings[finding_index]
        if finding.replacement is None or finding.field != "text":
            return False
        from writer.checker import apply_fixes

        self.edit(index, apply_fixes(draft.text, [finding]), draft.subject)
        return True

    def mark_sent(self, index: int, today: date) -> str:
        """Record what was sent, in the ledger and where it has a field in the notes, so the
        plan follows; returns what changed."""
        if self.problems:
            raise ValueError("the notes have problems; fix them before marking a message sent")
        draft = self.drafts[index]
        kind = spec(draft.kind).action
        data = self.data()
        wanted = draft.interviewer.strip().casefold()
        person = next(
            (
                p
                for p in data.get("interviewers", [])
                if isinstance(p, dict) and str(p.get("name", "")).strip().casefold() == wanted
            ),
            None,
        )
        if person is None:
            raise ValueError(
                f"{draft.interviewer} is no longer in the notes; draft again before marking "
                "the message sent"
            )
        linkedin = person.setdefault("linkedin", {})
        self._record_sent(draft.interviewer, kind)  # once the notes have a place for it too
        if draft.kind == MessageKind.connection_note:
            linkedin.update(status="pending", requested_on=today.isoformat())
            done = "connection request recorded as pending"
        elif draft.kind == MessageKind.follow_up_message:
            linkedin["messaged_on"] = today.isoformat()
            done = "follow-up message recorded"
        else:
            self.set_text(self.text, dirty=False)  # re-plan with the ledger's record
            return "thank-you email recorded in the ledger"
        self.set_data(data)
        return done

    def _record_sent(self, interviewer: str, kind: ActionKind) -> None:
        """The ledger's row, and the plan's memory of it."""
        if self.notes is not None:
            record = Sent(self.notes.company, interviewer, kind, self.now)
            self.sent.append(record)
            _ledger_record(record)

    def save(self) -> Path:
        """Write the notes atomically (a temporary file, then a rename). A symlink stays a
        symlink (its target is written) and the file keeps its permissions."""
        path = self.path or Path("interview-notes.yaml")
        target = path.resolve() if path.is_symlink() else path
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else None
        temporary = target.with_name(f".{target.name}.tmp")
        try:
            with temporary.open("w", encoding="utf-8") as out:
                out.write(self.text)
                out.flush()
                os.fsync(out.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)
        self.path, self.dirty = path, False
        return path

    def markdown(self) -> str:
        """Every current draft as Markdown, for pasting or printing."""
        from writer.render import drafts_markdown

        title = f"Drafts — {self.notes.company}, {self.notes.role}" if self.notes else "Drafts"
        return drafts_markdown(title, self.drafts)


def _ledger_sent() -> list[Sent]:
    import sqlite3

    from writer.ledger import load_sent

    try:
        return load_sent()
    except (sqlite3.Error, OSError):
        return []  # the app works without a ledger


def _ledger_record(record: Sent) -> None:
    import sqlite3
    from contextlib import closing

    from writer.ledger import Ledger

    try:
        with closing(Ledger.open()) as ledger:
            ledger.record(record.company, record.interviewer, record.kind, record.at)
    except (sqlite3.Error, OSError):
        pass  # the notes still carry the record where they can
