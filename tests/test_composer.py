"""The offline composer's drafts are good enough to send: checked, specific, within limits."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import strategies
from tests.helpers import EVENING, EXAMPLES, notes_from
from writer.backends import OfflineBackend
from writer.backends.offline.phrasing import shorten, topic_phrase
from writer.drafting import DraftSet, draft_all
from writer.loader import load_notes
from writer.notes import Notes
from writer.planner import plan_for


def drafts_for(notes: Notes, now: datetime = EVENING, variants: int = 1) -> DraftSet:
    return draft_all(notes, plan_for(notes, now), OfflineBackend(), variants=variants)


def assert_sendable(result: DraftSet, notes: Notes) -> None:
    for draft in result.drafts:
        errors = [f for f in draft.report.findings if f.severity == "error"]
        assert not errors, f"{draft.interviewer} {draft.kind}: {errors}\n{draft.text}"
        if draft.kind == "connection_note":
            assert len(draft.text) <= (300 if notes.tier == "premium" else 200)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_draft_with_no_error_finding(path: object) -> None:
    notes = load_notes(str(path))
    for hours in (2, 30, 60):
        from datetime import timedelta

        result = drafts_for(notes, notes.interview.ends + timedelta(hours=hours))
        assert result.drafts
        assert_sendable(result, notes)


# 30 here keeps the default run quick (each example drafts a whole panel); test_fuzz.py runs
# the composer on 10,000 (slow, which CI runs).
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_notes_draft_with_no_error_finding(data: st.DataObject) -> None:
    notes = data.draw(strategies.notes())
    now = data.draw(strategies.moments(notes.interview.ends))
    assert_sendable(drafts_for(notes, now), notes)


def test_email_greets_thanks_mentions_topic_and_signs() -> None:
    notes = notes_from({"candidate": {"signature": "Alex Kim\nalex@example.com"}})
    email = next(d for d in drafts_for(notes).drafts if d.kind == "thank_you_email")
    assert email.text.startswith("Hi Dana,\n")
    assert "thank" in email.text.casefold() and "Kafka" in email.text
    assert "Senior Backend Engineer" in email.text and "Acme Robotics" in email.text
    assert email.text.endswith("Alex Kim\nalex@example.com")
    assert email.subject and "Senior Backend Engineer" in email.subject
    assert 50 <= email.report.words <= 200


def test_same_notes_give_the_same_drafts() -> None:
    notes = load_notes(str(EXAMPLES[0]))
    first = drafts_for(notes).to_json()
    assert drafts_for(notes).to_json() == first


def test_interviewers_of_one_file_get_different_phrasing() -> None:
    people = [
        {"name": n, "relation": "team_member", "topics": ["Kafka migrations"]}
        for n in ("Dana Lee", "Priya Raman", "Marcus Chen")
    ]
    result = drafts_for(notes_from({"interviewers": people}))
    for kind in ("thank_you_email", "connection_note"):
        texts = [d.text.split(",", 1)[1] for d in result.drafts if d.kind == kind]
        assert len(set(texts)) == 3, kind
    assert not [f for d in result.drafts for f in d.report.findings if f.rule == "distinct.across"]


@pytest.mark.parametrize("linkedin", [{}, {"status": "accepted", "accepted_on": "2026-11-22"}])
def test_a_panel_of_eight_gets_eight_different_notes_and_messages(
    linkedin: dict[str, str],
) -> None:
    names = ["Dana Lee", "Priya Raman", "Marcus Chen", "Dev Patel", "Eva Novak", "Femi Ade"]
    people = [
        {"name": n, "relation": "team_member", "topics": ["Kafka"], "linkedin": linkedin}
        for n in [*names, "Gus Larsen", "Hana Sato"]
    ]
    overrides = {"interviewers": people, "candidate": {"linkedin_tier": "premium"}}
    notes = notes_from(overrides)
    now = datetime.fromisoformat("2026-11-22T12:00:00-05:00")
    kind = "follow_up_message" if linkedin else "connection_note"
    texts = [d.text.split(",", 1)[1] for d in drafts_for(notes, now).drafts if d.kind == kind]
    assert len(texts) == 8 and len(set(texts)) == 8
    warned = [f for d in drafts_for(notes, now).drafts for f in d.report.findings]
    assert not [f for f in warned if f.rule == "distinct.across"]


def test_another_variant_on_request() -> None:
    result = drafts_for(notes_from(), variants=3)
    notes_ = [d for d in result.drafts if d.kind == "connection_note"]
    assert len(notes_) == 3 and len({d.text for d in notes_}) == 3
    assert [d.variant for d in notes_] == [0, 1, 2]
    ranks = [d.rank()[:2] for d in notes_]
    assert ranks == sorted(ranks)


def test_long_topic_is_shortened_at_a_boundary_and_still_fits() -> None:
    topic = (
        "how the team rebuilt the stress-testing framework after the 2023 audit, which "
        "meant rewriting every scenario generator, migrating the historical data and "
        "retraining the analysts who run the quarterly reviews"
    )
    result = drafts_for(notes_from(topics=[topic]))
    note = next(d for d in result.drafts if d.kind == "connection_note")
    assert note.ok and len(note.text) <= 200
    assert "stress-testing framework" in note.text
    assert "retraining the analysts" not in note.text


@pytest.mark.parametrize(
    ("topic", "limit", "expected"),
    [
        (
            "the trade-offs of event sourcing, which we argued about",
            40,
            "the trade-offs of event sourcing",
        ),
        ("scaling the search index to a billion documents", 30, "scaling the search index"),
        ("Migrating the pipeline to Kafka", None, "migrating the pipeline to Kafka"),
        ("Kafka Streams in production", None, "Kafka Streams in production"),
        ("her move from consulting into product.", None, "your move from consulting into product"),
        ("She showed me the new design system", None, "how you showed me the new design system"),
    ],
)
def test_topic_phrases(topic: str, limit: int | None, expected: str) -> None:
    assert topic_phrase(topic, limit) == expected


def test_shorten_never_ends_on_a_dangling_word() -> None:
    assert shorten("the migration of the telemetry pipeline to Kafka", 27) == ("the migration")


def test_formal_email_to_a_doctor_uses_the_title() -> None:
    notes = notes_from({"culture": "formal"}, name="Dr. Helen Whitaker")
    email = next(d for d in drafts_for(notes).drafts if d.kind == "thank_you_email")
    assert email.text.startswith("Dear Dr. Whitaker,")
    assert "Kind regards," in email.text


def test_names_with_accents_and_apostrophes_are_kept_exactly() -> None:
    notes = notes_from(name="Zoë O'Brien-Ødegaard")
    for draft in drafts_for(notes).drafts:
        assert "Zoë" in draft.text.split("\n")[0]
        assert draft.ok


def test_no_topics_still_sendable() -> None:
    assert_sendable(drafts_for(notes_from(topics=[])), notes_from(topics=[]))


def test_rejection_email_is_gracious_not_hopeful() -> None:
    notes = notes_from({"outcome": "rejected"})
    email = next(d for d in drafts_for(notes).drafts if d.kind == "thank_you_email")
    assert "stay in touch" in email.text
    assert "next steps" not in email.text


def test_premium_notes_may_use_more_room() -> None:
    topic = (
        "the trade-offs of event sourcing for robot state and how the team replays "
        "events after an outage in the warehouse"
    )
    free = drafts_for(notes_from(topics=[topic]))
    premium = drafts_for(notes_from({"candidate": {"linkedin_tier": "premium"}}, topics=[topic]))
    note_free = next(d for d in free.drafts if d.kind == "connection_note")
    note_premium = next(d for d in premium.drafts if d.kind == "connection_note")
    assert len(note_free.text) <= 200 < len(note_premium.text) <= 300
