"""What each of one reader's messages may recall, over the whole journey.

One person gets the thank-you email, then the connection note, the follow-up once they
accept, and perhaps a status email or the reply to the outcome. A reader who hears the
same topic recalled in each of them reads a form letter, so every later message leads with
a topic no earlier message used; when none is left it refers back briefly (in a frame made
for a second mention) or says less. `hooks` orders the topics; this module shares them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from writer.backends.offline.hooks import for_email, for_follow_up, for_note, pool, rank, thin
from writer.backends.offline.picking import Picked, Said
from writer.notes import Interviewer, LinkedInStatus
from writer.topics import Kind


@dataclass(frozen=True)
class Turn:
    """The topics one message may lead with, and whether the first is one the reader has
    already heard from an earlier message (then it is said as a second mention)."""

    topics: list[Said]
    again: bool


def _ids(items: list[Said]) -> set[int]:
    return {id(s) for s in items}


def email_topics(picked: Picked) -> list[Said]:
    """What the thank-you email recalls (up to two)."""
    return for_email(picked)


def note_turn(picked: Picked) -> Turn:
    """The note: a topic the email did not use, else the email's, as a second mention."""
    return _turn(for_note(picked), _ids(email_topics(picked)))


def _turn(order: list[Said], said: set[int], twice: frozenset[int] = frozenset()) -> Turn:
    """A topic not `said` yet that stands alone; else the first of `order` again (a
    second mention reads better than the reader's biography or a dangling 'them'), the
    one the reader has heard least (`twice`: in both the email and the note) first."""
    fresh = [s for s in order if id(s) not in said and rank(s) < 2]
    if fresh:
        return Turn(fresh + [s for s in order if s not in fresh], again=False)
    # all heard: a second mention of the work, whose frames say what the talk showed,
    # before a coincidence said again ('we both trained in Dublin') or a biography
    again = sorted(
        order, key=lambda s: (rank(s) >= 2, id(s) in twice, s.kind == Kind.common_ground)
    )
    return Turn(again, again=bool(again) and id(again[0]) in said)


def _note_first(picked: Picked) -> Said | None:
    return next(iter(note_turn(picked).topics), None)


def follow_turn(picked: Picked) -> Turn:
    """The follow-up: past what the email and the note used; else a second mention."""
    said = _ids(email_topics(picked))
    note = _note_first(picked)
    twice = frozenset({id(note)} & said) if note is not None else frozenset()
    if note is not None:
        said.add(id(note))
    return _turn(for_follow_up(picked), said, twice)


def third_time(picked: Picked, said: Said) -> bool:
    """Whether the follow-up's `said` is one the email and the note both recalled."""
    note = _note_first(picked)
    return note is said and id(said) in _ids(email_topics(picked))


def heard_before(picked: Picked, person: Interviewer) -> set[int]:
    """The topics a later loop email (status, reply) must not recall again: the email's,
    and the note's and the follow-up's when the notes say those could have gone."""
    said = _ids(email_topics(picked))
    note = _note_first(picked)
    if note is not None:
        said.add(id(note))  # whether the note went or not, it was written to go
    if person.linkedin.status == LinkedInStatus.accepted:
        said |= _ids(follow_turn(picked).topics[:1])
    return said


def unheard(picked: Picked, person: Interviewer) -> list[Said]:
    """Work topics of `person` that no earlier message to them recalls, fit to recall in a
    loop email (a subject or a view with a noun, not a jotted detail)."""
    said = heard_before(picked, person)
    return [
        s
        for s in pool(picked)
        if id(s) not in said and s.kind in (Kind.subject, Kind.view) and s.noun and not thin(s)
    ]
