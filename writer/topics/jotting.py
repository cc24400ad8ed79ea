"""How a jotting is written, repaired before it is read, and the last check on what the
topic stage hands a frame.

Readers of the drafts quoted most the fragments that went in as jotted: 'the he said seed
round', 'St Thomas Years AGO', 'funding cut = more grants', '... small world'. `repair` undoes
the shorthand a person would undo when writing the sentence out; `sayable` then refuses any
rendering that still reads as a jotting, so the frame gets clean English or nothing.
"""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.text import STOPWORDS
from writer.topics.grammar import is_clause
from writer.topics.words import BARE_VERBS, FINITE, PROPER, SINGULAR_VERBS

# 'the he said pre-seed round': the reported-speech marker jotted inside its noun phrase.
_MISPLACED_SAID = lazy_compile(
    r"^(?P<det>the|a|an|our|their|this)\s+(?P<who>she|he|they)\s+"
    r"(?P<verb>said|says|mentioned|thinks|reckons|told me)\s+(?!that\b)",
    re.IGNORECASE,
)
# A remark on the coincidence, tacked on: it says the jotting is shared ground.
_COINCIDENCE = lazy_compile(
    r"[,;:.!\s-]*\b(?:small world|what a coincidence|such a coincidence|(?:funny|nice|crazy) "
    r"coincidence|same here|me too)\b[!.\s]*$",
    re.IGNORECASE,
)
# The candidate's own reaction, tacked on ('... which was cool honestly'): theirs, not a topic.
_REACTION = lazy_compile(
    r"[,;:.!\s-]*(?:\b(?:which|that) (?:was|is) (?:so |really |very |super |pretty )?(?:cool|"
    r"nice|fun|great|sweet|neat|kind|lovely|amazing|awesome|wild|funny|interesting)\b|"
    r"\b(?:honestly|tbh|ngl|haha\w*|lol|so cool|how cool|very cool|super cool)\b|"
    r",\s*(?:(?:so|really|super|very) )?(?:fun|cool|great|nice|neat|lovely|amazing|awesome)\b)"
    r"[!.\s]*$",
    re.IGNORECASE,
)
# ', like billing is THE thing': chat-style emphasis after the topic, not a second topic.
_LIKE_EMPHASIS = lazy_compile(
    r",\s+like,?\s+(?:[\w'-]+\s+){0,3}(?:is|are|was|were|['’]s)\b[^,;]*", re.IGNORECASE
)
# 'billing, also hiring': one more item of the list, as a sentence joins it.
_ALSO = lazy_compile(r",\s+also\s+(?P<what>[a-z][\w-]*(?:\s[a-z][\w-]*)?)$", re.IGNORECASE)
# 'the flaky test thing', 'the SSO stuff': a placeholder noun a sentence names properly.
_THING = lazy_compile(
    r"\b(?P<what>[\w-]+) (?P<thing>thing|things|stuff)\b(?! (?:is|was|that|which|we))"
)


def _named(match: re.Match[str]) -> str:
    what = match["what"]
    if what.casefold() in STOPWORDS:
        return match.group()  # 'the whole thing', 'that stuff': nothing to name it by
    if not what.islower():
        return f"{what} work"  # 'the SSO work'
    if match["thing"] != "things" or what.endswith(("s", "ing")):
        # 'the dagster migration thing' is one migration: the noun keeps its number
        return what
    return f"{what}s"  # 'the release script things': more than one


# Words no one writes in capitals except to shout ('EVERYTHING', 'Years AGO').
_CAPS_WORD = lazy_compile(r"\b[A-Z]{3,}\b")
_TITLE_WORD = lazy_compile(r"(?<=[a-z0-9] )[A-Z][a-z]+\b(?! \d)")
_COMMON_WORDS = STOPWORDS | frozenset(
    "ago years months weeks days rated everything nothing everyone overdue huge massive "
    "never always still urgent asap big".split()
)
_NAMES = frozenset(PROPER.values())


# 'she and I both went to Trinity', 'both of us rowed', 'turns out we both ...': shared
# ground, which a sentence says as 'we both'.
_TURNS_OUT = lazy_compile(
    r"^(?:turns out|turned out|found out|funny enough|fun fact|coincidence)[:,]?\s+"
    r"(?=(?:we|both|she|he|they|i|me)\s)",
    re.IGNORECASE,
)
_PAIR = lazy_compile(
    r"^(?:(?:she|he|they) and (?:i|me)|(?:i|me) and (?:she|he|they|her|him|them))\s+both\s+"
    r"|^both of us\s+",
    re.IGNORECASE,
)


def _shared(text: str) -> str:
    return _PAIR.sub("we both ", _TURNS_OUT.sub("", text, count=1), count=1)


