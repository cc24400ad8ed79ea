"""Drafts that read where things stand (issue 14, the blind reader's classes of fault):
no word said twice in one short message, the offer or the feedback acknowledged, a
withdrawal that says why when the notes do, nothing offered that already happened (a
connection, a thank-you message), week words only on days they hold, and a follow-up
that adds a thought rather than repeating the note. Notes of our own, not the reader's."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import pytest

from writer.backends import OfflineBackend
from writer.drafting import draft_all
from writer.notes import Notes
from writer.planner import plan_for
from writer.text import echo_words

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|,\s+(?:and|but)\s+")
_SUBJECT_WORDS = re.compile(r"\b(?:role|position|team)\b", re.IGNORECASE)


def _notes(people: list[dict[str, Any]], **extra: Any) -> Notes:
    data: dict[str, Any] = {
        "candidate": {"name": "Ines Okoro"},
        "company": "Lanternfish Labs",
        "role": "Platform Engineer",
        "interview": {
            "start": "2026-05-05T10:00:00+01:00",  # a Tuesday
            "end": "2026-05-05T12:00:00+01:00",
            "stage": "final round",
            "went": "well",
        },
        "interviewers": people,
    }
    data.update(extra)
    return Notes.model_validate(data)


def _drafts(notes: Notes, now: str) -> dict[tuple[str, str], str]:
    moment = datetime.fromisoformat(now)
    result = draft_all(notes, plan_for(notes, moment), OfflineBackend())
    return {(d.interviewer, d.kind.value): d.text for d in result.drafts}


def _echoes(text: str) -> list[str]:
    """Content words said in two sentences of the body (greeting and sign-off aside)."""
    body = "\n".join(text.split("\n\n")[1:-1]) if "\n\n" in text else text.split(", ", 1)[1]
    seen: dict[str, int] = {}
    out = []
    for index, sentence in enumerate(_SENTENCE.split(_SUBJECT_WORDS.sub("", body))):
        for _, _, key in echo_words(sentence):
            if seen.setdefault(key, index) != index:
                out.append(key)
    return out


_PANEL = [
    {
        "name": "Bongani Dlamini",
        "relation": "hiring_manager",
        "rapport": "strong",
        "topics": ["the conversation design for the support bot", "chance to shadow on-call"],
    },
    {
        "name": "Yelena Sokolova",
        "relation": "team_member",
        "topics": ["glad paths through the billing service"],
    },
    {"name": "Tariq Haddad", "relation": "team_member", "topics": ["thanks-based culture"]},
]


@pytest.mark.parametrize("culture", ["casual", "neutral", "formal"])
@pytest.mark.parametrize("outcome", ["pending", "offer", "rejected"])
def test_no_short_message_says_a_word_twice(culture: str, outcome: str) -> None:
    # topics that themselves carry the template's words ('conversation', 'chance', 'glad',
    # 'thanks'): the frame around them must find other words
    notes = _notes(_PANEL, culture=culture, outcome=outcome)
    for (who, kind), text in _drafts(notes, "2026-05-05T13:00:00+01:00").items():
        if kind in ("thank_you_email", "connection_note", "follow_up_message"):
            assert not _echoes(text), (who, kind, text)


def test_after_an_offer_the_note_and_the_follow_up_speak_of_it() -> None:
    people: list[dict[str, Any]] = [
        {"name": "Mei Lin Tan", "greet_as": "Mei Lin", "relation": "hiring_manager",
         "topics": ["event sourcing for the ledger"]},
        {"name": "Rafael Souza", "relation": "team_member", "topics": ["chaos drills"],
         "linkedin": {"status": "accepted", "requested_on": "2026-05-06",
                      "accepted_on": "2026-05-08"}},
    ]  # fmt: skip
    notes = _notes(people, outcome="offer")
    drafts = _drafts(notes, "2026-05-08T12:00:00+01:00")
    assert "offer" in drafts[("Mei Lin Tan", "connection_note")]
    assert "offer" in drafts[("Rafael Souza", "follow_up_message")]


def test_feedback_given_is_thanked_for_and_not_asked_for_again() -> None:
    person = {
        "name": "Oluwaseun Bello",
        "greet_as": "Seun",
        "relation": "hiring_manager",
        "topics": ["the pricing experiments", "feedback was that my system design felt rushed"],
    }
    notes = _notes([person], outcome="rejected", outcome_on="2026-05-09")
    drafts = _drafts(notes, "2026-05-11T09:00:00+01:00")
    # the late thank-you is folded into the reply (outcome.one_message): one message to Seun
    assert ("Oluwaseun Bello", "thank_you_email") not in drafts
    reply = drafts[("Oluwaseun Bello", "rejection_reply")]
    assert "feedback" in reply, reply
    assert "rushed" not in reply  # thanks for it, never its sting
    assert "welcome any feedback" not in reply


def test_a_withdrawal_for_another_offer_says_so_kindly() -> None:
    people: list[dict[str, Any]] = [
        {"name": "Anneke de Vries", "relation": "hiring_manager",
         "topics": ["the tram timetable optimiser", "signed with the other offer friday"]},
    ]  # fmt: skip
    text = _drafts(_notes(people, outcome="withdrew"), "2026-05-06T09:00:00+01:00")[
        ("Anneke de Vries", "thank_you_email")
    ]
    found = r"\b(?:another offer|offer elsewhere|another role|role elsewhere)"
    assert re.search(found, text, re.IGNORECASE)
    assert "friday" not in text.casefold()


def test_a_withdrawal_without_a_reason_invents_none_and_assumes_nothing() -> None:
    people = [{"name": "Anneke de Vries", "relation": "hiring_manager", "topics": ["tram data"]}]
    text = _drafts(_notes(people, outcome="withdrew"), "2026-05-06T09:00:00+01:00")[
        ("Anneke de Vries", "thank_you_email")
    ]
    assert "withdr" in text or "step back" in text
    assert "offer" not in text and "As you know" not in text and "not an easy" not in text


def test_no_offer_to_connect_with_someone_already_connected() -> None:
    person = {
        "name": "Kaito Mori",
        "relation": "team_member",
        "rapport": "minimal",
        "topics": ["graph partitioning"],
        "linkedin": {
            "status": "accepted",
            "requested_on": "2026-05-06",
            "accepted_on": "2026-05-07",
        },
    }
    # the recruiter gets the offer reply, so Kaito's late email is not folded into it (after
    # a rejection a late email to a non-decider is not planned: email.late_after_decision)
    recruiter = {"name": "Sana Qureshi", "relation": "recruiter", "topics": ["the timeline"]}
    notes = _notes([person, recruiter], outcome="offer", outcome_on="2026-05-12")
    drafts = _drafts(notes, "2026-05-13T09:00:00+01:00")
    for (name, kind), text in drafts.items():
        if name == "Kaito Mori" and kind != "connection_note":
            assert not re.search(r"\b(?:glad|happy|like) to (?:keep|stay) in touch", text), text
    # the late email knows they have connected since
    assert re.search(r"\bconnect(?:ed)? on LinkedIn", drafts[("Kaito Mori", "thank_you_email")])


def test_a_follow_up_never_thanks_them_for_a_request_the_candidate_sent() -> None:
    people: list[dict[str, Any]] = [
        {"name": f"{first} Nakamura", "relation": "team_member", "topics": [topic],
         "linkedin": {"status": "accepted", "requested_on": "2026-05-06",
                      "accepted_on": "2026-05-07"}}
        for first, topic in [("Aiko", "queues"), ("Ren", "caches"), ("Sora", "indexes"),
                             ("Yuto", "schedulers"), ("Hana", "compilers")]
    ]  # fmt: skip
    for variant_now in ("2026-05-07T12:00:00+01:00", "2026-05-08T12:00:00+01:00"):
        for (_, kind), text in _drafts(_notes(people), variant_now).items():
            if kind == "follow_up_message":
                assert "adding me" not in text and "add me" not in text


def test_no_late_thank_you_email_after_a_linkedin_message() -> None:
    person = {
        "name": "Chiara Benedetti",
        "relation": "hiring_manager",
        "topics": ["feature flags"],
        "linkedin": {"status": "accepted", "requested_on": "2026-05-06",
                     "accepted_on": "2026-05-07", "messaged_on": "2026-05-08"},
    }  # fmt: skip
    notes = _notes([person])
    plan = plan_for(notes, datetime.fromisoformat("2026-05-12T09:00:00+01:00"))
    email = next(a for a in plan.interviewers[0].actions if a.kind.value == "thank_you_email")
    assert email.decision.value == "skip"
    assert email.reasons[0].rule == "email.after_message"
    assert "LinkedIn" in email.reasons[0].text


@pytest.mark.parametrize(
    ("now", "week_ok"),
    [("2026-05-09T10:00:00+01:00", False), ("2026-05-07T10:00:00+01:00", False)],
)
def test_no_week_wishes_on_a_day_they_do_not_hold(now: str, week_ok: bool) -> None:
    # Saturday and Thursday: 'best wishes for the week', 'a good week' read wrong
    people: list[dict[str, Any]] = [
        {"name": f"{first} Mensah", "relation": "team_member", "topics": [topic],
         "linkedin": {"status": "accepted", "requested_on": "2026-05-06",
                      "accepted_on": now[:10]}}
        for first, topic in [("Ama", "the ingest queue"), ("Kojo", "the query planner"),
                             ("Esi", "the cost dashboards"), ("Yaw", "the audit log")]
    ]  # fmt: skip
    for (who, kind), text in _drafts(_notes(people), now).items():
        if kind == "follow_up_message":
            rest = re.sub(r"rest of (?:the|your) week", "", text)
            whole_week = re.search(r"\bweek\b", rest)
            assert bool(whole_week) == week_ok, (who, text)


def test_a_follow_up_on_the_one_topic_says_what_it_showed_not_the_note_again() -> None:
    person = {
        "name": "Priyanka Chatterjee",
        "relation": "hiring_manager",
        "topics": ["the migration to event-driven billing"],
        "linkedin": {
            "status": "accepted",
            "requested_on": "2026-05-06",
            "accepted_on": "2026-05-08",
        },
    }
    notes = _notes([person])
    before = _notes([{**person, "linkedin": {"status": "none"}}])
    note = _drafts(before, "2026-05-06T12:00:00+01:00")[("Priyanka Chatterjee", "connection_note")]
    follow = _drafts(notes, "2026-05-08T12:00:00+01:00")[
        ("Priyanka Chatterjee", "follow_up_message")
    ]
    topic = "the migration to event-driven billing"
    note_line = next(s for s in re.split(r"(?<=\.)\s+", note) if topic in s)
    follow_line = next(s for s in re.split(r"(?<=\.)\s+", follow) if topic in s)
    assert note_line.replace(topic, "") != follow_line.replace(topic, "")
    # not "I've kept thinking about ..." (a thought with nothing in it): what the talk
    # showed of the team, or did for the candidate's interest in the role
    assert re.search(r"\b(?:team|role)\b", follow_line), follow_line
    assert not re.search(r"\b(?:thinking|thought|mulling)\b", follow_line), follow_line


@pytest.mark.parametrize(
    "jotted", ["we both did our masters at Glasgow", "we both did our bachelor's at Glasgow"]
)
def test_a_shared_degree_is_said_as_people_say_it(jotted: str) -> None:
    person = {"name": "Ruth Abebe", "relation": "hiring_manager", "topics": [jotted]}
    drafts = _drafts(_notes([person]), "2026-05-05T18:00:00+01:00")
    email = drafts[("Ruth Abebe", "thank_you_email")]
    assert "we both studied at Glasgow" in email
    assert "studied's" not in email and "did our" not in email


def test_a_status_email_never_recalls_what_the_colleagues_drafts_leave_out() -> None:
    people = [
        {
            "name": "Marta Kowalczyk",
            "relation": "hiring_manager",
            "topics": ['she said the last lead on this team "didn\'t last"'],
        },
        {"name": "Ade Bello", "relation": "recruiter", "topics": []},
    ]
    for text in _status_emails(_notes(people)):
        assert "last" not in text.split("\n\n", 1)[1].casefold(), text


def _status_emails(notes: Notes) -> list[str]:
    """The status emails drafted three days after a decision date that passed."""
    interview = notes.interview.model_copy(update={"decision_by": date(2026, 5, 12)})
    notes = notes.model_copy(update={"interview": interview})
    drafts = _drafts(notes, "2026-05-15T10:00:00+01:00")
    status = [text for (_, kind), text in drafts.items() if kind == "status_email"]
    assert status, "the decision date has passed: a status email is planned"
    return status


def test_a_status_email_never_names_a_colleague_by_a_name_the_reader_shares() -> None:
    people = [
        {"name": "Jo Okafor", "relation": "hiring_manager", "topics": []},
        {
            "name": "Dr. Ade Okafor",
            "relation": "team_member",
            "topics": ["the move from cron jobs to a proper scheduler"],
        },
    ]
    for culture in ("formal", "neutral"):
        for text in _status_emails(_notes(people, culture=culture)):
            body = text.split("\n\n", 1)[1]
            # 'my conversation with Ade' is fine; 'with Dr. Okafor', to Jo Okafor, is not
            assert "Okafor" not in body, text
