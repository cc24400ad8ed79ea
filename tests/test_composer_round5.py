"""Round 5 of reading the offline composer's drafts as their recipients (issue 14): each
test uses notes of our own that break the way the drafts read badly did."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest

from writer.backends import OfflineBackend
from writer.drafting import draft_all
from writer.notes import Notes
from writer.planner import plan_for
from writer.topics import analyse

_NOW = "2026-06-02T18:00:00+01:00"  # the evening of the interview (a Tuesday)


def _notes(people: list[dict[str, Any]], **extra: Any) -> Notes:
    data: dict[str, Any] = {
        "candidate": {"name": "Ayo Bankole"},
        "company": "Quarry Lane Analytics",
        "role": "Analytics Engineer",
        "interview": {
            "start": "2026-06-02T10:00:00+01:00",
            "end": "2026-06-02T12:00:00+01:00",
            "stage": "onsite",
        },
        "interviewers": people,
    }
    data.update(extra)
    return Notes.model_validate(data)


def _person(name: str, topics: list[str], **extra: Any) -> dict[str, Any]:
    return {"name": name, "relation": "team_member", "topics": topics, **extra}


def _drafts(notes: Notes, now: str = _NOW) -> dict[tuple[str, str], str]:
    moment = datetime.fromisoformat(now)
    result = draft_all(notes, plan_for(notes, moment), OfflineBackend())
    for draft in result.drafts:
        errors = [f for f in draft.report.findings if f.severity == "error"]
        assert not errors, f"{draft.interviewer} {draft.kind}: {errors}\n{draft.text}"
    return {(d.interviewer, d.kind.value): d.text for d in result.drafts}


def _later(drafts: dict[tuple[str, str], str], name: str) -> dict[str, str]:
    return {kind: text for (who, kind), text in drafts.items() if who == name}


def test_a_coincidence_is_told_once_then_named_in_passing() -> None:
    # one usable topic (the on-call remark is a figure, the aside is private): the email
    # tells it, the note and the follow-up only name it
    person = _person("Orla Keane", ["we both went to Trinity", "on-call is 1 wk in 5 (tired)"])
    texts = _later(_drafts(_notes([person])), "Orla Keane")
    assert "we both went to Trinity" in texts["thank_you_email"]
    for kind in ("connection_note", "follow_up_message"):
        assert "Trinity" in texts[kind]
        assert "we both went" not in texts[kind], texts[kind]


def test_the_follow_up_leads_with_the_topic_the_reader_heard_least() -> None:
    # the email says both, the note the first again: the follow-up takes the second
    topics = ["the loyalty app relaunch for the bakery chain", "briefing, editing, reporting"]
    texts = _later(_drafts(_notes([_person("Priti Shah", topics)])), "Priti Shah")
    assert "loyalty app relaunch" in texts["connection_note"]
    assert "loyalty app" not in texts["follow_up_message"], texts["follow_up_message"]
    assert "briefing, editing and reporting" in texts["follow_up_message"]


def test_a_third_mention_of_one_topic_names_it_by_its_head() -> None:
    person = _person("Tomasz Wrona", ["the warehouse slotting model for the Leeds depot"])
    texts = _later(_drafts(_notes([person])), "Tomasz Wrona")
    assert "for the Leeds depot" in texts["thank_you_email"]
    assert "the warehouse slotting model" in texts["follow_up_message"]
    assert "Leeds depot" not in texts["follow_up_message"], texts["follow_up_message"]


@pytest.mark.parametrize(
    ("topic", "said", "never"),
    [
        ("the churn dashboard thing", "the churn dashboard", "dashboards"),
        ("the pricing page thing", "the pricing page", "pages"),
    ],
)
def test_the_x_thing_keeps_its_number(topic: str, said: str, never: str) -> None:
    texts = _drafts(_notes([_person("Dev Malhotra", [topic])]))
    assert all(never not in t for t in texts.values())
    assert any(said in t for t in texts.values())


def test_a_bare_noun_topic_gets_no_invented_approach() -> None:
    people = [_person(f"Sam {last}", ["lineage tracking"]) for last in ("Ueda", "Brandt", "Okoro")]
    texts = _drafts(_notes(people, culture="neutral"))
    for text in texts.values():
        assert not re.search(r"how you approach|your take on|your account of", text), text


@pytest.mark.parametrize(
    ("topic", "clause"),
    [
        ("we both grew up in galway originally", "we both grew up in Galway originally"),
        ("we both lived in boston last year", "we both lived in Boston last year"),
    ],
)
def test_a_place_name_ends_where_the_place_does(topic: str, clause: str) -> None:
    assert [f.clause for f in analyse((topic,)).usable] == [clause]


@pytest.mark.parametrize(
    "topic",
    ["she and I both rowed at uni", "both of us rowed at uni", "turns out we both rowed at uni"],
)
def test_shared_ground_is_said_as_we_both(topic: str) -> None:
    found = analyse((topic,))
    assert [(f.kind.value, f.clause) for f in found.usable] == [
        ("common_ground", "we both rowed at university")
    ]


def test_the_readers_own_story_is_never_how_or_their_point() -> None:
    people = [
        _person("Lena Park", ["grew up in seattle washington", "dbt model tests"]),
        _person("Joe Ruiz", ["he used to teach maths in Cork before this", "Looker"]),
    ]
    texts = _drafts(_notes(people, culture="neutral"))
    for text in texts.values():
        assert not re.search(r"how you (?:grew|used)|point that you|the grew up", text), text
    assert any("you grew up in Seattle" in t for t in texts.values())


def test_a_list_of_jotted_verbs_is_said_as_what_is_done() -> None:
    person = _person("Nia Evans", ["recruit, train and retain HCAs"])
    texts = _drafts(_notes([person]))
    assert any("recruiting, training and retaining HCAs" in t for t in texts.values())
    assert all("the recruit" not in t and "and train and" not in t for t in texts.values())


def test_an_acronym_after_its_words_is_said_once() -> None:
    person = _person("Mrs. Ruth Adeyinka", ["support for international educated nurses IENs"])
    texts = _drafts(_notes([person], culture="formal"))
    assert any("international educated nurses" in t for t in texts.values())
    assert all("IENs" not in t and "how support" not in t for t in texts.values())


def test_an_empty_topic_list_names_the_stage_and_the_role_not_a_view() -> None:
    person = _person(
        "Gus Lindqvist", [], linkedin={"status": "accepted", "accepted_on": "2026-06-03"}
    )
    texts = _later(_drafts(_notes([person]), "2026-06-03T12:00:00+01:00"), "Gus Lindqvist")
    follow = texts["follow_up_message"]
    assert "your view of" not in follow
    assert "Analytics Engineer role" in follow


def test_a_groan_in_brackets_keeps_its_topic_out_of_every_message() -> None:
    person = _person("Ama Owusu", ["client travel is 4 days a week (ugh)", "dbt macros"])
    texts = _drafts(_notes([person]))
    assert all("travel" not in t for t in texts.values())


def test_benefits_are_never_recalled() -> None:
    person = _person("Rui Costa", ["relocation package (she was vague)", "Airflow DAG reviews"])
    texts = _drafts(_notes([person]))
    assert all("relocation" not in t for t in texts.values())


def test_no_late_thank_you_after_a_rejection_to_someone_who_did_not_decide() -> None:
    people = [
        {"name": "Hana Sato", "relation": "hiring_manager", "topics": ["query cost budgets"]},
        _person("Felix Brandt", ["we both went to TU Munich"], rapport="strong"),
    ]
    notes = _notes(people, outcome="rejected", outcome_on="2026-06-09")
    plan = plan_for(notes, datetime.fromisoformat("2026-06-10T10:00:00+01:00"))
    felix = next(p for p in plan.interviewers if p.name == "Felix Brandt")
    email = next(a for a in felix.actions if a.kind.value == "thank_you_email")
    assert email.decision.value == "skip"
    assert "email.late_after_decision" in {r.rule for r in email.reasons}
    assert not any("still gracious" in r.text for r in email.reasons)


def test_what_the_role_needs_is_a_subject_not_a_hope() -> None:
    found = analyse(("wants someone who can run the month-end close alone",))
    assert [f.noun for f in found.usable] == [
        "the need for someone who can run the month-end close alone"
    ]


def test_a_coincidence_heard_before_is_named_by_its_place() -> None:
    # 'CS' is what they studied, 'Warwick' where: the passing mention names the place
    person = _person("Ines Duarte", ["we both did CS at Warwick"])
    texts = _later(_drafts(_notes([person])), "Ines Duarte")
    assert "Warwick" in texts["follow_up_message"]
    assert "CS came up" not in texts["follow_up_message"]
