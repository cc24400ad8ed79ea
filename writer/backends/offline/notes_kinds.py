"""The short kinds: the LinkedIn connection note and the follow-up once a request is
accepted. Each is a few rotated pieces; candidates run from the fullest to the shortest
that still says something true, and the drafting loop keeps the best that fits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.backends.base import Proposal
from writer.notes import Outcome
from writer.topics import Kind

if TYPE_CHECKING:
    from writer.backends.offline.composer import Context
    from writer.backends.offline.picking import Said

_NOTE_THANKS = [
    "thank you for the conversation{during}",
    "thanks again for your time{during}",
    "thank you for meeting me{during}",
    "thank you for speaking with me{during}",
    "thanks for meeting me{during}",
    "many thanks for your time{during}",
    "thank you for the chat{during}",
    "thanks for the conversation{during}",
]
_NOTE_NOUN = [
    " and our talk about {}",
    ", especially our conversation about {}",
    " and for the discussion of {}",
    ", and I enjoyed hearing about {}",
]
_NOTE_OWN = [
    ". I appreciated the chance to go through {} with you",
    ". Thanks for the questions on {}",
]
_NOTE_CLAUSE = [". I enjoyed hearing that {}", ". It was interesting to learn that {}"]
_NOTE_COMMON = [". It was fun to find out that {}", ". It was a nice surprise that {}"]
_CONNECT = [
    "I'd be glad to stay connected.",
    "I'd like to stay in touch here.",
    "It would be great to keep in touch.",
    "I'd welcome the chance to stay connected.",
    "I hope we can keep in touch here.",
    "I'd be happy to connect.",
    "I'd value staying in touch.",
    "It would be good to stay connected.",
]
_FOLLOW_OPEN = [
    "thanks for connecting.",
    "thank you for accepting my request.",
    "thanks for connecting here.",
    "thank you for connecting.",
    "it's good to be connected.",
    "thanks for accepting my invitation.",
    "glad we're connected now.",
    "thank you for adding me.",
]
_FOLLOW_CLOSE = [
    "I hope the rest of your week goes well.",
    "I'll enjoy following the team's work here.",
    "Wishing you a good week.",
    "I look forward to keeping in touch.",
    "All the best for the rest of the week.",
    "Thanks again for your time.",
    "I hope to cross paths again soon.",
    "I'm glad to be in touch.",
]
_DECIDED_CLOSE = [
    "I'd be glad to keep in touch.",
    "I hope our paths cross again.",
    "I wish you and the team all the best.",
    "Thanks again for your time.",
]


def _topic_part(ctx: Context, said: Said, step: int) -> str:
    if said.kind == Kind.common_ground and said.clause:
        return ctx.rot(_NOTE_COMMON, step).format(said.clause)
    if said.kind == Kind.view and said.clause and not said.noun:
        return ctx.rot(_NOTE_CLAUSE, step).format(said.clause)
    if said.kind == Kind.own and said.noun:
        return ctx.rot(_NOTE_OWN, step).format(said.noun)
    if said.noun:
        return ctx.rot(_NOTE_NOUN, step).format(said.noun)
    return ""


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def connection_notes(ctx: Context, limit: int) -> list[Proposal]:
    """Notes within `limit` characters, fullest first."""
    topics = ctx.topics.heard + ctx.topics.common + ctx.topics.own + ctx.topics.process
    connect = ctx.rot(_CONNECT)
    out: list[str] = []
    for during in (ctx.during, ""):
        thanks = ctx.rot(_NOTE_THANKS).format(during=during)
        for said in topics[:3]:
            part = _topic_part(ctx, said, 0)
            if part:
                out.append(f"{ctx.hi}, {thanks}{part}. {connect}")
        if not topics and ctx.topics.favours:
            out.append(f"{ctx.hi}, {thanks} and for {ctx.topics.favours[0]}. {connect}")
        if not topics:
            out.append(f"{ctx.hi}, {thanks} about the {ctx.role}{ctx.at}. {connect}")
    if all(len(text) > limit for text in out):
        out += _shortened(ctx, topics, connect, limit)
    fitting = [text for text in dict.fromkeys(out) if len(text) <= limit]
    if not fitting and not topics:
        fitting = [f"{ctx.hi}, thank you for your time. {connect}"]
    return [Proposal(text=text) for text in fitting] or [Proposal(text=out[-1])]


def follow_ups(ctx: Context) -> list[Proposal]:
    """The message once a request is accepted: thanks, one specific line, a light close."""
    opening = f"{ctx.hi}, {ctx.rot(_FOLLOW_OPEN)}"
    decided = ctx.notes.outcome in (Outcome.rejected, Outcome.withdrew)
    close = ctx.rot(_DECIDED_CLOSE if decided else _FOLLOW_CLOSE, 1)
    from writer.backends.offline.composer import heard_sentence

    topics = ctx.topics.heard[1:] + ctx.topics.heard[:1]
    lines = [heard_sentence(ctx, said, 2) for said in topics[:2]]
    if not lines and ctx.topics.common and ctx.topics.common[0].clause:
        lines = [f"It was fun to find out that {ctx.topics.common[0].clause}."]
    if not lines and ctx.topics.process:
        lines = [f"Thanks again for walking me through {ctx.topics.process[0].noun}."]
    if not lines and ctx.topics.favours:
        lines = [f"Thanks again for {ctx.topics.favours[0]}."]
    if not lines and ctx.topics.own and ctx.topics.own[0].noun:
        lines = [f"Thanks again for the chance to go through {ctx.topics.own[0].noun}."]
    if not lines:
        lines = [f"Thank you again for the conversation about the {ctx.role}{ctx.at}."]
    return [Proposal(text=" ".join([opening, line, close])) for line in lines]


def _shortened(ctx: Context, topics: list[Said], connect: str, limit: int) -> list[str]:
    """The first noun-phrase topic cut at a clause or word break to fit the note."""
    from writer.backends.offline.phrasing import shorten

    thanks = ctx.rot(_NOTE_THANKS).format(during="")
    for said in topics:
        if said.noun and said.kind != Kind.own:
            frame = ctx.rot(_NOTE_NOUN)
            room = limit - len(f"{ctx.hi}, {thanks}{frame.format('')}. {connect}")
            if room >= 18:
                return [f"{ctx.hi}, {thanks}{frame.format(shorten(said.noun, room))}. {connect}"]
    return []
