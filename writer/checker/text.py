"""Small text helpers the checker and the composer share: words, keywords, edit distance."""

from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
CAPITALISED = re.compile(r"(?<![\w'’\-])[^\W\d_][\w'’\-]*")
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


def words(text: str) -> list[str]:
    """The words in `text` (letters and digits, with inner apostrophes and hyphens)."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def stem(word: str) -> str:
    """A crude stem: lower case, no plural s, first five letters ('migrating' ~ 'migration')."""
    word = word.casefold().replace("’", "'").removesuffix("'s")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:5]


def keywords(text: str) -> set[str]:
    """Stems of the words that make a topic specific."""
    return {
        stem(w)
        for w in words(text)
        if len(w) >= 3 and w.casefold() not in STOPWORDS and w.casefold() not in GENERIC
    }


def stems(text: str) -> set[str]:
    return {stem(w) for w in words(text)}


def mentions(text_stems: set[str], topic: str) -> bool:
    """Whether a text (given as its stems) mentions a topic: at least half its keywords, or two."""
    wanted = keywords(topic)
    if not wanted:
        return False
    needed = min(2, (len(wanted) + 1) // 2)
    return len(wanted & text_stems) >= needed


def sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence or a line begins."""
    return {m.end() for m in SENTENCE_START.finditer(text)}


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
