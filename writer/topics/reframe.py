"""Re-framing what the topic stage would otherwise leave out: a candid admission or a confided
figure still names a work subject, which a message may say neutrally."""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.text import STOPWORDS
from writer.topics.fragments import Fragment, Kind, LeftOut, _noun
from writer.topics.grammar import DETERMINERS as _DETERMINERS
from writer.topics.grammar import PREPOSITIONS as _PREPOSITIONS
from writer.topics.text import Piece, normalise, second_person
from writer.topics.words import LEFT_OUT, LOGISTICS, SUBJECT_PRONOUNS

# What is said about a subject: '<subject> is/are ...', after an optional 'she said'.
_SUBJECT_IS = lazy_compile(
    r"^(?:(?:she|he|they)\s+(?:said|says|told me|mentioned|explained|admitted)\s+(?:that\s+)?)?"
    r"(?P<np>[\w-]+(?:\s[\w-]+){0,5}?)\s+(?:is|are|was|were|(?:has\s+|have\s+)?(?:failed|"
    r"slipped|overran|overspent))(?:\s|$)",
    re.IGNORECASE,
)


_RULE = lazy_compile(
    r"\b(?:strict|locked down|non-negotiable|tight)\b(?! (?:deadline|budget))", re.I
)


_MONEY = lazy_compile(
    r"\b(?:budgets?|funding|money|cash|financ\w*|revenue|salar\w*|pay|costs?)\b", re.I
)


def neutral_subject(piece: Piece, result: Fragment | LeftOut) -> Fragment | None:
    """The work subject of a candid admission or a confided figure, said neutrally ('the
    ward rollout' of 'she said the ward rollout is behind'); None when there is none."""
    if not isinstance(result, LeftOut) or piece.bracketed:
        return None
    if result.reason not in ("a candid remark", "said in confidence"):
        return None
    if _RULE.search(piece.text):
        return None  # 'badge access is strict here': a rule is no subject to have enjoyed
    match = _SUBJECT_IS.match(normalise(piece.text))
    if match is None:
        return None
    words = match["np"].split()
    lowered = [w.casefold() for w in words]
    if lowered[0] in _PREPOSITIONS or lowered[0] in SUBJECT_PRONOUNS or lowered[0].endswith("ly"):
        return None
    content = [w for w in lowered if w not in STOPWORDS and w not in _DETERMINERS]
    if len(content) < 2 or _MONEY.search(match["np"]) or LEFT_OUT.search(match["np"].casefold()):
        return None  # 'the budget for the team' still says what was confided
    if LOGISTICS.search(match["np"]):
        return None
    noun = second_person(_noun(match["np"]))
    if noun.split()[0].casefold() not in _DETERMINERS and not noun[:1].isupper():
        # 'driver retention', 'patient flow': a mass noun reads without its article
        mass = ("ing", "s", "tion", "ment", "ance", "ence", "ity", "ness", "ship", "flow")
        noun = noun if lowered[-1].endswith(mass) else f"the {noun}"
    if lowered[-1] in ("backlog", "backlogs"):
        noun = f"clearing {noun}"  # a backlog is named as the work it asks for
    return Fragment(result.text, Kind.subject, noun, None, None)
