"""Grammar and register rules (issue 13): a text that trips each (span on the offending
words), a near miss that does not, and the fixes they offer."""

from __future__ import annotations

import pytest

from tests.test_checker import Case, note, of, run
from writer.checker import apply_fixes

CASES = [
    Case(
        "grammar.clause_as_noun",
        "connection_note",
        "Hi Dana, I enjoyed our conversation about we both studied in Leeds.",
        "we both studied in Leeds",
        "Hi Dana, I enjoyed our conversation about studying in Leeds.",
    ),
    Case(
        "grammar.clause_as_noun",
        "follow_up_message",
        "Hi Dana, I enjoyed hearing about onboarding takes 3 weeks.",
        "onboarding takes 3 weeks",
        "Hi Dana, I enjoyed hearing about how onboarding takes 3 weeks.",
    ),
    Case(
        "grammar.clause_as_noun",
        "follow_up_message",
        "Hi Dana, thanks for your perspective on the guild runs on Fridays.",
        "the guild runs on Fridays",
        "Hi Dana, our conversation about the pipeline was great. I appreciate all of the "
        "time you spent.",
    ),
    Case(
        "grammar.clause_as_noun",
        "thank_you_email",
        "Hi Dana, I appreciated your perspective on the roadmap was changing.",
        "the roadmap was changing",
        "Hi Dana, I appreciated your perspective on the roadmap, and our discussion of "
        "usability tests with garden volunteers was a highlight.",
    ),
    Case(
        "grammar.clause_as_noun",
        "thank_you_email",
        "Hi Dana, I enjoyed your thoughts on the guild meets every Friday.",
        "the guild meets every Friday",
        # A passive participle after the noun is a noun phrase, not a clause (corpus).
        "Hi Dana, I enjoyed your thoughts on the recent decision handed down from the 8th "
        "circuit, and on the project led by your team.",
    ),
    Case(
        "grammar.doubled_words",
        "connection_note",
        note("It was good to meet you at Acme at Acme."),
        "at Acme at Acme",
        note("I think that that plan works at Acme."),
    ),
    Case(
        "grammar.doubled_words",
        "follow_up_message",
        note("I read the the design doc."),
        "the the",
        note("I read the design doc, the one on Kafka."),
    ),
    Case(
        "grammar.doubled_punctuation",
        "connection_note",
        note("Thanks again from Acme Co.. Talk soon."),
        "..",
        note("I was glad... truly. Really?!"),
        severity="warning",
    ),
    Case(
        "grammar.doubled_punctuation",
        "follow_up_message",
        note("Thanks,, and talk soon."),
        ",,",
        note("Thanks, and talk soon."),
        severity="warning",
    ),
    Case(
        "grammar.lower_i",
        "connection_note",
        note("Since then i have read more."),
        "i",
        note("I have read more, i.e. the docs on (i) lag and (ii) retries."),
    ),
    Case(
        "grammar.all_lower",
        "connection_note",
        "hi dana, thanks for the talk about the kafka pipeline.",
        "hi dana, thanks for the talk about the kafka pipeline.",
        "Hi dana, thanks for the talk about the kafka pipeline.",
    ),
    Case(
        "grammar.confused_words",
        "follow_up_message",
        note("It was a pleasure to meat you."),
        "to meat you",
        note("It was a pleasure to meet you over meat pies."),
    ),
    Case(
        "register.shorthand",
        "connection_note",
        note("I have 5 yrs of Kafka work behind me."),
        "yrs",
        note("I have 5 years of Kafka work behind me."),
    ),
    Case(
        "register.shorthand",
        "follow_up_message",
        note("Pairing w/ the platform team sounds great."),
        "w/",
        note("Pairing with the platform team sounds great."),
    ),
    Case(
        "register.you_letters",
        "follow_up_message",
        note("Hope u enjoy the weekend."),
        "u",
        note("Our U.S. team and the R&D group say hello."),
    ),
    Case(
        "register.four_for",
        "connection_note",
        "Hi Dana, thanks 4 the talk about the Kafka pipeline.",
        "4",
        note("We covered 4 topics in 45 minutes with 4 of the team."),
    ),
    Case(
        "register.chat_filler",
        "follow_up_message",
        note("Your tiny office, bahaha, was fine."),
        "bahaha",
        note("The Bahamas office was fine."),
    ),
    Case(
        "register.chat_filler",
        "follow_up_message",
        note("The pager rota sounds fun lol."),
        "lol",
        note("The pager rota sounds fun, as does the Lollapalooza trip."),
    ),
    Case(
        "register.aside_abbreviations",
        "connection_note",
        note("Fyi, I finished the course."),
        "Fyi",
        note("For your information, I finished the course."),
    ),
    Case(
        "register.aside_abbreviations",
        "thank_you_email",
        note("Btw, I finished the course."),
        "Btw",
        note("By the way, I finished the course."),
        severity="warning",
    ),
    Case(
        "register.symbols",
        "follow_up_message",
        note("Moving Jenkins -> GitHub Actions sounds great."),
        "->",
        note("Moving from Jenkins to GitHub Actions sounds great, as does C++ and 2 + 2."),
    ),
    Case(
        "register.symbols",
        "connection_note",
        note("Kafka + Flink sounds great."),
        "+ ",
        note("Kafka and Flink sound great."),
    ),
]
RULES_TESTED = {c.rule for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.kind}")
def test_trips_with_span_on_the_offending_words(case: Case) -> None:
    found = of(run(case.kind, case.trip), case.rule)
    assert found, f"{case.rule} did not trip on {case.trip!r}"
    assert case.trip[found[0].start : found[0].end] == case.excerpt
    assert found[0].severity == case.severity
    assert found[0].message and found[0].suggestion


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.kind}")
def test_near_miss_does_not_trip(case: Case) -> None:
    assert of(run(case.kind, case.near_miss), case.rule) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (note("Good to meet you at Acme at Acme."), note("Good to meet you at Acme.")),
        (note("I read the the the doc."), note("I read the doc.")),
        (note("Thanks,, and talk soon.."), note("Thanks, and talk soon.")),
        (note("Wow.... i'm sure?."), note("Wow... I'm sure?")),
        (note("Thx again, 2 yrs w/o mgmt."), note("Thanks again, 2 years without management.")),
        ("Hi Dana, thx 4 the chat. r u free?", "Hi Dana, thanks for the chat. Are you free?"),
        (note("Kafka + Flink, meet @ noon."), note("Kafka and Flink, meet at noon.")),
    ],
)
def test_safe_fixes_spell_it_out(text: str, fixed: str) -> None:
    assert apply_fixes(text, run("follow_up_message", text).findings) == fixed


