"""How one reader's messages fit together and how each reads as a whole (issue 14, the
reader's classes): a later message recalls a topic no earlier one did, or points back
briefly, or says less; no email runs three sentences on 'I'; the status email reads in the
culture's register. Notes of our own, jotted the way candidates jot."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest

from writer.backends.offline.composer import compose, longest_i_run
from writer.notes import Notes

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _notes(people: list[dict[str, Any]], **extra: Any) -> Notes:
    data: dict[str, Any] = {
        "candidate": {"name": "Ifeoma Chukwu"},
        "company": "Saltmarsh Analytics",
        "role": "Data Engineer",
        "interview": {
            "start": "2026-06-02T10:00:00+01:00",  # a Tuesday
            "end": "2026-06-02T12:00:00+01:00",
            "stage": "onsite",
        },
        "interviewers": people,
    }
    data.update(extra)
    return Notes.model_validate(data)


def _person(name: str, topics: list[str], **extra: Any) -> dict[str, Any]:
    return {"name": name, "relation": "hiring_manager", "topics": topics, **extra}


def _text(notes: Notes, kind: str, now: datetime, who: int = 0) -> str:
    return compose(notes, notes.interviewers[who], kind, now)[0].text


_MARKERS = {
    "airflow": "the airflow to dagster move",
    "contracts": "she thinks data contracts fix most breakages",
    "galway": "we both did our masters in Galway",
    "dbt": "my dbt testing writeup",
}


def _recalled(text: str) -> set[str]:
    return {key for key in _MARKERS if key in text.casefold()}


def test_each_later_message_recalls_a_topic_no_earlier_one_did() -> None:
    accepted = {"status": "accepted", "requested_on": "2026-06-03", "accepted_on": "2026-06-04"}
    notes = _notes([_person("Orla Byrne", list(_MARKERS.values()), linkedin=accepted)])
    at = notes.interview.start
    email = _text(notes, "thank_you_email", at)
    note = _text(notes, "connection_note", at + timedelta(days=1))
    follow = _text(notes, "follow_up_message", at + timedelta(days=3))
    status = _text(notes, "status_email", at + timedelta(days=14))
    seen = _recalled(email)
    assert seen, email
    for later in (note, follow):
        mine = _recalled(later)
        # one new topic, none of those the reader already heard
        assert mine and not mine & seen, (seen, later)
        seen |= mine
    # four topics, all used by the email, the note and the follow-up: the check-in points
    # back to one inside its interest line, never in a sentence of its own
    for sentence in _SENTENCE.split(status):
        if _recalled(sentence):
            assert "not least after" in sentence, status


def test_the_status_email_recalls_what_no_earlier_message_did() -> None:
    topics = [
        "the airflow to dagster move",
        "backfills take a whole weekend rn",
        "how the team splits on-call with platform",
        "their plan to move the warehouse to iceberg",
    ]
    notes = _notes([_person("Orla Byrne", topics)])
    at = notes.interview.start
    said = " ".join(
        _text(notes, kind, at + timedelta(days=day))
        for kind, day in (("thank_you_email", 0), ("connection_note", 1))
    ).casefold()
    status = _text(notes, "status_email", at + timedelta(days=14))
    body = " ".join(status.split("\n\n")[1:-1])
    recalled = [s for s in _SENTENCE.split(body) if "thinking" in s or "reflect" in s]
    for sentence in recalled:
        words = set(re.findall(r"[a-z]{5,}", sentence.casefold())) - {"thinking", "about"}
        assert not {w for w in words if w in said} - {"conversation", "since"}, sentence


def test_one_topic_is_pointed_back_to_in_the_note_not_restated() -> None:
    notes = _notes([_person("Tadhg Ó Súilleabháin", ["the kafka consumer lag dashboards"])])
    at = notes.interview.start
    email = _text(notes, "thank_you_email", at)
    note = _text(notes, "connection_note", at + timedelta(days=1))
    assert "consumer lag dashboards" in email and "consumer lag dashboards" in note
    # the note names it inside the sentence that thanks, not in a sentence of its own
    thanks = next(s for s in _SENTENCE.split(note) if "dashboards" in s)
    assert re.search(r"\bthank", thanks, re.IGNORECASE), note
    # and the status email, weeks later, points back to it in a clause, not a sentence
    status = _text(notes, "status_email", at + timedelta(days=14))
    recalled = [s for s in _SENTENCE.split(status) if "dashboards" in s]
    assert len(recalled) == 1 and "not least after" in recalled[0], status


def test_a_reply_after_the_email_went_recalls_something_new() -> None:
    topics = ["the airflow to dagster move", "their plan to move the warehouse to iceberg"]
    notes = _notes([_person("Orla Byrne", topics, email_sent_on="2026-06-02")], outcome="offer")
    at = notes.interview.start
    email = _text(notes, "thank_you_email", at)
    reply = _text(notes, "offer_reply", at + timedelta(days=6))
    for topic in ("dagster", "iceberg"):
        assert not (topic in email.casefold() and topic in reply.casefold()), (email, reply)


_PANEL = [
    ("Dr. Amara Nwosu", ["the sepsis alert pilot", "she rates the new triage app"]),
    ("Wen Jie Lim", ["bed flow on the acute wards"]),
    ("Ms. Rosalind Achterberg", []),
    ("Kofi Boateng", ["my handover audit", "we both worked in Kumasi"]),
    ("Mx. Sam Reyes", ["rota gaps over the summer"]),
    ("Ngozi Eze", ["(seemed rushed)"]),
]


_RELATIONS = ["hiring_manager", "team_member", "hr_coordinator", "team_member", "other"]


@pytest.mark.parametrize("culture", ["casual", "neutral", "formal"])
@pytest.mark.parametrize("outcome", ["pending", "offer", "rejected", "withdrew"])
def test_emails_rarely_run_three_sentences_on_i(culture: str, outcome: str) -> None:
    """Three sentences in a row on 'I' read as a list of the writer's feelings. On a panel
    of three none does; on a panel of six, where the banks' spare lines run short, at most
    one (the branch base let two through on some panels)."""
    people = [
        {"name": name, "relation": rel, "topics": topics}
        for (name, topics), rel in zip(_PANEL, [*_RELATIONS, "recruiter"], strict=True)
    ]
    for size, most in ((3, 0), (6, 1)):
        notes = _notes(
            people[:size], culture=culture, outcome=outcome, company="Harbourside NHS Trust"
        )
        texts = [_text(notes, "thank_you_email", notes.interview.start, w) for w in range(size)]
        assert sum(longest_i_run(t) >= 3 for t in texts) <= most, texts


def test_a_clean_work_subject_reaches_every_email_of_a_panel() -> None:
    subjects = ["the ledger reconciliation rewrite", "moving payroll onto workday", "SOX controls"]
    notes = _notes([_person(f"Person {c}", [s]) for c, s in zip("ABC", subjects, strict=True)])
    for who, subject in enumerate(subjects):
        text = _text(notes, "thank_you_email", notes.interview.start, who)
        assert subject.split()[-1].casefold() in text.casefold(), text


def test_a_start_up_and_a_bank_check_in_in_their_own_words() -> None:
    def status(culture: str, company: str) -> str:
        notes = _notes(
            [_person("Orla Byrne", ["the airflow to dagster move"])],
            culture=culture,
            company=company,
        )
        return _text(notes, "status_email", notes.interview.start + timedelta(days=14))

    casual, formal = status("casual", "Fizzbit"), status("formal", "Gresham Mercantile Bank")

    def body(text: str) -> set[str]:
        return {s for p in text.split("\n\n")[1:-1] for s in _SENTENCE.split(p)}

    assert not body(casual) & body(formal), (casual, formal)
    assert "I am" in formal and "I am" not in casual
    for text in (casual, formal):
        assert longest_i_run(text) < 3, text


def test_a_view_cut_before_its_verb_is_said_as_its_subject() -> None:
    notes = _notes(
        [
            _person(
                "Orla Byrne", ["the airflow to dagster move", "her view that lineage is overrated"]
            )
        ]
    )
    text = _text(notes, "thank_you_email", notes.interview.start)
    assert not re.search(r"view that [\w ]+\.", text) or "is overrated" in text, text


def test_a_food_bank_is_not_called_the_bank() -> None:
    notes = _notes(
        [_person("Bisi Adeyemi", ["getting more corporate volunteers"])],
        company="Eastgate Food Bank",
    )
    at = notes.interview.start
    for kind, day in (("thank_you_email", 0), ("follow_up_message", 3), ("status_email", 14)):
        text = _text(notes, kind, at + timedelta(days=day))
        assert "the bank" not in text, text
