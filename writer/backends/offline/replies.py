"""The offline composer's loop-level emails: the status check-in, and the replies to a
rejection or an offer. Topics come through the topic stage (writer/topics), so a private or
negative jotting never reaches the recipient."""

from __future__ import annotations

import re

from writer import names
from writer.backends.base import Proposal
from writer.backends.offline.hooks import pool, rank, thin
from writer.backends.offline.journey import email_topics, unheard
from writer.backends.offline.phrasing import pick, salutation, sign_off, stable_index
from writer.backends.offline.picking import pick_topics
from writer.backends.offline.situation import Situation, decides
from writer.backends.offline.wording import Register, register, team_word
from writer.kinds import MessageKind
from writer.notes import Culture, Interviewer, Notes
from writer.topics import Kind
from writer.topics.frames import fitting

REPLY_KINDS = frozenset(
    {MessageKind.status_email, MessageKind.rejection_reply, MessageKind.offer_reply}
)

_STATUS_SUBJECTS = [
    "Checking in: {role} at {company}",
    "Following up on the {role} role",
]
# By register: a start-up's check-in is two easy lines, a bank's or a law firm's a letter.
_STATUS_OPENINGS = {
    Register.casual: [
        "Hope you're doing well! Just checking in on the {role} role.",
        "Hope things are good on your side. Just checking in about the {role} role.",
    ],
    Register.neutral: [
        "I hope you're well; I wanted to check in on the {role} role at {company}.",
        "I hope your week is going well; I'm writing to follow up on the {role} role at {company}.",
    ],
    Register.formal: [
        "I hope this finds you well, and I am writing to follow up on my application for "
        "the {role} role at {company}.",
        "I hope you are well; I am writing to ask whether there is any news on the {role} "
        "role at {company}.",
    ],
}
_STATUS_INTEREST = {
    Register.casual: [
        "The role still really appeals, and so does joining {team}.",
        "I'm just as excited about the role as ever.",
    ],
    Register.neutral: [
        "The role remains of real interest to me, as does joining {team}.",
        "I'm still very keen on the role and excited about {team}'s work.",
    ],
    Register.formal: [
        "My interest in the position, and in the work of {team}, is as strong as ever.",
        "The position remains of great interest to me, as does the chance to join {team}.",
    ],
}
_STATUS_ASK = {
    Register.casual: [
        "Is there any news on timing? No rush at all, and happy to send anything that helps.",
        "Any update on next steps? Happy to send over anything else you need.",
    ],
    Register.neutral: [
        "Could you share an update on the timeline for a decision? I understand these things "
        "take time, and I'm happy to provide anything else that would help.",
        "Is there any update on the timeline for next steps? I know decisions can take a "
        "while, and I'd be glad to send anything else that would be useful.",
    ],
    Register.formal: [
        "I would be grateful for any update on the timeline for a decision, and I would be "
        "glad to provide any further information that may help.",
        "Should it be possible to share an indication of the timeline, I would be most "
        "grateful; I am happy to provide anything further in the meantime.",
    ],
}
_STATUS_LAST = {
    Register.casual: ["Thanks so much.", "Thanks again, and speak soon."],
    Register.neutral: ["Thank you again for your time.", "Many thanks for your help."],
    Register.formal: [
        "Thank you again for your time and consideration.",
        "With thanks for your consideration.",
    ],
}
# A topic no earlier message to this reader recalled, in the status email's own words.
_STATUS_RECALL = {
    Register.casual: [
        "I've been thinking more about {} since we talked.",
        "Since we talked, I've been thinking more about {}.",
    ],
    Register.neutral: ["I've kept thinking about our conversation about {}."],
    Register.formal: ["I have continued to reflect on our discussion of {}."],
}
# 'your view that flaky tests are cultural': no 'our conversation about' before it
_STATUS_RECALL_YOURS = {
    Register.casual: ["Since we talked, I've been thinking more about {}."],
    Register.neutral: ["I've kept thinking about {}."],
    Register.formal: ["I have continued to reflect on {}."],
}

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
# Nothing said of the team the notes do not say ('how welcoming everyone was'); a start-up
# hears it the way a friend would say it.
_OFFER_BODIES = {
    Register.casual: [
        "Thanks so much for the offer of the {role} role at {company}. I'm really happy, and "
        "grateful for all the time people gave me along the way.",
        "Thank you for the offer of the {role} role! I'm thrilled, and grateful for the time "
        "everyone gave me along the way.",
    ],
    Register.neutral: [
        "Thank you so much for the offer of the {role} role at {company}. I'm delighted, and "
        "grateful for the time everyone gave me during the process.",
        "Thank you for the offer of the {role} role. I'm very pleased to have received it, "
        "and grateful for your time during the process.",
    ],
}
_OFFER_BODIES[Register.formal] = _OFFER_BODIES[Register.neutral]
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
    from writer.backends.offline.composer import at_company

    fields = {"role": _role(notes.role), "company": at_company(notes.company).removeprefix(" at ")}
    hi = salutation(notes, person)
    if kind == MessageKind.status_email:
        subjects, paragraphs = _STATUS_SUBJECTS, _status(notes, person, seed, sit)
    elif kind == MessageKind.rejection_reply:
        subjects, paragraphs = _REJECTION_SUBJECTS, _rejection(seed, sit, decides(person))
        paragraphs[0] = _with_recall(paragraphs[0], _REJECTION_RECALL, person, seed)
    else:
        subjects, paragraphs = _OFFER_SUBJECTS, _offer(seed, _register(notes), time_asked(notes))
        paragraphs[0] = _with_recall(paragraphs[0], _OFFER_RECALL, person, seed)
    subject = pick(subjects[:1] if notes.culture == Culture.formal else subjects, seed)
    body = "\n\n".join([f"{hi},", *(p.format_map(fields) for p in paragraphs)])
    body += "\n\n" + sign_off(notes, after=body.rsplit("\n\n", 1)[-1])
    return [Proposal(text=body, subject=subject.format(**fields))]


