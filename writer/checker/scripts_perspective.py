"""Perspective and time rules: the reader spoken of in the third person in a message to
them, and 'today' / 'yesterday' in a message sent on another day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from writer.checker.context import WORD_KEYS, Context, Window
from writer.checker.engine import Finding, Rule, script
from writer.checker.scripts import ALLOWED_CAPS
from writer.lazy_re import lazy_compile
from writer.text import is_sentence_start

_SHE = frozenset("she her hers herself".split())
_HE = frozenset("he him his himself".split())
# The reader, then a third-person pronoun in the same sentence: "what you shared about
# how she runs the guild".
_YOU_THEN = lazy_compile(
    r"\b(?:you|your)\b[^.!?\n]{0,60}?\b(?:about|on|that|how|when|why)\s+"
    r"(?:(?:how|why|when|that)\s+)?(?P<p>she|he)\b(?!['’])",
    re.IGNORECASE,
)
_SAYING = (
    r"(?:mentioned|said|shared|explained|described|told me|noted|pointed out|talked|"
    r"walked me|spoke|showed me|asked me)"
)
# "He mentioned ..." at the start of a sentence or after "as".
_SAID_BY = lazy_compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)|\bas\s|\band\s|,\s)(?P<p>she|he)\s+(?:also\s+)?{_SAYING}\b",
    re.IGNORECASE,
)
# "I appreciated his insight": the reader's own view given as someone else's.
_THEIR_VIEW = lazy_compile(
    r"\b(?P<p>her|his)\s+(?:perspective|insights?|take|views?|advice|explanation|time|"
    r"thoughts|story|experience|candou?r|openness)\b",
    re.IGNORECASE,
)
# Someone a pronoun could point to instead of the reader.
_OTHER_PERSON = lazy_compile(
    r"\b(?:manager|colleague|teammate|boss|lead|recruiter|founder|co-founder|ceo|cto|cfo|coo|"
    r"vp|director|head|engineer|designer|partner|wife|husband|mother|father|mom|mum|dad|"
    r"daughter|son|sister|brother|friend|mentor|coworker|co-worker|predecessor|successor|"
    r"interviewer|analyst|scientist|developer|owner|someone|somebody|person|customer|"
    r"client|candidate|hire|student|intern|report|peer|counterpart|chair|president)s?\b",
    re.IGNORECASE,
)


_PRONOUNS = (" she ", " he ", " her ", " his ")


@script("third_person_reader")
def third_person_reader(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """The reader called 'she' or 'he' (or by name) in a message addressed to them."""
    spaced = ctx.spaced
    if not any(p in spaced for p in _PRONOUNS):
        yield from _named(rule, ctx)
        return
    theirs = _reader_pronouns(ctx)
    taken: list[tuple[int, int]] = []
    for regex, needs_reader in ((_YOU_THEN, False), (_SAID_BY, True), (_THEIR_VIEW, True)):
        if needs_reader and ctx.to is None:
            continue
        if regex is _THEIR_VIEW and not theirs:
            continue  # "his time" names someone else as often as the reader
        for match in regex.finditer(ctx.text):
            pronoun = match["p"].casefold()
            if theirs and pronoun not in theirs:
                continue
            start = match.start("p")
            if any(a <= start < b for a, b in taken) or _someone_else_before(ctx, start):
                continue
            taken.append((start, match.end()))
            yield rule.finding(
                ctx.kind, start, start + len(match["p"]), match=match["p"], name=_name(ctx)
            )
    yield from _named(rule, ctx)


def _name(ctx: Context) -> str:
    return ctx.first_name or "them"


def _reader_pronouns(ctx: Context) -> frozenset[str]:
    """The reader's pronouns as the notes speak of them ('she runs the guild'), if told."""
    person = ctx.recipient
    if person is None:
        return frozenset()
    said = " ".join([*person.topics, person.notes or ""]).casefold()
    words = set(re.findall(r"[a-z]+", said))
    she, he = bool(words & _SHE), bool(words & _HE)
    if she == he:
        return frozenset()
    return _SHE if she else _HE


def _someone_else_before(ctx: Context, at: int) -> bool:
    """Whether the text before `at` names a person a pronoun there could mean instead."""
    return _first_other_person(ctx) < at


def _first_other_person(ctx: Context) -> int:
    """Where the text first names someone other than the reader (a role such as 'your
    manager', or a capitalised word that may be a name), or its length if it never does;
    worked out once per message, so each pronoun costs a comparison."""
    cached = ctx.__dict__.get("_first_other_person")
    if isinstance(cached, int):
        return cached
    text = ctx.text
    role = _OTHER_PERSON.search(text)
    first = role.start() if role else len(text)
    own = _own_names(ctx)
    greeting_end = text.find("\n")
    for start, word in ctx.capitals:
        if start >= first:
            break
        folded = WORD_KEYS[word]
        if folded in ALLOWED_CAPS or folded in own or is_sentence_start(text, start):
            continue
        if 0 <= start < greeting_end or (folded in ctx.index.tokens and not _is_name(ctx, word)):
            continue
        first = start
        break
    ctx.__dict__["_first_other_person"] = first
    return first


