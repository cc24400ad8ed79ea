"""Tone classes widened for issue 13's corpus work: rudeness, passive aggression,
entitlement and impatience in other words than the first lists had, a call announced for
the reader, and praise of the reader as a person. Each text trips its rule on the offending
words; each near miss, worded close to it, does not."""

from __future__ import annotations

import pytest

from tests.rule_cases import cases, misses, trips
from tests.test_checker import of, run

T, N, F = "thank_you_email", "connection_note", "follow_up_message"
CASES = cases(
    [
        (
            "tone.rude",
            F,
            "Being kept in the dark for a month is unacceptable.",
            "unacceptable",
            "An acceptable start date would be June.",
        ),
        (
            "tone.rude",
            F,
            "I did not appreciate being left on hold.",
            "I did not appreciate being",
            "I appreciate being kept in the loop.",
        ),
        (
            "tone.rude",
            T,
            "I was disappointed with the interviewers today.",
            "disappointed with the interviewers",
            "I was disappointed to miss the demo, but the slides helped.",
        ),
        (
            "tone.rude",
            F,
            "Frankly, I was annoyed all afternoon.",
            "Frankly, I was annoyed",
            "Frankly, I was glad to talk about the migration.",
        ),
        (
            "tone.rude",
            F,
            "Your recruiter ignored my emails.",
            "ignored my",
            "Your recruiter forwarded my emails.",
        ),
        (
            "tone.rude",
            F,
            "You went with someone else. Whatever.",
            "Whatever.",
            "Whatever the outcome, thank you.",
        ),
        (
            "tone.rude",
            F,
            "I will never apply to you again.",
            "I will never apply to you again",
            "I will apply to the platform team again in spring.",
        ),
        (
            "tone.rude",
            F,
            "Please learn how to treat candidates.",
            "learn how to treat",
            "I was glad to learn how the team reviews code.",
        ),
        (
            "tone.rude",
            F,
            "Nobody should be treating candidates like this.",
            "treating candidates like",
            "Your team treats incidents as lessons.",
        ),
        (
            "tone.rude",
            F,
            "Good luck finding someone else.",
            "Good luck finding someone",
            "Good luck with the launch next week.",
        ),
        (
            "tone.rude",
            T,
            "I didn't like the way the panel spoke to me.",
            "I didn't like the",
            "I liked the way the panel ran the exercise.",
        ),
        (
            "tone.rude",
            T,
            "The interview was far too long.",
            "interview was far too long",
            "The interview was a long and useful one.",
        ),
        (
            "tone.rude",
            F,
            "Not sure why I even bothered.",
            "why I even bothered",
            "Not sure why the build failed; happy to look.",
        ),
        (
            "tone.rude",
            F,
            "Please don't contact me again.",
            "don't contact me again",
            "Please contact me again if another role opens.",
        ),
        (
            "tone.rude",
            F,
            "I won't work for a company that treats candidates this way.",
            "a company that treats candidates",
            "I would love to work for a company that ships weekly.",
        ),
        (
            "tone.passive",
            F,
            "Just a friendly reminder that I applied.",
            "friendly reminder that",
            "Thank you for the reminder about the portfolio.",
        ),
        (
            "tone.passive",
            F,
            "It would have been nice to hear back.",
            "It would have been nice",
            "It would be nice to hear how the launch goes.",
        ),
        (
            "tone.passive",
            F,
            "I would have appreciated a call.",
            "I would have appreciated a",
            "I appreciated the call on Monday.",
        ),
        (
            "tone.passive",
            F,
            "I trust you received my portfolio.",
            "I trust you received",
            "I hope the portfolio is useful.",
        ),
        (
            "tone.passive",
            F,
            "I guess you went with someone else.",
            "I guess you went with someone else",
            "I guess the storage migration was the hardest part.",
        ),
        (
            "tone.passive",
            F,
            "Surely you can spare a minute.",
            "Surely you",
            "Of course I can spare an hour for the task.",
        ),
        (
            "tone.passive",
            F,
            "Not even a reply to my last note.",
            "Not even a reply",
            "Even a short reply is welcome.",
        ),
        (
            "tone.passive",
            F,
            "I hope you haven't forgotten about me.",
            "forgotten about me",
            "I have not forgotten the tip about tracing.",
        ),
        (
            "tone.passive",
            F,
            "I'm sure you have your reasons.",
            "you have your reasons",
            "I'm sure the team has good reasons for the rewrite.",
        ),
        (
            "tone.passive",
            F,
            "My questions went unanswered.",
            "went unanswered",
            "My questions were answered in the call.",
        ),
        (
            "tone.passive",
            F,
            "Hello? Is this role still open?",
            "Hello?",
            "Hello again, and thank you for the call.",
        ),
        (
            "tone.passive",
            F,
            "Is anyone there?",
            "Is anyone there?",
            "Is anyone there from the data team?",
        ),
        (
            "tone.entitled",
            F,
            "I am clearly the best candidate you have seen.",
            "I am clearly the best candidate",
            "I am keen to be a strong candidate.",
        ),
        (
            "tone.entitled",
            F,
            "You won't find anyone better for this role.",
            "You won't find anyone better",
            "You will find my portfolio attached.",
        ),
        (
            "tone.entitled",
            F,
            "Nobody else is more qualified than me.",
            "Nobody else is more qualified",
            "Nobody on my team was more helpful than Sam.",
        ),
        (
            "tone.entitled",
            F,
            "I'll be expecting your call on Friday.",
            "I'll be expecting your call",
            "I'll be glad to hear from you.",
        ),
        (
            "tone.entitled",
            F,
            "I expect an offer by next week.",
            "I expect an offer",
            "I expected the offer stage to include a panel.",
        ),
        (
            "tone.entitled",
            F,
            "I don't understand how you could pick someone else.",
            "I don't understand how you",
            "I understand how you pick projects now.",
        ),
        (
            "tone.entitled",
            F,
            "I want to know why, in detail.",
            "I want to know why",
            "I want to know more about the team.",
        ),
        (
            "tone.entitled",
            F,
            "I was shocked that I was not selected.",
            "shocked that I was not selected",
            "I was surprised to learn the team uses Rust.",
        ),
        (
            "tone.entitled",
            F,
            "I was baffled by your decision.",
            "baffled by your decision",
            "I respect your decision and thank you.",
        ),
        (
            "tone.entitled",
            F,
            "I know I nailed the interview.",
            "I nailed the interview",
            "I enjoyed the interview.",
        ),
        (
            "tone.entitled",
            F,
            "I'm sure you'll agree I am the right fit.",
            "I'm sure you'll agree I",
            "I'm sure you'll enjoy the conference.",
        ),
        (
            "tone.entitled",
            F,
            "You'd be crazy not to hire me.",
            "crazy not to hire",
            "It would be great to hear your thoughts.",
        ),
        (
            "tone.entitled",
            F,
            "Hiring me is a no-brainer.",
            "no-brainer",
            "Hiring for the team is a big job.",
        ),
        (
            "tone.entitled",
            F,
            "My track record speaks for itself.",
            "My track record speaks for itself",
            "My track record in payments is on my CV.",
        ),
        (
            "tone.impatient",
            F,
            "Please let me know as soon as possible.",
            "let me know as soon as possible",
            "Please let me know if I can help.",
        ),
        (
            "tone.impatient",
            F,
            "I would appreciate a prompt reply.",
            "appreciate a prompt reply",
            "I would appreciate your thoughts.",
        ),
        (
            "tone.impatient",
            F,
            "I was hoping to hear back by now.",
            "I was hoping to hear back by now",
            "I was hoping to hear about the roadmap.",
        ),
        (
            "tone.impatient",
            F,
            "I was told I would hear by Friday.",
            "I was told I would hear by Friday",
            "I was told about the team offsite.",
        ),
        (
            "tone.impatient",
            F,
            "I've been waiting for two weeks now.",
            "I've been waiting for two weeks",
            "I've been reading about the two-week sprints.",
        ),
        (
            "tone.impatient",
            F,
            "I have heard nothing since the interview.",
            "I have heard nothing",
            "I have heard good things about the team.",
        ),
        (
            "tone.impatient",
            F,
            "Could you expedite the decision?",
            "Could you expedite",
            "Could you share the job description?",
        ),
        (
            "tone.impatient",
            F,
            "I need to know where I stand.",
            "I need to know where I stand",
            "I know where the office is.",
        ),
        (
            "tone.impatient",
            F,
            "Please tell me one way or the other.",
            "one way or the other",
            "The other way round works too.",
        ),
        (
            "tone.impatient",
            F,
            "What's the holdup?",
            "What's the holdup",
            "What's the team working on next?",
        ),
        (
            "tone.impatient",
            F,
            "Have you made a decision yet?",
            "Have you made a decision yet",
            "Thank you for making the time.",
        ),
        (
            "tone.impatient",
            F,
            "Is the role still open or not?",
            "still open or not?",
            "Is the role open to remote work?",
        ),
        (
            "tone.impatient",
            F,
            "I'd like to know if I got the job.",
            "if I got the job",
            "I'd like to know how the job is scoped.",
        ),
        (
            "tone.impatient",
            F,
            "So did I get the job?",
            "did I get the job",
            "So I got the job description; thanks.",
        ),
        (
            "tone.impatient",
            F,
            "What's going on with my application?",
            "What's going on with my application",
            "What's going on with the launch is exciting.",
        ),
        (
            "pushy",
            N,
            "Hi Dana, I will call you on Monday about the role.",
            "I will call you",
            "Hi Dana, thanks for the call on Monday about the role.",
        ),
        (
            "pushy",
            N,
            "Hi Dana, great to meet you. Expect my call next week.",
            "Expect my call",
            "Hi Dana, great to meet you. I expect the talk was fun.",
        ),
    ]
)
LAVISH = [
    (
        "I was blown away by you in the interview.",
        "I was blown away by you",
        "I was blown away by the demo of the tracing tool.",
    ),
    (
        "It was an honour to be in your presence.",
        "in your presence",
        "It was an honour to present the case study.",
    ),
    (
        "I have never met anyone like you.",
        "I have never met anyone like you",
        "I have met several people from your team.",
    ),
    ("You are so inspiring.", "You are so inspiring", "Your talk on tracing was useful."),
    ("Your brilliance shone through.", "Your brilliance", "Your clarity on the roadmap helped."),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.trip[:24]}")
def test_trips_on_the_offending_words(case: object) -> None:
    trips(case)  # type: ignore[arg-type]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.near_miss[:24]}")
def test_near_miss_passes(case: object) -> None:
    misses(case)  # type: ignore[arg-type]


@pytest.mark.parametrize(("trip", "excerpt", "near"), LAVISH)
def test_praise_of_the_person_is_a_flattery_warning(trip: str, excerpt: str, near: str) -> None:
    found = of(run(T, trip), "tone.flattery.lavish")
    assert found and trip[found[0].start : found[0].end] == excerpt
    assert found[0].severity == "warning"
    assert of(run(T, near), "tone.flattery.lavish") == []
