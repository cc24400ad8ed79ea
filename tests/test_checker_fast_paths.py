"""The checker's fast paths give the answers of the plain definitions they replace: spaced
words by a byte table, capitals by a pattern that starts with the capital, the cheap test
for doubled words, and the test for a head word before 'about'."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from writer.checker.scripts_grammar import _HEAD_BEFORE, _HEAD_ENDS, _SPACED_DOUBLE, _may_double
from writer.text import _UPPER, CAPITALISED, is_sentence_start, sentence_starts, spaced_words

# Letters, digits, the punctuation a message has, and a few characters outside ASCII.
_ALPHABET = st.sampled_from(list("abcDEF xyz  ,.;:!?'-_\n\t0123") + list("’—éİ\u00a0ßK😀"))
TEXTS = st.text(_ALPHABET, max_size=80)
WORDY = st.lists(st.sampled_from(["the", "at", "Acme", "a", "b", "x"]), max_size=14).map(" ".join)


@given(TEXTS)
def test_spaced_words_are_the_text_with_each_run_of_non_word_characters_one_space(
    text: str,
) -> None:
    assert spaced_words(text) == " " + re.sub(r"[\W_]+", " ", text.lower()) + " "


@given(TEXTS)
def test_capitalised_words_are_found_where_the_look_back_first_finds_them(text: str) -> None:
    plain = re.compile(rf"(?<![\w'’\-])[{_UPPER}][\w'’\-]*")
    found = [(m.start(), m.group()) for m in CAPITALISED.finditer(text)]
    assert found == [(m.start(), m.group()) for m in plain.finditer(text)]


@given(st.one_of(TEXTS, WORDY))
def test_the_cheap_test_for_doubled_words_agrees_with_the_pattern(text: str) -> None:
    spaced = spaced_words(text)
    assert _may_double(spaced) == (_SPACED_DOUBLE.search(spaced) is not None)


@given(st.lists(st.sampled_from(["our", "conversation", "chats", "a bit", "more", "x", "\n"])))
def test_a_head_before_about_is_searched_for_wherever_the_pattern_would_find_one(
    words: list[str],
) -> None:
    lowered = " ".join(words) + " about it"
    at = lowered.rfind(" about ")
    end = at - 1 if at and lowered[at - 1] == "\n" else at
    if _HEAD_BEFORE[" about "].search(lowered, max(0, at - 40), at):
        assert lowered.endswith(_HEAD_ENDS[" about "], 0, end)


@given(st.text(st.sampled_from(list('ab .!?:;("“‘\n\t\u00a0X')), max_size=30))
def test_a_sentence_start_is_told_from_the_characters_before_it(text: str) -> None:
    found = {at for at in range(len(text) + 1) if is_sentence_start(text, at)}
    assert found == sentence_starts(text)
