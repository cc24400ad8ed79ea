"""The offline composer: drafts every message kind from the notes alone, deterministically.

Topics go through the topic stage (writer/topics/) and `picking`; each fragment goes only
into a sentence built for its kind (a subject after "about", a view after "that", common
ground as its own sentence, the candidate's own doing in the first person). Every sentence
is rotated by the interviewer's place on the panel. It returns several candidates, best
first; the drafting loop checks them and keeps the best.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from writer.backends.base import Proposal
from writer.backends.offline.closing import (
    DECIDED_CLOSE,
    FORWARD,
    LATE_OPENINGS,
    PENDING_CLOSE,
    SUBJECTS,
)
from writer.backends.offline.hooks import common_clause, dropped, for_email
from writer.backends.offline.notes_kinds import connection_notes, follow_ups
from writer.backends.offline.phrasing import during_phrase, salutation, sign_off, stable_index
from writer.backends.offline.picking import Picked, Said, pick_topics
from writer.backends.offline.replies import REPLY_KINDS, compose_reply
from writer.backends.offline.wording import (
    COMMON,
    HELP,
    HONEST,
    HOW_NOUN,
    INTEREST,
    OFFER,
    OPENINGS,
    OWN,
    POORLY,
    PROCESS,
    REJECTED,
    SECOND_SUBJECT,
    SUBJECT_NOUN,
    TOLD_THAT,
    VIEW_CLAUSE,
    VIEW_NOUN,
    WALKED_THROUGH,
    WITHDREW,
    Register,
    register,
    team_word,
)
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import MessageKind, spec
from writer.notes import Interviewer, Notes, Outcome, Relation, Went
from writer.topics import Kind


@dataclass(frozen=True)
class Context:
    """What every sentence may draw on, worked out once per draft."""

    notes: Notes
    person: Interviewer
    hi: str
    role: str
    at: str
    during: str
    reg: Register
    topics: Picked
    turn: int  # the interviewer's place on the panel, plus the variant
    seed: int
    now: datetime
    team: str = "the team"
    late: bool = False
    used: list[str] = field(default_factory=list)

    def rot(self, options: list[str], step: int = 0) -> str:
        """The option for this place on the panel: neighbours never share one."""
        return options[(self.turn + self.seed + step) % len(options)]

    def rot_fit(self, options: list[str], step: int = 0) -> str:
        """Like `rot`, passing over an option whose word for the meeting the stage repeats
        ('thanks for the chat during the founder chat')."""
        fitting = [o for o in options if not _repeats_stage(o, self.during)] or options
        return fitting[(self.turn + self.seed + step) % len(fitting)]

    def rot_reg(self, bank: dict[Register, list[str]], step: int = 0) -> str:
        """Like `rot`, over this register's list first, then the others' (panels of 5+)."""
        flat = bank[self.reg] + [s for r, lst in bank.items() if r != self.reg for s in lst]
        own = len(bank[self.reg])
        place = self.turn % len(flat)
        if place < own:
            return bank[self.reg][(place + self.seed + step) % own]
        return flat[place]


_MEETING_WORDS = ("chat", "conversation", "call", "talk", "meeting", "discussion", "coffee")


def _repeats_stage(option: str, during: str) -> bool:
    said = option.replace("{during}", "").casefold()
    return any(w in during.casefold() and w in said for w in _MEETING_WORDS)


def compose(
    notes: Notes,
    person: Interviewer,
    kind: str,
    now: datetime,
    variant: int = 0,
    guidance: Guidance = DEFAULT_GUIDANCE,
    *,
    late: bool = False,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> list[Proposal]:
    """Candidate drafts of `kind` for `person`, in the order this variant prefers them."""
    message_kind = MessageKind(kind)
    if message_kind in REPLY_KINDS:
        return compose_reply(notes, person, message_kind)
    position = next(i for i, p in enumerate(notes.interviewers) if p is person)
    # Only an email may be sent on the interview day itself; time words follow the window.
    email = message_kind == MessageKind.thank_you_email
    ctx = Context(
        notes=notes,
        person=person,
        hi=salutation(notes, person, note=not spec(kind).has_subject),
        role=role_phrase(notes.role, notes.company),
        at=f" at {notes.company.rstrip('.')}" if notes.company else "",
        during=during_phrase(notes, now, not_before, not_after, today_ok=email),
        reg=register(notes),
        topics=pick_topics(person),
        turn=position + variant,
        seed=stable_index(notes.company, notes.role, notes.candidate.name, kind),
        now=now,
        team=team_word(notes),
        late=late and email,
    )
    if email:
        proposals = _emails(ctx)
    elif message_kind == MessageKind.connection_note:
        proposals = connection_notes(ctx, guidance.note_chars(notes.tier))
    else:
        proposals = follow_ups(ctx)
    notices = ctx.topics.notices + tuple(dropped(ctx.topics))
    return [Proposal(text=p.text, subject=p.subject, notices=notices) for p in proposals]


def role_phrase(role: str, company: str) -> str:
    """'Data Engineer role': the company and the word 'role' said once each."""
    role = " ".join(role.split())
    if company and role.casefold().endswith(f" at {company.casefold()}"):
        role = role[: -len(company) - 4]
    lowered = role.casefold()
    if any(word in lowered.split() for word in ("role", "position", "job", "post")):
        return role
    return f"{role} role"


def finish(sentence: str) -> str:
    """One full stop, even when the company or a topic already ends in one ('Co.')."""
    sentence = sentence.rstrip()
    while sentence.endswith(".."):
        sentence = sentence[:-1]
    return sentence


# -- thank-you email -------------------------------------------------------------------


def _emails(ctx: Context) -> list[Proposal]:
    subject = ctx.rot(SUBJECTS[ctx.reg]).format(job=ctx.notes.role)
    full = _email_body(ctx, most=2)
    bodies = [full]
    shorter = _email_body(ctx, most=1)
    if shorter != full:
        bodies.append(shorter)
    return [Proposal(text=body, subject=subject) for body in bodies]


def specific(ctx: Context, most: int) -> list[str]:
    """Up to `most` sentences from the topics, each in the frame its kind needs (the note
    and the follow-up take the topics after these: see `hooks`)."""
    out: list[str] = []
    heard_seen = 0
    for said in for_email(ctx.topics)[:most]:
        sentence = None
        if said.kind in (Kind.subject, Kind.view):
            sentence = heard_sentence(ctx, said, heard_seen, second=heard_seen > 0)
            heard_seen += 1
        elif said.kind == Kind.common_ground and said.clause:
            sentence = ctx.rot(COMMON, 1).format(common_clause(said))
        elif said.kind == Kind.own and said.noun:
            sentence = ctx.rot(OWN, 2).format(said.noun)
        elif said.kind == Kind.logistics:
            sentence = process_sentence(ctx, said)
        if sentence:
            out.append(sentence)
    if not out and ctx.topics.favours:
        out.append(f"Many thanks for {ctx.topics.favours[0]}.")
    return [finish(s) for s in out]


_STEP = re.compile(
    r"^(?:next|final|second|third|first|last) (?:round|stage|step|interview)\b", re.I
)


_LATER_WALKED = ["Thanks again for explaining {}.", "I was grateful for the detail on {}."]
_LATER_TOLD = ["Thanks again for letting me know that {}.", "It helped to know that {}."]


def process_sentence(ctx: Context, said: Said, *, later: bool = False) -> str | None:
    """A step of the hiring process: 'walking me through the referencing', or told as a
    clause ('that the next round is with the CEO'); a note or follow-up (`later`) in words
    the email does not use."""
    if said.noun:
        return ctx.rot(_LATER_WALKED if later else WALKED_THROUGH).format(said.noun)
    if said.clause:
        clause = f"the {said.clause}" if _STEP.match(said.clause) else said.clause
        return ctx.rot(_LATER_TOLD if later else TOLD_THAT).format(clause)
    return None


def heard_sentence(ctx: Context, said: Said, step: int, *, second: bool = False) -> str:
    """A subject or a view in a frame that fits its rendering."""
    if said.noun and said.noun.casefold().startswith("how ") and not second:
        # 'how the teams share a backlog' never follows 'Hearing how you approach'
        return ctx.rot(HOW_NOUN, step).format(said.noun)
    if said.kind == Kind.subject and said.noun:
        if second:
            return ctx.rot(SECOND_SUBJECT, step).format(said.noun)
        return ctx.rot(SUBJECT_NOUN[ctx.reg], step).format(said.noun)
    if said.kind == Kind.view and said.clause:
        # 'that the refurb finishes in the summer' reads right for a fact and an opinion
        # alike; 'your point that ...' only for an opinion
        return ctx.rot(VIEW_CLAUSE[ctx.reg], step).format(said.clause)
    if said.noun and said.noun.casefold().startswith("how "):
        return ctx.rot(HOW_NOUN, step).format(said.noun)
    if said.noun and said.noun.casefold().startswith("your "):
        return ctx.rot(VIEW_NOUN, step).format(said.noun)
    if said.clause:
        return ctx.rot(VIEW_CLAUSE[ctx.reg], step).format(said.clause)
    return ctx.rot(SECOND_SUBJECT if second else SUBJECT_NOUN[ctx.reg], step).format(said.noun)


def outcome_sentence(ctx: Context, *, honest: bool = False) -> str:
    outcome = ctx.notes.outcome
    if outcome == Outcome.offer:
        said = ctx.rot(OFFER)
    elif outcome == Outcome.rejected:
        said = ctx.rot(REJECTED)
    elif outcome == Outcome.withdrew:
        said = ctx.rot(WITHDREW)
    elif ctx.notes.interview.went == Went.poorly:
        said = ctx.rot(POORLY)
    elif honest:
        said = ctx.rot(HONEST)  # nothing to go on: no claim about how the talk went
    else:
        said = ctx.rot_reg(INTEREST)
    return said.replace("{team}", ctx.team)


def close_sentence(ctx: Context) -> str:
    outcome = ctx.notes.outcome
    if outcome != Outcome.pending:
        return ctx.rot(DECIDED_CLOSE[outcome.value], 1).replace("{team}", ctx.team)
    if ctx.topics.upcoming and ctx.topics.upcoming[0].noun:
        return ctx.rot(FORWARD).format(ctx.topics.upcoming[0].noun)
    return ctx.rot_reg(PENDING_CLOSE, 1)


def _email_body(ctx: Context, most: int) -> str:
    openings = LATE_OPENINGS if ctx.late else OPENINGS
    opening = ctx.rot_fit(openings[ctx.reg]).format(during=ctx.during, role=ctx.role, at=ctx.at)
    first = [finish(opening)]
    first += specific(ctx, most)
    second = [outcome_sentence(ctx, honest=len(first) == 1)]
    if ctx.person.relation in (Relation.recruiter, Relation.hr_coordinator):
        second.append(ctx.rot(PROCESS))
    # after a poor interview the interest sentence already offers more detail
    poorly = ctx.notes.interview.went == Went.poorly
    room = ctx.notes.outcome == Outcome.pending and len(first) < 3 and len(second) < 2
    room = room and not poorly
    if room or (
        len(first) == 1 and not poorly
    ):  # an honest message with nothing specific still offers help
        second.append(ctx.rot(HELP, 3))
    paragraphs = [" ".join(first), " ".join(second), close_sentence(ctx)]
    body = "\n\n".join(paragraphs)
    return f"{ctx.hi},\n\n{body}\n\n{sign_off(ctx.notes, ctx.turn)}"