def _is_name(ctx: Context, word: str) -> bool:
    """Whether a capitalised word is another interviewer's name in the notes."""
    if ctx.notes is None:
        return False
    folded = word.casefold().removesuffix("'s").removesuffix("’s")
    return any(
        folded in (p.casefold() for p in person.name.split())
        for person in ctx.notes.interviewers
        if person is not ctx.recipient
    )


def _own_names(ctx: Context) -> set[str]:
    names = {p.casefold() for p in (ctx.to or "").split()}
    if ctx.notes:
        names |= {w.casefold() for w in ctx.notes.company.split()}
        names |= {w.casefold() for w in ctx.notes.candidate.name.split()}
    return names


_GREETING_REACH = 30


def _named(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'As Dana said' in a message to Dana: the reader named as if someone else."""
    name = ctx.first_name
    if not name or len(name) < 2:
        return
    lowered, folded = ctx.lowered, name.lower()
    first = lowered.find(folded)
    if first < 0:
        return
    body = first + len(name) if first < _GREETING_REACH else 0  # past "Hi Dana,"
    if lowered.find(folded, body) < 0:
        return
    pattern = re.compile(
        rf"\b{re.escape(name)}(?:['’]s\b|\s+(?:also\s+)?{_SAYING}\b)", re.IGNORECASE
    )
    for match in pattern.finditer(ctx.text, body):
        end = match.start() + len(name)
        yield rule.finding(ctx.kind, match.start(), end, match=name, name=name)


# -- time words ---------------------------------------------------------------------------

_TODAY = lazy_compile(
    r"\b(?:(?:earlier )?today|tonight|this (?P<part>morning|afternoon|evening))(?P<poss>['’]s)?\b",
    re.IGNORECASE,
)
_YESTERDAY = lazy_compile(r"\byesterday(?P<poss>['’]s)?\b", re.IGNORECASE)
_PARTS = {"tonight": "evening"}
_LATER_KINDS = ("connection_note", "follow_up_message")


@script("time_words")
def time_words(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """'today' in a message sent on a later day; 'yesterday' in one sent on the interview
    day or more than a day after it. Needs the send window; without it, nothing."""
    day = _interview(ctx)
    window = ctx.window
    if day is None or window is None:
        return
    first, last = _days(window, day)
    weekday = day.strftime("%A")
    lowered = ctx.lowered
    if "today" in lowered or "tonight" in lowered or "this " in lowered:
        later = first > day.date() if ctx.kind not in _LATER_KINDS else last > day.date()
        if later:
            for match in _TODAY.finditer(ctx.text):
                yield _time_finding(rule, ctx, match, weekday, _sent(first, last))
    if "yesterday" in lowered and (last > day.date() + timedelta(days=1) or last <= day.date()):
        for match in _YESTERDAY.finditer(ctx.text):
            yield _time_finding(rule, ctx, match, weekday, _sent(first, last))


def _interview(ctx: Context) -> datetime | None:
    if ctx.window is not None and ctx.window.interview is not None:
        return ctx.window.interview
    return ctx.notes.interview.start if ctx.notes else None


def _days(window: Window, day: datetime) -> tuple[date, date]:
    """The first and last day the message may go out, on the interview's calendar; an open
    end counts as a week on."""
    zone = day.tzinfo
    start = window.not_before.astimezone(zone) if window.not_before else day
    end = window.not_after.astimezone(zone) if window.not_after else start + timedelta(days=7)
    return start.date(), end.date()


def _sent(first: date, last: date) -> str:
    if first == last:
        return f"on {first.strftime('%A %-d %B')}"
    return f"between {first.strftime('%A %-d %B')} and {last.strftime('%A %-d %B')}"


def _time_finding(
    rule: Rule, ctx: Context, match: re.Match[str], weekday: str, sent: str
) -> Finding:
    found = match.group()
    part = match["part"] if "part" in match.re.groupindex else None
    part = part or _PARTS.get(found.casefold())
    if match["poss"]:
        fix = f"{weekday} {part.lower()}'s" if part else f"{weekday}'s"
    elif part:
        fix = f"on {weekday} {part.lower()}"
    else:
        fix = f"on {weekday}"
    if found[:1].isupper():
        fix = fix[0].upper() + fix[1:]
    word = " ".join(found.split()[-2:]) if "earlier" in found.casefold() else found
    return rule.finding(
        ctx.kind,
        match.start(),
        match.end(),
        match=word,
        value=sent,
        name=weekday,
        replacement=fix,
    )
