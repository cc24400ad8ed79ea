"""Rules on a message's shape (rules/14-message.yaml) and the precision fixes the corpus
benchmark asked for: a message naming nothing from the conversation, an email with no
greeting, a sentence in lower case, a subject said twice, thanks only implied, a status
email's subject, and the tone classes added from the corpus's tune part."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.rule_cases import cases, misses, references, trips
from tests.test_checker import Case, run
from writer.checker import check_text
from writer.checker.engine import Finding
from writer.kinds import MessageKind

T, N, F = "thank_you_email", "connection_note", "follow_up_message"
CASES = cases(
    [
        (
            "grammar.sentence_case",
            T,
            "Hi Dana, thank you for the talk about the Kafka pipeline migration. it was great.",
            "it",
            "Hi Dana, thank you for the talk about the Kafka pipeline migration, e.g. the cutover.",
        ),
        (
            "grammar.sentence_case",
            F,
            "Hi Dana, thank you for the Kafka pipeline migration talk! the rollback plan helped.",
            "the",
            "Hi Dana, thank you for the Kafka pipeline migration talk... the rollback plan helped.",
        ),
        (
            "grammar.resumptive_pronoun",
            T,
            "Hi Dana, thank you for the Kafka pipeline migration talk. "
            "The advice you gave me on the cutover, it helped me enormously.",
            ", it",
            "Hi Dana, thank you for the Kafka pipeline migration talk. "
            "The day we met, it was raining in Leeds.",
        ),
        (
            "grammar.resumptive_pronoun",
            F,
            "Hi Dana, thank you for the Kafka pipeline migration talk. "
            "The tools we discussed, they sound ideal for the rollout.",
            ", they",
            "Hi Dana, thank you for the Kafka pipeline migration talk. "
            "The tools we discussed sound ideal for the rollout.",
        ),
        (
            "tone.entitled",
            T,
            "Hi Dana, thank you for the Kafka pipeline migration talk. I require an honest answer.",
            "I require",
            "Hi Dana, thank you for the Kafka pipeline migration talk. The role requires Kafka.",
        ),
        (
            "tone.rude",
            T,
            "Hi Dana, thank you for the Kafka pipeline migration talk. That was clearly a form "
            "letter.",
            "form letter",
            "Hi Dana, thank you for the Kafka pipeline migration talk. I filled in the form.",
        ),
        (
            "tone.passive",
            T,
            "Hi Dana, thank you for the Kafka pipeline migration talk. Obviously, I had wished "
            "for better news.",
            "Obviously, I had wished",
            "Hi Dana, thank you for the Kafka pipeline migration talk. Obviously, the cutover "
            "comes first.",
        ),
        (
            "tone.passive",
            F,
            "Hi Dana, thank you for the Kafka pipeline migration talk. I had hoped the decision "
            "would be different.",
            "I had hoped the decision would be different",
            "Hi Dana, thank you for the Kafka pipeline migration talk. I hope the decision goes "
            "well for the team.",
        ),
        (
            "tone.passive",
            F,
            "Hi Dana, thank you for the Kafka pipeline migration talk. Since I haven't heard "
            "back from you, I am writing again.",
            "Since I haven't heard back",
            "Hi Dana, thank you for the Kafka pipeline migration talk. Since we spoke, I have "
            "read your post on the cutover.",
        ),
        (
            "tone.sarcasm",
            F,
            "Hi Dana, thank you for the Kafka pipeline migration talk. Nice of you to finally "
            "reply.",
            "Nice of you to finally",
            "Hi Dana, thank you for the Kafka pipeline migration talk. It was kind of you to "
            "introduce me to Priya.",
        ),
        (
            "tone.sarcasm",
            T,
            "Hi Dana, thank you for the Kafka pipeline migration talk. Thanks for finally "
            "writing back.",
            "Thanks for finally",
            "Hi Dana, thank you for the Kafka pipeline migration talk. I finally tried the "
            "replay tool you mentioned.",
        ),
        (
            "tone.sarcasm",
            F,
            "Hi Dana, thank you for the Kafka pipeline migration talk. Better late than never.",
            "Better late than never",
            "Hi Dana, thank you for the Kafka pipeline migration talk. Sorry this note is late.",
        ),
        (
            "generic.role_greeting",
            T,
            "Dear Recruiter,\nThank you for the talk about the Kafka pipeline migration.",
            "Dear Recruiter",
            "Dear Ms. Lee,\nThank you for the talk about the Kafka pipeline migration.",
        ),
    ]
)
# generic.stock_claims is a warning: its cases are the parametrised tests below.
RULES_TESTED = (
    "generic.nothing_specific",
    "greet.missing",
    "style.echoed_word",
    "generic.stock_claims",
)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.kind}")
def test_trips_on_the_offending_words(case: Case) -> None:
    trips(case)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.kind}")
def test_near_miss_passes(case: Case) -> None:
    misses(case)


def findings(kind: str, text: str, rule: str, **options: str) -> list[Finding]:
    report = check_text(MessageKind(kind), text, **options)
    return [f for f in report.findings if f.rule == rule]


@pytest.mark.parametrize(
    "kind,text",
    [
        (
            T,
            "Dear Ms. Patel,\nThank you for your time yesterday. I enjoyed learning about the "
            "role and the team, and I look forward to hearing from you.\nBest regards,\nJordan",
        ),
        (N, "I'd love to connect and learn from your experience."),
        (F, "Thank you for telling me more about the position at Redwood Outdoor."),
    ],
)
def test_a_message_of_boilerplate_is_generic(kind: str, text: str) -> None:
    found = findings(kind, text, "generic.nothing_specific")
    assert [f.severity for f in found] == ["warning"]
    assert "could be sent to anyone" in found[0].message


@pytest.mark.parametrize(
    "kind,text",
    [
        (N, "Hi Dana, thank you for the chat about Kafka in Berlin."),
        (
            T,
            "Dear Ms. Patel,\nThank you for your time yesterday. Your plan to move billing onto "
            "Stripe sounds ambitious.\nBest regards,\nJordan",
        ),
        (F, "Thanks again for the tour of the Leeds warehouse and the forklift demo."),
        # Whole words, not stems: 'experiments' is not the boilerplate 'experience'.
        (N, "Hi D'Arcy, thanks for the talk about pricing experiments."),
    ],
)
def test_a_message_that_names_something_is_not_generic(kind: str, text: str) -> None:
    assert findings(kind, text, "generic.nothing_specific") == []


def test_no_hand_written_reference_is_called_generic() -> None:
    """The golden and messy sets' references are good, specific messages: pasted without
    their notes, none may be called generic."""
    generic = [
        case
        for case, kind, text in references()
        if kind in (T, N, F) and findings(kind, text, "generic.nothing_specific")
    ]
    assert generic == []


def test_links_names_and_the_signature_are_not_specific() -> None:
    text = (
        "Bill:\n\nPlease add my profile: www.example.com or me@example.com.\n\n"
        "Best regards,\nGeorge Marsh"
    )
    assert findings(N, text, "generic.nothing_specific")


def test_with_notes_the_topic_rule_judges_instead() -> None:
    report = run(N, "Hi Dana, thank you for your time yesterday.")
    fired = {f.rule for f in report.findings}
    assert "specific.topic" in fired and "generic.nothing_specific" not in fired


def test_an_email_without_a_greeting_is_warned() -> None:
    text = "Thank you for interviewing me on Monday. The Kafka cutover plan sounds great."
    found = findings(T, text, "greet.missing")
    assert [f.severity for f in found] == ["warning"]
    assert text[found[0].start : found[0].end] == "Thank you for interviewing me on Monday."


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dana,\nThank you for the Kafka talk.",
        "Dan,\nThank you for the Kafka talk.",
        "Thanks for the Kafka talk, Aoife! It helped.",
        "Good morning Ms. Patel, thank you for the Kafka talk.",
    ],
)
def test_a_greeting_in_any_common_shape_passes(text: str) -> None:
    assert findings(T, text, "greet.missing") == []


def test_implied_thanks_is_a_warning_on_its_words() -> None:
    text = "Dear Dana,\nI really enjoyed meeting you and hearing about the Kafka cutover."
    found = findings(T, text, "gratitude.present")
    assert [f.severity for f in found] == ["warning"]
    assert text[found[0].start : found[0].end] == "really enjoyed meeting"
    assert "only implied" in found[0].message


def test_no_thanks_at_all_is_still_an_error() -> None:
    text = "Dear Dana,\nThe Kafka cutover plan sounds ambitious."
    assert [f.severity for f in findings(T, text, "gratitude.present")] == ["error"]


@pytest.mark.parametrize("subject", ["Checking in", "Following up on my application"])
def test_a_status_email_subject_may_say_it_follows_up(subject: str) -> None:
    text = "Hi Dana,\nI hope the search is going well; is there an update on the timeline?"
    assert findings("status_email", text, "subject.present", subject=subject) == []


def test_a_status_email_subject_that_says_nothing_is_still_an_error() -> None:
    text = "Hi Dana,\nI hope the search is going well; is there an update on the timeline?"
    found = findings("status_email", text, "subject.present", subject="Hello there")
    assert [f.severity for f in found] == ["error"]


def test_the_offline_notes_and_follow_ups_do_not_echo_their_own_close() -> None:
    # The close is chosen apart from what the note already said: 'many thanks for
    # connecting ... Thanks again for your time' was the echo readers heard most.
    from tests.helpers import EXAMPLES
    from writer.backends import OfflineBackend
    from writer.drafting import draft_all
    from writer.loader import load_notes
    from writer.planner import plan_for

    short = {MessageKind.connection_note, MessageKind.follow_up_message}
    echoed = []
    for path in EXAMPLES:
        notes = load_notes(path)
        start = notes.interview.end or notes.interview.start
        for days in (0, 2, 9):
            plan = plan_for(notes, start + timedelta(days=days))
            for draft in draft_all(notes, plan, OfflineBackend()).drafts:
                rules = {f.rule for f in draft.report.findings}
                if draft.kind in short and "style.echoed_word" in rules:
                    echoed.append(draft.text)
    assert echoed == []


@pytest.mark.parametrize(
    ("kind", "text", "excerpt"),
    [
        (
            N,
            "Hi Dana, many thanks for the chat about the Kafka migration. Thanks again, and "
            "I'd be glad to connect.",
            "Thanks",
        ),
        (
            F,
            "Hi Dana, thanks for connecting. I enjoyed our talk about Kafka retries. "
            "I'll enjoy following the team's work.",
            "enjoy",
        ),
    ],
)
def test_a_word_said_twice_in_a_short_note_is_warned(kind: str, text: str, excerpt: str) -> None:
    [found] = findings(kind, text, "style.echoed_word")
    assert text[found.start : found.end] == excerpt and found.severity == "warning"
    assert found.suggestion


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the company, the role and a product are the subject, said as often as needed
        (N, "Hi Dana, thanks for the chat about Kafka at Acme. I'd like to follow Kafka at Acme."),
        # function words and a word said twice inside one sentence are no echo
        (F, "Hi Dana, thanks for connecting and for the time and the care you took."),
    ],
)
def test_names_and_function_words_are_no_echo(kind: str, text: str) -> None:
    assert findings(kind, text, "style.echoed_word") == []


@pytest.mark.parametrize(
    ("kind", "text", "excerpt", "severity"),
    [
        (
            "thank_you_email",
            "Dear Hiring Manager,\nThank you for the talk.",
            "Dear Hiring Manager",
            "error",
        ),
        ("connection_note", "Hi Recruiter, thanks for the chat on Kafka.", "Hi Recruiter", "error"),
        (
            "follow_up_message",
            "Dear Sir or Madam,\nThank you for the interview.",
            "Dear Sir or Madam",
            "warning",
        ),
        ("status_email", "To whom it may concern: any news?", "To whom it may concern", "warning"),
    ],
)
def test_a_greeting_to_a_job_title_reads_as_a_form_letter(
    kind: str, text: str, excerpt: str, severity: str
) -> None:
    [found] = findings(kind, text, "generic.role_greeting")
    assert (text[found.start : found.end], found.severity) == (excerpt, severity)
    assert "job title" in found.message and found.suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Dear Sir,\nThank you for the interview on Friday.",
        "Dear Ms. Patel,\nThank you; the hiring manager role sounds great.",
        "Hi Dana,\nI met the recruiter and the hiring team on Friday.",
    ],
)
def test_a_greeting_by_name_or_courtesy_title_passes(text: str) -> None:
    assert findings("thank_you_email", text, "generic.role_greeting") == []


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        (
            "I believe I am the ideal candidate for the open position.",
            "I am the ideal candidate for",
        ),
        ("My skills would make me an invaluable asset.", "would make me an invaluable asset"),
        ("It complements the aforementioned position.", "the aforementioned position"),
        (
            "I possess all of the experience and attributes necessary for it.",
            "possess all of the experience and attributes necessary",
        ),
    ],
)
def test_stock_cover_letter_lines_are_warned(text: str, excerpt: str) -> None:
    [found] = findings("follow_up_message", f"Hi Dana, {text}", "generic.stock_claims")
    assert f"Hi Dana, {text}"[found.start : found.end] == excerpt
    assert found.severity == "warning" and found.suggestion


def test_a_fit_shown_by_what_was_discussed_is_not_a_stock_line() -> None:
    text = (
        "Hi Dana, my year running the Kafka migration would help with the pipeline you "
        "described, and I would be an ideal reader of your team's postmortems."
    )
    assert findings("follow_up_message", text, "generic.stock_claims") == []
