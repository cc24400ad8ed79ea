"""After the thank-yous (docs/guidance.md: status.*, rejected.reply, offer.reply, the LinkedIn
limits): each rule's decision and window."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.helpers import notes_from
from writer.guidance import Guidance
from writer.plan import Action, ActionKind, Decision, MessageKind, Plan, Sent
from writer.planner import plan_for
from writer.planner_status import business_days_after

COMPANY = "Acme Robotics"
RECRUITER = {"name": "Rita Gomez", "relation": "recruiter"}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def loop_action(plan: Plan, kind: ActionKind) -> tuple[str, Action]:
    """The one action of `kind` in the plan, and whose it is (there must be exactly one)."""
    found = [(p.name, a) for p in plan.interviewers for a in p.actions if a.kind == kind]
    assert len(found) == 1, found
    return found[0]


def panel(**interview: object) -> dict[str, object]:
    """Overrides for a two-person panel (the hiring manager from the base notes, then a
    recruiter), with `interview` fields changed."""
    base = notes_from().model_dump(mode="json")
    return {
        "interview": interview,
        "interviewers": [base["interviewers"][0], RECRUITER],
    }


def test_friday_decision_date_gives_a_tuesday_status_email() -> None:
    notes = notes_from(panel(decision_by="2026-11-27"))  # a Friday
    who, email = loop_action(
        plan_for(notes, at("2026-11-30T08:00:00-05:00")), ActionKind.status_email
    )
    assert who == "Rita Gomez"  # the recruiter, not each panelist
    assert email.decision == Decision.wait  # Monday: a day's grace
    _, due = loop_action(plan_for(notes, at("2026-12-01T10:00:00-05:00")), ActionKind.status_email)
    assert due.decision == Decision.do
    assert email.not_before == at("2026-12-01T09:00:00-05:00")  # Tuesday
    assert email.not_after == at("2026-12-01T18:00:00-05:00")
    assert email.not_before.strftime("%A") == "Tuesday"
    assert [r.rule for r in email.reasons] == ["status.after_decision_date", "status.addressed_to"]


def test_a_holiday_is_not_a_business_day() -> None:
    notes = notes_from(panel(decision_by="2026-11-27"))
    guidance = Guidance(holidays=("2026-11-30",))
    _, email = loop_action(
        plan_for(notes, at("2026-11-30T08:00:00-05:00"), guidance), ActionKind.status_email
    )
    assert email.not_before == at("2026-12-02T09:00:00-05:00")
    assert business_days_after(date(2026, 11, 27), 1) == date(2026, 11, 30)


def test_no_date_gives_five_to_seven_business_days_after_the_interview() -> None:
    notes = notes_from(panel())  # interview on Friday 20 November
    _, email = loop_action(
        plan_for(notes, at("2026-11-21T10:00:00-05:00")), ActionKind.status_email
    )
    assert email.not_before == at("2026-11-27T09:00:00-05:00")  # Fri: 5 business days
    assert email.not_after == at("2026-12-01T18:00:00-05:00")  # Tue: 7 business days
    assert email.reasons[0].rule == "status.no_date"


def test_who_gave_the_date_gets_the_email() -> None:
    notes = notes_from(panel(decision_by="2026-11-27", decision_from="Dana Lee"))
    who, email = loop_action(
        plan_for(notes, at("2026-11-30T08:00:00-05:00")), ActionKind.status_email
    )
    assert who == "Dana Lee"
    assert "Dana Lee (hiring manager)" in email.reasons[-1].text


def test_a_second_email_a_week_after_the_first() -> None:
    notes = notes_from(panel(decision_by="2026-11-27"))
    first = Sent(COMPANY, "Rita Gomez", ActionKind.status_email, at("2026-12-01T10:00:00-05:00"))
    plan = plan_for(notes, at("2026-12-02T10:00:00-05:00"), sent=[first])
    _, email = loop_action(plan, ActionKind.status_email)
    assert email.decision == Decision.wait
    assert email.not_before == at("2026-12-08T09:00:00-05:00")
    assert email.reasons[0].rule == "status.at_most_two"
    assert not plan.cold


def test_after_two_the_loop_is_cold_and_the_plan_says_so() -> None:
    notes = notes_from(panel(decision_by="2026-11-27"))
    sent = [
        Sent(COMPANY, "Rita Gomez", ActionKind.status_email, at("2026-12-01T10:00:00-05:00")),
        Sent(COMPANY, "Rita Gomez", ActionKind.status_email, at("2026-12-08T10:00:00-05:00")),
    ]
    plan = plan_for(notes, at("2026-12-20T10:00:00-05:00"), sent=sent)
    _, email = loop_action(plan, ActionKind.status_email)
    assert email.decision == Decision.skip
    assert plan.cold
    assert any(w.rule == "status.at_most_two" and "cold" in w.text for w in plan.warnings)


def test_a_recorded_reply_cancels_the_status_email() -> None:
    notes = notes_from(panel(decision_by="2026-11-27", heard_back_on="2026-11-30"))
    _, email = loop_action(
        plan_for(notes, at("2026-12-01T10:00:00-05:00")), ActionKind.status_email
    )
    assert email.decision == Decision.skip
    assert "wrote back" in email.reasons[0].text


def test_a_rejection_gets_a_gracious_reply_and_no_status_email() -> None:
    overrides = {
        **panel(decision_by="2026-11-27"),
        "outcome": "rejected",
        "outcome_on": "2026-11-27",
    }
    plan = plan_for(notes_from(overrides), at("2026-11-27T15:00:00-05:00"))
    who, reply = loop_action(plan, ActionKind.rejection_reply)
    assert who == "Rita Gomez" and reply.decision == Decision.do
    assert reply.not_after == at("2026-11-30T18:00:00-05:00")  # next business day
    assert reply.reasons[0].rule == "rejected.reply" and "Never argue" in reply.reasons[0].text
    assert not [
        a for p in plan.interviewers for a in p.actions if a.kind == ActionKind.status_email
    ]


def test_a_recorded_rejection_reply_is_not_planned_again() -> None:
    overrides = {**panel(), "outcome": "rejected", "outcome_on": "2026-11-27"}
    sent = [
        Sent(COMPANY, "Rita Gomez", ActionKind.rejection_reply, at("2026-11-27T16:00:00-05:00"))
    ]
    plan = plan_for(notes_from(overrides), at("2026-11-28T10:00:00-05:00"), sent=sent)
    _, reply = loop_action(plan, ActionKind.rejection_reply)
    assert reply.decision == Decision.skip


def test_an_offer_gets_a_reply_that_asks_for_time() -> None:
    overrides = {**panel(), "outcome": "offer"}
    _, reply = loop_action(
        plan_for(notes_from(overrides), at("2026-11-27T15:00:00-05:00")), ActionKind.offer_reply
    )
    assert reply.decision == Decision.do and reply.not_after is None
    assert reply.reasons[0].rule == "offer.reply"
    assert "time you need" in reply.reasons[0].text and "Negotiation" in reply.reasons[0].text


def test_withdrawing_plans_no_loop_email() -> None:
    plan = plan_for(notes_from({**panel(), "outcome": "withdrew"}), at("2026-11-27T15:00:00-05:00"))
    kinds = {a.kind for p in plan.interviewers for a in p.actions}
    assert not kinds & {ActionKind.status_email, ActionKind.rejection_reply, ActionKind.offer_reply}


def test_the_weekly_invitation_cap_makes_requests_wait() -> None:
    now = at("2026-11-21T18:00:00-05:00")
    week = [
        Sent("Elsewhere", f"P{i}", ActionKind.connection_request, now - timedelta(days=1 + i % 5))
        for i in range(3)
    ]
    plan = plan_for(notes_from(), now, Guidance(invites_per_week=3, free_note_budget=10), sent=week)
    request = plan.interviewers[0].action(ActionKind.connection_request)
    assert request is not None and request.decision == Decision.wait
    assert request.reasons[-1].rule == "connect.weekly_limit"
    oldest = min(s.at for s in week)
    assert request.not_before == oldest + timedelta(days=7)


def test_a_withdrawn_invitation_blocks_reinviting_for_three_weeks() -> None:
    plan = plan_for(notes_from(linkedin={"status": "withdrawn"}), at("2026-11-21T18:00:00-05:00"))
    request = plan.interviewers[0].action(ActionKind.connection_request)
    assert request is not None and request.decision == Decision.skip
    assert (
        request.reasons[-1].rule == "connect.withdrawn_cooldown"
        and "21 days" in request.reasons[-1].text
    )


def test_a_long_status_email_is_flagged() -> None:
    from writer.checker import check

    text = "Hi Rita, thank you for your time. " + "I remain very interested in the role. " * 30
    report = check(MessageKind.status_email, text, to="Rita Gomez", notes=notes_from(panel()))
    [finding] = [f for f in report.findings if f.rule == "length.reply_words"]
    assert finding.severity == "warning" and "keep it under 150" in finding.message


def test_pushy_does_not_fire_on_a_status_email_but_does_on_a_message() -> None:
    from writer.checker import check

    text = "Hi Dana, thank you again. Is there any update on the timeline for a decision?"
    notes = notes_from(panel())
    assert not [
        f
        for f in check(MessageKind.status_email, text, to="Dana Lee", notes=notes).findings
        if f.rule == "pushy"
    ]
    assert [
        f
        for f in check(MessageKind.follow_up_message, text, to="Dana Lee", notes=notes).findings
        if f.rule == "pushy"
    ]
