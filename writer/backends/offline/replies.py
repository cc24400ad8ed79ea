"""The offline composer's loop-level emails: the status check-in, and the replies to a
rejection or an offer. Topics come through the topic stage (writer/topics), so a private or
negative jotting never reaches the recipient."""

from __future__ import annotations

import re

from writer.backends.base import Proposal
from writer.backends.offline.hooks import pool, thin
from writer.backends.offline.phrasing import pick, salutation, sign_off, stable_index
from writer.backends.offline.picking import pick_topics
from writer.backends.offline.situation import Situation, decides
from writer.backends.offline.wording import team_word
from writer.kinds import MessageKind
from writer.notes import Culture, Interviewer, Notes
from writer.topics import Fragment, Kind
from writer.topics.frames import Frame, Slot

REPLY_KINDS = frozenset(
    {MessageKind.status_email, MessageKind.rejection_reply, MessageKind.offer_reply}
)

# "...since our conversation about {}" needs a subject the reader recognises.
_SINCE = Frame(
    "I've kept thinking about our conversation about {}.",
    Slot.noun,
    frozenset({Kind.subject, Kind.view}),
)

_STATUS_SUBJECTS = [
    "Checking in: {role} at {company}",
    "Following up on the {role} role",
]
_STATUS_OPENINGS = [
    "I hope you're well. I wanted to check in on the {role} role at {company}.",
    "I hope your week is going well. I'm writing to follow up on the {role} role at {company}.",
]
_STATUS_INTEREST = [
    "I remain very interested in the role and in joining the team.",
    "I'm still very keen on the role and excited about the team's work.",
]
_STATUS_ASK = [
    "Could you share an update on the timeline for a decision? I understand these things "
    "take time, and I'm happy to provide anything else that would help.",
    "Is there any update on the timeline for next steps? I know decisions can take a "
    "while, and I'd be glad to send anything else that would be useful.",
]

_REJECTION_SUBJECTS = ["Thank you: {role} at {company}", "Re: the {role} role"]
_REJECTION_BODIES = [
    "Thank you for letting me know, and for the time you and the team gave me during the "
    "process. I'm disappointed, of course, but I enjoyed learning about the team's work.",
    "Thank you for telling me, and for the care the team took throughout the process. "
    "While I'm disappointed, I valued the chance to learn how {company} works.",
]
# To someone who did not make the call (the notes name no one else to write to): no
# "thank you for telling me", and no feedback asked of them.
_REJECTION_PEER = [
    "Thank you for the time you gave me during the process. I'm disappointed not to be "
    "going further, but I enjoyed learning about the team's work.",
    "Thank you again for your time during the process. While I'm disappointed with the "
    "outcome, I valued the chance to learn how {company} works.",
]
_REJECTION_FEEDBACK = (
    "If you have a moment, I'd welcome any feedback that could help me in future interviews."
)
# The notes record the feedback they gave: thanks for it, and no asking again.
_FEEDBACK_GIVEN = [
    "I'm grateful for the feedback, too; it gives me something concrete to work on.",
    "The feedback was genuinely useful, and I appreciate you passing it on.",
]
_REJECTION_CLOSE = [
    "I'd be glad to stay in touch, and I hope our paths cross again.",
    "I'd like to stay in touch and would be glad to be considered for future roles.",
]
_CONNECTED_CLOSE = [
    "I'm glad we're connected, and I hope our paths cross again.",
    "I'd be glad to be considered for future roles, and I hope our paths cross again.",
]
_REJECTION_LAST = ["All the best with the work ahead.", "Best wishes for what comes next."]

_OFFER_SUBJECTS = ["Thank you for the offer: {role}", "Re: the {role} offer"]
_OFFER_BODIES = [
    "Thank you so much for the offer for the {role} role at {company}. I'm delighted, and "
    "grateful for the time everyone gave me during the process.",
    "Thank you for the offer for the {role} role. I'm very pleased, and I appreciated how "
    "welcoming the team was throughout.",
]
# The reply is the one message that day (outcome.one_message): it carries the specific
# thanks a folded thank-you would have, in a frame that does not echo the body beside it.
_REJECTION_RECALL = [
    "I valued our conversation about {} in particular.",
    "Our conversation about {} was a real highlight for me.",
]
_OFFER_RECALL = [
    "Our conversation about {} was a highlight of the process.",
    "I especially enjoyed our conversation about {}.",
]
_OFFER_NEXT = [
    "I'd like to take a few days to review the details carefully. Would it be all right if "
    "I came back to you by the end of next week?",
    "Could you let me know the next steps and when you would need my answer? I'd like to "
    "review the details carefully before I reply.",
]


