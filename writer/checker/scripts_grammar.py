"""Grammar and register rules that need more than a list: a clause pasted where a noun
belongs, doubled words and punctuation, a lower-case 'i', an all-lower-case message, '4' for
'for'."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from operator import eq

from writer.checker.context import Context
from writer.checker.engine import Finding, Rule, script
from writer.lazy_re import lazy_compile

# The heads after which a noun phrase must follow ("our conversation about ___"), by the
# preposition that ends them; matched at the end of the words before the preposition.
_HEADS = {
    " about ": "conversations?|chat|talk|discussions?|hearing|learning|talking|chatting|"
    "speaking|hear|learn|insights?|questions?|story|excitement|passion",
    " on ": "perspectives?|thoughts|views?|take|insights?|advice|focus|emphasis|notes",
    " of ": "discussion|overview|explanation|description|picture|story|account|walkthrough|"
    "sense|demo",
    " into ": "insights?|look|glimpse|window",
}
_HEAD_BEFORE = {
    prep: lazy_compile(rf"\b(?:{heads})(?: (?:more|a bit|a lot|so much))?$")
    for prep, heads in _HEADS.items()
}
# The words a head can end with, by preposition: no head ends the text before a
# preposition unless one of these does (a cheap test before the search for the head).
_HEAD_ENDS = {
    prep: tuple(
        spelled
        for word in [*heads.split("|"), "more", "bit", "lot", "much"]
        for spelled in ((word[:-2], word[:-1]) if word.endswith("s?") else (word,))
    )
    for prep, heads in _HEADS.items()
}
_HEAD_REACH = 40  # characters before the preposition that the head may take
_FRAME_REACH = 200  # characters of the sentence before the head read for its main verb
# A verb before the head that takes a whole clause ("I think our talk about X was ..."):
# then the words after the head may be the subject of that clause, not a paste.
_CLAUSE_TAKERS = frozenset(
    """think thought believe believed feel felt hope know knew sure glad say said noticed
    realised realized found agree guess suspect suppose""".split()
)
# A main verb or "thank you for" before the head: the head is an object, so a finite verb
# after it belongs to a pasted clause.
_FRAMED = frozenset(
    """i thank thanks enjoyed appreciated appreciate loved liked valued was were is for
    it's it’s i'm i’m i've i’ve""".split()
)
_SENTENCE_BREAK = lazy_compile(r"[.!?;:\n]|,\s|\s[-–—]\s")
# Words that end the noun phrase: a conjunction, or a relative clause on its noun.
_PHRASE_ENDS = frozenset(
    """and but or so because as while if when since although though which that who whom
    whose where to""".split()
)
# After the first word, these start a reduced relative ("the time you spent") or a new
# noun phrase, not the verb of a pasted clause.
_RELATIVE_STARTS = frozenset(
    "you we they i she he it your our my their his her its the a an this these those".split()
)
_PREPOSITIONS = frozenset("of in on for with to at by from into about over under".split())
_NOMINATIVE = frozenset("i we she he they".split())
_WORD = lazy_compile(r"[^\W_][\w'’\-]*")


