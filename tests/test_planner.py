"""Each planner rule of docs/guidance.md: the decision, the window and the reason it cites."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.helpers import BASE, END, EVENING, notes_from
from writer.guidance import Guidance
from writer.notes import Notes
from writer.plan import Action, ActionKind, Decision, Plan
from writer.planner import plan_for
from writer.planner_rules import PLANNER_RULES

H = timedelta(hours=1)


def action(plan: Plan, kind: ActionKind, who: int = 0) -> Action:
    found = plan.interviewers[who].action(kind)
    assert found is not None, f"no {kind} for interviewer {who}"
    return found


def rules_of(found: Action) -> list[str]:
    return [r.rule for r in found.reasons]


def connection(notes: Notes, now: datetime = EVENING) -> Action:
    return action(plan_for(notes, now), ActionKind.connection_request)


def test_email_always_within_24h_of_the_end() -> None:
    email = action(plan_for(notes_from(), EVENING), ActionKind.thank_you_email)
    assert email.decision == Decision.do
    assert (email.not_before, email.not_after) == (END, END + 24 * H)
    assert {"email.always", "email.within_24h"} <= set(rules_of(email))


def test_every_interviewer_gets_an_email_even_hr() -> None:
    notes = notes_from(relation="hr_coordinator", rapport="minimal")
    email = action(plan_for(notes, EVENING), ActionKind.thank_you_email)
    assert email.decision == Decision.do


def test_late_email_still_do_and_says_the_window_closed() -> None:
    email = action(plan_for(notes_from(), END + 30 * H), ActionKind.thank_you_email)
    assert email.decision == Decision.do
    assert "closed 6 h ago" in email.reasons[-1].text


def test_window_uses_the_interviews_own_offset() -> None:
    plan = plan_for(notes_from(), datetime.fromisoformat("2026-11-21T02:00:00+03:00"))
    assert plan.now.utcoffset() == -5 * H
    start = action(plan, ActionKind.thank_you_email).not_before
    assert start is not None and start.isoformat() == "2026-11-20T16:00:00-05:00"


def test_decision_maker_connect_from_24h_to_72h() -> None:
    request = connection(notes_from())
    assert request.decision == Decision.do
    assert (request.not_before, request.not_after) == (END + 24 * H, END + 72 * H)
    assert rules_of(request)[:3] == [
        "connect.decision_makers",
        "connect.wait_24h",
        "connect.within_days",
    ]


@pytest.mark.parametrize("relation", ["team_member", "executive"])
def test_team_members_and_executives_are_decision_makers(relation: str) -> None:
    assert connection(notes_from(relation=relation)).decision == Decision.do


@pytest.mark.parametrize("relation", ["hr_coordinator", "recruiter"])
def test_hr_and_recruiters_skipped_while_pending(relation: str) -> None:
    request = connection(notes_from(relation=relation))
    assert request.decision == Decision.skip
    assert rules_of(request) == ["connect.not_hr"]
    assert request.not_before is None and request.not_after is None


@pytest.mark.parametrize("status", ["pending", "declined", "withdrawn"])
def test_a_request_is_never_sent_twice(status: str) -> None:
    request = connection(notes_from(linkedin={"status": status, "requested_on": "2026-11-21"}))
    assert request.decision == Decision.skip
    block = ["connect.withdrawn_cooldown"] if status == "withdrawn" else []
    assert rules_of(request) == ["connect.never_repeat", *block]


def test_withdrawn_request_mentions_linkedins_block() -> None:
    request = connection(notes_from(linkedin={"status": "withdrawn"}))
    assert "3 weeks" in request.reasons[0].text


def test_poor_interview_waits_for_feedback() -> None:
    request = connection(notes_from({"interview": {"went": "poorly"}}))
    assert request.decision == Decision.wait
    assert rules_of(request) == ["connect.poor_interview"]
    assert request.not_before is None


def test_formal_culture_with_minimal_rapport_waits() -> None:
    request = connection(notes_from({"culture": "formal"}, rapport="minimal"))
    assert request.decision == Decision.wait
    assert rules_of(request) == ["connect.formal_minimal"]


def test_formal_culture_with_rapport_still_connects() -> None:
    assert connection(notes_from({"culture": "formal"}, rapport="some")).decision == Decision.do


def test_minimal_rapport_elsewhere_is_optional_with_the_window() -> None:
    request = connection(notes_from(rapport="minimal"))
    assert request.decision == Decision.optional
    assert rules_of(request)[0] == "connect.minimal_rapport"
    assert request.not_before == END + 24 * H


def test_other_relation_is_optional() -> None:
    assert connection(notes_from(relation="other")).decision == Decision.optional


def test_after_the_few_day_window_a_request_becomes_optional() -> None:
    request = connection(notes_from(), END + 80 * H)
    assert request.decision == Decision.optional
    assert rules_of(request)[-1] == "connect.within_days"


def test_mutual_connections_raise_acceptance() -> None:
    request = connection(notes_from(mutual_connections=2))
    assert request.decision == Decision.do
    assert "2 mutual connections" in request.reasons[-1].text
    assert rules_of(request)[-1] == "connect.mutuals"


def test_mutuals_with_minimal_rapport_suggest_an_introduction() -> None:
    request = connection(notes_from(mutual_connections=1, rapport="minimal"))
    assert "introduction" in request.reasons[-1].text


def test_already_connected_is_not_asked_again() -> None:
    request = connection(notes_from(linkedin={"status": "accepted", "accepted_on": "2026-11-22"}))
    assert request.decision == Decision.skip
    assert rules_of(request) == ["connect.already_connected"]


def test_accepted_request_gets_one_message_within_48h() -> None:
    notes = notes_from(linkedin={"status": "accepted", "accepted_on": "2026-11-22"})
    plan = plan_for(notes, datetime.fromisoformat("2026-11-22T10:00:00-05:00"))
    message = action(plan, ActionKind.follow_up_message)
    assert message.decision == Decision.do
    start = datetime.fromisoformat("2026-11-22T00:00:00-05:00")
    assert (message.not_before, message.not_after) == (start, start + 48 * H)
    assert rules_of(message) == ["follow_up.after_accept", "follow_up.email_for_status"]


def test_no_second_message_after_messaged_on() -> None:
    linkedin = {"status": "accepted", "accepted_on": "2026-11-22", "messaged_on": "2026-11-23"}
    message = action(
        plan_for(notes_from(linkedin=linkedin), END + 96 * H), ActionKind.follow_up_message
    )
    assert message.decision == Decision.skip
    assert "never a second" in message.reasons[0].text


def test_follow_up_waits_for_acceptance() -> None:
    message = action(plan_for(notes_from(), EVENING), ActionKind.follow_up_message)
    assert message.decision == Decision.wait
    assert "accepts" in message.reasons[0].text
    assert rules_of(message)[1] == "follow_up.email_for_status"


def test_no_follow_up_when_no_request_is_planned() -> None:
    plan = plan_for(notes_from(relation="recruiter"), EVENING)
    assert plan.interviewers[0].action(ActionKind.follow_up_message) is None


def test_rejected_disconnect_is_optional_for_minimal_rapport() -> None:
    notes = notes_from(
        {"outcome": "rejected"},
        rapport="minimal",
        linkedin={"status": "accepted", "accepted_on": "2026-11-22"},
    )
    disconnect = action(plan_for(notes, END + 200 * H), ActionKind.disconnect)
    assert disconnect.decision == Decision.optional
    assert rules_of(disconnect) == ["rejected.disconnect"]


def test_rejected_keeps_connections_with_rapport() -> None:
    notes = notes_from(
        {"outcome": "rejected"},
        rapport="strong",
        linkedin={"status": "accepted", "accepted_on": "2026-11-22"},
    )
    assert action(plan_for(notes, END + 200 * H), ActionKind.disconnect).decision == Decision.skip


def test_rejected_not_connected_minimal_rapport_skips_connecting() -> None:
    notes = notes_from({"outcome": "rejected"}, rapport="minimal")
    assert connection(notes, END + 200 * H).decision == Decision.skip


def test_rejected_thank_you_is_optional() -> None:
    email = action(
        plan_for(notes_from({"outcome": "rejected"}), EVENING), ActionKind.thank_you_email
    )
    assert email.decision == Decision.optional


def test_offer_lifts_the_hold_off_rules() -> None:
    notes = notes_from({"outcome": "offer", "interview": {"went": "poorly"}}, relation="recruiter")
    request = connection(notes)
    assert request.decision == Decision.do
    assert rules_of(request) == ["offer.connect"]
    assert request.not_before == END + 24 * H and request.not_after is None


def _many(count: int, tier: str = "free", **extra: Any) -> Notes:
    people = [
        {"name": f"Person {chr(65 + i)}", "relation": "team_member", "topics": ["Kafka"]}
        for i in range(count)
    ]
    people[-1]["relation"] = "hiring_manager"
    return notes_from({"interviewers": people, "candidate": {"linkedin_tier": tier}}, **extra)


def test_free_account_over_five_notes_demotes_the_lowest_priority() -> None:
    plan = plan_for(_many(7), EVENING)
    decisions = [action(plan, ActionKind.connection_request, i).decision for i in range(7)]
    assert decisions.count(Decision.do) == 5
    assert decisions[-1] == Decision.do, "the hiring manager keeps a note"
    demoted = [action(plan, ActionKind.connection_request, i) for i in (4, 5)]
    assert all(a.decision == Decision.optional for a in demoted)
    assert all(rules_of(a)[-1] == "connect.note_budget" for a in demoted)


def test_premium_account_has_no_note_budget() -> None:
    plan = plan_for(_many(7, tier="premium"), EVENING)
    decisions = [action(plan, ActionKind.connection_request, i).decision for i in range(7)]
    assert decisions.count(Decision.do) == 7


def test_notes_sent_this_month_count_against_the_budget() -> None:
    data = BASE | {
        "interviewers": [
            {
                "name": f"Sent {i}",
                "relation": "team_member",
                "linkedin": {"status": "pending", "requested_on": "2026-11-02"},
            }
            for i in range(4)
        ]
        + [{"name": f"New {i}", "relation": "team_member"} for i in range(3)]
    }
    plan = plan_for(Notes.model_validate(data), EVENING)
    fresh = [action(plan, ActionKind.connection_request, i).decision for i in range(4, 7)]
    assert fresh.count(Decision.do) == 1


def test_budget_is_a_setting() -> None:
    plan = plan_for(_many(3), EVENING, Guidance(free_note_budget=2))
    decisions = [action(plan, ActionKind.connection_request, i).decision for i in range(3)]
    assert decisions.count(Decision.do) == 2


def test_windows_follow_the_settings() -> None:
    guidance = Guidance(email_within_hours=12, connect_after_hours=48, connect_within_hours=96)
    plan = plan_for(notes_from(), EVENING, guidance)
    assert action(plan, ActionKind.thank_you_email).not_after == END + 12 * H
    request = action(plan, ActionKind.connection_request)
    assert (request.not_before, request.not_after) == (END + 48 * H, END + 96 * H)


def test_every_decision_has_a_reason_from_the_rule_table() -> None:
    for overrides, person in [
        ({}, {}),
        ({"outcome": "rejected"}, {"rapport": "minimal"}),
        ({"culture": "formal"}, {"rapport": "minimal"}),
    ]:
        for entry in plan_for(notes_from(overrides, **person), EVENING).interviewers:
            for found in entry.actions:
                assert found.reasons
                assert set(rules_of(found)) <= set(PLANNER_RULES)


def test_interview_end_defaults_to_one_hour_after_start() -> None:
    notes = notes_from({"interview": {"start": "2026-11-20T14:00:00-05:00", "end": None}})
    email = action(plan_for(notes, EVENING), ActionKind.thank_you_email)
    assert email.not_before == datetime.fromisoformat("2026-11-20T15:00:00-05:00")
