"""After the outcome and while the process is open, the drafts a reader gets (issue 14,
the blind reader's second round): one message to a person on the day of the outcome
reply, a reply that thanks the right person and does not ask for what was given, nothing
that reads as accepting an offer still being weighed, no goodbye while the process is open,
no news asked of people who do not decide, and no fact told three times to one person.
Messy notes of our own, written the way candidates jot."""

from __future__ import annotations

import re
from datetime import datetime

from writer.backends import OfflineBackend
from writer.drafting import draft_all
from writer.loader import parse_notes
from writer.notes import Notes
from writer.plan import Plan
from writer.planner import plan_for

_OFFER_WEIGHING = """
candidate: {name: Tariq Haddad, signature: Tariq}
company: Bramble & Finch
role: iOS Engineer
interview:
  {start: 2026-10-06T10:00:00+02:00, end: 2026-10-06T13:00:00+02:00, stage: onsite, went: well}
culture: casual
outcome: offer
outcome_on: 2026-10-12
interviewers:
  - name: Noor Abbasi
    relation: hiring_manager
    rapport: strong
    topics:
      - swiftui rewrite of the checkout, half done
      - offered 78k (!!) - want a few days to think, other interview fri
"""

_REJECTED_PEER = """
candidate: {name: Ilse Brandt}
company: Kestrel Insurance
role: Pricing Analyst
interview: {start: 2026-10-01T14:00:00+01:00, end: 2026-10-01T15:30:00+01:00, stage: final}
outcome: rejected
outcome_on: 2026-10-12
interviewers:
  - name: Callum Reid
    relation: team_member
    rapport: minimal
    topics:
      - GLMs vs gradient boosting for motor pricing, he grilled me on it
    linkedin: {status: accepted, requested_on: 2026-10-02, accepted_on: 2026-10-03}
"""

_PENDING_PANEL = """
candidate: {name: Wanjiru Kamau}
company: Tidewater Energy
role: Data Platform Engineer
interview:
  {start: 2026-10-06T09:00:00-04:00, end: 2026-10-06T12:00:00-04:00, stage: panel, went: well}
interviewers:
  - name: Hollis Grant
    relation: hiring_manager
    rapport: strong
    topics:
      - dagster vs airflow, they went with dagster
  - name: Mirela Popescu
    relation: team_member
    rapport: some
    topics:
      - the smart meter ingest, 40M rows/day
  - name: Bao Tran
    relation: other
    title: UX Researcher
    rapport: some
    topics:
      - sat in for the last bit, asked abt how I'd test dashboards w/ ops staff
"""

_ONE_TOPIC = """
candidate: {name: Aoife Byrne}
company: Quillstone
role: QA Engineer
interview:
  {start: 2026-10-06T13:00:00+01:00, end: 2026-10-06T15:00:00+01:00, stage: panel, went: well}
interviewers:
  - name: Rémi Castel
    greet_as: Rémi
    relation: hiring_manager
    rapport: strong
    topics:
      - k6 vs locust for load tests, they picked k6
      - (ex-Deliveroo, don't mention)
    linkedin: {status: accepted, requested_on: 2026-10-07, accepted_on: 2026-10-08}
"""


def _plan_and_drafts(text: str, now: str) -> tuple[Plan, dict[tuple[str, str], str]]:
    notes: Notes = parse_notes(text.strip())
    plan = plan_for(notes, datetime.fromisoformat(now))
    result = draft_all(notes, plan, OfflineBackend())
    return plan, {(d.interviewer, d.kind.value): d.text for d in result.drafts}


def _decision(plan: Plan, name: str, kind: str) -> tuple[str, list[str]]:
    person = next(p for p in plan.interviewers if p.name == name)
    action = next(a for a in person.actions if a.kind.value == kind)
    return action.decision.value, [r.rule for r in action.reasons]


def test_a_late_thank_you_is_folded_into_the_offer_reply_and_the_plan_says_so() -> None:
    plan, drafts = _plan_and_drafts(_OFFER_WEIGHING, "2026-10-12T17:00:00+02:00")
    decision, rules = _decision(plan, "Noor Abbasi", "thank_you_email")
    assert decision == "skip" and "outcome.one_message" in rules
    assert [k for (n, k) in drafts if n == "Noor Abbasi" and k.endswith("email")] == []
    reply = drafts[("Noor Abbasi", "offer_reply")]
    assert reply.startswith("Hi Noor,")
    # still weighing it: nothing in the reply reads as a yes
    yes = r"excited about (?:this|what comes next)|next steps\.|work together"
    assert not re.search(yes, reply, re.IGNORECASE), reply
    assert "78" not in reply


def test_a_rejection_reply_to_a_team_member_neither_thanks_them_for_telling_nor_asks_feedback() -> (
    None
):
    plan, drafts = _plan_and_drafts(_REJECTED_PEER, "2026-10-12T10:00:00+01:00")
    decision, rules = _decision(plan, "Callum Reid", "follow_up_message")
    assert decision == "skip" and "outcome.one_message" in rules
    assert ("Callum Reid", "follow_up_message") not in drafts
    assert ("Callum Reid", "thank_you_email") not in drafts  # 11 days late: folded too
    reply = drafts[("Callum Reid", "rejection_reply")]
    assert not re.search(r"for (?:telling|letting) me", reply), reply
    assert "feedback" not in reply
    assert "grilled" not in reply


def test_while_pending_no_goodbye_and_no_news_asked_of_those_who_do_not_decide() -> None:
    _, drafts = _plan_and_drafts(_PENDING_PANEL, "2026-10-06T17:00:00-04:00")
    emails = {n: t for (n, k), t in drafts.items() if k == "thank_you_email"}
    assert set(emails) == {"Hollis Grant", "Mirela Popescu", "Bao Tran"}
    goodbye = r"paths cross|best wishes to you and the team|until next time"
    for name, text in emails.items():
        assert not re.search(goodbye, text, re.IGNORECASE), (name, text)
    news = r"hearing (?:from you|about (?:the )?next steps)|the next steps"
    for name in ("Mirela Popescu", "Bao Tran"):
        assert not re.search(news, emails[name], re.IGNORECASE), emails[name]


def test_one_topic_is_not_told_three_times_as_the_same_fact() -> None:
    _, drafts = _plan_and_drafts(_ONE_TOPIC, "2026-10-08T12:00:00+01:00")
    follow = drafts[("Rémi Castel", "follow_up_message")]
    # the follow-up names the topic (it must be specific) but says what it showed
    assert "k6" in follow
    assert not re.search(r"you picked k6|kept thinking|mulling", follow), follow
    assert re.search(r"\b(?:team|role)\b", follow), follow
    assert "Deliveroo" not in follow
