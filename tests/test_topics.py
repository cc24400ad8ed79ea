"""The topic stage on topics jotted the way candidates jot them."""

from __future__ import annotations

import re
import time

import pytest

from writer.notes import Interviewer
from writer.topics import Kind, analyse, first_fit, frames, split_topic, topics_for

# Words that start a whole clause: such a rendering cannot follow "our conversation about".
_CLAUSE_START = re.compile(r"^(?:we|she|he|they|i|you|it|there)(?:'\w+)?\s", re.IGNORECASE)
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|his|him)\b", re.IGNORECASE)


def one(topic: str, notes: str | None = None, name: str = "Ines Carvalho") -> Interviewer:
    return Interviewer(name=name, topics=[topic] if topic else [], notes=notes)


def usable(topic: str, **kw: str) -> list[tuple[Kind, str | None, str | None]]:
    found = topics_for(one(topic, **kw))
    return [(f.kind, f.noun, f.clause) for f in found.usable]


def reasons(topic: str) -> list[tuple[str, str]]:
    return [(o.text, o.reason) for o in topics_for(one(topic)).left_out]


MESSY = [
    "rewrite of the payments api in go (v slow rn)",
    "we both grew up near Porto",
    "she reckons their terraform modules are overdue a cleanup",
    "my on-call story from the last gig",
    "i rebuilt the alerting at acme in 2 wks",
    "final round w/ CTO next thurs",
    "his sister is in hospital",
    "dashboards -> looker",
    "the data team's wiki is chaos lol",
    "(looked distracted the whole time)",
    "H-1B transfer timing",
    "expected 120-140k base",
    "i totally blanked on the graph question",
    "Marco said the team is hiring two more SREs",
    "idk?!",
    "mgmt style; 1:1s every wk + quarterly OKRs",
    "how they run incident reviews",
    "her approach to mentoring juniors",
    "we're both ex-consultants",
    "talked about moving ETL to dbt, and her cat",
    "she's worried about the EU data rules",
]


def test_splits_at_jotting_breaks_and_keeps_brackets_apart() -> None:
    pieces = split_topic("mgmt style; 1:1s every wk — quarterly OKRs (ask later)")
    assert [p.text for p in pieces] == [
        "mgmt style",
        "1:1s every wk",
        "quarterly OKRs",
        "ask later",
    ]
    assert [p.bracketed for p in pieces] == [False, False, False, True]
    # A list stays whole; a comma before a new subject splits.
    assert len(split_topic("Kafka, Flink and Spark for the streaming layer")) == 1
    assert len(split_topic("reviews take a week, she wants a day")) == 2


@pytest.mark.parametrize(
    ("topic", "kind", "noun"),
    [
        ("rewrite of the payments api in go", Kind.subject, "rewrite of the payments API in go"),
        ("dashboards -> looker", Kind.subject, "moving from dashboards to Looker"),
        ("k8s cost reporting", Kind.subject, "Kubernetes cost reporting"),
        ("Migrating the ledger to postgres tbh", Kind.subject, "migrating the ledger to Postgres"),
        ("how they run incident reviews", Kind.subject, "how you run incident reviews"),
        ("her approach to mentoring juniors", Kind.view, "your approach to mentoring juniors"),
        ("kafka + flink", Kind.subject, "Kafka and Flink"),
        ("next steps w/ VP of eng", Kind.logistics, "the next steps with the VP of engineering"),
    ],
)
def test_noun_phrases_fit_after_about(topic: str, kind: Kind, noun: str) -> None:
    [(got_kind, got_noun, _)] = usable(topic)
    assert (got_kind, got_noun) == (kind, noun)


@pytest.mark.parametrize(
    ("topic", "noun", "clause"),
    [
        (
            "she reckons their terraform modules are overdue a cleanup",
            "your view that your Terraform modules are overdue a cleanup",
            "your Terraform modules are overdue a cleanup",
        ),
        (
            "Ines said releases always slip in december",
            "your point that releases always slip in December",
            "releases always slip in December",
        ),
        (
            "he thinks pairing beats code review",
            "your view that pairing beats code review",
            "pairing beats code review",
        ),
        (
            "reviews always take a week",
            "how reviews always take a week",
            "reviews always take a week",
        ),
    ],
)
def test_the_interviewers_views_become_clauses_in_the_second_person(
    topic: str, noun: str, clause: str
) -> None:
    [(kind, got_noun, got_clause)] = usable(topic, name="Ines Carvalho")
    assert (kind, got_noun, got_clause) == (Kind.view, noun, clause)


def test_a_view_without_content_is_not_padded_into_one() -> None:
    assert reasons("she said") == [("she said", "too vague to use")]
    # Read on its own, "she wants 2" says nothing the reader would recognise.
    assert usable("reviews take a week, she wants 2") == [
        (Kind.view, "how reviews take a week", "reviews take a week")
    ]


