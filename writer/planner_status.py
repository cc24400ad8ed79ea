"""After the thank-yous: the status email, and the replies to a rejection or an offer
(docs/guidance.md: status.*, rejected.reply, offer.reply).

These are loop-level actions: one email to one person (whoever gave the decision date),
never one per panelist, so they sit on that person's plan alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from writer.guidance import Guidance
from writer.notes import Interviewer, Notes, Outcome, Relation
from writer.plan import Action, ActionKind, Decision, Reason, Sent

_ADDRESS_ORDER = (Relation.recruiter, Relation.hr_coordinator, Relation.hiring_manager)


def business_days_after(day: date, count: int, holidays: Sequence[str] = ()) -> date:
    """The `count`-th business day after `day`: weekends and `holidays` (ISO dates) skipped."""
    off = set(holidays)
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day.isoformat() not in off:
            count -= 1
    return day


def next_business_day(day: date, holidays: Sequence[str] = ()) -> date:
    """`day` itself when it is a business day, else the next one."""
    return business_days_after(day - timedelta(days=1), 1, holidays)


def addressee(notes: Notes) -> Interviewer:
    """Who gets the status email (status.addressed_to): the person the notes say gave the
    date, else the recruiter, else the hiring manager, else the first interviewer."""
    given = notes.interview.decision_from
    if given:
        person = notes.interviewer(given)
        if person is not None:
            return person
    for relation in _ADDRESS_ORDER:
        for person in notes.interviewers:
            if person.relation == relation:
                return person
    return notes.interviewers[0]


class StatusPlanner:
    """The loop-level actions for one notes file at one moment."""

    def __init__(
        self, notes: Notes, now: datetime, guidance: Guidance, sent: Sequence[Sent]
    ) -> None:
        self.notes, self.now, self.g = notes, now, guidance
        self.tz: tzinfo | None = now.tzinfo
        mine = [s for s in sent if s.company == notes.company]
        self.status_sent = sorted(s.at for s in mine if s.kind == ActionKind.status_email)
        heard = [s.at.date() for s in mine if s.kind == ActionKind.heard_back]
        self.heard_on = notes.interview.heard_back_on or (max(heard) if heard else None)
        self.replied = {
            s.kind for s in mine if s.kind in (ActionKind.rejection_reply, ActionKind.offer_reply)
        }
        self.cold = False

    def _opens(self, day: date) -> datetime:
        return datetime.combine(day, time(self.g.workday_start_hour), tzinfo=self.tz)

    def _closes(self, day: date) -> datetime:
        return datetime.combine(day, time(self.g.workday_end_hour), tzinfo=self.tz)

    def actions(self) -> list[Action]:
        """The loop's actions: a status email while pending, else the reply the outcome
        asks for (none after withdrawing)."""
        outcome = self.notes.outcome
        if outcome == Outcome.rejected:
            return [self._reply(ActionKind.rejection_reply, "rejected.reply")]
        if outcome == Outcome.offer:
            return [self._reply(ActionKind.offer_reply, "offer.reply")]
        if outcome == Outcome.withdrew:
            return []
        return [self._status()]

    # -- status email ------------------------------------------------------------------

    def _status(self) -> Action:
        kind = ActionKind.status_email
        heard = self.heard_on
        if heard is not None:
            text = (
                f"They wrote back on {heard:%a %d %b} (heard_back_on in the notes, or `writer "
                "sent --kind heard_back`): no status email is due; reply to them."
            )
            return Action(kind=kind, decision=Decision.skip, reasons=[_r("status.no_date", text)])
        count = len(self.status_sent)
        if count >= self.g.status_max:
            self.cold = True
            text = (
                f"You sent {count} status emails and heard nothing: the loop is cold. Stop "
                "writing; if they come back, answer warmly."
            )
            return Action(
                kind=kind, decision=Decision.skip, reasons=[_r("status.at_most_two", text)]
            )
        if count == 1:
            return self._second(self.status_sent[0])
        return self._first()

    def _first(self) -> Action:
        decision_by, holidays = self.notes.interview.decision_by, self.g.holidays
        if decision_by is not None:
            n = self.g.status_after_decision_days
            day = business_days_after(decision_by, n, holidays)
            text = (
                f"They said they would decide by {decision_by:%a %d %b}: never write before "
                f"then; give them a business day's grace and write on {day:%a %d %b} "
                f"({n} business days after)."
            )
            reason = _r("status.after_decision_date", text)
            start, end = self._opens(day), self._closes(day)
        else:
            interviewed = self.notes.interview.ends.astimezone(self.tz).date()
            first = business_days_after(interviewed, self.g.status_no_date_from_days, holidays)
            last = business_days_after(interviewed, self.g.status_no_date_to_days, holidays)
            text = (
                "No decision date was given: a status email fits "
                f"{self.g.status_no_date_from_days}-{self.g.status_no_date_to_days} business "
                f"days after the interview, {first:%a %d %b} to {last:%a %d %b}."
            )
            reason = _r("status.no_date", text)
            start, end = self._opens(first), self._closes(last)
        return self._status_action(start, end, [reason])

    def _second(self, first_sent: datetime) -> Action:
        after = self.g.status_second_after_days
        local = first_sent.astimezone(self.tz).date() + timedelta(days=after)
        day = next_business_day(local, self.g.holidays)
        text = (
            f"Your first status email went on {first_sent:%a %d %b} with no answer: one more, "
            f"a week later ({day:%a %d %b}), is the last; after it the loop is cold."
        )
        return self._status_action(
            self._opens(day), self._closes(day), [_r("status.at_most_two", text)]
        )

    def _status_action(self, start: datetime, end: datetime, reasons: list[Reason]) -> Action:
        person = addressee(self.notes)
        text = (
            f"One email to {person.name} ({person.relation.value.replace('_', ' ')}), not "
            "one per panelist: by email, never on LinkedIn."
        )
        reasons.append(_r("status.addressed_to", text))
        # Before its window the email waits (and is not drafted yet: Plan.messages).
        return Action(
            kind=ActionKind.status_email,
            decision=Decision.do if self.now >= start else Decision.wait,
            not_before=start,
            not_after=end,
            reasons=reasons,
        )

    # -- replies to an outcome ---------------------------------------------------------

    def _reply(self, kind: ActionKind, rule: str) -> Action:
        if kind in self.replied:
            text = "You replied already (recorded in your ledger): nothing more is due."
            return Action(kind=kind, decision=Decision.skip, reasons=[_r(rule, text)])
        if kind == ActionKind.rejection_reply:
            text = (
                "A short, gracious reply: thank them, say you'd like to stay in touch, and "
                "ask for feedback if you want it. Never argue the decision."
            )
        else:
            text = (
                "Thank them promptly; ask for the time you need to decide, or confirm the "
                "next steps. Negotiation belongs in a separate conversation."
            )
        reasons = [_r(rule, text)]
        arrived = self.notes.outcome_on
        if arrived is None:
            reasons.append(_r(rule, "Add outcome_on to the notes to get a window."))
            return Action(kind=kind, decision=Decision.do, reasons=reasons)
        last = business_days_after(arrived, self.g.reply_within_days, self.g.holidays)
        return Action(
            kind=kind,
            decision=Decision.do,
            not_before=datetime.combine(arrived, time(0), tzinfo=self.tz),
            not_after=self._closes(last),
            reasons=reasons,
        )


def _r(rule: str, text: str) -> Reason:
    return Reason(rule=rule, text=text)
