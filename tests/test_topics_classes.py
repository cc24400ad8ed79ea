"""The classes of failure blind readers quoted from offline drafts, each with phrases of our
own: broken fragments, frank remarks quoted back, logistics voiced as topics, secrets and
self-criticism, and content invented where the notes give nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from writer.backends.offline.composer import compose
from writer.loader import load_notes
from writer.notes import Interviewer, Notes
from writer.topics import Kind, topics_for

OWN_NOTES = Path(__file__).parent / "data" / "own-messy"
KINDS = ("thank_you_email", "connection_note", "follow_up_message")


def _set(*topics: str, notes: str | None = None) -> Any:
    return topics_for(Interviewer(name="Rosa Lindqvist", topics=list(topics), notes=notes))


def _drafts(*topics: str, relation: str = "team_member") -> list[str]:
    notes = Notes.model_validate(
        {
            "candidate": {"name": "Ade Bello"},
            "company": "Kestrel Freight",
            "role": "Data Engineer",
            "interview": {
                "start": "2026-05-12T10:00:00+00:00",
                "end": "2026-05-12T11:00:00+00:00",
            },
            "interviewers": [{"name": "Rosa Lindqvist", "relation": relation, "topics": topics}],
        }
    )
    person = notes.interviewers[0]
    end = notes.interview.end or notes.interview.start
    return [compose(notes, person, kind, end)[0].text for kind in KINDS]


# -- fragments that cannot be said as jotted are re-framed or dropped ----------------------


@pytest.mark.parametrize(
    ("topic", "noun"),
    [
        # a wh-word with no verb to lead: the gerund names the subject
        ("how warehouse pickers batching", "the batching of warehouse pickers"),
        # a progress report tacked on to the subject
        ("the helm chart cleanup and 80% done", "the Helm chart cleanup"),
        ("ledger service rewrite, mostly finished", "ledger service rewrite"),
        ("the tablet rollout which is partly done", "the tablet rollout"),
        # a vague lead-in before the subject
        ("stuff about the returns portal", "the returns portal"),
        ("the thing with the label printers", "the label printers"),
    ],
)
def test_a_broken_fragment_is_reframed_as_a_noun(topic: str, noun: str) -> None:
    assert [f.noun for f in _set(topic).usable] == [noun]


def test_a_verbless_statement_gets_its_is_back() -> None:
    [fragment] = _set("ward rounds now on tablets").usable
    assert fragment.clause == "the ward rounds are now on tablets"
    assert fragment.noun is None  # 'how the rounds are ...' would not read
    # a trouble of theirs is named as the work, never recalled as news to be glad of
    [problem] = _set("invoice matching still by hand").usable
    assert (problem.noun, problem.clause) == ("the invoice matching", None)


def test_it_is_spelled_out_from_the_fragment_it_stands_for() -> None:
    [fragment] = _set("Solvency II reporting, we both worked on it at a previous job").usable
    assert fragment.kind == Kind.common_ground
    assert fragment.clause == "we both worked on Solvency II reporting at a previous job"
    [wish] = _set("the intake form, she wants it ready by june").usable
    assert wish.noun == "your plan to have the intake form ready by June"


@pytest.mark.parametrize("topic", ["he asked why kestrel", "it was fun", "this came up twice"])
def test_a_fragment_with_nothing_to_say_is_dropped(topic: str) -> None:
    found = _set(topic)
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == ["can't be said well"]


def test_an_arrow_after_moving_off_points_to_the_destination() -> None:
    [fragment] = _set("they're moving off mysql -> aurora this yr").usable
    # a plan of theirs is named as the work, never 'I was glad to learn that you're ...'
    assert fragment.noun == "moving off MySQL to Aurora this year"
    assert fragment.clause is None


# -- frank remarks: never quoted back, at most their neutral subject ----------------------


@pytest.mark.parametrize(
    "topic",
    [
        "the billing cron is held together w/ duct tape",
        "support rota is pretty much just him",
        "ops team is short-staffed and everyone's burnt out",
        "he admitted the roadmap keeps slipping",
        "she said sign-ups dropped since the redesign",
    ],
)
def test_a_candid_admission_is_never_echoed(topic: str) -> None:
    found = _set(topic)
    said = " ".join(found.texts()).casefold()
    for word in ("tape", "just", "burnt", "short-staffed", "slipping", "dropped"):
        assert word not in said
    assert any("a candid remark" in o.reason for o in found.left_out)


def test_a_candid_admission_keeps_its_work_subject_neutral() -> None:
    found = _set("she said the pharmacy integration is way behind")
    assert [(f.kind, f.noun) for f in found.usable] == [(Kind.subject, "the pharmacy integration")]
    [left] = found.left_out
    assert left.reason == "a candid remark; said only as 'the pharmacy integration'"


def test_the_candidates_judgement_is_dropped_with_its_topic() -> None:
    found = _set("their release checklist, what a shambles", "their jira board is a disaster")
    assert found.usable == ()
    assert {o.reason for o in found.left_out} <= {"negative", "a candid remark"}


def test_a_bracketed_remark_about_the_person_leaves_the_topic_usable() -> None:
    found = _set("tuning the spark jobs (she looked distracted)")
    assert [f.noun for f in found.usable] == ["tuning the Spark jobs"]


# -- logistics are not topics; what the interviewer did for you is thanked ----------------


@pytest.mark.parametrize(
    "topic",
    [
        "offers will go out mid-jan",
        "she'll email the panel feedback",
        "reimbursing my parking",
        "handed me a lunch voucher",
        "results within 10 days",
    ],
)
def test_logistics_are_never_a_topic(topic: str) -> None:
    found = _set(topic)
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == ["logistics"]


def test_a_step_to_come_is_kept_for_the_close() -> None:
    [fragment] = _set("final round w/ the COO").usable
    assert (fragment.kind, fragment.noun) == (Kind.logistics, "the final round with the COO")


def test_a_favour_is_thanked_for_not_heard_about() -> None:
    [fragment] = _set("she arranged a visitor pass at the gate, so kind").usable
    assert fragment.sentence == "Thank you for arranging a visitor pass at the gate."
    email, note, _ = _drafts(
        "she arranged a visitor pass at the gate, so kind", relation="hr_coordinator"
    )
    assert "for arranging a visitor pass at the gate" in email
    assert "for arranging a visitor pass at the gate" in note
    assert "hear" not in email.split("visitor pass")[0].rsplit(".", 1)[-1]


# -- secrets and self-criticism are never repeated -----------------------------------------


@pytest.mark.parametrize(
    ("topic", "gone"),
    [
        ("spinning out the analytics unit (keep this quiet)", "analytics"),
        ("new warehouse in Leeds - not announced yet", "warehouse"),
        ("series A closing next month, please dont repeat", "series"),
        ("fleet revenue is 60% of turnover", "60%"),
    ],
)
def test_a_confidence_takes_its_topic_with_it(topic: str, gone: str) -> None:
    found = _set(topic)
    assert gone.casefold() not in " ".join(found.texts()).casefold()
    assert any(o.reason.startswith("said in confidence") for o in found.left_out)


@pytest.mark.parametrize(
    "topic",
    [
        "I ran out of time on the dedupe question",
        "my design answer was a bit thin",
        "took way too long on the regex part",
        "misread the brief for the case study",
    ],
)
def test_self_criticism_is_never_repeated(topic: str) -> None:
    found = _set(topic)
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == ["self-critical"]


@pytest.mark.parametrize(
    "topic",
    [
        "he didn't respond when i brought up remote days",
        "she barely reacted to my portfolio",
        "no reaction when I mentioned the gap year",
        "(they never smiled once)",
    ],
)
def test_how_the_reader_reacted_is_never_a_topic(topic: str) -> None:
    found = _set(topic)
    assert found.usable == ()
    for kind_text in _drafts("the returns portal rebuild", topic):
        assert "react" not in kind_text.casefold() and "respond" not in kind_text.casefold()
        assert "smiled" not in kind_text and "returns portal" in kind_text


@pytest.mark.parametrize(
    "topic",
    ["video kept freezing on my end", "zoom audio cut out halfway", "(the line dropped once)"],
)
def test_a_mishap_of_the_call_is_never_a_topic(topic: str) -> None:
    assert _set(topic).usable == ()
    for text in _drafts("the returns portal rebuild", topic):
        assert "freez" not in text and "cut out" not in text and "dropped" not in text


def test_a_confidence_in_a_long_ramble_leaves_the_rest() -> None:
    found = _set(
        "how they rebuilt the routing engine in rust over the summer, "
        "and maybe an IPO in 2028 but off the record"
    )
    assert [f.noun for f in found.usable] == [
        "how you rebuilt the routing engine in Rust over the summer"
    ]
    assert [o.reason for o in found.left_out] == ["said in confidence"]


# -- nothing invented where the notes give nothing -----------------------------------------


def test_a_bracketed_remark_about_the_person_is_not_a_topic() -> None:
    found = _set("(she arrived late)", "(he had a cold)")
    assert found.usable == ()
    for draft in _drafts("(she arrived late)"):
        assert "late" not in draft


def test_an_interviewer_with_nothing_usable_gets_an_honest_short_message() -> None:
    email, note, follow_up = _drafts("idk", "(they were on mute a lot)", "comp band 90-100k")
    for draft in (email, note, follow_up):
        assert "mute" not in draft and "band" not in draft
    assert "Data Engineer role" in email


@pytest.mark.parametrize("path", sorted(OWN_NOTES.glob("*.yaml")), ids=lambda p: p.stem)
def test_own_messy_notes_never_leak_what_they_left_out(path: Path) -> None:
    notes = load_notes(path)
    for person in notes.interviewers:
        found = topics_for(person)
        end = notes.interview.end or notes.interview.start
        texts = [compose(notes, person, kind, end)[0].text for kind in KINDS]
        for left in found.left_out:
            if "said only as" in left.reason:
                continue
            jotted = left.text.casefold().strip(" .")
            assert all(jotted not in t.casefold() for t in texts), (person.name, left.text)


def test_a_bracketed_note_that_they_spoke_frankly_takes_the_remark_with_it() -> None:
    found = _set(notes="Hiring is on hold till April (he was surprisingly candid).")
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == ["a candid remark"]


def test_money_troubles_are_never_a_subject() -> None:
    found = _set("the travel budget is pretty tight now")
    assert found.usable == ()


def test_a_plan_the_reader_wants_is_said_as_theirs() -> None:
    [fragment] = _set("he wants to replace the old CMS before summer").usable
    assert fragment.noun == "your plan to replace the old CMS before summer"
    assert fragment.clause == "you want to replace the old CMS before summer"


def test_how_long_the_reader_has_been_there_is_theirs_to_say() -> None:
    assert _set("she's fairly new, 3 months in").usable == ()


def test_a_schedule_word_is_a_detail_of_the_subject() -> None:
    assert [f.noun for f in _set("design critiques fortnightly").usable] == ["design critiques"]


def test_a_participant_panel_is_work_not_the_interview_panel() -> None:
    [fragment] = _set("he runs the customer panel").usable
    assert (fragment.kind, fragment.clause) == (Kind.view, "you run the customer panel")


def test_a_rota_ratio_is_not_tenure_and_what_they_know_is_the_subject() -> None:
    # a ratio is a figure to read back, not a subject (and never tenure)
    rota = _set("support rota is 1 wk in 8")
    assert rota.usable == ()
    assert [o.reason for o in rota.left_out] == ["a figure, too small a detail to recall"]
    found = _set("he's been there 9 yrs, knows everything abt the tariff engine")
    assert [f.noun for f in found.usable] == ["the tariff engine"]
    assert [o.reason for o in found.left_out] == ["personal"]


def test_a_noun_with_a_clause_about_it_goes_after_about_not_that() -> None:
    [fragment] = _set("the load test harness they built w/ the QA team").usable
    assert (fragment.kind, fragment.clause) == (Kind.subject, None)
    # 'they built' after the thing is the team's work, not the reader's own
    assert fragment.noun == "the load test harness your team built with the QA team"
    # with a verb of its own after the clause it is a statement
    [statement] = _set("the squad they lead owns the billing API").usable
    assert statement.clause == "the squad you lead owns the billing API"


def test_an_arrow_after_a_comma_moves_only_the_tail() -> None:
    [fragment] = _set("rebuilding the checkout, RN -> swift").usable
    assert fragment.noun is not None
    assert fragment.noun.startswith("rebuilding the checkout, moving from RN to")


@pytest.mark.parametrize(
    ("topic", "kept", "never"),
    [
        ("how the billing and support teams split triage", "how the billing", "of the billing"),
        ("capacity planning for the depots", "capacity planning", "the capacity planning"),
    ],
)
def test_drafts_keep_how_before_a_clause_and_no_article_before_a_gerund(
    topic: str, kept: str, never: str
) -> None:
    notes = Notes.model_validate(
        {
            "candidate": {"name": "Ade Bello"},
            "company": "Kestrel Freight",
            "role": "Data Engineer",
            "interview": {"start": "2026-05-12T10:00:00+00:00"},
            "interviewers": [{"name": "Rosa Lindqvist", "topics": [topic]}],
        }
    )
    person = notes.interviewers[0]
    drafts = [
        compose(notes, person, "thank_you_email", notes.interview.start, variant=v)[0].text
        for v in range(8)
    ]
    assert all(kept in d for d in drafts)
    assert not any(f" {never}" in d for d in drafts)


@pytest.mark.parametrize(
    ("topic", "reason"),
    [
        ("DEPLOYS ARE SCARY here", "an aside"),  # shouted: a feeling, not a subject
        ("the on-call load is gruelling", "negative"),
        ("ask about the sabbatical policy", "a note to yourself"),
        ("he's a school governor in Hackney", "personal"),
    ],
)
def test_feelings_notes_to_self_and_the_readers_outside_roles_stay_out(
    topic: str, reason: str
) -> None:
    found = _set(topic)
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == [reason]


@pytest.mark.parametrize(
    ("topic", "noun", "clause"),
    [
        ("neat that the QA team sits with design", "how the QA team sits with design", None),
        ("she showed me their runbook generator", "your runbook generator", None),
        (
            "his take: small teams should own the deploy pipeline",
            "your view that small teams should own the deploy pipeline",
            "small teams should own the deploy pipeline",
        ),
        ("they run airflow, dbt, and looker", "how you run Airflow, dbt, and Looker", None),
    ],
)
def test_lead_ins_labels_and_lists_are_said_whole(
    topic: str, noun: str, clause: str | None
) -> None:
    [fragment] = _set(topic).usable
    assert fragment.noun == noun
    if clause:
        assert fragment.clause == clause


def test_an_ing_word_before_a_thing_takes_an_article_a_gerund_does_not() -> None:
    drafts = " ".join(_drafts("mentoring scheme for new hires", "migrating search to opensearch"))
    assert "the mentoring scheme for new hires" in drafts
    assert "the migrating" not in drafts


@pytest.mark.parametrize(
    ("topic", "noun"),
    [
        ("shifting the batch jobs -> airflow", "shifting the batch jobs to Airflow"),
        ("style guide in sketch -> figma", "moving the style guide in sketch to Figma"),
        ("spreadsheets -> looker", "moving from spreadsheets to Looker"),
    ],
)
def test_an_arrow_reads_as_a_move_of_the_thing_or_from_the_old_tool(topic: str, noun: str) -> None:
    assert [f.noun for f in _set(topic).usable] == [noun]


@pytest.mark.parametrize(
    ("jotted", "noun"),
    [
        # a plan of theirs: the work, not 'I was glad to learn that you're ...'
        ("theyre porting the billing jobs to rust", "porting the billing jobs to Rust"),
        # a choice jotted without its subject is the team's
        ("chose pulumi over cdk", "your choice of pulumi over cdk"),
        # a stated problem with the fix the reader wants: the move is the work
        ("timesheets still on paper forms -> he wants an app", "moving the timesheets to an app"),
        # something that went wrong: its subject, without the failure
        ("the SOC 2 audit slipped twice", "the SOC 2 audit"),
        # a milestone and its date: the milestone
        ("the new clinic opens in sept", "the new clinic"),
        ("seed round closes end of month", "the funding round"),
    ],
)
def test_their_plans_choices_and_troubles_are_named_as_the_work(jotted: str, noun: str) -> None:
    [fragment] = _set(jotted).usable
    assert fragment.kind == Kind.subject
    assert fragment.noun is not None and fragment.noun.casefold() == noun.casefold()
    assert fragment.clause is None  # no 'that ...' frame can take it


def test_a_strict_rule_is_left_out() -> None:
    found = _set("phones are locked down here")
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == ["a candid remark"]


def test_a_choice_the_comparison_before_it_names_is_said_once() -> None:
    found = _set("terraform vs ansible, they picked terraform")
    assert [f.noun for f in found.usable] == ["Terraform versus Ansible"]
    assert [o.reason for o in found.left_out] == ["said in another topic"]