def repair(text: str) -> tuple[str, bool]:
    """The jotting as a person would write it out, and whether a remark on the coincidence
    ('small world') marked it as shared ground."""
    text = _shared(" ".join(text.split()))
    shared = False
    while True:
        before = text
        trimmed = _COINCIDENCE.sub("", text)
        shared = shared or trimmed != text
        text = _REACTION.sub("", trimmed)
        if text == before:
            break
    text = _LIKE_EMPHASIS.sub("", text)
    text = _ALSO.sub(r" and \g<what>", text)
    text = _MISPLACED_SAID.sub(lambda m: f"{m['who']} {m['verb']} {m['det']} ", text)
    text = _THING.sub(_named, text)
    text = _CAPS_WORD.sub(_unshout, text)
    text = _TITLE_WORD.sub(_untitle, text)
    return text, shared


def _unshout(match: re.Match[str]) -> str:
    word = match.group()
    if word in _NAMES:
        return word
    lowered = word.casefold()
    # An acronym is short ('USAID', 'CQC'); a shouted word is a common one, or a long one.
    return lowered if lowered in _COMMON_WORDS or len(word) >= 7 else word


def _untitle(match: re.Match[str]) -> str:
    word = match.group()
    return word.casefold() if word.casefold() in _COMMON_WORDS else word


# What no sentence of a message may carry: a symbol standing for a word, a reported-speech
# marker (the frame already says who said it), a word still in capitals to shout.
_SYMBOLS = lazy_compile(r"[=<>~#*|^\\]|->|→|=>|\s\+\s|(?<=\w)\+(?=\w)")
_REPORTED = lazy_compile(
    r"\b(?:she|he|they|you|I)\s+(?:said|says|mentioned|told me|told you|explained)\b"
    r"|\b(?:his|her|their|your) words\b",
    re.IGNORECASE,
)
_SHOUTED = lazy_compile(r"\b[A-Z]{7,}\b")
# A verb that makes a would-be noun phrase a clause ('clients keep asking', 'reporting takes
# forever'): after 'about', only a phrase reads well.
_VERBS = frozenset(
    """is are was were am has have had does did do will would can could should might must
    isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't can't
    couldn't wouldn't shouldn't keep keeps takes gets goes wants needs says thinks seems
    got""".split()
)
_VERBS |= frozenset(w.replace("'", "") for w in _VERBS if "'" in w)  # 'hasnt', as jotted
_PRONOUNS = frozenset("she he they you we i".split())
# What may introduce a clause inside a noun phrase ('how the team ships', 'your view that').
_OPENS_CLAUSE = frozenset("how what why when where whether which who that if because while".split())


def sayable(text: str) -> bool:
    """Whether a rendering reads as written English rather than as a jotting."""
    if _SYMBOLS.search(text) or _REPORTED.search(text):
        return False
    return not any(w not in _NAMES for w in _SHOUTED.findall(text))


def sayable_noun(noun: str) -> bool:
    """Whether a noun rendering is a phrase: no finite verb before a word that opens a
    clause ('the rota system hasn't been updated' is a clause, 'how the rota works' is not)."""
    if not sayable(noun):
        return False
    words = noun.split()
    if words and words[0].casefold() == "to":
        return False  # 'the detail you shared on to critique a PD model': a bare infinitive
    for i, word in enumerate(words):
        lowered = word.casefold().strip(",;:")
        if lowered in _OPENS_CLAUSE:
            return True
        if lowered == "to" and i + 1 < len(words) and words[i + 1].casefold() in _VERBS:
            return True  # 'your plan to have the template live': an infinitive, not a place
        if i and lowered in _VERBS and word[:1].islower():
            # 'the audit they did with a charity': a relative clause with its own subject
            subject = " ".join(w.casefold() for w in words[max(i - 2, 0) : i])
            return words[i - 1].casefold() in _PRONOUNS or subject == "your team"
    return True


_DETERMINERS = frozenset("the a an your our their my this that these those".split())


def sayable_clause(clause: str) -> bool:
    """Whether a clause rendering has a verb ('the series A money' lost its 'lands in jan'
    to the date it was jotted with, and after 'that' it reads as a broken sentence)."""
    if not sayable(clause):
        return False
    words = clause.split()
    if is_clause(words):
        return True
    for i, word in enumerate(words):
        lowered = word.casefold()
        if not word[:1].islower():
            continue
        # 'rebuilt', 'outgrew': a verb of the list with a prefix
        stem = re.sub(r"^(?:re|un|over|out|mis|under)(?=\w{3})", "", lowered)
        if any(w in FINITE or w in _VERBS or w in SINGULAR_VERBS for w in (lowered, stem)):
            return True
        verbish = lowered in BARE_VERBS or lowered.endswith(("ed", "s"))
        if i and verbish and words[i - 1].casefold() not in _DETERMINERS:
            return True
    return False
