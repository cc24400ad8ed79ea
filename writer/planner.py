"""The planner: who gets what and when, with reasons (docs/guidance.md, planner rules)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta, tzinfo

from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.ledger_plan import (
    apply_note_budget,
    emailed,
    notes_sent_this_month,
    requests_elsewhere,
    with_ledger,
)
from writer.notes import (
    Culture,
    Interviewer,
    LinkedInStatus,
    Notes,
    Outcome,
    Rapport,
    Relation,
    Went,
)
from writer.plan import (
    Action,
    ActionKind,
    Decision,
    InterviewerPlan,
    Plan,
    Reason,
    Sent,
    offset_note,
)
from writer.planner_email import ago, long_past, plan_warnings, thank_you_email
from writer.planner_fold import fold_into_reply
from writer.planner_status import StatusPlanner, addressee

_DECISION_MAKERS = {Relation.hiring_manager, Relation.team_member, Relation.executive}
_HR = {Relation.recruiter, Relation.hr_coordinator}


def plan_for(
    notes: Notes,
    now: datetime,
    guidance: Guidance = DEFAULT_GUIDANCE,
    sent: Sequence[Sent] = (),
) -> Plan:
    """Every interviewer's actions, decisions, windows and reasons at `now`.

    `sent` is what the ledger recorded: a recorded request is never proposed again, a
    recorded message is never repeated, and requests recorded this month (any company)
    count against a free account's note budget."""
    ctx = _Planner(with_ledger(notes, sent), now, guidance)
    ctx.emailed = emailed(notes, sent)
    people = [
        InterviewerPlan(name=p.name, relation=p.relation.value, actions=ctx.actions_for(p))
        for p in ctx.notes.interviewers
    ]
    used = notes_sent_this_month(ctx.notes, ctx.now) + requests_elsewhere(notes, sent, ctx.now)
    apply_note_budget(ctx.notes, people, used, guidance)
    _weekly_invites(people, sent, ctx.now, guidance)
    status = StatusPlanner(ctx.notes, ctx.now, guidance, sent)
    to = addressee(ctx.notes)
    loop_actions = status.actions()
    for person, plan in zip(ctx.notes.interviewers, people, strict=True):
        if person is to:
            plan.actions.extend(loop_actions)
            fold_into_reply(plan, person.first_name, ctx.now)
    warnings = plan_warnings(notes, ctx.now, guidance)
    if status.cold:
        warnings.append(
            Reason(
                rule="status.at_most_two",
                text="The loop is cold: two status emails went unanswered. Stop writing; "
                "if they come back, answer warmly.",
            )
        )
    # The clock as given (a moment without an offset is in the notes' offset).
    clock = now if now.utcoffset() is not None else now.replace(tzinfo=ctx.tz)
    return Plan(
        company=notes.company,
        role=notes.role,
        now=ctx.now,
        interviewers=people,
        offset_note=offset_note(notes.interview.start, clock),
        warnings=warnings,
        cold=status.cold,
    )


def _weekly_invites(
    people: list[InterviewerPlan], sent: Sequence[Sent], now: datetime, guidance: Guidance
) -> None:
    """LinkedIn allows about `invites_per_week` invitations a week: at the cap, every
    request waits until the oldest of the week's falls out (connect.weekly_limit)."""
    week = [s.at for s in sent if s.kind == ActionKind.connection_request]
    week = sorted(at for at in week if timedelta(0) <= now - at < timedelta(days=7))
    if len(week) < guidance.invites_per_week:
        return
    frees = week[len(week) - guidance.invites_per_week] + timedelta(days=7)
    text = (
        f"{len(week)} invitations went out in the last 7 days and LinkedIn allows about "
        f"{guidance.invites_per_week} a week: wait until {frees:%a %d %b %H:%M}."
    )
    for plan in people:
        action = plan.action(ActionKind.connection_request)
        if action is not None and action.decision in (Decision.do, Decision.optional):
            action.decision = Decision.wait
            action.not_before = max(action.not_before or frees, frees)
            action.reasons.append(Reason(rule="connect.weekly_limit", text=text))


def _reason(rule: str, text: str) -> Reason:
    return Reason(rule=rule, text=text)


def _hours(value: float) -> str:
    return f"{value:g} h"


