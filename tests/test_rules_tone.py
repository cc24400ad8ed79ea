"""Tone rules (rules/21-tone.yaml): rudeness, passive aggression, sarcasm, entitlement,
impatience, deadlines, desperation, presumption, asks and pitches, profanity. Each is a
class of phrasing: several differently worded texts trip it, near misses pass."""

from __future__ import annotations

import pytest

from tests.rule_cases import cases, errors_from, misses, references, trips

T, N, F = "thank_you_email", "connection_note", "follow_up_message"
CASES = cases(
    [
        (
            "tone.passive",
            T,
            "Thought I'd have heard by now. I guess not.",
            "Thought I'd have heard",
            "Thought you'd like this article on caching.",
        ),
        (
            "tone.passive",
            F,
            "As I already said, I can start soon.",
            "As I already said",
            "As you said, the team is growing.",
        ),
        (
            "tone.passive",
            T,
            "Per my last email, the slides are attached.",
            "Per my last email",
            "My last email had the slides attached.",
        ),
        (
            "tone.passive",
            F,
            "I'm still waiting for a reply.",
            "still waiting for a reply",
            "I'm looking forward to your reply.",
        ),
        (
            "tone.passive",
            T,
            "Surely basic courtesy means a reply.",
            "basic courtesy",
            "Surely the basic plan covers it.",
        ),
        (
            "tone.sarcasm",
            F,
            "Wow, I cannot wait to hear back.",
            "Wow, I cannot wait",
            "I cannot wait to read your next post.",
        ),
        (
            "tone.sarcasm",
            T,
            "Thanks for nothing, really.",
            "Thanks for nothing",
            "Thanks for everything, really.",
        ),
        (
            "tone.rude",
            T,
            "Why haven't you come back to me?",
            "Why haven't you",
            "Why you chose Kafka made sense to me.",
        ),
        (
            "tone.rude",
            F,
            "That was very unprofessional.",
            "very unprofessional",
            "That was a very professional panel.",
        ),
        (
            "tone.rude",
            T,
            "You passed up a great candidate.",
            "You passed up",
            "You passed on some great advice.",
        ),
        (
            "tone.rude",
            F,
            "Your loss, frankly.",
            "Your loss",
            "Your lost-and-found app, frankly, is great.",
        ),
        (
            "tone.rude",
            T,
            "Honestly I dodged a bullet.",
            "dodged a bullet",
            "Honestly I enjoyed the bullet journal tip.",
        ),
        (
            "tone.entitled",
            T,
            "I deserve this role more than anyone.",
            "I deserve",
            "I'd relish this role.",
        ),
        (
            "tone.entitled",
            F,
            "I expect an answer this week.",
            "I expect an answer",
            "I expect the launch went well.",
        ),
        (
            "tone.entitled",
            T,
            "You owe me an explanation.",
            "You owe me",
            "You owned the migration.",
        ),
        (
            "tone.self_centred",
            T,
            "This job would be so good for me.",
            "would be so good for me",
            "This job would be a good fit for the team.",
        ),
        (
            "tone.impatient",
            T,
            "Why is this taking so long?",
            "Why is this taking so long",
            "Why this takes long was clear from your talk.",
        ),
        (
            "tone.impatient",
            F,
            "It's been a week and nothing.",
            "It's been a week",
            "It's been a pleasure to talk.",
        ),
        (
            "tone.impatient",
            T,
            "You said you'd get back to me on Monday.",
            "You said you'd get back",
            "You said the team meets on Monday.",
        ),
        ("tone.impatient", F, "Please reply ASAP.", "ASAP", "Please reply when convenient."),
        (
            "tone.deadline",
            T,
            "I need an answer by Friday.",
            "I need an answer by",
            "I need a moment to read your paper.",
        ),
        (
            "tone.deadline",
            F,
            "Please let me know by the end of the week.",
            "let me know by the end of the week",
            "Please let me know if the slides help.",
        ),
        (
            "desperate",
            T,
            "If this doesn't work out I don't know what I'll do.",
            "If this doesn't work out",
            "If the rollout works out, I'd love to hear.",
        ),
        (
            "desperate",
            F,
            "I have bills to pay, so any news helps.",
            "bills to pay",
            "I paid attention to the billing demo.",
        ),
        (
            "desperate",
            T,
            "This is my last chance at a data role.",
            "This is my last chance",
            "This is my first look at your data stack.",
        ),
        (
            "desperate",
            N,
            "I've been unemployed for 9 months.",
            "unemployed for 9",
            "I've been a data engineer for 9 years.",
        ),
        (
            "desperate",
            F,
            "I'll take any role you have.",
            "I'll take any role",
            "I'll take any feedback you have.",
        ),
        (
            "presumptuous",
            T,
            "I'm excited to help turn the numbers around together.",
            "help turn the numbers around together",
            "I'm excited about how you turned the numbers around.",
        ),
        (
            "presumptuous",
            F,
            "In my first 90 days I would fix on-call.",
            "my first 90 days",
            "Your first 90 days plan for new hires was clear.",
        ),
        ("presumptuous", T, "See you on Monday!", "See you on Monday", "Enjoy your Monday!"),
        (
            "presumptuous",
            F,
            "When do I start?!",
            "When do I start",
            "When does the team start its sprint?",
        ),
        (
            "presumptuous",
            T,
            "When I start, I will rewrite the ETL.",
            "When I start",
            "When you start the ETL rewrite, good luck.",
        ),
        (
            "ask.job",
            N,
            "Are you hiring for data roles?",
            "Are you hiring",
            "Are you going to the data meetup?",
        ),
        (
            "ask.job",
            F,
            "Please keep me in mind for openings.",
            "keep me in mind",
            "Please keep the slides.",
        ),
        (
            "ask.job",
            N,
            "Would you refer me to the team?",
            "Would you refer me",
            "Would you share the talk?",
        ),
        (
            "ask.in_note",
            N,
            "Can I send you my resume?",
            "send you my resume",
            "Can I send you the article?",
        ),
        (
            "ask.in_note",
            N,
            "Could we book a call next week?",
            "book a call",
            "Could we read the book you mentioned?",
        ),
        (
            "tone.pitch",
            N,
            "I help companies like yours scale revenue.",
            "I help companies like yours scale",
            "I helped my last company scale its data team.",
        ),
        (
            "tone.pitch",
            T,
            "Happy to offer a free audit of your funnel.",
            "free audit",
            "Happy to share the audit checklist I mentioned.",
        ),
        (
            "tone.pitch",
            N,
            "We can boost your revenue by 30%.",
            "boost your revenue",
            "You boosted revenue by 30%, impressive.",
        ),
        ("tone.profanity", T, "Sorry, I was a complete fuck up.", "fuck up", "Sorry, I was late."),
        (
            "tone.profanity",
            F,
            "That shitty laptop let me down.",
            "shitty",
            "That Shiitake recipe you shared was great.",
        ),
        (
            "tone.profanity",
            N,
            "Damn, what a talk.",
            "Damn",
            "Amsterdam was a great venue for the talk.",
        ),
        (
            "tone.profanity",
            T,
            "What the f*ck happened?",
            "f*ck",
            "What happened to the feature flags?",
        ),
        (
            "tone.profanity",
            F,
            "Thanks for the ass-kicking demo.",
            "ass",
            "Thanks for the class on Dickens in Essex, and for assessing my Scunthorpe case.",
        ),
        (
            "tone.rude",
            T,
            "I was surprised nobody had prepared for it.",
            "nobody had prepared",
            "I was glad everybody had prepared for it.",
        ),
        # Classes added from the real-world corpus's tune part (benchmarks/corpus.py).
        (
            "tone.sarcasm",
            T,
            "Thank you sooo much for the “time” you spent on me.",
            "Thank you sooo much for the “time”",
            "Thank you for the time you spent on the “Ask me anything” session.",
        ),
        (
            "tone.sarcasm",
            F,
            "I am sure the hour could have been better spent.",
            "could have been better spent",
            "I am sure the hour was well spent.",
        ),
        (
            "tone.passive",
            T,
            "The answers were short, as was obviously your opinion of me.",
            "obviously your opinion",
            "The answers were short, and obviously your team is busy.",
        ),
        (
            "tone.rude",
            F,
            "Get a lesson on human resources and learn your job.",
            "Get a lesson on",
            "I learned a lot about your job and the lessons from the launch.",
        ),
        (
            "tone.rude",
            F,
            "I am qualified for your tiny role.",
            "your tiny role",
            "I am qualified for your new role.",
        ),
        (
            "tone.rude",
            "status_email",
            "I will be sure to mention your silence to my friend who knows the CEO.",
            "I will be sure to mention your silence to my friend who knows the CEO",
            "I will be sure to mention our talk to my friend who works in design.",
        ),
        (
            "tone.rude",
            "rejection_reply",
            "Your lack of replies says it all.",
            "Your lack of",
            "Your lab of three people impressed me.",
        ),
        (
            "tone.rude",
            "rejection_reply",
            "You have to be kidding me.",
            "You have to be kidding",
            "You have to be proud of the team.",
        ),
        (
            "tone.entitled",
            "rejection_reply",
            "You are missing out by failing to hire me.",
            "missing out by failing to hire",
            "I would hate to miss out on the next opening.",
        ),
        (
            "desperate",
            T,
            "Please give me this job. I have to move out next month.",
            "Please give me this job",
            "Please give me a call if anything is unclear.",
        ),
        (
            "desperate",
            F,
            "I am being kicked out of my flat, so it matters.",
            "being kicked out",
            "The project kicked off well, so it matters.",
        ),
    ]
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:20]}")
def test_trips_on_the_offending_words(case: object) -> None:
    trips(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:20]}")
def test_near_miss_passes(case: object) -> None:
    misses(case)  # type: ignore[arg-type]


def test_asks_in_a_thank_you_email_are_left_to_other_rules() -> None:
    # After an interview an email may offer references or a portfolio; only a note is
    # too short a place for an ask.
    assert errors_from(("ask.",), "thank_you_email", "Are you hiring? Can I send my CV?") == []


MINE = ("tone.", "presumptuous", "desperate", "ask.")


def test_no_golden_or_messy_reference_trips_a_tone_error() -> None:
    assert [
        (case_id, errors_from(MINE, kind, text))
        for case_id, kind, text in references()
        if errors_from(MINE, kind, text)
    ] == []
