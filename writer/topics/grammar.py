"""Grammar for the topic stage: whether words make a clause, and the repairs that turn a
jotting which cannot be said as written into one that can (or into nothing)."""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.text import STOPWORDS
from writer.topics.words import (
    ADJECTIVAL,
    BARE_VERBS,
    FINITE,
    FREQUENCY_ADVERBS,
    SINGULAR_VERBS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)

PREPOSITIONS = frozenset("in of for with to on at by from into about versus vs".split())
DETERMINERS = frozenset("a an the this that these those our your their my his her".split())


_APOSTROPHE = re.compile(r"['’]")  # compiled once: re.split's cache look-up cost a call


def is_clause(words: list[str]) -> bool:
    """A whole clause (subject and finite verb), not a noun phrase, a gerund phrase or an
    embedded question ("how the team splits on-call")."""
    if not words:
        return False
    lowered = [w.casefold() for w in words]
    if lowered[0] in WH_WORDS:
        return False
    if _APOSTROPHE.split(lowered[0], 1)[0] in SUBJECT_PRONOUNS and len(words) > 1:
        return True
    for i, word in enumerate(lowered[1:], start=1):
        before = lowered[i - 1]
        if before in PREPOSITIONS or before in DETERMINERS:
            continue  # "written in go", "my take": a name or a noun, not the verb
        if word in FINITE and word.endswith("s") and i >= 2 and lowered[i - 2] in PREPOSITIONS:
            continue  # 'for new hires', 'of all ships': a plural noun inside a phrase
        if word in FINITE or (before in FREQUENCY_ADVERBS and i >= 2):
            return True
        after = lowered[i + 1] if i + 1 < len(words) else ""
        # 'newly qualified', 'internationally educated' and the jotted 'international
        # educated': a modifier before the participle
        modifier = before.endswith(("ly", "al", "ic", "ive", "ous"))
        adjective = word.endswith("ed") and modifier and after.isalpha()
        if adjective and after not in PREPOSITIONS and after not in DETERMINERS:
            continue  # 'newly qualified nurses', 'fully funded places': an adjective
        if word.endswith("ed") and before not in STOPWORDS and word not in ADJECTIVAL:
            return i + 1 < len(words)
        if i + 1 < len(words) and _agrees(lowered, i):
            return True
    return False


def _agrees(lowered: list[str], i: int) -> bool:
    """'tests run on ...', 'the recruiter sends ...': a verb that agrees with the noun before
    it, where a noun could not stand (a noun after a plural would be a compound)."""
    word, before = lowered[i], lowered[i - 1]
    starts_noun = (
        i == 1 or lowered[i - 2] in DETERMINERS or (i >= 3 and lowered[i - 3] in DETERMINERS)
    )  # 'the recruiter sends', 'the SRE team sits
    if word in BARE_VERBS and before.endswith("s") and not before.endswith("ss"):
        return starts_noun
    return word in SINGULAR_VERBS and not before.endswith("s") and starts_noun


# Something the interviewer did for the candidate on the day: thanked for, never 'heard'.
_FAVOUR = lazy_compile(
    r"^(?:(?:she|he|they)\s+)?(?:kindly\s+|also\s+)?(?P<verb>booked|arranged|sorted(?: out)?|"
    r"organi[sz]ed|set up|covered|paid for|reimbursed|gave me|took me (?:to|for|round|around)|"
    r"met me|bought me|got me|fetched)\s+(?P<rest>\S.*?)"
    r"(?:,?\s+(?:v|very|so|really|super)?\s*(?:kind|nice|helpful|thoughtful|sweet))?$",
    re.IGNORECASE,
)
_TRIVIAL = lazy_compile(
    r"\b(?:vouchers?|coffee|tea|water|snacks?|drinks?|biscuits?|parking)\b", re.I
)
_GERUND = {
    "booked": "booking",
    "arranged": "arranging",
    "sorted": "sorting",
    "sorted out": "sorting out",
    "organised": "organising",
    "organized": "organizing",
    "set up": "setting up",
    "covered": "covering",
    "paid for": "paying for",
    "reimbursed": "reimbursing",
    "took me to": "taking me to",
    "took me for": "taking me for",
    "took me round": "taking me round",
    "took me around": "taking me around",
    "met me": "meeting me",
    "bought me": "buying me",
    "got me": "getting me",
    "fetched": "fetching",
}