@pytest.mark.parametrize(
    ("topic", "sentence"),
    [
        ("we both grew up near Porto", "It was fun to find out we both grew up near Porto."),
        ("both do triathlons lol", "It was fun to find out we both do triathlons."),
        ("we're both ex-consultants", "It was fun to find out we're both ex-consultants."),
        ("we both have two dogs", "It was fun to find out we both have two dogs."),
    ],
)
def test_common_ground_is_a_sentence_and_never_a_noun(topic: str, sentence: str) -> None:
    [fragment] = topics_for(one(topic)).usable
    assert fragment.kind == Kind.common_ground
    assert fragment.noun is None  # never "your perspective on we both ..."
    assert fragment.sentence == sentence


@pytest.mark.parametrize(
    ("topic", "noun"),
    [
        ("my on-call story from the last gig", "my on-call story from the last gig"),
        (
            "i rebuilt the alerting at acme in 2 wks",
            "how I rebuilt the alerting at acme in two weeks",
        ),
        ("she asked me about my thesis", "my thesis"),
    ],
)
def test_the_candidates_own_doings_stay_first_person(topic: str, noun: str) -> None:
    found = topics_for(one(topic))
    [fragment] = found.usable
    assert (fragment.kind, fragment.noun) == (Kind.own, noun)
    assert fragment.sentence == f"I appreciated the chance to talk about {noun}."
    # Never offered to a frame that would say the candidate heard it from the reader.
    assert noun not in found.nouns()


@pytest.mark.parametrize(
    ("topic", "reason"),
    [
        ("his sister is in hospital", "private"),
        ("her partner's chemo", "private"),
        ("H-1B transfer timing", "private"),
        ("needs visa sponsorship from jan", "private"),
        ("expected 120-140k base", "private"),
        ("comp band for L5", "private"),
        ("she's pregnant, due in spring", "private"),
        ("prays at lunch", "private"),
        ("her kids go to my old school", "personal"),
        ("the data team's wiki is chaos lol", "negative"),
        ("honestly their CI is a mess", "negative"),
        ("i totally blanked on the graph question", "self-critical"),
        ("drew a blank on the estimation q", "self-critical"),
        ("should have asked about the roadmap", "self-critical"),
        ("Marco said the team is hiring two more SREs", "about someone else"),
        ("her boss is leaving in march", "about someone else"),
        ("idk?!", "an aside"),
        ("lol", "an aside"),
        ("he wouldn't say", "an aside"),
        ("the reorg?!", "an aside"),
        ("remote policy?", "a question to yourself"),
    ],
)
def test_what_must_never_be_repeated_is_left_out_with_a_reason(topic: str, reason: str) -> None:
    found = topics_for(one(topic))
    assert found.usable == ()
    assert [o.reason for o in found.left_out] == [reason]
    assert found.notices() == [f"not used: '{found.left_out[0].text}' ({reason})"]


def test_links_markup_and_long_rambles_are_not_quoted() -> None:
    assert reasons("runbook at https://wiki.example/ops; ping ana@ops.example") == [
        ("runbook at https://wiki.example/ops", "a link, address or code"),
        ("ping ana@ops.example", "a link, address or code"),
    ]
    assert reasons("<b>urgent</b> hiring") == [("<b>urgent</b> hiring", "a link, address or code")]
    ramble = "why retries pile up " + "and then the queue backs up again " * 5
    assert [r for _, r in reasons(ramble)] == ["too long to say well"]
    [(_, noun, _)] = usable("how pricing tests run, which means a lot of waiting for data")
    assert noun == "how pricing tests run"


def test_a_pasted_wall_of_text_is_left_out_quickly() -> None:
    start = time.perf_counter()
    found = analyse(("we both " * 20000, "x" * 50000), "she said " * 30000)
    assert time.perf_counter() - start < 0.5
    assert found.usable == ()
    assert {o.reason for o in found.left_out} == {"too long to say well"}
    assert len(analyse(("x; " * 30000,)).left_out) <= 40


def test_a_long_explanation_keeps_its_head() -> None:
    topic = "how the support team triages tickets, which " + "takes a long time " * 20
    assert [f.noun for f in topics_for(one(topic)).usable] == [
        "how the support team triages tickets"
    ]


@pytest.mark.parametrize(
    ("topic", "kind", "clause"),
    [
        ("engineers rotate through support weekly", Kind.view, True),
        ("the squad owns hiring end to end", Kind.view, True),
        ("weekly reports to the board", Kind.subject, False),
        ("code reviews on every merge", Kind.subject, False),
    ],
)
def test_a_verb_agreeing_with_its_noun_makes_a_clause(topic: str, kind: Kind, clause: bool) -> None:
    [fragment] = topics_for(one(topic)).usable
    assert fragment.kind == kind
    assert (fragment.noun is None or fragment.noun.startswith("how ")) == clause


