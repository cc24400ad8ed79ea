"""The offline composer: drafts every message kind from the notes alone, deterministically.

Topics go through the topic stage (writer/topics/) and `picking`; each fragment goes only
into a sentence built for its kind (a subject after "about", a view after "that", common
ground as its own sentence, the candidate's own doing in the first person). Every sentence
is rotated by the interviewer's place on the panel. It returns several candidates, best
first; the drafting loop checks them and keeps the best.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache

from writer.backends.base import Proposal
from writer.backends.offline.closing import (
    CONNECTED_CLOSE,
    DECIDED_CLOSE,
    FORWARD,
    LATE_OPENINGS,
    NO_NEWS,
    PENDING_CLOSE,
    SINCE_CONNECTED,
    SUBJECTS,
)
from writer.backends.offline.hooks import common_clause, dropped, for_email
from writer.backends.offline.notes_kinds import connection_notes, follow_ups
from writer.backends.offline.phrasing import (
    during_phrase,
    place_stage,
    salutation,
    sign_off,
    stable_index,
)
from writer.backends.offline.picking import Picked, Said, pick_topics
from writer.backends.offline.replies import REPLY_KINDS, compose_reply
from writer.backends.offline.situation import Situation, decides, situation
from writer.backends.offline.wording import (
    COMMON,
    FEEDBACK_THANKS,
    HELP,
    HONEST,
    HOW_NOUN,
    INTEREST,
    OFFER,
    OPENINGS,
    OPINION,
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
    WITHDREW_OFFER,
    Register,
    register,
    team_word,
)
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import MessageKind, spec
from writer.notes import Interviewer, Notes, Outcome, Rapport, Relation, Went
from writer.text import echo_words
from writer.topics import Kind
from writer.topics.frames import fitting


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
    panel: int = 1  # how many interviewers the notes list
    position: int = 0  # this one's place among them
    sit: Situation = field(default_factory=lambda: Situation(outcome=Outcome.pending))
    # how many sentences in a row may start with 'I' before the next must not
    i_run: int = 2

    def rot(self, options: list[str], step: int = 0) -> str:
        """The option for this place on the panel: neighbours never share one."""
        return options[(self.turn + self.seed + step) % len(options)]

    def rot_apart(self, options: list[str], step: int, said: str) -> str:
        """Like `rot`, unless that option says again a word of `said` ('many thanks for
        connecting ... Thanks again'): see `fresh`."""
        return self.fresh(options, step, said)

    def fresh(
        self,
        options: list[str],
        step: int,
        said: str,
        fill: Callable[[str], str] = str,
        *,
        shared: bool = True,
        min_words: int = 0,
        optional: bool = False,
    ) -> str:
        """`rot`'s option, filled, unless it says again a content word of what the message
        has `said` ('thank you for the conversation ... our conversation') or speaks of a
        week the reader will not be in ('best wishes for the week' read on a Saturday).

        Then one of the spares: the options no one's `rot` takes, dealt out by place on the
        panel, so no two drafts share a sentence. A sentence that carries this reader's
        topic (not `shared`) may also take another place's spare."""

        # a frame claiming the talk has stayed in mind for days, on the evening of it, is
        # false for every reader alike: out before the options are dealt, so the panel
        # still gets one each (when enough are left for it: else the spares below)
        timely = [o for o in options if self.sit.had_days(o)]
        if len(timely) >= self.panel:
            options = timely
        before = _keys(_MAY_REPEAT.sub("", said))
        run = _i_run(said)

        def fits(text: str, varied: bool = True) -> bool:
            long_enough = len(text.split()) >= min_words
            # a third sentence in a row on 'I' reads as a list of the writer's feelings
            third_i = varied and run >= self.i_run and _I_START.match(text) is not None
            return long_enough and not third_i and not before & _keys(text) and self.sit.suits(text)

        mine = fill(self.rot(options, step))
        if fits(mine):
            return mine
        count = len(options)
        base = self.turn - self.position + self.seed + step
        taken = {(base + place) % count for place in range(self.panel)}
        free = [o for i, o in enumerate(options) if i not in taken]
        spares = free[self.position :: max(self.panel, 1)]
        if not shared or not optional:
            # a topic of this reader's in it (which only the same topic could clash with),
            # or a line the message needs: another place's spare before an echo
            turn = self.position % max(len(free), 1)
            # from the far end: the first of each place's spares is the one it takes
            spares += [o for o in (free[turn:] + free[:turn])[::-1] if o not in spares]
        filled = [fill(o) for o in spares]
        found = next((text for text in filled if fits(text)), None)
        if found is None and run >= self.i_run and not (shared and optional):
            # a third 'I' in a row: another place's spare (only for a line carrying this
            # reader's topic or one the message needs: another place may take a shared
            # line's spare too)
            turn = self.position % max(len(free), 1)
            found = next((t for o in free[turn:] + free[:turn] if fits(t := fill(o))), None)
        if found is None and run >= self.i_run:
            # one more 'I' rather than a missing line
            found = next((t for t in [mine, *filled] if fits(t, varied=False)), None)
        # a line the message can do without (a close, an offer of help) is left out
        # rather than said in words the message has used
        return found if found is not None else ("" if optional else mine)

    def rot_fit(self, options: list[str], step: int = 0) -> str:
        """Like `rot`, passing over an option whose word for the meeting the stage repeats
        ('thanks for the chat during the founder chat')."""
        fitting = [o for o in options if not _repeats_stage(o, self.during)] or options
        return fitting[(self.turn + self.seed + step) % len(fitting)]

    def bank(self, bank: dict[Register, list[str]]) -> list[str]:
        """This register's list; past its length on a panel (5+ with the variant), the
        other registers' lines, which no one earlier on the panel is given."""
        own = bank[self.reg]
        if self.turn < len(own):
            return own
        return [s for r, lst in bank.items() if r != self.reg for s in lst]


# What the message is about, which it may name twice ('about the Analyst role ... keen on
# the role') without the reader hearing an echo.
_MAY_REPEAT = re.compile(r"\b(?:role|position|team)\b", re.IGNORECASE)

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
_I_START = re.compile(r"^I(?:\b|['’])")
_FULL_STOP = re.compile(r"(?<=[.!?])\s+")


def _i_run(said: str) -> int:
    """How many of the last sentences of `said` start with 'I', in a row."""
    count = 0
    for sentence in reversed(_FULL_STOP.split(said.strip())):
        if not _I_START.match(sentence):
            break
        count += 1
    return count


@lru_cache(maxsize=4096)
def _keys(text: str) -> frozenset[str]:
    """The content words of `text` that would echo if said again, sentence by sentence (a
    capital starts a sentence; inside one it marks a name)."""
    return frozenset(key for part in _SENTENCE_END.split(text) for _, _, key in echo_words(part))


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
    sit = situation(notes, person, now, not_before, not_after)
    if message_kind in REPLY_KINDS:
        return compose_reply(notes, person, message_kind, sit)
    position = next(i for i, p in enumerate(notes.interviewers) if p is person)
    # Only an email may be sent on the interview day itself; time words follow the window.
    email = message_kind == MessageKind.thank_you_email
    ctx = Context(
        notes=notes,
        person=person,
        hi=salutation(notes, person, note=not spec(kind).has_subject),
        role=role_phrase(notes.role, notes.company),
        at=at_company(notes.company),
        during=during_phrase(notes, now, not_before, not_after, today_ok=email),
        reg=register(notes),
        topics=pick_topics(person),
        turn=position + variant,
        panel=len(notes.interviewers),
        position=position,
        seed=stable_index(notes.company, notes.role, notes.candidate.name, kind),
        now=now,
        team=team_word(notes),
        late=late and email,
        sit=sit,
    )
    if email:
        proposals = _emails(ctx)
    elif message_kind == MessageKind.connection_note:
        proposals = connection_notes(ctx, guidance.note_chars(notes.tier))
    else:
        proposals = follow_ups(ctx)
    notices = ctx.topics.notices + tuple(dropped(ctx.topics))
    own = ctx.team.removeprefix("the ")
    if own != "team":
        # the topic stage's 'the scheme your team switched to' at a school is the school's
        proposals = [replace(p, text=_YOUR_TEAM.sub(f"your {own}", p.text)) for p in proposals]
    return [Proposal(text=p.text, subject=p.subject, notices=notices) for p in proposals]


_YOUR_TEAM = re.compile(r"\byour team\b")


_INSTITUTION = re.compile(r"^(?:university|college|institute|school|bank|museum) of\b", re.I)


# A legal form is for contracts, not for a sentence: 'Selat Logistics Sdn Bhd' is said
# 'Selat Logistics', 'Hartwell & Pryce LLP' 'Hartwell & Pryce'.
_LEGAL_FORM = re.compile(
    r",?\s+(?:Sdn\.? Bhd\.?|Pty\.? Ltd\.?|Pte\.? Ltd\.?|Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|"
    r"Incorporated|GmbH|PLC|plc|LLP|Corp\.?|S\.A\.|S\.L\.|B\.V\.|N\.V\.|S\.p\.A\.|S\.r\.l\.|"
    r"A/S|AB|Oy|Oyj|ASA|AG|KG|Kft\.?|Zrt\.?|Nyrt\.?|s\.r\.o\.|a\.s\.|Sp\. z o\.o\.|SAS|SARL|BV|NV|"
    r"K\.K\.|Co\.,? Ltd\.?)$"
)


def spoken_company(company: str) -> str:
    """The company as a sentence says it: no legal form at the end."""
    company = " ".join(company.split())
    short = _LEGAL_FORM.sub("", company)
    return short if short.strip() else company


def at_company(company: str) -> str:
    """' at Acme Robotics'; ' at the University of Northmoor' (an institution named by what
    it is takes its article); 'Selat Logistics' for 'Selat Logistics Sdn Bhd'."""
    company = spoken_company(company).rstrip(".")
    if not company:
        return ""
    return f" at the {company}" if _INSTITUTION.match(company) else f" at {company}"


def role_phrase(role: str, company: str) -> str:
    """'Data Engineer role': the company and the word 'role' said once each."""
    role = " ".join(role.split())
    for name in dict.fromkeys((company, spoken_company(company))):
        if name and role.casefold().endswith(f" at {name.casefold()}"):
            role = role[: -len(name) - 4]
            break
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
    full = _varied_body(ctx, most=2)
    bodies = [full]
    shorter = _varied_body(ctx, most=1)
    if shorter != full:
        bodies.append(shorter)
    return [Proposal(text=body, subject=subject) for body in bodies]


def _varied_body(ctx: Context, most: int) -> str:
    """The body; composed again, with no two sentences in a row on 'I' where it can, when
    three in a row start so ('I'm grateful ... I appreciated ... I also ...')."""
    body = _email_body(ctx, most)
    if longest_i_run(body) < 3:
        return body
    again = _email_body(replace(ctx, i_run=1), most)
    return again if longest_i_run(again) < longest_i_run(body) else body


def longest_i_run(text: str) -> int:
    """The most sentences in a row that start with 'I', past the greeting."""
    longest = run = 0
    body = text.split("\n\n", 1)[-1]
    for sentence in _FULL_STOP.split(" ".join(body.split())):
        run = run + 1 if _I_START.match(sentence) else 0
        longest = max(longest, run)
    return longest


def _fill(words: str) -> Callable[[str], str]:
    """An option's '{}' filled with `words` (whose own braces stay as they are)."""
    return lambda option: option.replace("{}", words)


# Something the two did together in the interview ('pairing w/ him on the flaky test'):
# thanked as done with the candidate ('pairing with me on'), never 'our talk about pairing'.
_DONE_TOGETHER = re.compile(
    r"^(?P<verb>pairing|working|debugging|coding|whiteboarding|sketching|mobbing|live-coding)"
    r" with you (?P<rest>(?:on|through|over)\b.+)$",
    re.IGNORECASE,
)
_TOGETHER = [
    "Thank you for {}.",
    "I'm grateful to you for {}.",
    "Thanks, too, for {}.",
    "Many thanks for {}.",
]


def done_together(said: Said) -> str | None:
    """'pairing with me on the flaky test' for a thing done together, else None."""
    found = _DONE_TOGETHER.match(said.noun or "")
    return f"{found['verb']} with me {found['rest']}" if found else None


def specific(ctx: Context, most: int, said: str = "") -> list[str]:
    """Up to `most` sentences from the topics, each in the frame its kind needs and none
    saying again a word of what comes before it (the note and the follow-up take the
    topics after these: see `hooks`)."""
    out: list[str] = []
    heard_seen = 0
    for topic in for_email(ctx.topics)[:most]:
        sentence = None
        before = " ".join([said, *out])
        together = done_together(topic)
        if together:
            # 'pairing with you on the flaky test': done together, thanked, not a topic
            sentence = ctx.fresh(_TOGETHER, 0, before, _fill(together), shared=False)
        elif topic.kind in (Kind.subject, Kind.view):
            sentence = heard_sentence(ctx, topic, heard_seen, before, second=heard_seen > 0)
            heard_seen += 1
        elif topic.kind == Kind.common_ground and topic.clause:
            clause = common_clause(topic)
            sentence = ctx.fresh(COMMON, 1, before, _fill(clause), shared=False)
        elif topic.kind == Kind.own and topic.noun:
            noun = topic.noun
            sentence = ctx.fresh(OWN, 2, before, _fill(noun), shared=False)
        elif topic.kind == Kind.logistics:
            sentence = process_sentence(ctx, topic, before=before)
        if sentence:
            out.append(finish(sentence))
    if not out and ctx.topics.favours:
        out.append(finish(f"Many thanks for {ctx.topics.favours[0]}."))
    return out


_STEP = re.compile(
    r"^(?:next|final|second|third|first|last) (?:round|stage|step|interview)\b", re.I
)


_LATER_WALKED = ["Thanks again for explaining {}.", "I was grateful for the detail on {}."]
_LATER_TOLD = ["Thanks again for letting me know that {}.", "It helped to know that {}."]


def process_sentence(
    ctx: Context, said: Said, *, later: bool = False, before: str = ""
) -> str | None:
    """A step of the hiring process: 'walking me through the referencing', or told as a
    clause ('that the next round is with the CEO'); a note or follow-up (`later`) in words
    the email does not use."""
    if said.noun:
        noun = said.noun
        options = _LATER_WALKED if later else WALKED_THROUGH
        return ctx.fresh(options, 0, before, _fill(noun), shared=False)
    if said.clause:
        clause = f"the {said.clause}" if _STEP.match(said.clause) else said.clause
        options = _LATER_TOLD if later else TOLD_THAT
        return ctx.fresh(options, 0, before, _fill(clause), shared=False)
    return None


def heard_sentence(
    ctx: Context, said: Said, step: int, before: str = "", *, second: bool = False
) -> str:
    """A subject or a view in a frame that fits its rendering."""
    options, words = _heard_frames(ctx, said, second=second)
    options = fitting(options, words)
    return ctx.fresh(options, step, before, _fill(words), shared=False)


def _heard_frames(ctx: Context, said: Said, *, second: bool) -> tuple[list[str], str]:
    noun, clause = said.noun, said.clause
    if noun and noun.casefold().startswith("how ") and not second:
        # 'how the teams share a backlog' never follows 'Hearing how you approach'
        return HOW_NOUN, noun
    if said.kind == Kind.subject and noun:
        return (SECOND_SUBJECT if second else SUBJECT_NOUN[ctx.reg]), noun
    if said.kind == Kind.view and clause and _opinion(said):
        # 'she thinks most projects fail on data': her view, never learned as a fact
        return OPINION, clause
    if said.kind == Kind.view and clause:
        # 'that the refurb finishes in the summer' reads right for a fact and an opinion
        # alike; 'your point that ...' only for an opinion
        return VIEW_CLAUSE[ctx.reg], clause
    if noun and noun.casefold().startswith("how "):
        return HOW_NOUN, noun
    if noun and noun.casefold().startswith("your "):
        return VIEW_NOUN, noun
    if clause:
        return VIEW_CLAUSE[ctx.reg], clause
    return (SECOND_SUBJECT if second else SUBJECT_NOUN[ctx.reg]), noun or ""


def _opinion(said: Said) -> bool:
    """The notes give this as what the reader thinks ('she thinks ...', 'his take: ...')."""
    noun = (said.fragment.noun or "").casefold()
    return noun.startswith(("your view that", "your take that", "your opinion that"))


def outcome_sentence(ctx: Context, said: str, *, honest: bool = False) -> str:
    """Where things stand, in one sentence: the offer, the rejection, the withdrawal (and
    why, when the notes say), or the candidate's interest."""
    outcome = ctx.notes.outcome
    if outcome == Outcome.offer:
        options = OFFER
    elif outcome == Outcome.rejected:
        options = REJECTED
    elif outcome == Outcome.withdrew:
        options = WITHDREW_OFFER if ctx.sit.other_offer else WITHDREW
    elif ctx.notes.interview.went == Went.poorly:
        options = POORLY
    elif honest:
        options = HONEST  # nothing to go on: no claim about how the talk went
    else:
        options = ctx.bank(INTEREST)
    return ctx.fresh(options, 0, said, lambda o: o.replace("{team}", ctx.team))


_FEW_WORDS = 44  # a body this short, with the greeting and sign-off, reads as too brief


def close_sentence(ctx: Context, said: str, *, fuller: bool = False) -> str:
    """The last line; `fuller` for a short email: one of the longer closes."""
    outcome = ctx.notes.outcome
    fill: Callable[[str], str] = lambda o: o.replace("{team}", ctx.team)  # noqa: E731
    if outcome != Outcome.pending:
        options = DECIDED_CLOSE[outcome.value]
        if ctx.sit.connected:
            options = CONNECTED_CLOSE
        return ctx.fresh(options, 1, said, fill, optional=True)
    if ctx.topics.upcoming and ctx.topics.upcoming[0].noun:
        upcoming = ctx.topics.upcoming[0].noun
        return ctx.fresh(FORWARD, 0, said, _fill(upcoming), optional=True)
    bank = ctx.bank(PENDING_CLOSE)
    if not decides(ctx.person):
        fill = lambda o: NO_NEWS.get(o, o)  # noqa: E731
    # a short email needs its close: another place's spare before none
    return ctx.fresh(
        bank, 1, said, fill, min_words=9 if fuller else 0, optional=True, shared=not fuller
    )


def _email_body(ctx: Context, most: int) -> str:
    openings = LATE_OPENINGS if ctx.late else OPENINGS
    option = place_stage(ctx.rot_fit(openings[ctx.reg]), ctx.during)
    opening = option.format(role=ctx.role, at=ctx.at)
    first = [finish(opening)]
    first += specific(ctx, most, first[0])
    said = " ".join(first)
    second = [outcome_sentence(ctx, said, honest=len(first) == 1)]
    if ctx.sit.feedback:
        second.append(ctx.fresh(FEEDBACK_THANKS, 2, f"{said} {second[0]}"))
    favoured = any(f.casefold() in said.casefold() for f in ctx.topics.favours)
    if ctx.person.relation in (Relation.recruiter, Relation.hr_coordinator) and not favoured:
        # (a favour thanked already, 'for booking the car', is their help with the day)
        before = " ".join([said, *second])
        # 'grateful for your time during the process. ... through the process': the echo
        # check passes over so common a word, the reader does not
        again = "process" in before
        second.append(
            ctx.fresh(
                PROCESS,
                0,
                before,
                lambda o: o.replace("the process", "every step") if again else o,
            )
        )
    # after a poor interview the interest sentence already offers more detail
    poorly = ctx.notes.interview.went == Went.poorly
    room = ctx.notes.outcome == Outcome.pending and len(first) < 3 and len(second) < 2
    # strong rapport: an offer of 'anything else' reads as a form letter's
    room = room and not poorly and ctx.person.rapport != Rapport.strong
    decided = ctx.notes.outcome in (Outcome.rejected, Outcome.withdrew)
    if room or (
        len(first) == 1 and not poorly and not decided
    ):  # an honest message with nothing specific still offers help (not once it is over)
        second.append(ctx.fresh(HELP, 3, " ".join([said, *second]), optional=True))
    if ctx.late and ctx.sit.connected:
        second.append(ctx.fresh(SINCE_CONNECTED, 0, " ".join([said, *second])))
    close = close_sentence(ctx, " ".join([said, *second]))
    if len(" ".join([said, *second, close]).split()) < _FEW_WORDS:
        close = close_sentence(ctx, " ".join([said, *second]), fuller=True) or close
    paragraphs = [p for p in (" ".join(first), " ".join(s for s in second if s), close) if p]
    body = "\n\n".join(paragraphs)
    return f"{ctx.hi},\n\n{body}\n\n{sign_off(ctx.notes, ctx.turn, paragraphs[-1])}"
