"""Privacy rules (rules/20-privacy.yaml): health, immigration, pregnancy, religion, age,
gossip, self-criticism, judgments of the reader and asides about them are errors in
every kind, with the finding on the words that carry the private fact."""

from __future__ import annotations

import pytest

from tests.rule_cases import cases, errors_from, misses, references, trips

T, N, F = "thank_you_email", "connection_note", "follow_up_message"
CASES = cases(
    [
        (
            "privacy.health",
            T,
            "Sorry for the delay; my mum's surgery ran late.",
            "mum's surgery",
            "Your surgery scheduling product sounds useful.",
        ),
        (
            "privacy.health",
            N,
            "Between chemo sessions I read your paper.",
            "chemo",
            "I read your paper on chemical process control.",
        ),
        (
            "privacy.health",
            F,
            "Since my diagnosis I have focused on data work.",
            "my diagnosis",
            "Your diagnosis tooling for engines was impressive.",
        ),
        (
            "privacy.health",
            T,
            "I was diagnosed with ADHD last year.",
            "was diagnosed",
            "The team diagnosed the outage in an hour.",
        ),
        (
            "privacy.health",
            F,
            "I was sick all week, hence the late thanks.",
            "I was sick",
            "I was struck by your roadmap.",
        ),
        (
            "privacy.health",
            T,
            "I took a break to be a carer for my dad.",
            "carer for my dad",
            "Your carer app for home visits is clever.",
        ),
        (
            "privacy.immigration",
            T,
            "I will need visa sponsorship to start.",
            "visa sponsorship",
            "I admired the Visa integration you built.",
        ),
        (
            "privacy.immigration",
            N,
            "I'm on an H-1B, happy to explain.",
            "H-1B",
            "I'm on the data team at Acme.",
        ),
        (
            "privacy.immigration",
            F,
            "My work permit runs until May.",
            "work permit",
            "My work on permits software runs until May.",
        ),
        (
            "privacy.immigration",
            T,
            "I have the right to work in the UK.",
            "right to work",
            "I would like to work on the UK launch.",
        ),
        (
            "privacy.pregnancy",
            T,
            "I should mention that I am pregnant.",
            "pregnant",
            "I should mention the pricing page.",
        ),
        (
            "privacy.pregnancy",
            F,
            "My maternity leave ends in March.",
            "maternity leave",
            "Your leave policy page is clear.",
        ),
        (
            "privacy.religion",
            T,
            "I will keep praying for good news.",
            "praying",
            "I will keep reading your blog.",
        ),
        (
            "privacy.religion",
            N,
            "As a Christian I value your mission.",
            "As a Christian",
            "As a chemist I value your mission.",
        ),
        (
            "privacy.religion",
            F,
            "God willing, we will speak again.",
            "God willing",
            "I am willing to share my portfolio.",
        ),
        (
            "privacy.age",
            T,
            "I'm 52, but I learn fast.",
            "I'm 52",
            "I'm 100% sure the migration will work.",
        ),
        (
            "privacy.age",
            N,
            "At my age, stability matters.",
            "At my age",
            "At my last job, stability mattered.",
        ),
        (
            "privacy.age",
            F,
            "I'm in my late 50s and keen.",
            "in my late 50s",
            "I'm in the data team and keen.",
        ),
        (
            "privacy.age",
            T,
            "I'm 45 years old and ready.",
            "I'm 45 years old",
            "I'm 10 minutes from the office.",
        ),
        (
            "privacy.gossip",
            T,
            "I heard Sam is leaving next month.",
            "I heard Sam is leaving",
            "I heard about your launch next month.",
        ),
        (
            "privacy.gossip",
            F,
            "I know that is confidential.",
            "confidential",
            "I know the launch is soon.",
        ),
        (
            "privacy.gossip",
            N,
            "Between us, the upcoming reorg sounds smart.",
            "Between us",
            "Between the two teams, the plan sounds smart.",
        ),
        (
            "privacy.gossip",
            T,
            "Good luck with the upcoming reorg in January.",
            "upcoming reorg",
            "Good luck with the upcoming launch in January.",
        ),
        (
            "privacy.self_criticism",
            T,
            "I know I froze on the window functions.",
            "I froze",
            "I froze the schema before the migration.",
        ),
        (
            "privacy.self_criticism",
            F,
            "I bombed the SQL question, sorry.",
            "I bombed",
            "I built the SQL question bank.",
        ),
        (
            "privacy.self_criticism",
            T,
            "Sorry I was so nervous in the interview.",
            "Sorry I was so nervous",
            "Sorry for the short notice on the slides.",
        ),
        (
            "privacy.self_criticism",
            N,
            "I rambled a lot, apologies.",
            "I rambled",
            "I ran a lot of tests.",
        ),
        (
            "privacy.self_criticism",
            F,
            "I'm probably too junior for the role.",
            "too junior",
            "I'm keen on the role.",
        ),
        (
            "privacy.judgment",
            T,
            "Your wiki is a mess, but I can help.",
            "Your wiki is a mess",
            "Your wiki is a great start.",
        ),
        (
            "privacy.judgment",
            F,
            "You seemed bored during my demo.",
            "You seemed bored",
            "You seemed keen on the demo.",
        ),
        (
            "privacy.judgment",
            T,
            "Your process is chaotic, so I'd fix it.",
            "Your process is chaotic",
            "Your process is well documented.",
        ),
        (
            "privacy.judgment",
            N,
            "Your onboarding flow looks really outdated.",
            "Your onboarding flow looks really outdated",
            "Your onboarding flow looks really clean.",
        ),
        (
            "privacy.judgment",
            F,
            "She seemed tired, so I kept it short.",
            "She seemed tired",
            "She seemed tired of manual reports, and so am I.",
        ),
        (
            "privacy.aside",
            T,
            "Thanks for the salary chat (he wouldn't say much).",
            "(he wouldn't say much)",
            "Thanks for the chat (the one about Kafka).",
        ),
        (
            "privacy.aside",
            F,
            "I liked the demo (you checked your phone a lot).",
            "(you checked your phone a lot)",
            "I liked the demo (you built it in a week).",
        ),
        (
            "privacy.aside",
            N,
            "Thanks for your time (didn't smile once).",
            "(didn't smile once)",
            "Thanks for your time (and the coffee).",
        ),
        (
            "privacy.aside",
            T,
            "She dodged the question on team size.",
            "dodged the question",
            "She answered the question on team size.",
        ),
        (
            "privacy.health",
            F,
            "Late with this, sick all week.",
            "sick all week",
            "Sorry, the week flew by.",
        ),
        (
            "privacy.aside",
            T,
            "I enjoyed the demo (newborn at home, looked exhausted).",
            "(newborn at home, looked exhausted)",
            "I enjoyed the demo (the one on the new app).",
        ),
        (
            "privacy.aside",
            T,
            "Good luck with the move (secret?).",
            "(secret?)",
            "Good luck with the move (to Leeds).",
        ),
        (
            "privacy.aside",
            F,
            "Thanks, even though he grilled me on stats.",
            "grilled me",
            "Thanks for the questions on stats.",
        ),
        (
            "privacy.judgment",
            T,
            "I know the office is freezing in winter.",
            "office is freezing",
            "I know the office is in Leeds.",
        ),
        (
            "privacy.health",
            T,
            "I hope everything turns out well with your mother.",
            "well with your mother",
            "I hope the launch goes well with your team.",
        ),
        (
            "privacy.judgment",
            F,
            "It felt like morale is low on the team.",
            "morale is low",
            "It felt like morale is high on the team.",
        ),
        (
            "privacy.self_criticism",
            T,
            "I know SQL is my weak spot.",
            "my weak spot",
            "I know SQL is your team's sweet spot.",
        ),
    ]
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:20]}")
def test_trips_on_the_private_words(case: object) -> None:
    trips(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:20]}")
def test_near_miss_passes(case: object) -> None:
    misses(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [T, N, F])
def test_privacy_is_an_error_in_every_kind(kind: str) -> None:
    assert errors_from(("privacy.",), kind, "I will need visa sponsorship.") == [
        "privacy.immigration: 'visa sponsorship'"
    ]


def test_no_golden_or_messy_reference_trips_a_privacy_error() -> None:
    assert [
        (case_id, errors_from(("privacy.",), kind, text))
        for case_id, kind, text in references()
        if errors_from(("privacy.",), kind, text)
    ] == []