def test_invisible_characters_and_pictographs_are_dropped() -> None:
    [(_, noun, _)] = usable("🚀 growth loops\u200b for\u202e onboarding 🔥")
    assert noun == "growth loops for onboarding"


@pytest.mark.parametrize(
    ("topic", "reason"),
    [
        ("he'd put in a good word w/ the panel", "about how you did"),
        ("she loved my answer on sharding", "about how you did"),
        ("think it went well tbh", "about how you did"),
        ("need to email my references by weds", "a note to yourself"),
        ("they couldn't share the budget", "an aside"),
        ("call started late", "an aside"),
        ("looks like a fun team", "can't be said well"),
        ("she's Catholic too", "private"),
        ("their ticketing setup, hate it", "negative"),
        ("6 months", "too vague to use"),
    ],
)
def test_remarks_about_the_candidates_chances_notes_to_self_and_fragments_without_subject(
    topic: str, reason: str
) -> None:
    assert [r for _, r in reasons(topic)] == [reason]


@pytest.mark.parametrize(
    ("topic", "noun", "clause"),
    [
        # A 'be' statement reads well only after "that", never as "how the team is ...".
        ("team is spread over Lisbon and Leeds", None, "the team is spread over Lisbon and Leeds"),
        ("he's been on the team since launch", None, "you've been on the team since launch"),
        (
            "Worth noting: they deploy on fridays",
            "how you deploy on Fridays",
            "you deploy on Fridays",
        ),
        (
            "her view: batch > streaming for finance",
            "your view on batch over streaming for finance",
            None,
        ),
        ("scala vs kotlin for services", "Scala versus Kotlin for services", None),
        ("chatted abt the design system", "the design system", None),
    ],
)
def test_labels_symbols_and_be_statements(topic: str, noun: str | None, clause: str | None) -> None:
    [(_, got_noun, got_clause)] = usable(topic)
    assert (got_noun, got_clause) == (noun, clause)


def test_both_without_a_verb_gets_one() -> None:
    [fragment] = topics_for(one("both ex-teachers")).usable
    assert fragment.sentence == "It was fun to find out we're both ex-teachers."


def test_logistics_nouns_get_their_article() -> None:
    [(kind, noun, _)] = usable("asked about relocation timeline")
    assert (kind, noun) == (Kind.logistics, "the relocation timeline")


def test_a_bracketed_remark_is_an_aside_and_the_topic_around_it_is_kept() -> None:
    found = topics_for(one("migrating search to opensearch (he seemed bored)"))
    assert [f.noun for f in found.usable] == ["migrating search to OpenSearch"]
    assert [(o.text, o.reason) for o in found.left_out] == [("he seemed bored", "negative")]
    found = topics_for(one("the Snowflake move (3 yrs in)"))
    assert [(o.text, o.reason) for o in found.left_out] == [("3 yrs in", "an aside")]


def test_a_judgement_is_never_quoted_back_even_when_the_interviewer_voiced_it() -> None:
    # said in the room, it is theirs; written back to them it reads as an accusation
    found = topics_for(one("she thinks their old deploy tooling is a mess"))
    assert found.usable == ()
    assert found.notices() == [
        "not used: 'she thinks their old deploy tooling is a mess' (negative)"
    ]


def test_one_topic_with_a_private_half_keeps_the_work_half() -> None:
    found = topics_for(one("talked about moving ETL to dbt, and her cat"))
    assert [f.noun for f in found.usable] == ["moving ETL to dbt"]
    assert found.notices() == ["not used: 'her cat' (personal)"]


def test_ranked_work_and_views_first_then_common_ground_own_and_logistics() -> None:
    person = Interviewer(
        name="Tomasz Wójcik",
        topics=[
            "final round w/ CTO next thurs",
            "both ran the Berlin half",
            "i walked through my take-home",
            "he said the platform team owns CI",
            "event sourcing for the ledger",
        ],
    )
    kinds = [f.kind for f in topics_for(person).usable]
    assert kinds == [Kind.view, Kind.subject, Kind.common_ground, Kind.own, Kind.logistics]


def test_free_notes_are_read_sentence_by_sentence() -> None:
    person = one(
        "", notes="Great chat about the Rust rewrite. She mentioned her divorce. i rambled"
    )
    found = topics_for(person)
    assert [o.reason for o in found.left_out] == ["private", "self-critical"]
    assert len(found.usable) == 1


def test_empty_topics_give_an_empty_set() -> None:
    found = topics_for(Interviewer(name="Aiyana Redcloud"))
    assert (found.usable, found.left_out) == ((), ())
    assert found.prompt_payload() == {"usable": [], "do_not_mention": []}