def compose_reply(
    notes: Notes, person: Interviewer, kind: MessageKind, sit: Situation | None = None
) -> list[Proposal]:
    """Candidate drafts of a status email, a rejection reply or an offer reply."""
    seed = stable_index(notes.company, notes.role, kind.value)
    fields = {"role": _role(notes.role), "company": notes.company}
    hi = salutation(notes, person)
    if kind == MessageKind.status_email:
        subjects, paragraphs = _STATUS_SUBJECTS, _status(notes, person, seed, sit)
    elif kind == MessageKind.rejection_reply:
        subjects, paragraphs = _REJECTION_SUBJECTS, _rejection(seed, sit, decides(person))
        paragraphs[0] = _with_recall(paragraphs[0], _REJECTION_RECALL, person, seed)
    else:
        subjects, paragraphs = _OFFER_SUBJECTS, _offer(seed)
        paragraphs[0] = _with_recall(paragraphs[0], _OFFER_RECALL, person, seed)
    subject = pick(subjects[:1] if notes.culture == Culture.formal else subjects, seed)
    body = "\n\n".join([f"{hi},", *(p.format_map(fields) for p in paragraphs)])
    body += "\n\n" + sign_off(notes)
    return [Proposal(text=body, subject=subject.format(**fields))]


def _status(notes: Notes, person: Interviewer, seed: int, sit: Situation | None) -> list[str]:
    interest = pick(_STATUS_INTEREST, seed)
    recalled = _recalled(notes, person)
    first = pick(_STATUS_OPENINGS, seed)
    if sit is not None and not sit.suits(first):  # 'your week' read on a Friday
        first = next((o for o in _STATUS_OPENINGS if sit.suits(o)), first)
    # The topic is the notes' text, not a template: its braces must survive format_map.
    if recalled:
        recalled = recalled.replace("{", "{{").replace("}", "}}")
    interest = interest.replace("the team", team_word(notes))
    middle = f"{recalled} {interest}" if recalled else interest
    return [first, middle, pick(_STATUS_ASK, seed), "Thank you again for your time."]


_DECIDED = re.compile(r"\b(?:went with|someone (?:else|more)|feedback|reject\w*)\b", re.I)
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|hers)\b", re.IGNORECASE)


def _recalled(notes: Notes, person: Interviewer) -> str | None:
    """One usable topic: the addressee's own, else a colleague's, named as theirs."""
    for said in pool(pick_topics(person)):
        # the composer's own rendering: articles restored, the decision never recalled
        if said.kind in (Kind.subject, Kind.view) and said.noun and not thin(said):
            return f"I've kept thinking about our conversation about {said.noun}."
    for fragment in _sayable(person):
        sentence = _SINCE.fill(fragment)
        if sentence is not None and not _DECIDED.search(fragment.text):
            return sentence
    for someone in (p for p in notes.interviewers if p is not person):
        first = someone.first_name
        if first.casefold() == person.first_name.casefold():
            continue  # 'my conversation with Dana' in a message to another Dana reads as them
        for fragment in _sayable(someone):
            words = fragment.clause if fragment.kind == Kind.view else fragment.noun
            if words is None or _THIRD_PERSON.search(words) or _DECIDED.search(words):
                continue  # 'she showed me ...' would speak of someone in a message to another
            if fragment.kind == Kind.view:
                return f"I've kept thinking about {first}'s point that {fragment.clause}."
            if fragment.kind == Kind.subject:
                return (
                    f"I've kept thinking about my conversation with {first} about {fragment.noun}."
                )
    return None


def _sayable(person: Interviewer) -> list[Fragment]:
    """A person's work and views that the composer would say in a message to them: never
    one their own drafts leave out (a candid remark, a fragment that cannot be said well)."""
    work = (Kind.subject, Kind.view)
    return [said.fragment for said in pool(pick_topics(person)) if said.kind in work]


def _with_recall(body: str, frames: list[str], person: Interviewer, seed: int) -> str:
    """`body`, then one thing of this person's own from the conversation, when the notes
    give one that can be said (never the decision or the feedback's sting)."""
    for said in pool(pick_topics(person)):
        if said.kind not in (Kind.subject, Kind.view) or not said.noun or thin(said):
            continue
        if _DECIDED.search(said.fragment.text):
            continue
        noun = said.noun.replace("{", "{{").replace("}", "}}")  # survives format_map
        return f"{body} {pick(frames, seed).format(noun)}"
    return body


def _rejection(seed: int, sit: Situation | None, decider: bool) -> list[str]:
    """Thanks, the disappointment said once, feedback thanked for (or asked for, of
    someone who decided), and a close that does not offer to connect with someone already
    connected."""
    body = pick(_REJECTION_BODIES if decider else _REJECTION_PEER, seed)
    close = pick(_CONNECTED_CLOSE if sit and sit.connected else _REJECTION_CLOSE, seed)
    if sit and sit.feedback:
        close = f"{pick(_FEEDBACK_GIVEN, seed)} {close}"
    elif decider:
        close = f"{_REJECTION_FEEDBACK} {close}"
    return [body, close, pick(_REJECTION_LAST, seed)]


def _offer(seed: int) -> list[str]:
    # the body thanks for the offer; a second 'Thank you again' would say it twice
    return [pick(_OFFER_BODIES, seed), pick(_OFFER_NEXT, seed), pick(_OFFER_LAST, seed)]


# The candidate may still be weighing the offer: nothing that reads as a yes.
_OFFER_LAST = [
    "I'm grateful for the confidence you've shown in me.",
    "I look forward to hearing from you.",
]


def _role(role: str) -> str:
    return role.strip()