def favour(text: str) -> str | None:
    """'she booked the car from the station, v kind' -> 'booking the car from the
    station'; 'gave me a tour of the lab' -> 'the tour of the lab'."""
    match = _FAVOUR.match(text)
    if match is None or is_clause(match["rest"].split()):
        return None
    verb, rest = match["verb"].casefold(), match["rest"].strip(" ,")
    if _TRIVIAL.search(rest):
        return None  # 'a coffee voucher': too small to thank for in writing
    if verb == "gave me":
        return re.sub(r"^(?:a|an)\s+", "the ", rest)
    return f"{_GERUND[verb]} {rest}"


# 'stuff about timetabling', 'the thing with the scanners': the subject is what follows.
_VAGUE_HEAD = lazy_compile(
    r"^(?:(?:the|some|a|more|lots of|a lot of|a bit of|bits of)\s+)?(?:stuff|things?|bits?|"
    r"lots|something|a bit|a lot|much)\s+(?:about|on|with|re|around|regarding|to do with)\s+",
    re.IGNORECASE,
)
# 'the compose migration and 60% done', 'the rollout which is half done': a progress report
# tacked on to a subject; the subject is said, the report is not.
_STATUS_TAIL = lazy_compile(
    r"(?:,|\s-|\s+and|\s+which|\s+that)?\s+(?:is\s+|are\s+|was\s+|it['’]s\s+|its\s+|"
    r"prob(?:ably)?\s+|maybe\s+|about\s+|around\s+|roughly\s+|approximately\s+)*"
    r"(?:\d+\s?%|half|mostly|nearly|almost|partly|partially|not yet|still not|not)?\s*"
    r"(?:done|finished|complete|completed|live|shipped|stalled|underway|in progress|on hold|"
    r"started|planned|scoped)(?:\s+(?:by|in|for|since|at|next)\b.*)?$",
    re.IGNORECASE,
)


def tidy_head(text: str) -> str:
    """The subject a jotting names, without its vague lead-in, progress report or a detail
    after a colon ('computing club after school: 30 pupils' -> the club)."""
    text = _VAGUE_HEAD.sub("", text)
    tail = _STATUS_TAIL.search(text)
    if tail and tail.start() > 0 and not is_clause(text[: tail.start()].split()):
        text = text[: tail.start()]
    head, colon, _ = text.partition(": ")
    if colon and len(head.split()) >= 3 and not is_clause(head.split()):
        text = head
    return text.strip(" ,.;:-")


def wh_phrase(words: list[str]) -> str | None:
    """'how delivery vans routing' has no verb for 'how' to lead: said as 'the routing of
    delivery vans'; 'why parcelwise' has nothing to say at all. A wh-word before a clause
    ('how you run incident reviews') or a verb ('what success looks like') is kept."""
    rest = words[1:]
    lowered = [w.casefold() for w in rest]
    if any(w in FINITE for w in lowered):
        return " ".join(words)
    if len(rest) >= 2 and lowered[-1].endswith("ing") and lowered[-2] not in PREPOSITIONS:
        return f"the {lowered[-1]} of {' '.join(rest[:-1])}"
    return " ".join(words) if len(rest) >= 2 else None


_PERSONS = frozenset("i we you she he they".split())


def is_reduced_relative(words: list[str]) -> bool:
    """'the accessibility audit they did with a charity': a noun phrase with a clause
    about it, and no verb of its own after, so it goes after 'about', not after 'that'."""
    lowered = [w.casefold() for w in words]
    if len(lowered) < 4 or lowered[0] not in DETERMINERS:
        return False
    for i in range(2, len(lowered) - 1):
        if re.split(r"['’]", lowered[i])[0] in _PERSONS:
            return not any(w in FINITE for w in lowered[i + 2 :])
        if lowered[i] in FINITE:
            return False
    return False
