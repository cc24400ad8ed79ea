"""Fragments said as the work they name rather than as written: a figure, a stated problem,
a jotted motto, a jotting that starts at its verb (figures.py says why each)."""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.topics.figures import figure, how_long, is_problem, motto, troubled_subject, work_behind
from writer.topics.kinds import Fragment, Kind, LeftOut

_OWN = lazy_compile(r"^(?:i|i'm|i've|i'd|my|me)\b", re.IGNORECASE)


# A jotting that starts at its verb: the speaker is the interviewer ('wants a text reminder
# pilot' is what she wants); what they run or lead is the subject ('runs chess club').
_SPEAKER_VERBS = frozenset("wants hopes thinks reckons believes plans said says".split())
_RUNS = lazy_compile(r"^(?:runs|leads|owns|manages|organises|organizes|coordinates)\s+(?=\S)", re.I)


def subject_supplied(text: str) -> str:
    if text.split()[0].casefold() in _SPEAKER_VERBS:
        return f"she {text}"
    return _RUNS.sub("", text)


def reframed(raw: str, text: str, *, common: bool) -> Fragment | LeftOut | None:
    """A figure, a stated problem or a jotted motto, said as the work it names or left
    out; None when the text is none of these (figures.py says why each)."""
    named = motto(text) or how_long(text)
    if named:
        return Fragment(raw, Kind.subject, named, None, None)
    spelled = figure(text)
    if spelled is None:
        behind = work_behind(text)
        if behind is None:
            return LeftOut(raw, "a figure, too small a detail to recall")
        return Fragment(raw, Kind.subject, behind, None, None)
    if common or _OWN.match(text) or not is_problem(text):
        return None
    subject = troubled_subject(spelled)
    if subject is None:
        return LeftOut(raw, "a problem of theirs, not news to be glad of")
    return Fragment(raw, Kind.subject, subject, None, None)
