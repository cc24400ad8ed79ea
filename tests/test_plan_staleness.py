"""The plan knows how late it is: email.late, email.sent, a loop long past, and the warnings
for what it had to assume (a date-only start, a missing end)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.helpers import END, EVENING, notes_from
from writer.guidance import Guidance
from writer.plan import Action, ActionKind, Decision, Plan, Sent
from writer.planner import plan_for

H = timedelta(hours=1)
D = timedelta(days=1)
WINDOW_CLOSES = END + 24 * H


def email(plan: Plan) -> Action:
    found = plan.interviewers[0].action(ActionKind.thank_you_email)
    assert found is not None
    return found


def texts(plan: Plan) -> str:
    """Everything the plan says, reasons and warnings."""
    said = [r.text for p in plan.interviewers for a in p.actions for r in a.reasons]
    return "\n".join(said + [w.text for w in plan.warnings])


def test_more_than_three_days_late_is_optional_and_owns_the_delay() -> None:
    found = email(plan_for(notes_from(), WINDOW_CLOSES + 5 * D))
    assert found.decision == Decision.optional
    assert found.late is True
    assert (found.not_before, found.not_after) == (END, WINDOW_CLOSES)
    [late] = [r for r in found.reasons if r.rule == "email.late"]
    assert "closed 5 days ago" in late.text
    assert "own the delay in one clause" in late.text
    assert "send it now" not in texts(plan_for(notes_from(), WINDOW_CLOSES + 5 * D))


def test_under_three_days_late_stays_do_and_says_late_thanks_beat_none() -> None:
    found = email(plan_for(notes_from(), WINDOW_CLOSES + 40 * H))
    assert found.decision == Decision.do
    assert found.late is False
    assert (found.not_before, found.not_after) == (END, WINDOW_CLOSES)
    assert found.reasons[-1].rule == "email.within_24h"
    assert "closed 40 h ago" in found.reasons[-1].text
    assert "late thanks beat none" in found.reasons[-1].text


def test_the_three_days_are_a_setting_and_the_edge_is_exact() -> None:
    assert email(plan_for(notes_from(), WINDOW_CLOSES + 3 * D)).decision == Decision.do
    assert email(plan_for(notes_from(), WINDOW_CLOSES + 3 * D + H)).decision == Decision.optional
    patient = Guidance(email_late_after_days=7)
    assert email(plan_for(notes_from(), WINDOW_CLOSES + 5 * D, patient)).decision == Decision.do


@pytest.mark.parametrize("days", [10, 235])
def test_days_late_never_says_send_it_now_nor_counts_in_hours(days: int) -> None:
    plan = plan_for(notes_from(), END + days * D)
    said = texts(plan)
    assert "send it now" not in said
    assert " h ago" not in said  # "closed 5660 h ago" is no way to say it
    found = email(plan)
    assert found.decision == Decision.optional and found.late
    assert [r.rule for r in found.reasons][-1] == "email.late"


def test_a_loop_long_past_says_so_on_the_plan_and_its_actions() -> None:
    plan = plan_for(notes_from(), END + 235 * D)
    [warning] = plan.warnings
    assert warning.rule == "plan.long_past"
    assert "235 days ago" in warning.text and "long past" in warning.text
    assert "long past" in email(plan).reasons[-1].text
    request = plan.interviewers[0].action(ActionKind.connection_request)
    assert request is not None and request.decision == Decision.optional
    assert "The interview was 235 days ago" in request.reasons[-1].text
    assert plan_for(notes_from(), END + 10 * D).warnings == []  # late, not long past


def test_rejected_and_late_folds_into_the_rejection_reply_due_the_same_day() -> None:
    """The reply to the rejection thanks them already (outcome.one_message): the late email
    beside it is skipped, and the plan still says how late it was."""
    found = email(plan_for(notes_from({"outcome": "rejected"}), WINDOW_CLOSES + 6 * D))
    assert found.decision == Decision.skip and found.late
    assert {"email.always", "email.late", "outcome.one_message"} <= {r.rule for r in found.reasons}


def test_email_sent_on_in_the_notes_skips_the_email_citing_it() -> None:
    plan = plan_for(notes_from(email_sent_on="2026-11-21"), WINDOW_CLOSES + 5 * D)
    found = email(plan)
    assert found.decision == Decision.skip
    assert (found.not_before, found.not_after) == (None, None)
    [reason] = found.reasons
    assert reason.rule == "email.sent"
    assert "Sat 21 Nov" in reason.text and "email_sent_on" in reason.text


def test_the_ledgers_record_counts_the_same_as_email_sent_on() -> None:
    sent = [Sent("Acme Robotics", "Dana Lee", ActionKind.thank_you_email, EVENING)]
    found = email(plan_for(notes_from(), EVENING + 2 * H, sent=sent))
    assert found.decision == Decision.skip
    assert [r.rule for r in found.reasons] == ["email.sent"]
    assert "Fri 20 Nov" in found.reasons[0].text and "ledger" in found.reasons[0].text


def test_exact_notes_get_no_warnings() -> None:
    assert plan_for(notes_from(), EVENING).warnings == []


def test_a_date_only_start_is_a_warning_that_says_what_was_assumed() -> None:
    notes = notes_from({"interview": {"start": "2026-11-20", "end": None}})
    plan = plan_for(notes, notes.interview.start + 3 * H)
    rules = [w.rule for w in plan.warnings]
    assert rules == ["interview.date_only", "interview.no_end"]
    date_only, no_end = plan.warnings
    assert "09:00" in date_only.text and "this machine's time zone" in date_only.text
    assert "start: 2026-11-20T14:00:00" in date_only.text  # how to be exact
    assert "1 h" in no_end.text and "10:00" in no_end.text
    assert f"end: {(notes.interview.start + H).isoformat()}" in no_end.text


def test_a_missing_end_alone_is_a_warning_and_windows_count_from_start_plus_an_hour() -> None:
    notes = notes_from({"interview": {"end": None}})
    plan = plan_for(notes, EVENING)
    [warning] = plan.warnings
    assert warning.rule == "interview.no_end"
    assert "ended Fri 20 Nov 15:00" in warning.text
    assert email(plan).not_before == datetime.fromisoformat("2026-11-20T15:00:00-05:00")


def test_a_moment_without_an_offset_is_read_in_the_notes_offset() -> None:
    plan = plan_for(notes_from(), datetime(2026, 11, 20, 18, 0))
    assert plan.now == EVENING
    assert plan.now.utcoffset() == -5 * H