def test_the_same_topic_twice_is_used_once() -> None:
    found = analyse(("Kafka migration", "kafka migration"))
    assert len(found.usable) == 1
    assert found.left_out[0].reason == "said in another topic"


def test_prompt_payload_marks_left_out_fragments_do_not_mention() -> None:
    payload = topics_for(one("the search relaunch; her dad's surgery")).prompt_payload()
    assert [(u["kind"], u["text"]) for u in payload["usable"]] == [
        ("subject", "the search relaunch")
    ]
    assert payload["do_not_mention"] == [{"text": "her dad's surgery", "reason": "private"}]


def test_the_prompt_says_the_candidates_doing_is_first_person_only() -> None:
    [entry] = topics_for(one("i mapped the on-call runbooks")).prompt_payload()["usable"]
    assert entry["kind"] == "own" and "first person" in entry["say_as"]


def test_no_rendering_breaks_its_frame_on_messy_topics() -> None:
    for topic in MESSY:
        for fragment in topics_for(one(topic, name="Ines Carvalho")).usable:
            if fragment.noun:
                assert not _CLAUSE_START.match(fragment.noun), (topic, fragment.noun)
            for text in filter(None, (fragment.noun, fragment.clause, fragment.sentence)):
                assert not _THIRD_PERSON.search(text), (topic, text)
                assert not re.search(r"\bi\b|\brn\b|\blol\b|\bw/|\byrs\b", text), (topic, text)
                assert not text.endswith((".", ",", ";")) or fragment.sentence == text


def test_deterministic_and_under_a_millisecond_per_interviewer() -> None:
    people = [
        Interviewer(name=f"Person {i}", topics=[*MESSY[i % 7 : i % 7 + 3], f"topic {i}"])
        for i in range(200)
    ]
    assert topics_for(people[0]) == topics_for(people[0].model_copy())
    rounds = []
    # CPU time, which a shared machine's load barely moves (its wall clock failed the bound
    # at a load of 12 on 2 cores); the best round is the least disturbed.
    for _ in range(3):
        analyse.cache_clear()
        start = time.process_time()
        for person in people:
            topics_for(person)
        rounds.append(time.process_time() - start)
    per_person = min(rounds) / len(people)
    assert per_person < 0.005  # 1 ms measured; the bound leaves room for a loaded machine


FRAMES = [
    frames.ABOUT,
    frames.PERSPECTIVE,
    frames.HEARING_THAT,
    frames.SAID_HOW,
    frames.COMMON_GROUND,
    frames.OWN_DOING,
    frames.PROCESS_THANKS,
    frames.LOOK_FORWARD,
]


def test_every_frame_takes_only_what_reads_well_in_it() -> None:
    filled: dict[str, list[str]] = {}
    for topic in MESSY:
        for fragment in topics_for(one(topic)).usable:
            for frame in FRAMES:
                sentence = frame.fill(fragment)
                if sentence:
                    filled.setdefault(frame.text, []).append(sentence)
                    assert sentence[0].isupper() and sentence.endswith("."), sentence
                    assert "  " not in sentence and " ." not in sentence, sentence
    # The frames that name the reader's view never get a clause or the candidate's doing.
    for sentence in filled[frames.PERSPECTIVE.text]:
        assert not re.search(r"perspective on (?:we|I|my|your \w+ that)\b", sentence), sentence
    assert "It was fun to find out we both grew up near Porto." in filled["{}"]
    own = (
        "I especially enjoyed our conversation about how I rebuilt the alerting at acme in "
        "two weeks."
    )
    assert own in filled[frames.ABOUT.text]


def test_first_fit_skips_used_fragments_and_what_a_frame_refuses() -> None:
    found = topics_for(
        one("we both grew up near Porto; she said demos happen every friday; search ranking")
    )
    first = first_fit(found.usable, [frames.HEARING_THAT])
    assert first is not None
    assert first[0] == "It was interesting to hear that demos happen every Friday."
    second = first_fit(found.usable, [frames.ABOUT, frames.HEARING_THAT], used={first[1].text})
    assert second is not None and second[0].endswith("about search ranking.")
    assert first_fit(found.of(Kind.common_ground), [frames.ABOUT]) is None


def test_only_a_step_still_to_come_is_looked_forward_to() -> None:
    found = topics_for(one("final round w/ CTO next thurs; asked about the timeline"))
    filled = [frames.LOOK_FORWARD.fill(f) for f in found.usable]
    assert filled == ["I look forward to the final round with the CTO next Thursday.", None]
    assert frames.ABOUT.fill(found.usable[1]) == (
        "I especially enjoyed our conversation about the timeline."
    )


def test_renderings_are_offered_to_the_grounding_check() -> None:
    found = topics_for(one("k8s cost reporting"))
    assert "Kubernetes cost reporting" in found.texts()
