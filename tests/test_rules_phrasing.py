"""The tone, ask, privacy, placeholder and money rules judged as classes of phrasing
(tests/phrasing_classes.py): every bad sentence of a class is named by one of the class's
rules, and no good near miss draws an error from them. The CASES below pin the span of
each pattern group widened for those classes on the offending words."""

from __future__ import annotations

import pytest

from tests.phrasing_classes import CLASSES
from tests.rule_cases import cases, misses, trips
from tests.test_checker import of, run

T, N, F, S = "thank_you_email", "connection_note", "follow_up_message", "status_email"
CASES = cases(
    [
        (
            "tone.rude",
            S,
            "Frankly the whole process was a joke.",
            "was a joke",
            "The joke about the office plant still makes me smile.",
        ),
        (
            "tone.rude",
            S,
            "Your interviewers were clearly unprepared and it showed.",
            "Your interviewers were clearly unprepared",
            "The panel had clearly read my portfolio, which I appreciated.",
        ),
        (
            "tone.rude",
            S,
            "You kept me waiting forty minutes.",
            "kept me waiting",
            "I'm sorry I kept you a few minutes past the hour.",
        ),
        (
            "tone.rude",
            S,
            "It's your fault I missed another offer.",
            "It's your fault",
            "It's my fault the link didn't work.",
        ),
        (
            "tone.rude",
            S,
            "You never told me the role had changed.",
            "You never told",
            "You told me the role had changed in scope.",
        ),
        (
            "tone.sarcasm",
            F,
            "Great, another automated rejection.",
            "Great, another",
            "Great to hear the release went out on time.",
        ),
        (
            "tone.sarcasm",
            F,
            "Thanks for the thorough feedback of one sentence.",
            "feedback of one sentence",
            "Thanks for the thorough feedback on my case study.",
        ),
        (
            "tone.sarcasm",
            F,
            "Congratulations on finally making a decision.",
            "Congratulations on finally making",
            "Congratulations on the launch last week.",
        ),
        (
            "tone.passive",
            F,
            "I'll assume from your silence that the answer is no.",
            "your silence",
            "I'll assume Thursday still works unless I hear otherwise.",
        ),
        (
            "tone.passive",
            F,
            "Perhaps my previous email went to your spam folder.",
            "went to your spam",
            "My previous role had a similar review process.",
        ),
        (
            "tone.passive",
            F,
            "I won't hold my breath for a reply.",
            "won't hold my breath",
            "I held my breath on the rooftop tour.",
        ),
        (
            "tone.profanity",
            T,
            "The final round was bloody hard.",
            "bloody",
            "The final round was hard, in a good way.",
        ),
        (
            "tone.profanity",
            T,
            "Sorry for the BS answer on testing.",
            "the BS",
            "I have a BS in Computer Science.",
        ),
        (
            "tone.entitled",
            S,
            "I think I've earned a straight answer by now.",
            "I've earned a straight",
            "I have earned my AWS certification since we spoke.",
        ),
        (
            "tone.entitled",
            S,
            "I'm the obvious choice for this job.",
            "I'm the obvious choice",
            "The role is an obvious fit with what I've been doing.",
        ),
        (
            "tone.entitled",
            S,
            "You need to tell me where I stand.",
            "You need to tell",
            "Please tell me if there is anything else you need.",
        ),
        (
            "tone.impatient",
            S,
            "This has dragged on far too long.",
            "dragged on",
            "The project has run longer than planned, as you said.",
        ),
        (
            "tone.impatient",
            S,
            "Two weeks and not a word from anyone.",
            "not a word",
            "Two weeks at your Leeds office sounds like a great start.",
        ),
        (
            "tone.impatient",
            S,
            "How much longer will this take?",
            "How much longer",
            "How much of the platform runs on Kafka now?",
        ),
        (
            "tone.deadline",
            S,
            "Please respond within 48 hours.",
            "Please respond within",
            "I can respond within 48 hours if you need anything else.",
        ),
        (
            "desperate",
            F,
            "I'm willing to do whatever it takes to get this job.",
            "whatever it takes to get this job",
            "I'd be glad to do whatever the team needs in the first sprint.",
        ),
        (
            "desperate",
            F,
            "I'm really struggling financially right now.",
            "struggling financially",
            "I'm really enjoying the course you recommended.",
        ),
        (
            "desperate",
            F,
            "I've applied to over 200 jobs.",
            "applied to over 200 jobs",
            "I've built over 200 dashboards in Looker.",
        ),
        (
            "ask.in_note",
            N,
            "Hi Dana, would you mind putting me forward for the role?",
            "putting me forward",
            "Hi Dana, thanks for putting the agenda together.",
        ),
        (
            "ask.in_note",
            N,
            "Hi Dana, can we set up 15 minutes next week?",
            "set up 15 minutes",
            "Hi Dana, thanks for the 15 minutes after the panel.",
        ),
        (
            "ask.in_note",
            N,
            "Hi Dana, I'd love to pick your brain over coffee.",
            "pick your brain",
            "Hi Dana, thanks for the tips on dbt over coffee.",
        ),
        (
            "ask.job",
            N,
            "Is there any chance you could recommend me for the job?",
            "you could recommend me",
            "Thanks for recommending the book on event sourcing.",
        ),
        (
            "tone.pitch",
            N,
            "My startup helps teams like yours cut churn by 30%.",
            "helps teams like yours",
            "Thanks for the talk on how your team cut churn by 30%.",
        ),
        (
            "tone.pitch",
            N,
            "I'd like to show you how our tool saves analysts hours.",
            "I'd like to show you how our",
            "Thank you for showing me how your tool saves analysts hours.",
        ),
        (
            "presumptuous",
            T,
            "I'm ready to hit the ground running in January.",
            "I'm ready to hit the ground running",
            "I'd be glad to hit the ground running on any project.",
        ),
        (
            "presumptuous",
            T,
            "Once I'm on the team, I'll fix the release process.",
            "Once I'm on the team",
            "If I join, I'd hope to help with the release process.",
        ),
        (
            "presumptuous",
            T,
            "I can't wait to be your new data engineer.",
            "be your new data engineer",
            "I enjoyed hearing how your new hires pair for a month.",
        ),
        (
            "presumptuous",
            T,
            "I'll let my current employer know I'm leaving.",
            "let my current employer know I'm leaving",
            "I told my mentor how much I enjoyed the conversation.",
        ),
        (
            "money",
            T,
            "I'm hoping for something in the low six figures.",
            "low six figures",
            "The team's six-figure budget for tooling sounds generous.",
        ),
        (
            "money",
            T,
            "Is the pay negotiable?",
            "pay negotiable",
            "I'd be glad to negotiate the scope of the pilot.",
        ),
        (
            "money",
            T,
            "Would there be a bonus?",
            "a bonus",
            "It was a bonus to meet the design team too.",
        ),
        (
            "privacy.health",
            T,
            "Sorry I was distracted; my father is in intensive care.",
            "is in intensive care",
            "Thanks for explaining how the intensive care unit uses your app.",
        ),
        (
            "privacy.health",
            T,
            "I've been signed off work with burnout.",
            "signed off work",
            "The team's on-call rota sounds fair.",
        ),
        (
            "privacy.pregnancy",
            T,
            "My wife is expecting in March, so timing matters.",
            "wife is expecting in",
            "The team is expecting a busy March.",
        ),
        (
            "privacy.religion",
            T,
            "As a practising Muslim, I'll need Friday afternoons.",
            "As a practising Muslim",
            "The Friday demos sound like a great habit.",
        ),
        (
            "privacy.age",
            T,
            "At 58 I still have plenty to give.",
            "At 58 I",
            "Your 58 stores are a big estate to support.",
        ),
        (
            "privacy.gossip",
            T,
            "I heard your CTO is about to leave.",
            "I heard your CTO is about to leave",
            "I heard your CTO's talk at PyCon last year.",
        ),
        (
            "register.chat_filler",
            F,
            "I'm busy rn, will send it later.",
            "rn",
            "Thanks again, Dana. Aoife Byrne, RN, BSN",
        ),
        (
            "tone.rude",
            "offer_reply",
            "The salary wasn't high enough.",
            "salary wasn't high enough",
            "I'd be glad to go over the start date with the recruiter.",
        ),
        (
            "tone.rude",
            "offer_reply",
            "I found a better job.",
            "found a better job",
            "I have accepted another position that is a better fit for me.",
        ),
        (
            "tone.passive",
            S,
            "As I said, I can start soon.",
            "As I said",
            "As I said in my interview, I enjoy on-call work.",
        ),
        (
            "desperate",
            F,
            "We are facing eviction next month.",
            "facing eviction",
            "I learned the team is mapping eviction filings across the county.",
        ),
        (
            "tone.rude",
            S,
            "Your HR team is a bunch of amateurs.",
            "bunch of amateurs",
            "Your HR team is a small group of four.",
        ),
        (
            "tone.rude",
            S,
            "I can't believe how badly this was handled.",
            "can't believe how badly",
            "At my last job, releases were poorly managed, so I built a checklist.",
        ),
        (
            "tone.passive",
            F,
            "Thanks a million for the radio silence.",
            "radio silence",
            "Thanks a million for the tour of the radio studio.",
        ),
        (
            "tone.passive",
            F,
            "Just bumping this to the top of your inbox again.",
            "bumping this to the top",
            "Sorry I was too busy to reply sooner.",
        ),
        (
            "tone.sarcasm",
            F,
            "Nice to know my time means so little to you.",
            "my time means so little",
            "It was nice to know the team meets every Monday.",
        ),
        (
            "tone.entitled",
            S,
            "I want a second interview with someone more senior.",
            "I want a second interview",
            "I would welcome a second conversation about the on-call rota.",
        ),
        (
            "tone.impatient",
            S,
            "I'm still waiting and getting frustrated.",
            "and getting frustrated",
            "At my last job the team was getting frustrated with the old tooling.",
        ),
        (
            "desperate",
            F,
            "Please don't let me down, I really need this.",
            "don't let me down",
            "I need this to be right, so I checked the figures twice.",
        ),
        (
            "ask.in_note",
            N,
            "Hi Dana, could you take a quick look at my portfolio?",
            "take a quick look at my",
            "Hi Dana, thanks for taking a look at my portfolio.",
        ),
        (
            "ask.in_note",
            N,
            "Hi Dana, any chance of an intro to your recruiter?",
            "any chance of an intro to",
            "Hi Dana, thanks for the introduction to the team.",
        ),
        (
            "presumptuous",
            T,
            "I'll start on the reporting backlog the week I arrive.",
            "the week I arrive",
            "The plans for the new role sound exciting.",
        ),
        (
            "money",
            T,
            "Does the role come with share options?",
            "share options",
            "Does the role come with on-call cover?",
        ),
        (
            "placeholder",
            T,
            "Thank you for the chat about INSERT TOPIC.",
            "INSERT TOPIC",
            "Thank you for the chat about inserting rows in bulk.",
        ),
        (
            "privacy.judgment",
            T,
            "Your codebase looked a bit of a mess.",
            "Your codebase looked a bit of a mess",
            "Your codebase sounds well tested.",
        ),
    ]
)
RULES_TESTED = ("tone.flattery.lavish",)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.excerpt[:24]}")
def test_trips_on_the_offending_words(case: object) -> None:
    trips(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:24]}")