@script("clause_as_noun")
def clause_as_noun(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'our conversation about we both studied in Leeds': a whole clause after a head that
    wants a noun phrase."""
    lowered = ctx.lowered
    for at, prep in _prepositions(lowered):
        end = at - 1 if at and lowered[at - 1] == "\n" else at  # `$` also matches before it
        if not lowered.endswith(_HEAD_ENDS[prep], 0, end):
            continue
        head = _HEAD_BEFORE[prep].search(lowered, max(0, at - _HEAD_REACH), at)
        if head is None or not _framed(ctx.text, head.start()):
            continue
        found = _pasted_clause(ctx.text, at + len(prep))
        if found is not None:
            start, end = found
            said = f"{head.group()}{prep.rstrip()}"
            yield rule.finding(ctx.kind, start, end, match=ctx.text[start:end], value=said)


def _prepositions(lowered: str) -> list[tuple[int, str]]:
    """Where each of the heads' prepositions stands, in text order (a plain find is far
    faster than one regex of every head)."""
    found: list[tuple[int, str]] = []
    for prep in _HEADS:
        at = lowered.find(prep)
        while at >= 0:
            found.append((at, prep))
            at = lowered.find(prep, at + 1)
    return sorted(found)


def _framed(text: str, at: int) -> bool:
    """Whether the sentence before the head has its own main verb (so the head is an
    object) and no verb that would make what follows the subject of a new clause."""
    reach = max(0, at - _FRAME_REACH)
    # From the last clause break: in "..., and our talk about X was great" the head starts
    # a clause of its own, and its verb comes after it.
    begin = max(text.rfind(c, reach, at) for c in ".!?\n,;") + 1
    before = text[max(begin, reach) : at].casefold().split()
    if any(w in _CLAUSE_TAKERS for w in before):
        return False
    return any(w in _FRAMED for w in before)


def _pasted_clause(text: str, start: int) -> tuple[int, int] | None:
    """The span of the clause that starts at `start`, if the words there are a clause."""
    is_clause = _is_clause()
    stop = _SENTENCE_BREAK.search(text, start, start + 200)
    end = stop.start() if stop else min(len(text), start + 200)
    found = list(_WORD.finditer(text, start, end))
    words: list[str] = []
    last = start
    for i, word in enumerate(found):
        folded = word.group().casefold()
        if i and folded in _PHRASE_ENDS:
            break
        starts_phrase = i and folded in _RELATIVE_STARTS and words[-1] not in _PREPOSITIONS
        # Past the verb of a pasted clause this is its object ("runs the guild").
        if starts_phrase and not (i == 1 and words[0] in _NOMINATIVE) and not is_clause(words):
            break
        words.append(folded)
        last = word.end()
    if len(words) < 2:
        return None
    if words[0] in ("you", "it", "there") and words[1] not in ("are", "were", "is", "was"):
        return None  # "about you", "about it more": the object case, not a subject
    if _passive_participle(words):
        return None
    return (start, last) if is_clause(words) else None


# After a past participle these make it passive ("the decision handed down from", "the
# project led by"): a noun phrase with its reduced relative, not a clause.
_AGENT_OR_PARTICLE = frozenset("by down up out off over back".split())
_DETERMINERS = frozenset("the a an this that our your their his her its my".split())


def _passive_participle(words: list[str]) -> bool:
    """'the recent decision handed down from the 8th circuit': a determiner, its noun, and
    a participle taking 'by' or a particle, not the noun's finite verb."""
    if words[0] not in _DETERMINERS:
        return False
    for i in range(2, len(words) - 1):
        if words[i].endswith("ed"):
            return words[i + 1] in _AGENT_OR_PARTICLE
    return False


def _is_clause() -> Callable[[list[str]], bool]:
    """The topic stage's test of a clause, imported on first use (the topic stage costs
    `writer check` a fifth of its start-up), then kept rather than imported on each call."""
    global _IS_CLAUSE
    if _IS_CLAUSE is None:
        from writer.topics.fragments import _is_clause as is_clause

        _IS_CLAUSE = is_clause
    return _IS_CLAUSE


_IS_CLAUSE: Callable[[list[str]], bool] | None = None
_MOST_SHOWN = 60  # characters of a doubled run quoted in the message
_DOUBLE_OK = frozenset("that had".split())  # "I think that that works", "she had had"
# A word or a phrase of up to four words, then the same again after one space.
# Possessive runs: a word is never shortened to find a repeat (that backtracking made the
# scan several times slower).
_DOUBLED = lazy_compile(r"(?<![\w'’])([\w'’]++(?: [\w'’]++){0,3}) \1(?![\w'’])", re.IGNORECASE)