def _status(notes: Notes, person: Interviewer, seed: int, sit: Situation | None) -> list[str]:
    reg = _register(notes)
    team = team_word(notes)
    interest = pick(_STATUS_INTEREST[reg], seed).replace("{team}", team)
    recalled = _recalled(notes, person, reg)
    openings = _STATUS_OPENINGS[reg]
    first = pick(openings, seed)
    if sit is not None and not sit.suits(first):  # 'your week' read on a Friday
        first = next((o for o in openings if sit.suits(o)), first)
    # The topic is the notes' text, not a template: its braces must survive format_map.
    if recalled:
        recalled = recalled.replace("{", "{{").replace("}", "}}")
    pointer = None if recalled else _pointer(person, reg)
    if pointer:
        interest = pointer
    middle = f"{recalled} {interest}" if recalled else interest
    # someone who does not make the call is not asked for the timeline, only told of it
    asks = _STATUS_ASK if decides(person) else _STATUS_ASK_PEER
    return [first, middle, pick(asks[reg], seed), pick(_STATUS_LAST[reg], seed)]


_STATUS_ASK_PEER = {
    Register.casual: [
        "I know it's not your call, but if you hear anything on timing I'd love to know.",
        "No pressure at all, but if any news on timing comes your way, I'd be glad to hear it.",
    ],
    Register.neutral: [
        "I know the decision isn't yours to make, but if you hear anything about timing, I'd "
        "be grateful to know.",
        "If you happen to hear anything about the timeline, I'd be glad to know; and if it "
        "would help, I'm happy to send anything else.",
    ],
    Register.formal: [
        "I appreciate that the decision is not yours, but should you hear anything about the "
        "timeline, I would be grateful to know.",
        "Should any news on the timeline reach you, I would be grateful to hear it.",
    ],
}


# Every topic of the reader's was recalled already: the interest line points back to the
# email's in a clause, rather than a sentence that says it again.
_STATUS_POINTER = {
    Register.casual: "I'm still really keen on the role, not least after our chat about {}.",
    Register.neutral: "I remain very keen on the role, not least after our conversation about {}.",
    Register.formal: (
        "My interest in the position remains strong, not least after our discussion of {}."
    ),
}


def _pointer(person: Interviewer, reg: Register) -> str | None:
    for said in email_topics(pick_topics(person)):
        noun = said.noun
        if said.kind not in (Kind.subject, Kind.view) or not noun or rank(said) >= 2:
            continue
        if not _YOURS.match(noun) and not _DECIDED.search(said.fragment.text):
            # the noun survives the body's format_map
            return _STATUS_POINTER[reg].format(noun.replace("{", "{{").replace("}", "}}"))
    return None


def _register(notes: Notes) -> Register:
    reg = register(notes)
    return Register.formal if reg == Register.warm else reg


_DECIDED = re.compile(r"\b(?:went with|someone (?:else|more)|feedback|reject\w*)\b", re.I)
_THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|hers|you|your)\b", re.IGNORECASE)


def _recalled(notes: Notes, person: Interviewer, reg: Register) -> str | None:
    """One usable topic no earlier message to the addressee recalled; else, when they
    have none of their own, a colleague's, named as theirs."""
    picked = pick_topics(person)
    for said in unheard(picked, person):
        if not _DECIDED.search(said.fragment.text) and said.noun:
            frames = _STATUS_RECALL_YOURS if _YOURS.match(said.noun) else _STATUS_RECALL
            return fitting(frames[reg], said.noun)[0].format(said.noun)
    if pool(picked):
        return None  # all said already: the interest line points back (`_pointer`)
    for someone in (p for p in notes.interviewers if p is not person):
        # named as the culture names them: 'Dr. Whitcombe' to a bank's HR, 'Hanna' elsewhere
        name = someone.address(formal=reg == Register.formal)
        if _names_them(name, person):
            continue  # 'my conversation with Dana' (or 'Dr. Lee') to another Dana (or Lee)
        for said in pool(pick_topics(someone)):
            if said.kind not in (Kind.subject, Kind.view):
                continue
            words = said.clause if said.kind == Kind.view and said.clause else said.noun
            if words is None or _THIRD_PERSON.search(words) or _DECIDED.search(words):
                continue  # 'she showed me ...', 'your view': someone else's, to another
            if said.clause and said.kind == Kind.view:
                return _COLLEAGUE_VIEW[reg].format(name=name, words=said.clause)
            return _COLLEAGUE_SUBJECT[reg].format(name=name, words=said.noun)
    return None