def test_near_miss_passes(case: object) -> None:
    misses(case)  # type: ignore[arg-type]


def _names(rule: str, patterns: tuple[str, ...]) -> bool:
    return any(rule == p or rule.startswith(p if p.endswith(".") else p + ".") for p in patterns)


BAD = [(name, kind, rules, text) for name, (rules, kind, bad, _) in CLASSES.items() for text in bad]
GOOD = [
    (name, kind, rules, text) for name, (rules, kind, _, good) in CLASSES.items() for text in good
]


@pytest.mark.parametrize(("name", "kind", "rules", "text"), BAD, ids=[b[3][:30] for b in BAD])
def test_every_bad_sentence_of_a_class_is_named(
    name: str, kind: str, rules: tuple[str, ...], text: str
) -> None:
    found = [f.rule for f in run(kind, text).findings]
    assert any(_names(rule, rules) for rule in found), (name, found)


@pytest.mark.parametrize(("name", "kind", "rules", "text"), GOOD, ids=[g[3][:30] for g in GOOD])
def test_no_good_near_miss_draws_an_error_from_its_class(
    name: str, kind: str, rules: tuple[str, ...], text: str
) -> None:
    report = run(kind, text)
    wrong = [
        (f.rule, text[f.start : f.end])
        for f in report.findings
        if f.severity == "error" and _names(f.rule, rules)
    ]
    assert wrong == [], name


def test_every_class_has_ten_bad_sentences_and_ten_near_misses() -> None:
    short = {
        name: (len(bad), len(good))
        for name, (_, _, bad, good) in CLASSES.items()
        if len(bad) < 10 or len(good) < 10
    }
    assert short == {}


def test_lavish_flattery_is_a_warning_on_its_words_and_plain_praise_passes() -> None:
    text = "Hi Dana, you are simply the best manager in the industry."
    found = of(run(N, text), "tone.flattery.lavish")
    assert [(text[f.start : f.end], f.severity) for f in found] == [
        ("the best manager in the industry", "warning")
    ]
    assert found[0].message and found[0].suggestion
    plain = "Hi Dana, your point about small releases was useful."
    assert of(run(N, plain), "tone.flattery.lavish") == []
