"""Fragments said as the work they name rather than as written: a figure, a stated problem,
a jotted motto, a jotting that starts at its verb (figures.py says why each)."""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.topics.figures import figure, how_long, is_problem, motto, troubled_subject, work_behind
from writer.topics.kinds import Fragment, Kind, LeftOut
from writer.topics.words import LOGISTICS

# A milestone and its date: 'go-live is in march', 'series A closes in jan'.
_DATED = lazy_compile(
    r"^(?P<np>(?:the |their |your )?[\w-]+(?: [\w-]+){0,3}?) (?:(?:is|are) (?:due |planned |set |"
    r"scheduled )?(?:for )?|(?:is |are )?(?:closes|opens|starts|ends|launches|lands|ships|kicks "
    r"off|wraps up|goes live|go live|due|happens|completes) )(?:in |by |on |at |before |after )?"
    r"(?:the )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|"
    r"winter|q[1-4]\b|20\d\d|next \w+|this \w+|end of|early|late|mid)",
    re.IGNORECASE,
)
_LEADS = frozenset("the their your".split())
# Something of theirs left to age, said as a fact: named as the update it needs.
_SAID_THAT = r"^(?:(?:she|he|they) (?:said|says|mentioned|told me) (?:that )?)?"
_THING = r"(?:the |their |your )?[a-z][\w-]*(?: [\w-]+){0,3}?"
_STALE = lazy_compile(
    rf"{_SAID_THAT}(?P<np>{_THING}) (?:(?:has|have)(?: not|n['’]t) been"
    r"|(?:is|are|was|were)(?: not|n['’]t)) (?:updated|refreshed|reviewed|touched|revised|"
    r"maintained)(?: (?:since|for|in) .+)?$"
    rf"|{_SAID_THAT}(?P<np2>{_THING}) (?:is|are|was|were) "
    r"(?:\S+ ){0,2}(?:out of date|outdated|stale)(?: .+)?$",
    re.IGNORECASE,
)
# Something of theirs that trails where it should be: named as keeping up with it.
_LAGGING = lazy_compile(
    rf"{_SAID_THAT}(?P<np>{_THING}) (?:\w+ )?(?:lag|lags|lagging|are lagging|is lagging|trail|"
    r"trails|fall|falls|are falling|is falling) (?:\S+ ){0,3}behind\b",
    re.IGNORECASE,
)
_ROUND = lazy_compile(r"^(?:the |their )?(?:series [a-f]|seed|pre-seed)(?: round| raise)?$", re.I)

_OWN = lazy_compile(r"^(?:i|i'm|i've|i'd|my|me)\b", re.IGNORECASE)


# A jotting that starts at its verb: the speaker is the interviewer ('wants a text reminder
# pilot' is what she wants); what they run or lead is the subject ('runs chess club').
_SPEAKER_VERBS = frozenset("wants hopes thinks reckons believes plans said says".split())
# 'chose dbt over airflow': a choice jotted without its subject, made by the reader's team
_CHOICE_VERBS = frozenset("chose picked opted".split())
_RUNS = lazy_compile(r"^(?:runs|leads|owns|manages|organises|organizes|coordinates)\s+(?=\S)", re.I)


# 'grew up in Seattle', 'moved here 3 years ago', 'used to teach in Galway': the reader's
# own story, jotted without its subject.
_LIFE = lazy_compile(
    r"^(?:\w+ly )?(?:grew up|moved (?:to|here|over|from|back)|lived (?:in|abroad)|used to|"
    r"studied (?:at|in)|trained (?:at|in|as)|taught (?:at|in)|worked (?:at|in|for)|"
    r"came (?:from|over)|is from|was at|spent (?:\w+ )?(?:years?|yrs?)|originally from)\b",
    re.IGNORECASE,
)


_THEN_MOVED = lazy_compile(
    r",\s+(?=(?:then\s+)?(?:moved|grew up|lived|studied|trained|taught|worked|spent|joined)\s)",
    re.IGNORECASE,
)