@script("doubled_words")
def doubled_words(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'the the', 'at Acme at Acme': a word or a phrase of up to four words said twice."""
    text = ctx.text
    if not (_may_double_ascii(ctx.lowered) if text.isascii() else _may_double(ctx.spaced)):
        return
    folded = ctx.lowered if len(ctx.lowered) == len(text) else text
    at = 0
    while True:
        match = _DOUBLED.search(text, at)
        if match is None:
            return
        once = match.group(1)
        if once.casefold() in _DOUBLE_OK or once.isdigit():
            at = match.start() + len(once) + 1
            continue
        once, copies = _unit(once)
        end, again = match.end(), " " + once.lower()
        while folded.startswith(again, end) and _ends_word(text, end + len(again)):
            end, copies = end + len(again), copies + 1
        said = text[match.start() : end]
        said = said if len(said) <= _MOST_SHOWN else said[: _MOST_SHOWN - 1] + "…"
        yield rule.finding(ctx.kind, match.start(), end, match=said, replacement=once, value=copies)
        at = end


# On the spaced words: a run of one to four words said again right after (a test far
# cheaper than the exact scan of the text, which then runs only where it passes).
_SPACED_DOUBLE = lazy_compile(r" (\w++(?: \w++){0,3})(?= \1 )")


def _may_double(spaced: str) -> bool:
    # A phrase of n words said twice: n words in a row each equal to the one n words on,
    # that is a run of n ones in the bytes of those comparisons (made in C); the scan with
    # a back-reference only confirms.
    said = spaced.split()
    for n in range(1, 5):
        same = bytes(map(eq, said, said[n:]))
        if _RUNS[n] in same:
            return _SPACED_DOUBLE.search(spaced) is not None
    return False


_RUNS = {n: bytes([1]) * n for n in range(1, 5)}


def _may_double_ascii(lowered: str) -> bool:
    """Whether an ASCII text (lower case) may hold what _DOUBLED matches: the same test as
    `_may_double` on the text's own single spaces, so that 'Alex Kim' signed above
    'alex.kim@…' (the same words, on the spaced words) is not scanned for nothing.

    A match is phrase, one space, phrase: among the text's space-separated pieces, its
    first word ends a piece (after any mark, as in '(the'), each word after is a piece of
    its own but the last, which starts a piece (before any mark, as in 'the)'). So with
    `last`, each piece from its last mark on, and `first`, each up to its first one, a
    phrase of n words said twice is some last[i] equal to first[i + n], with first[i + k]
    equal to first[i + n + k] for k in 1 .. n - 1.
    """
    marked = lowered.encode().translate(_MARKS)  # bytes: one table, no look-up a character
    first = _FROM_MARK.sub(b"", marked).split(b" ")
    last = _FROM_MARK.sub(b"", marked[::-1])[::-1].split(b" ")
    for n in range(1, 5):
        # Whether any piece ends as the one n on starts (it seldom does): any() stops at the
        # first, and no bytes are built for the common case of none.
        if not any(map(eq, last, first[n:])):
            continue
        if n == 1:
            return True
        ends = bytes(map(eq, last, first[n:]))
        at = ends.find(1)
        inner = bytes(map(eq, first, first[n:]))
        while at >= 0:
            if inner.startswith(_RUNS[n - 1], at + 1):
                return True
            at = ends.find(1, at + 1)
    return False


# Every ASCII character a word of _DOUBLED cannot hold, but the space, as one mark.
_MARKS = bytes(c if chr(c).isalnum() or chr(c) in "_' " else 1 for c in range(256))
_FROM_MARK = re.compile(b"\x01[^ ]*")  # a piece's first mark and all after it


def _unit(once: str) -> tuple[str, int]:
    """The shortest phrase that `once` repeats ('Dana Dana' is 'Dana' twice), and how many
    times the doubled match says it."""
    parts = once.split(" ")
    folded = [p.casefold() for p in parts]
    for size in range(1, len(parts)):
        if len(parts) % size == 0 and folded == folded[:size] * (len(parts) // size):
            return " ".join(parts[:size]), 2 * len(parts) // size
    return once, 2


def _ends_word(text: str, at: int) -> bool:
    return at >= len(text) or not (text[at].isalnum() or text[at] in "_'’")


# Every two marks _PUNCTUATION starts with ('..', ',,', '??', '?.', ',;', ...) and a few
# more: one search of a character class, not a search for each pair.
_PAIRED = lazy_compile(r"[.,?!;:][.,?;:]")
_PUNCTUATION = lazy_compile(
    r"(?<!\.)\.\.(?!\.)|\.{4,}|,{2,}|\?{2,}|[?!]\.(?!\.)|[,;:]\.(?!\.)|[,;:][,;:]"
)


@script("doubled_punctuation")
def doubled_punctuation(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'Co..', ',,', '?.', '....': two marks where one belongs (an ellipsis '...' and '?!'
    are left alone)."""
    if _PAIRED.search(ctx.text) is None:
        return
    for match in _PUNCTUATION.finditer(ctx.text):
        found = match.group()
        yield rule.finding(
            ctx.kind,
            match.start(),
            match.end(),
            match=found,
            replacement=_single(found),
        )


def _single(found: str) -> str:
    if found[0] == "." and len(found) >= 4:
        return "..."
    if found[0] in "?!":
        return found[0]
    if "." in found:
        return "."
    return found[0]


# The literal 'i' comes first so that the scan can jump between the letters i.
_LOWER_I = lazy_compile(r"i(?<![\w'’.\-/@(]i)(?:['’](?:m|d|ve|ll))?(?![\w\-/'’)]|\.\w)")


@script("lower_i")
def lower_i(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'i' on its own as the pronoun: always 'I'."""
    for match in _LOWER_I.finditer(ctx.text):
        found = match.group()
        yield rule.finding(
            ctx.kind, match.start(), match.end(), match=found, replacement="I" + found[1:]
        )


_MIN_WORDS_LOWER = 3


@script("all_lower")
def all_lower(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A message with no capital letter anywhere reads as dashed off."""
    text = ctx.text
    if any(c.isupper() for c in text) or ctx.word_count < _MIN_WORDS_LOWER:
        return
    if not any(c.isalpha() for c in text):
        return
    yield rule.finding(ctx.kind, 0, len(text), value=ctx.word_count)


_FOUR = lazy_compile(
    r"(?<![\w.,$£€:/#+\-])4(?= (?:u|you|ur|your|the|me|us|taking|having|"
    r"meeting|speaking|this|that|a|an)\b)",
    re.IGNORECASE,
)
# Words before a '4' that make it a number ("of 4 the ...", "met 4 people").
_COUNTED = frozenset(
    """of to and or than top about around the with at by from in on for past under over next
    last first only just all nearly almost roughly approximately another every those these my
    our your their his her its were are was is be had have has met interviewed spoke
    team""".split()
)


@script("four_for")
def four_for(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'thx 4 the chat': the digit 4 written for the word 'for'."""
    if "4" not in ctx.text:
        return
    for match in _FOUR.finditer(ctx.text):
        before = _WORD.findall(ctx.text[max(0, match.start() - 30) : match.start()])
        if before and before[-1].casefold() in _COUNTED:
            continue
        if before and before[-1][:1].isdigit():
            continue
        yield rule.finding(ctx.kind, match.start(), match.end(), match="4", replacement="for")


_YOU = lazy_compile(r"\b(?:(?P<are>r u)|(?P<your>ur)|u)\b(?![.&])", re.IGNORECASE)


@script("you_letters")
def you_letters(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'u', 'ur', 'r u' for 'you', 'your', 'are you' ('U.S.' and 'R&D' are left alone)."""
    spaced = ctx.spaced
    if " u " not in spaced and " ur " not in spaced:
        return
    for match in _YOU.finditer(ctx.text):
        fix = "are you" if match["are"] else "your" if match["your"] else "you"
        before = ctx.text[: match.start()].rstrip()
        if not before or before[-1] in ".!?":
            fix = fix.capitalize()
        yield rule.finding(
            ctx.kind, match.start(), match.end(), match=match.group(), replacement=fix
        )
