"""Placeholders in every shape (rules/22-placeholder.yaml) and money in every form
(rules/23-money.yaml); the company's revenue or head count as a work topic passes."""

from __future__ import annotations

import pytest

from tests.rule_cases import cases, errors_from, misses, references, trips

T, N, F = "thank_you_email", "connection_note", "follow_up_message"
CASES = cases(
    [
        (
            "placeholder",
            T,
            "Thank you for meeting me about the ____ role.",
            "____",
            "Thank you for meeting me about the data role.",
        ),
        (
            "placeholder",
            N,
            "I enjoyed (insert topic here).",
            "(insert topic here)",
            "I enjoyed the talk (the one on Kafka).",
        ),
        (
            "placeholder",
            T,
            "Dear Mr./Ms. Last Name,",
            "Mr./Ms.",
            "Dear Ms. Laine, thanks for spelling out my last name.",
        ),
        (
            "placeholder",
            F,
            "Dear Hiring Manager's Name, thanks.",
            "Hiring Manager's Name",
            "Dear hiring team, thanks.",
        ),
        (
            "placeholder",
            T,
            "I loved learning about [Company].",
            "[Company]",
            "I loved learning about Acme.",
        ),
        ("placeholder", N, "Thanks for the {role} chat.", "{role}", "Thanks for the role chat."),
        ("placeholder", F, "Hi <name>, thanks.", "<name>", "Hi Dana, thanks (3 < 4)."),
        (
            "placeholder",
            T,
            "We met on XX/XX about the job.",
            "XX",
            "We met on Monday about the XL project.",
        ),
        (
            "placeholder",
            T,
            "It was great to meet [redacted] and the team.",
            "[redacted]",
            "It was great to meet Priya and the team.",
        ),
        (
            "placeholder",
            F,
            "I liked the bit about (whatever).",
            "(whatever)",
            "I liked the bit about whatever comes next for Kafka.",
        ),
        (
            "money",
            T,
            "Could we discuss the comp range?",
            "comp range",
            "Could we discuss the competition?",
        ),
        ("money", N, "I'm after 85-95k base plus OTE.", "85-95k", "We grew from 85 to 95 people."),
        ("money", F, "Is equity part of it?", "equity", "Your health equity work is part of it."),
        (
            "money",
            T,
            "What is the pay band for the role?",
            "pay band",
            "What band played at the offsite?",
        ),
        ("money", F, "My day rate is flexible.", "day rate", "My day started early."),
        (
            "money",
            T,
            "Is a signing bonus possible?",
            "signing bonus",
            "Is a sign-off from legal possible?",
        ),
        (
            "money",
            N,
            "I'd need at least 120k.",
            "at least 120k",
            "Your API serves 120k requests a day.",
        ),
        ("money", F, "A salary of $85,000 works.", "salary", "Congrats on the $40M Series B."),
        ("money", T, "I'd want $95k.", "$95k", "You grew ARR to $10M and Q3 revenue by 30%."),
        (
            "money",
            T,
            "The band is lower than my current comp.",
            "current comp",
            "The band played after the current talk.",
        ),
        (
            "money",
            F,
            "Happy to discuss the relocation pkg later.",
            "relocation pkg",
            "Happy to discuss the relocation of the depot later.",
        ),
    ]
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:20]}")
def test_trips_on_the_offending_words(case: object) -> None:
    trips(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:20]}")
def test_near_miss_passes(case: object) -> None:
    misses(case)  # type: ignore[arg-type]


def test_revenue_as_the_company_topic_is_not_money_talk() -> None:
    text = (
        "Thank you for walking me through Q3 revenue, the 85 people on the floor "
        "and $2.5bn in payments."
    )
    assert errors_from(("money",), T, text) == []


def test_accepting_an_offer_may_restate_its_salary() -> None:
    # The offer stage is where pay is settled: an acceptance that restates the offer's
    # salary is what the career pages' samples do; the same sentence after an interview
    # still brings up pay.
    text = "I am happy to accept the offer at the annual salary of $75,000."
    assert errors_from(("money",), "offer_reply", text) == []
    assert errors_from(("money",), T, text) == ["money: 'salary'"]


def test_no_golden_or_messy_reference_trips_a_placeholder_or_money_error() -> None:
    mine = ("placeholder", "money")
    assert [
        (case_id, errors_from(mine, kind, text))
        for case_id, kind, text in references()
        if errors_from(mine, kind, text)
    ] == []