def subject_supplied(text: str) -> str:
    # 'from Cork originally, moved here 3 yrs ago': one story, its second verb joined on
    text = _THEN_MOVED.sub(" and ", text)
    if _LIFE.match(text):
        verb = "is" if text.casefold().startswith("originally") else ""
        return f"she {verb} {text}".replace("  ", " ")
    if text.split()[0].casefold() in _SPEAKER_VERBS:
        return f"she {text}"
    if text.split()[0].casefold() in _CHOICE_VERBS:
        return f"they {text}"
    return _RUNS.sub("", text)


def reframed(raw: str, text: str, *, common: bool) -> Fragment | LeftOut | None:
    """A figure, a stated problem, a dated milestone or a jotted motto, said as the work it
    names or left out; None when the text is none of these (figures.py says why each)."""
    stale = _STALE.match(text)
    if stale and not common and not _OWN.match(text):
        # 'precedent bank hasn't been updated since 2019': the update is the work to name
        np = re.sub(r"^their ", "your ", stale["np"] or stale["np2"], flags=re.IGNORECASE)
        lead = "" if np.split()[0].casefold() in _LEADS or np[:1].isupper() else "the "
        return Fragment(raw, Kind.subject, f"updating {lead}{np}", None, None)
    lagging = _LAGGING.match(text)
    if lagging and not common and not _OWN.match(text):
        # 'k8s upgrades always lag 2 versions behind': keeping up is the work
        np = re.sub(r"^their ", "your ", lagging["np"], flags=re.IGNORECASE)
        return Fragment(raw, Kind.subject, f"keeping up with {np}", None, None)
    dated = _DATED.match(text)
    if dated and not common and not LOGISTICS.search(dated["np"]):
        # 'series A closes in jan': the milestone is the subject, its date a detail
        noun = dated["np"] if dated["np"].split()[0].casefold() in _LEADS else f"the {dated['np']}"
        if _ROUND.match(dated["np"]):
            noun = "the funding round"  # 'series b': the raise, in the words one writes
        return Fragment(raw, Kind.subject, noun, None, None)
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
    wanted = _WANTED.search(spelled)
    # with the fix they want beside it, one word names the work ('moving the rota to an app')
    subject = troubled_subject(spelled, 1 if wanted else 2)
    if subject is None:
        return LeftOut(raw, "a problem of theirs, not news to be glad of")
    if wanted:
        # 'route planning is still excel -> she wants a proper solver': the work is the move
        subject = f"moving {subject} to {wanted['what'].strip(' .')}"
    return Fragment(raw, Kind.subject, subject, None, None)


# What the reader wants instead of the trouble, jotted after it: ', so you want a solver'.
_WANTED = lazy_compile(
    r",? (?:so|and) (?:you|she|he|they) (?:want|wants|need|needs|hope|hopes)"
    r" (?:to have )?(?P<what>(?:(?:an?|some) )?[^,;\s][^,;]{2,40})$",
    re.IGNORECASE,
)


# 'you're moving off Oracle to Postgres next year': the organisation's plan, a fact rather
# than a view; 'It was helpful to learn that you're moving ...' reads as news the candidate
# was glad of, so it is named as the work ('moving off Oracle to Postgres next year').
_PLAN = lazy_compile(
    r"^(?:you|we|they)(?:['’]re| are)\s+(?:now\s+|currently\s+|still\s+)?"
    r"(?P<work>[a-z]+ing\s+\S.*)$",
    re.IGNORECASE,
)
# 'you picked Playwright': a choice made, not a point someone put ('your point that you
# picked Playwright'), said as the choice.
_CHOICE = lazy_compile(
    r"^(?:you|they|we)\s+(?:picked|chose|went with|opted for|settled on|decided on|"
    r"switched to|moved to)\s+(?P<what>\S.*)$",
    re.IGNORECASE,
)


def as_work(clause: str) -> str | None:
    """A plan or a choice of the reader's organisation, named as the work it is; None for
    anything else (a view, a fact about how things run)."""
    plan = _PLAN.match(clause)
    if plan:
        work = plan["work"].split(", ")[0].strip()  # 'one at a time': a detail, not the work
        return work if len(work.split()) >= 2 else None
    choice = _CHOICE.match(clause)
    if choice:
        what = choice["what"].split(", ")[0].strip()
        return f"your choice of {what}" if len(what.split()) <= 4 else None
    return None