def _names_them(name: str, person: Interviewer) -> bool:
    """Whether `name` shares a word, honorifics aside, with `person`'s name or a way they
    are addressed: a colleague named so in a message to `person` reads as `person` in the
    third person ('my discussion with Dr. Lee' to Nguyễn Lee, greeted 'Lee')."""
    forms = [*names.accepted_addresses(person.name, person.greet_as), person.name]
    mine = {w.strip(".").casefold() for form in forms for w in form.split()}
    theirs = {w.strip(".").casefold() for w in name.split() if not names.is_honorific(w)}
    return bool(mine & theirs)


_YOURS = re.compile(r"^(?:your|how you)\b", re.IGNORECASE)
_COLLEAGUE_VIEW = {
    Register.casual: "I've been thinking more about {name}'s point that {words}.",
    Register.neutral: "I've kept thinking about {name}'s point that {words}.",
    Register.formal: "I have continued to reflect on {name}'s point that {words}.",
}
_COLLEAGUE_SUBJECT = {
    Register.casual: "I've been thinking more about my chat with {name} about {words}.",
    Register.neutral: "I've kept thinking about my conversation with {name} about {words}.",
    Register.formal: "I have continued to reflect on my discussion with {name} of {words}.",
}


def _with_recall(body: str, frames: list[str], person: Interviewer, seed: int) -> str:
    """`body`, then one thing of this person's own from the conversation, when the notes
    give one that can be said (never the decision or the feedback's sting); once the
    thank-you email has gone, only one it did not recall."""
    picked = pick_topics(person)
    # the email usually went first: a topic it did not recall, then any other
    emailed = {id(s) for s in email_topics(picked)}
    # 'our conversation about your view that ...', '... about how you liked it': only a
    # subject that stands alone reads in the frame
    fresh = [s for s in unheard(picked, person) + pool(picked) if id(s) not in emailed]
    first = [s for s in fresh if rank(s) < 2 and not _YOURS.match(s.noun or "")]
    for said in first if person.email_sent_on else first + pool(picked):
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


def _offer(seed: int, reg: Register, span: str | None = None) -> list[str]:
    # the body thanks for the offer; a second 'Thank you again' would say it twice
    after = pick(_OFFER_NEXT, seed)
    if span:
        # the notes say how long the candidate means to ask for ('gonna ask for a wk'):
        # the reply asks for it, rather than only when an answer is needed
        after = pick(_OFFER_TIME[reg], seed).format(span=span)
    return [pick(_OFFER_BODIES[reg], seed), after, pick(_OFFER_LAST, seed)]


_OFFER_TIME = {
    Register.casual: [
        "Would it be OK if I took {span} to think it over? I want to go through the details "
        "properly before I get back to you.",
    ],
    Register.neutral: [
        "Would it be all right if I took {span} to consider it before I give you my answer? "
        "I'd like to review the details carefully.",
    ],
    Register.formal: [
        "Would it be possible for me to take {span} to consider the offer before I reply? I "
        "would like to review the details carefully.",
    ],
}
# 'gonna ask for a wk to decide', 'need 2 weeks', 'ask for a few days': the time the
# candidate means to ask for
_TIME_ASKED = re.compile(
    r"\b(?:ask(?:ing)? for|need(?:s)?|want(?:s)?|take|taking|get)\s+(?:a\s+(?=wk|week|few)|"
    r"(?P<count>\d+|one|two|three|a few)\s+)?(?P<unit>wks?|weeks?|days?)\b",
    re.IGNORECASE,
)
_COUNTS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "7": "seven"}


def time_asked(notes: Notes) -> str | None:
    """How long the notes say the candidate wants before answering an offer ('a week',
    'two weeks', 'a few days'), or None."""
    texts = [t for p in notes.interviewers for t in (*p.topics, p.notes or "")]
    for text in texts:
        found = _TIME_ASKED.search(text)
        if found is None:
            continue
        unit = "week" if found["unit"].casefold().startswith("w") else "day"
        count = (found["count"] or "").casefold()
        if not count or count in ("1", "one"):
            return f"a {unit}" if unit == "week" else "a few days"
        spoken = _COUNTS.get(count, count)
        return f"{spoken} {unit}s"
    return None


# The candidate may still be weighing the offer: nothing that reads as a yes.
_OFFER_LAST = [
    "I'm grateful for the confidence you've shown in me.",
    "I look forward to hearing from you.",
]


def _role(role: str) -> str:
    return role.strip()