class _Planner:
    """The planner: the notes, the clock and the guidance every planning rule reads."""

    def __init__(self, notes: Notes, now: datetime, guidance: Guidance) -> None:
        self.notes = notes
        self.g = guidance
        self.tz: tzinfo | None = notes.interview.start.tzinfo
        if now.utcoffset() is None:  # a moment without an offset is read in the notes' one
            now = now.replace(tzinfo=self.tz)
        self.now = now.astimezone(self.tz)
        self.ends = notes.interview.ends.astimezone(self.tz)
        self.emailed: dict[str, datetime] = {}  # thank-you emails the ledger recorded

    def after(self, hours: float) -> datetime:
        return self.ends + timedelta(hours=hours)

    def actions_for(self, person: Interviewer) -> list[Action]:
        connection = self.connection_request(person)
        actions = [self.thank_you_email(person), connection]
        follow_up = self.follow_up(person, connection)
        if follow_up is not None:
            actions.append(follow_up)
        disconnect = self.disconnect(person)
        if disconnect is not None:
            actions.append(disconnect)
        return actions

    # -- thank-you email ---------------------------------------------------------------

    def thank_you_email(self, person: Interviewer) -> Action:
        recorded = self.emailed.get(person.name)
        return thank_you_email(person, self.notes, self.now, self.g, recorded)

    # -- connection request ------------------------------------------------------------

    def connection_request(self, person: Interviewer) -> Action:
        kind = ActionKind.connection_request
        status = person.linkedin.status
        if status == LinkedInStatus.accepted:
            text = f"You are already connected with {person.first_name}."
            return Action(
                kind=kind,
                decision=Decision.skip,
                reasons=[_reason("connect.already_connected", text)],
            )
        if status != LinkedInStatus.none:
            reasons = [_reason("connect.never_repeat", _never_repeat(status))]
            if status == LinkedInStatus.withdrawn:
                days = self.g.reinvite_block_days
                text = f"A withdrawn invitation blocks re-inviting {person.first_name} for "
                reasons.append(_reason("connect.withdrawn_cooldown", text + f"{days} days."))
            return Action(kind=kind, decision=Decision.skip, reasons=reasons)
        if self.notes.outcome == Outcome.offer:
            action = self._connect_after_offer(person)
        elif self.notes.outcome in (Outcome.rejected, Outcome.withdrew):
            action = self._connect_after_decision(person)
        else:
            action = self._connect_pending(person)
        if person.mutual_connections and action.decision != Decision.skip:
            action.reasons.append(_mutuals(person))
        return action

    def _window(self) -> tuple[datetime, datetime]:
        return self.after(self.g.connect_after_hours), self.after(self.g.connect_within_hours)

    def _timing_reasons(self) -> list[Reason]:
        return [
            _reason(
                "connect.wait_24h",
                f"Not before {_hours(self.g.connect_after_hours)} after "
                "the interview: sooner feels pushy.",
            ),
            _reason(
                "connect.within_days",
                "Within a few days "
                f"(by {_hours(self.g.connect_within_hours)} after), while they remember you.",
            ),
        ]

    def _connect_pending(self, person: Interviewer) -> Action:
        kind, first = ActionKind.connection_request, person.first_name
        if person.relation in _HR:
            text = (
                f"{first} is in recruiting/HR: less value in connecting while the decision "
                "is pending. Reconsider after an offer."
            )
            return Action(
                kind=kind, decision=Decision.skip, reasons=[_reason("connect.not_hr", text)]
            )
        if self.notes.interview.went == Went.poorly:
            text = "The interview went poorly: wait for their feedback before connecting."
            return Action(
                kind=kind, decision=Decision.wait, reasons=[_reason("connect.poor_interview", text)]
            )
        if self.notes.culture == Culture.formal and person.rapport == Rapport.minimal:
            text = (
                "A formal culture and little rapport: a request now may seem forward. "
                "Wait until the decision, or an offer."
            )
            return Action(
                kind=kind, decision=Decision.wait, reasons=[_reason("connect.formal_minimal", text)]
            )
        decision, reason = self._pending_decision(person)
        start, end = self._window()
        reasons = [reason, *self._timing_reasons()]
        if self.now > end:
            decision = Decision.optional
            reasons.append(_reason("connect.within_days", self._request_late(end)))
        return Action(
            kind=kind, decision=decision, not_before=start, not_after=end, reasons=reasons
        )

    def _request_late(self, end: datetime) -> str:
        if long_past(self.notes, self.now, self.g):
            return (
                f"The interview was {ago(self.now - self.ends)} ago: a request now is only "
                "for staying in touch, with a note that says where you met."
            )
        return (
            f"The few-day window closed {ago(self.now - end)} ago: a request now is fine "
            "only with a note that recalls the talk."
        )

    def _pending_decision(self, person: Interviewer) -> tuple[Decision, Reason]:
        first = person.first_name
        if person.rapport == Rapport.minimal:
            text = f"Little rapport with {first}: connecting is your call."
            return Decision.optional, _reason("connect.minimal_rapport", text)
        if person.relation not in _DECISION_MAKERS:
            text = f"{first} may not influence the decision: connecting is your call."
            return Decision.optional, _reason("connect.decision_makers", text)
        label = person.relation.value.replace("_", " ")
        text = f"{first} ({label}) influences the decision: connect with a personal note."
        return Decision.do, _reason("connect.decision_makers", text)

    def _connect_after_offer(self, person: Interviewer) -> Action:
        start = self.after(self.g.connect_after_hours)
        reasons = [
            _reason(
                "offer.connect",
                "You have an offer: connecting is no longer "
                "presumptuous and the hold-off rules no longer apply.",
            )
        ]
        decision = Decision.do
        if person.rapport == Rapport.minimal:
            decision = Decision.optional
            reasons.append(
                _reason(
                    "connect.minimal_rapport",
                    f"Little rapport with {person.first_name}: your call.",
                )
            )
        return Action(
            kind=ActionKind.connection_request,
            decision=decision,
            not_before=start,
            not_after=None,
            reasons=reasons,
        )

    def _connect_after_decision(self, person: Interviewer) -> Action:
        kind, first = ActionKind.connection_request, person.first_name
        if person.rapport == Rapport.minimal:
            text = f"You barely interacted with {first}; no need to connect now."
            return Action(
                kind=kind, decision=Decision.skip, reasons=[_reason("rejected.network", text)]
            )
        text = (
            f"The decision is made; connecting with {first} can still grow your network "
            "for future roles."
        )
        return Action(
            kind=kind,
            decision=Decision.optional,
            not_before=self.after(self.g.connect_after_hours),
            reasons=[_reason("rejected.network", text)],
        )

    # -- after the request -------------------------------------------------------------

    def follow_up(self, person: Interviewer, connection: Action) -> Action | None:
        kind, linkedin, first = ActionKind.follow_up_message, person.linkedin, person.first_name
        status_reason = _reason(
            "follow_up.email_for_status",
            "Keep it to thanks; ask about the decision by email, not on LinkedIn.",
        )
        if linkedin.status == LinkedInStatus.accepted:
            if linkedin.messaged_on is not None:
                text = (
                    f"You messaged {first} on {linkedin.messaged_on.isoformat()}: never a "
                    "second unprompted message."
                )
                return Action(
                    kind=kind,
                    decision=Decision.skip,
                    reasons=[_reason("follow_up.after_accept", text)],
                )
            return self._follow_up_window(person, status_reason)
        waiting = linkedin.status == LinkedInStatus.pending or connection.decision in (
            Decision.do,
            Decision.optional,
            Decision.wait,
        )
        if not waiting:
            return None
        text = (
            f"Once {first} accepts your request, send one short message within "
            f"{_hours(self.g.follow_up_within_hours)}."
        )
        return Action(
            kind=kind,
            decision=Decision.wait,
            reasons=[_reason("follow_up.after_accept", text), status_reason],
        )

    def _follow_up_window(self, person: Interviewer, status_reason: Reason) -> Action:
        kind, accepted_on = ActionKind.follow_up_message, person.linkedin.accepted_on
        hours = self.g.follow_up_within_hours
        text = f"{person.first_name} accepted: one short message within {_hours(hours)}."
        reasons = [_reason("follow_up.after_accept", text), status_reason]
        if accepted_on is None:
            reasons.append(
                _reason(
                    "follow_up.after_accept",
                    "Add linkedin.accepted_on to the notes to get a window.",
                )
            )
            return Action(kind=kind, decision=Decision.do, reasons=reasons)
        start = datetime.combine(accepted_on, time(0, 0), tzinfo=self.tz)
        end = start + timedelta(hours=hours)
        decision = Decision.do
        if self.notes.outcome in (Outcome.rejected, Outcome.withdrew) or self.now > end:
            decision = Decision.optional
            reasons.append(
                _reason(
                    "follow_up.after_accept",
                    "The moment has passed or the "
                    "decision is made: a brief thanks for connecting is optional.",
                )
            )
        return Action(
            kind=kind, decision=decision, not_before=start, not_after=end, reasons=reasons
        )

    def disconnect(self, person: Interviewer) -> Action | None:
        connected = person.linkedin.status == LinkedInStatus.accepted
        if self.notes.outcome != Outcome.rejected or not connected:
            return None
        if person.rapport == Rapport.minimal:
            text = (
                f"You barely interacted with {person.first_name}: disconnecting is fine if "
                "you want a lean network."
            )
            decision = Decision.optional
        else:
            text = (
                f"You built rapport with {person.first_name}: staying connected keeps a door open."
            )
            decision = Decision.skip
        return Action(
            kind=ActionKind.disconnect,
            decision=decision,
            reasons=[_reason("rejected.disconnect", text)],
        )


def _never_repeat(status: LinkedInStatus) -> str:
    if status == LinkedInStatus.pending:
        return "Your request is still pending: never send a second one."
    if status == LinkedInStatus.declined:
        return "They declined: don't ask again, and don't read anything into it."
    return (
        "You withdrew the request: don't resend (LinkedIn also blocks re-inviting for up to "
        "3 weeks)."
    )


def _mutuals(person: Interviewer) -> Reason:
    count = person.mutual_connections or 0
    plural = "s" if count != 1 else ""
    text = f"You share {count} mutual connection{plural}, which raises acceptance"
    if person.rapport == Rapport.minimal:
        text += "; consider asking one of them for an introduction instead."
    else:
        text += "."
    return _reason("connect.mutuals", text)
