"""Small text helpers the notes model, the composer and the checker share: words, keywords,
edit distance."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Their home is writer.names; re-exported for older imports.
from writer.names import SURNAME_TITLES as SURNAME_TITLES
from writer.names import given_name
from writer.names import is_honorific as is_honorific

_NON_WORD = re.compile(r"[\W_]+")
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Capital letters of the Latin, Greek and Cyrillic scripts, spelled out: `re` has no \p{Lu}.
_UPPER = "".join(c for c in map(chr, [*range(0x41, 0x530), *range(0x1E00, 0x1F00)]) if c.isupper())
# The capital first, the look back after it: a pattern that starts with a class lets re skip
# straight to the capitals (with the look back first it tries every character; 2.6x slower).
CAPITALISED = re.compile(rf"[{_UPPER}](?<![\w'’\-].)[\w'’\-]*")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[(\"“‘]\s*)(?=\S)")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself yourselves
    talked discussed discussing spoke asked mentioned said told about how what why
    really lot lots way ways thing things bit""".split()
)
# Words every message uses; they don't make a mention specific.
GENERIC = frozenset(
    """team teams work working role roles company job position interview interviews
    conversation conversations time today yesterday week thank thanks""".split()
)
# Words that frame a topic in notes but carry none of its content ("her thoughts on the new
# pipeline", "a great chat about pricing", "tiktok mostly"): a message need not repeat them.
FILLER = frozenset(
    """thought thoughts view views take opinion opinions idea ideas new great good nice
    interesting cool fun big small whole chat chats talk talks topic topics stuff kind sort
    part bits point points question questions quick brief general overall current went
    going goes mostly mainly actually basically honestly literally probably maybe definitely
    totally kinda sorta pretty super quite fairly""".split()
)


def words(text: str) -> list[str]:
    """The words in `text` (letters and digits, with inner apostrophes and hyphens)."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    """Words as a word processor counts them: runs of non-space characters."""
    return len(text.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: lower case, no plural s, first five letters ('migrating' ~ 'migration')."""
    word = word.casefold().replace("’", "'").removesuffix("'s")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:5]


@lru_cache(maxsize=4096)
def keywords(text: str) -> frozenset[str]:
    """Stems of the words that make a topic specific (split as `spaced_words` splits)."""
    return frozenset(
        stem(w)
        for w in spaced_words(text).split()
        if len(w) >= 3 and w not in STOPWORDS and w not in GENERIC and w not in FILLER
    )


def content_words(text: str) -> list[str]:
    """The words of a topic that `keywords` stems, as written (lower case), in order."""
    seen = dict.fromkeys(
        w
        for w in spaced_words(text).split()
        if len(w) >= 3 and w not in STOPWORDS and w not in GENERIC and w not in FILLER
    )
    return list(seen)


def spaced_words(text: str) -> str:
    """The text lower-cased with every run of non-word characters a single space, padded:
    ' word' in it is true exactly when some word starts with 'word'."""
    lowered = text.lower()
    if not lowered.isascii():
        for mark in _COMMON_MARKS:  # punctuation outside ASCII, as often as not the only
            lowered = lowered.replace(mark, " ")
        if not lowered.isascii():
            return " " + _NON_WORD.sub(" ", lowered) + " "
    # In ASCII, a byte table and a split do what the pattern does, in a third of the time.
    spaced = lowered.encode().translate(_ASCII_SPACES).decode()
    body = " ".join(spaced.split())
    if not body:
        return "   " if spaced else "  "
    return f" {' ' if spaced[0] == ' ' else ''}{body}{' ' if spaced[-1] == ' ' else ''} "


# Every byte but a letter or digit is a space ('_' too, as in `_NON_WORD`).
_ASCII_SPACES = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
_COMMON_MARKS = "’‘“”—–…•\u00a0"


@lru_cache(maxsize=4096)
def proper_nouns(text: str) -> frozenset[str]:
    """Stems of the capitalised words after the first: names such as 'Kafka' or 'Berlin'."""
    found = [m.group() for m in CAPITALISED.finditer(text) if m.start() > 0]
    return frozenset(stem(w) for w in found if len(w) >= 3) & keywords(text)


def mentions(spaced: str, topic: str) -> bool:
    """Whether a text (as `spaced_words`) mentions a topic: one of its proper nouns, or at
    least half its keywords (two are enough).

    A keyword counts when a word of the text starts with its stem ('migra' ~ 'migration')."""
    wanted = keywords(topic)
    if not wanted:
        return False
    if any(f" {stem}" in spaced for stem in proper_nouns(topic)):
        return True
    needed = min(2, (len(wanted) + 1) // 2)
    return sum(f" {stem}" in spaced for stem in wanted) >= needed


def sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence or a line begins."""
    return {m.end() for m in SENTENCE_START.finditer(text)}


def is_sentence_start(text: str, at: int) -> bool:
    """Whether `at` is in `sentence_starts(text)`, read from the characters before it alone
    (a check of a few words asks about a few offsets, not all): a non-space at the start,
    after a line break and spaces, after '.!?:;' and at least one space, or after an
    opening bracket or quote and any spaces."""
    if at >= len(text) or text[at].isspace():
        return False
    if at == 0:
        return True
    begin = at
    while begin > 0 and text[begin - 1].isspace():
        begin -= 1
    if "\n" in text[begin:at]:
        return True
    if begin == 0:
        return False
    before = text[begin - 1]
    return (before in ".!?:;" and begin < at) or before in '("“‘'


# Pairs repeat within one notes file's drafts, rarely across files: with 65,536 entries a
# batch held 0.5 MB more per 1,000 files (tracemalloc), for pairs it never met again.
@lru_cache(maxsize=8192)
def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def token_set(texts: Iterable[str]) -> set[str]:
    """Every word of `texts`, case-folded, with and without a possessive 's."""
    out: set[str] = set()
    for text in texts:
        for w in words(text):
            folded = w.casefold().replace("’", "'")
            out.add(folded)
            out.add(folded.removesuffix("'s"))
    return out


def first_name(full_name: str) -> str:
    """The given name, never an honorific ('Samuel' for 'Rev. Samuel Adeyemi'; see
    writer.names.given_name)."""
    return given_name(full_name)


# Words a short message may say twice without an echo: function words, and the ones a
# note cannot do without ('I'd like to connect ... I'd like to hear').
ECHO_FREE = STOPWORDS | frozenset("like would could also just really".split())
_ECHO_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def echo_key(word: str) -> str:
    """'Thanks', 'thank', 'thanked' -> 'thank'; 'enjoyed', 'enjoying' -> 'enjoy'."""
    key = word.casefold().replace("’", "'")
    for suffix in ("ing", "ed", "s"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            return key[: -len(suffix)]
    return key


def echo_words(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of the words of one sentence that would echo if said again: not
    function words, and not capitalised inside the sentence (names, the company, a product)."""
    out = []
    for index, word in enumerate(_ECHO_WORD.finditer(sentence)):
        text = word.group()
        if (index and text[:1].isupper()) or len(text) < 4 or text.casefold() in ECHO_FREE:
            continue
        out.append((word.start(), word.end(), echo_key(text)))
    return out


def echoes(first: str, second: str) -> bool:
    """Whether `second` says again a content word of `first`."""
    said = {key for _, _, key in echo_words(first)}
    return any(key in said for _, _, key in echo_words(second))