def test_chat_filler_and_arrows_get_no_fix_only_advice() -> None:
    report = run("follow_up_message", note("Kafka -> Flink rn lol."))
    found = [f for f in report.findings if f.rule in ("register.chat_filler", "register.symbols")]
    assert all(f.replacement is None for f in found)
    assert {report.text[f.start : f.end] for f in found} == {"->", "rn", "lol"}
    assert not report.ok


def test_messages_say_what_was_found_and_how_to_fix_it() -> None:
    [doubled] = of(run("connection_note", note("I read the the doc.")), "grammar.doubled_words")
    assert doubled.message == "'the the' says the same words 2 times in a row"
    assert doubled.suggestion == "Keep one copy."
    [short] = of(run("connection_note", note("I have 5 yrs of it.")), "register.shorthand")
    assert short.message == "'yrs' is shorthand from notes or texting"
    assert short.suggestion == "Write it out: 'years'."
    text = "Hi Dana, I enjoyed our conversation about we both studied in Leeds."
    [clause] = of(run("connection_note", text), "grammar.clause_as_noun")
    assert "where 'conversation about' needs a thing" in clause.message


def test_a_name_repeated_ten_thousand_times_is_one_finding() -> None:
    text = "Hi Dana, " + "Dana " * 10_000
    found = of(run("follow_up_message", text), "grammar.doubled_words")
    assert len(found) == 1 and found[0].replacement == "Dana"


def test_writer_rules_lists_every_rule_of_these_families_with_its_kinds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.test_rules_perspective import RULES_TESTED as PERSPECTIVE
    from writer.cli import main

    assert main(["rules"]) == 0
    shown = capsys.readouterr().out
    for rule in sorted(RULES_TESTED | PERSPECTIVE):
        [line] = [line for line in shown.splitlines() if line.startswith(f"{rule}  [")]
        assert "connection note" in line and "follow-up message" in line
        assert "thank-you email" in line
