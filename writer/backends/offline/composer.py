"""The offline composer: drafts every message kind from the notes alone, deterministically.

It returns several candidates, best first; the drafting loop checks them and keeps the best.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from writer.backends.base import Proposal
from writer.backends.offline.phrasing import (
    during_phrase,
    pick,
    salutation,
    sign_off,
    stable_index,
    topic_phrase,
)
from writer.backends.offline.replies import REPLY_KINDS, compose_reply
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import MessageKind, spec
from writer.notes import Culture, Interviewer, Notes, Outcome, Relation, Went

EMAIL_TOPIC_CHARS = 90
MIN_NOTE_TOPIC_CHARS = 18


@dataclass(frozen=True)
class _Slots:
    """What every template may fill in."""

    hi: str
    job: str
    role: str
    company: str
    during: str
    topics: list[str]
    seed: int  # from the notes: the same notes give the same drafts
    turn: int  # the interviewer's place on the panel, plus the variant

    @property
    def index(self) -> int:
        return self.seed + self.turn

    def pick(self, core: list[str], more: list[str]) -> str:
        """A template that no other interviewer on a panel of up to len(core + more) gets:
        the core ones first (rotated by the seed), then the others."""
        place = self.turn % (len(core) + len(more))
        if place < len(core):
            return core[(self.seed + place) % len(core)]
        return more[(self.seed + place - len(core)) % len(more)]

    def fill(self, template: str, topic: str = "") -> str:
        return template.format(
            hi=self.hi,
            job=self.job,
            role=self.role,
            company=self.company,
            during=self.during,
            topic=topic,
        )


def compose(
    notes: Notes,
    person: Interviewer,
    kind: str,
    now: datetime,
    variant: int = 0,
    guidance: Guidance = DEFAULT_GUIDANCE,
) -> list[Proposal]:
    """Candidate drafts of `kind` for `person`, in the order this variant prefers them."""
    if MessageKind(kind) in REPLY_KINDS:
        return compose_reply(notes, person, MessageKind(kind))
    position = next(i for i, p in enumerate(notes.interviewers) if p is person)
    slots = _Slots(
        hi=salutation(notes, person, note=not spec(kind).has_subject),
        job=notes.role,
        role=_role(notes.role),
        company=notes.company,
        during=during_phrase(notes, now),
        topics=list(person.topics),
        seed=stable_index(notes.company, notes.role, kind),
        turn=position + variant,
    )
    builders: dict[MessageKind, Callable[[], list[Proposal]]] = {
        MessageKind.thank_you_email: lambda: _emails(notes, person, slots),
        MessageKind.connection_note: lambda: _connection_notes(
            notes, slots, guidance.note_chars(notes.tier)
        ),
        MessageKind.follow_up_message: lambda: _follow_ups(notes, slots),
    }
    return builders[MessageKind(kind)]()


def _role(role: str) -> str:
    lowered = role.casefold()
    return role if lowered.endswith((" role", " position")) else f"{role} role"


# -- thank-you email -------------------------------------------------------------------

_EMAIL_SUBJECTS = [
    "Thank you – {job} interview",
    "Thank you for the conversation about the {role}",
    "Thanks for your time – {job} interview",
]
_OPENINGS = [
    "Thank you for taking the time to speak with me about the {role} at {company}{during}.",
    "Thank you for meeting with me to discuss the {role} at {company}{during}.",
    "I wanted to thank you for your time{during} and for the conversation about the {role} "
    "at {company}.",
    "Thank you for the thoughtful conversation about the {role} at {company}{during}.",
]
_ONE_TOPIC = [
    "I especially enjoyed our conversation about {t1}.",
    "I particularly appreciated hearing your perspective on {t1}.",
    "Our discussion of {t1} was a highlight for me.",
    "What you shared about {t1} has stayed with me.",
]
_TWO_TOPICS = [
    "I especially enjoyed our conversation about {t1}, and I appreciated hearing about {t2}.",
    "I particularly appreciated your perspective on {t1}, and our discussion of {t2} was a "
    "highlight.",
    "Our discussion of {t1} was a highlight for me, as was hearing about {t2}.",
    "What you shared about {t1} has stayed with me, and I enjoyed hearing about {t2}.",
]
_INTEREST = [
    "Our conversation left me even more interested in the role.",
    "I came away with a clearer picture of the work and even more interest in the role.",
    "It confirmed my interest in the role and in what the team is building.",
]
_CLOSES = [
    "Thank you again for your time. I look forward to hearing about the next steps.",
    "Thanks again for your time, and I look forward to hearing from you.",
    "Thank you again, and I hope the rest of your week goes well.",
]


def _emails(notes: Notes, person: Interviewer, slots: _Slots) -> list[Proposal]:
    subject_options = _EMAIL_SUBJECTS[:1] if notes.culture == Culture.formal else _EMAIL_SUBJECTS
    subject = slots.fill(pick(subject_options, slots.index))
    phrases = [topic_phrase(t, EMAIL_TOPIC_CHARS) for t in slots.topics[:2]]
    bodies = [_email_body(notes, person, slots, phrases)]
    if len(phrases) == 2:
        bodies.append(_email_body(notes, person, slots, phrases[:1]))
    return [Proposal(text=body, subject=subject) for body in bodies]


def _email_body(notes: Notes, person: Interviewer, slots: _Slots, phrases: list[str]) -> str:
    i = slots.index
    first = slots.fill(pick(_OPENINGS, i))
    if len(phrases) == 2:
        first += " " + pick(_TWO_TOPICS, i).format(t1=phrases[0], t2=phrases[1])
    elif phrases:
        first += " " + pick(_ONE_TOPIC, i).format(t1=phrases[0])
    elif person.title:
        first += f" I enjoyed hearing about your work as {person.title}."
    second = _outcome_sentence(notes, i)
    if person.relation in (Relation.recruiter, Relation.hr_coordinator):
        second += " Thank you as well for guiding me through the process."
    elif notes.outcome == Outcome.pending and i % 2 == 0:
        second += " If it would help, I'm happy to share more detail about my experience."
    close = _close(notes, i)
    return f"{slots.hi},\n\n{first}\n\n{second}\n\n{close}\n\n{sign_off(notes)}"


def _outcome_sentence(notes: Notes, index: int) -> str:
    if notes.outcome == Outcome.offer:
        return (
            "I was delighted to receive the offer, and I'm grateful for the time you gave "
            "me during the process."
        )
    if notes.outcome == Outcome.rejected:
        return (
            "While I was disappointed not to move forward, I valued the chance to learn "
            "about the team's work, and I'd be glad to stay in touch."
        )
    if notes.outcome == Outcome.withdrew:
        return (
            "Although I've decided to withdraw from the process, I valued our conversation "
            "and would be glad to stay in touch."
        )
    if notes.interview.went == Went.poorly:
        return "I've been reflecting on our conversation, and I remain very interested in the role."
    return pick(_INTEREST, index)


def _close(notes: Notes, index: int) -> str:
    if notes.outcome != Outcome.pending:
        return "Thank you again for your time."
    if notes.culture == Culture.formal:
        return "Thank you again for your time and consideration."
    return pick(_CLOSES, index)


# -- connection note -------------------------------------------------------------------

_CONNECTION_NOTES = [
    "{hi}, thank you for speaking with me{during} about the {role} at {company}. I enjoyed our "
    "conversation about {topic} and would be glad to stay connected.",
    "{hi}, thanks again for your time at {company}{during}. I enjoyed hearing about {topic}, "
    "and I'd be glad to stay in touch here.",
    "{hi}, I appreciated our conversation about {topic} during the {job} interview. Thank "
    "you for your time; I'd like to stay connected.",
    "{hi}, thank you for the conversation about {topic} at {company}{during}. I'd be glad to "
    "stay connected.",
]
# For panels of five or more: no two interviewers get the same note.
_MORE_CONNECTION_NOTES = [
    "{hi}, it was a pleasure to meet you{during} at {company}. Thank you for our talk about "
    "{topic}; I'd be glad to stay connected.",
    "{hi}, thank you for your time{during}. Our conversation about {topic} has stayed with me, "
    "and I'd be glad to keep in touch.",
    "{hi}, I enjoyed meeting you during the {job} interview, especially our talk about "
    "{topic}. I'd be glad to stay connected.",
    "{hi}, many thanks for your time at {company}{during}. I learned a lot from our "
    "conversation about {topic} and would like to stay in touch.",
]
_SHORT_CONNECTION_NOTES = [
    "{hi}, thank you for the {job} interview and our talk about {topic}. I'd be glad to stay "
    "connected.",
    "{hi}, thank you for the conversation about {topic}. I'd be glad to stay connected.",
    "{hi}, thanks for your time and the talk about {topic}.",
]
_DECIDED_CONNECTION_NOTES = [
    "{hi}, thank you again for your time during the {role} process. I enjoyed our "
    "conversation about {topic} and would be glad to stay in touch.",
    "{hi}, thank you for the conversation about {topic}. I'd be glad to stay in touch.",
]


def _connection_notes(notes: Notes, slots: _Slots, limit: int) -> list[Proposal]:
    decided = notes.outcome in (Outcome.rejected, Outcome.withdrew)
    first = (
        _DECIDED_CONNECTION_NOTES[:1]
        if decided
        else [slots.pick(_CONNECTION_NOTES, _MORE_CONNECTION_NOTES)]
    )
    shorter = _DECIDED_CONNECTION_NOTES[1:] if decided else _SHORT_CONNECTION_NOTES
    topics = slots.topics or [f"the {slots.role} at {slots.company}"]
    return _fit(slots, first + shorter, topics, limit)


def _fit(slots: _Slots, templates: list[str], topics: list[str], limit: int) -> list[Proposal]:
    """Each template with each topic; whole topics first, then topics shortened to fit."""
    whole: list[Proposal] = []
    shortened: list[Proposal] = []
    for template in templates:
        room = limit - len(slots.fill(template))
        if room < MIN_NOTE_TOPIC_CHARS:
            continue
        for topic in topics:
            phrase = topic_phrase(topic)
            target = whole if len(phrase) <= room else shortened
            target.append(Proposal(text=slots.fill(template, topic_phrase(topic, room))))
    return whole + shortened


# -- follow-up message after acceptance ------------------------------------------------

_FOLLOW_UPS = [
    "{hi}, thanks for connecting. I'm still thinking about our conversation on {topic}; it "
    "gave me a clearer picture of the work at {company}. I hope the rest of your week goes well.",
    "{hi}, thank you for accepting my request. I enjoyed our talk about {topic} and look "
    "forward to following the work at {company} here.",
    "{hi}, thanks for connecting, and thanks again for the conversation about {topic}. "
    "Wishing you a good rest of the week.",
]
_MORE_FOLLOW_UPS = [
    "{hi}, thank you for connecting. Our conversation about {topic} has stayed with me, and "
    "I'm glad to keep in touch here.",
    "{hi}, thanks for accepting my request. I appreciated our conversation about {topic}, and "
    "I hope your week is going well.",
    "{hi}, thank you for connecting. I enjoyed learning about {topic} from you, and I'll be "
    "glad to follow the work at {company}.",
    "{hi}, thanks for connecting. I'm grateful for the time you gave me and for our talk about "
    "{topic}. All the best for the rest of the week.",
    "{hi}, thank you for connecting here. I keep coming back to our conversation about "
    "{topic}; thank you again for your time.",
]
_DECIDED_FOLLOW_UP = (
    "{hi}, thanks for connecting. I enjoyed our conversation about {topic} and would be glad "
    "to keep in touch."
)


def _follow_ups(notes: Notes, slots: _Slots) -> list[Proposal]:
    decided = notes.outcome in (Outcome.rejected, Outcome.withdrew)
    template = _DECIDED_FOLLOW_UP if decided else slots.pick(_FOLLOW_UPS, _MORE_FOLLOW_UPS)
    # The note used the first topic; the message picks up the second when there is one.
    topics = slots.topics[1:] + slots.topics[:1] or [f"the {slots.role} at {slots.company}"]
    return [
        Proposal(text=slots.fill(template, topic_phrase(topic, EMAIL_TOPIC_CHARS)))
        for topic in topics
    ]
