"""The short kinds: the LinkedIn connection note and the follow-up once a request is
accepted. Each is a few rotated pieces; candidates run from the fullest to the shortest
that still says something true, and the drafting loop keeps the best that fits.

Both go to someone who already has the thank-you email, so each leads with a topic the
email did not (see `hooks`), in frames of its own; a follow-up written long after the
acceptance says it is late rather than pretending it is fresh."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from writer.backends.base import Proposal
from writer.backends.offline.hooks import common_clause
from writer.backends.offline.journey import follow_turn, note_turn, third_time
from writer.backends.offline.phrasing import place_stage
from writer.backends.offline.wording import Register
from writer.notes import Outcome
from writer.text import STOPWORDS, keywords
from writer.topics import Kind
from writer.topics.frames import fits_gap, fitting, is_story

if TYPE_CHECKING:
    from writer.backends.offline.composer import Context
    from writer.backends.offline.picking import Said

_NOTE_THANKS = {
    "plain": [
        "thank you for the conversation{during}",
        "thanks for your time{during}",
        "thank you for meeting me{during}",
        "thank you for speaking with me{during}",
        "thanks for meeting me{during}",
        "many thanks for your time{during}",
        "thank you for the chat{during}",
        "thanks for the conversation{during}",
    ],
    "formal": [
        "thank you for the conversation{during}",
        "thank you for your time{during}",
        "thank you for meeting me{during}",
        "thank you for speaking with me{during}",
        "many thanks for your time{during}",
        "thank you for our discussion{during}",
        "I am grateful for your time{during}",
        "thank you for meeting with me{during}",
    ],
}
_NOTE_NOUN = [
    ". I enjoyed our talk about {}",
    ". Our conversation about {} was a highlight",
    ". I especially valued hearing about {}",
    ". It was good to learn more about {}",
    ". I appreciated our discussion of {}",
    ". Hearing about {} was a real highlight",
    ". I'm glad we got to discuss {}",
    ". Thank you too for the insight into {}",
]
_NOTE_CLAUSE = [
    ". I enjoyed hearing that {}",
    ". It was interesting to learn that {}",
    ". I was glad to hear that {}",
    ". I appreciated hearing that {}",
]
_NOTE_COMMON = [
    ". It was fun to find out that {}",
    ". It was a nice surprise that {}",
    ". I enjoyed discovering that {}",
    ". It was good to find out that {}",
]
_NOTE_OWN = [
    ". I appreciated the chance to go through {} with you",
    ". Thanks for the questions on {}",
    ". I was glad to talk you through {}",
    ". Thank you for your interest in {}",
]
# The email already recalled this topic (the reader has only the one): the note points
# back to it in a clause of the thanks, not in a sentence that says it again.
_NOTE_BACK_AND = [
    ", and for the time on {}",
    ", and for taking me through {}",
    ", and for the insight into {}",
    ", and for the detail on {}",
]
_NOTE_BACK_ON = {
    "plain": [
        "; I'm still mulling over {}",
        "; {} has stayed with me since",
        "; I've kept thinking about {}",
        "; {} stuck with me",
        "; I keep coming back to {}",
        "; {} is still on my mind",
        "; I came away still thinking about {}",
        "; {} has been on my mind since",
        # no claim of days gone by: for a note sent the evening of the interview
        "; our talk about {} was a highlight",
        "; I was glad we got to talk about {}",
        "; it was good to hear more about {}",
        "; I valued our talk about {}",
        "; {} was the part I enjoyed most",
        "; I especially liked hearing about {}",
        "; I'm glad {} came up",
        "; it was good to compare notes on {}",
    ],
    "formal": [
        "; I have thought about {} often since",
        "; {} has stayed with me since",
        "; I have kept thinking about {}",
        "; I am still reflecting on {}",
        "; I have returned to {} several times since",
        "; {} remains on my mind",
        "; I left still thinking about {}",
        "; I continue to think about {}",
        "; I valued our discussion of {}",
        "; our exchange on {} was most useful",
        "; it was good to hear more about {}",
        "; I much appreciated hearing more about {}",
        "; I was glad to hear more about {}",
        "; {} was of particular interest to me",
        "; I particularly valued the time on {}",
        "; it was a pleasure to discuss {}",
    ],
}
# Nothing usable in the notes: the role, and no claim about the conversation.
_NOTE_ROLE = [
    ". It was good to learn more about the {role}{at}",
    ". I appreciated hearing more about the {role}{at}",
    ". It was useful to find out more about the {role}{at}",
    ". I was glad to learn more about the {role}{at}",
    ". It was helpful to hear about the {role}{at}",
    ". I valued the chance to hear about the {role}{at}",
    ". It helped to hear more about the {role}{at}",
    ". I'm glad I got to learn about the {role}{at}",
]
_CONNECT = [
    "I'd be glad to stay connected.",
    "I'd like to stay in touch here.",
    "It would be great to keep in touch.",
    "I'd welcome the chance to stay connected.",
    "I hope we can keep in touch here.",
    "It would be good to connect here.",
    "I'd value staying in touch.",
    "It would be good to stay connected.",
]
_FOLLOW_OPEN = {
    "plain": [
        "thanks for connecting.",
        "thank you for accepting my request.",
        "thanks for connecting here.",
        "thank you for connecting.",
        "many thanks for connecting.",
        "thanks for accepting my invitation.",
        "thank you for accepting my invitation.",
        "thanks for accepting my connection request.",
    ],
    "formal": [
        "thank you for connecting.",
        "thank you for accepting my request.",
        "thank you for accepting my invitation.",
        "many thanks for connecting.",
        "thank you for connecting here.",
        "I am grateful that you accepted my request.",
        "thank you for accepting my connection request.",
        "I appreciate your accepting my invitation.",
    ],
}
# Accepted more than a few days before the message goes: say so in a clause.
_FOLLOW_OPEN_LATE = {
    "plain": [
        "thank you for connecting, and sorry to be slow to write.",
        "belated thanks for accepting my request.",
        "I meant to write sooner: thank you for connecting.",
        "thank you for accepting my invitation; I'm sorry this note is late.",
        "thanks for connecting, and apologies for the delay in writing.",
        "a belated thank you for connecting.",
        "I should have written sooner to thank you for connecting.",
        "thank you for accepting my request, and sorry this comes a little late.",
    ],
    "formal": [
        "thank you for connecting, and please forgive my slowness in writing.",
        "belated thanks for accepting my request.",
        "I should have written sooner to thank you for connecting.",
        "thank you for accepting my invitation; I apologise for the delay in writing.",
        "with apologies for the delay, thank you for connecting.",
        "a belated thank you for accepting my request.",
        "I meant to write sooner to thank you for accepting my invitation.",
        "thank you for connecting, and I am sorry this note comes late.",
    ],
}
_FOLLOW_NOUN = [
    "I'm glad we got to talk about {}.",
    "I keep thinking back to our talk about {}.",
    "I enjoyed our conversation about {}.",
    "It was good to hear more about {}.",
    "I've thought more about {} since we spoke.",
    "Talking about {} was a real highlight.",
    "I was glad we covered {}.",
    "I appreciated the time we spent on {}.",
]
_FOLLOW_CLAUSE = [
    "It was good to understand that {}.",
    "I was interested to learn that {}.",
    "It was helpful to understand that {}.",
    "I found it helpful to hear that {}.",
]
_FOLLOW_COMMON = [
    "I was pleased to discover that {}.",
    "What a nice coincidence that {}.",
    "It was a nice surprise to learn that {}.",
    "I was glad to find out that {}.",
]
_FOLLOW_OWN = [
    "Thanks again for the chance to go through {}.",
    "I appreciated your questions on {}.",
    "Thank you for the chance to talk through {}.",
    "I was glad to walk you through {}.",
]
_FOLLOW_ROLE = [
    "Thank you again for the conversation about the {role}{at}.",
    "I'm grateful for the time you gave me to discuss the {role}{at}.",
    "It was good to meet you{during} for the {role}{at}.",
    "Thanks again for talking me through the {role}{at}.",
    "I appreciated our conversation about the {role}{at}.",
    "Our talk about the {role}{at} was a real help.",
    "Thank you for the time you spent on my questions about the {role}{at}.",
    "I came away with a much better sense of the {role}{at}.",
]
_FOLLOW_CLOSE = [
    "I hope the rest of your week goes well.",
    "I hope we get the chance to talk again.",
    "Wishing you a good week.",
    "I look forward to keeping in touch.",
    "All the best for the rest of the week.",
    "Thanks again for your time.",
    "I hope to see you again before long.",
    "It's good to be in touch.",
    "I'm glad we're connected.",
    "Thanks for making the time to talk.",
    "I hope we speak again before long.",
    "I hope the week treats you well.",
]
_DECIDED_CLOSE = [
    "It's good to be connected.",
    "I hope our paths cross again.",
    "I wish you and the team all the best.",
    "Thanks again for your time.",
    "All the best with the work ahead.",
    "I'm glad we're in touch.",
    "Best wishes to you and the team.",
    "I hope we meet again.",
]


# After an offer a note that only thanks for the chat ignores the news: a clause on it.
_NOTE_OFFER = [
    ", and I'm thrilled about the offer",
    ", and I was delighted to receive the offer",
    ", and I'm very pleased about the offer",
    ", and the offer was wonderful news",
]
_FOLLOW_OFFER = [
    "I'm still delighted about the offer.",
    "I was thrilled to receive the offer.",
    "The offer was wonderful news.",
    "I'm very pleased about the offer.",
    "Getting the offer made my week.",
    "I'm so pleased to have the offer.",
    "The offer still feels like great news.",
    "Hearing about the offer was a real pleasure.",
]
# The note already named this topic (the reader has only one): the follow-up says something
# else true, what the talk showed of the team or did for the candidate's interest, with the
# topic as its anchor rather than the fact said a third time.
_FOLLOW_AGAIN_NOUN = [
    "Our conversation about {} gave me a real feel for how the team works.",
    "Talking through {} left me keen to see more of the team's work.",
    "I came away from our talk about {} with a good sense of the team.",
    "Our talk about {} made the role all the more interesting to me.",
    "The way you described {} told me a lot about how the team works.",
    "Our discussion of {} made the team's approach much clearer to me.",
    "Talking about {} was a good window on the team's work.",
    "Our conversation about {} is a big part of why the role appeals to me.",
    # a topic with a clause inside ends its sentence
    "What has stayed with me most from our talk is {}.",
    "Since we spoke, I've kept coming back to {}.",
    "Our talk about {} showed me how carefully the team works.",
    "I learned a good deal from our talk about {}.",
    # no claim about the team: for a tool, a plan or a story, and after a no
    "Our talk about {} gave me plenty to think about.",
    "I've thought about {} a few times since we spoke.",
    "I'm glad we had the chance to talk about {}.",
    "Our conversation about {} has stayed with me.",
    "I keep coming back to our talk about {}.",
    "Our talk about {} is one reason I'd be glad to join the team.",
    "Hearing about {} made me keener still on the role.",
    "After our talk about {}, I'd love to be part of the team.",
    "Talking about {} made the role feel like a real fit.",
    "Our talk about {} made me all the more keen on the role.",
]
_FOLLOW_AGAIN_CLAUSE = [
    "Hearing how {} told me a lot about how the team works.",
    "Learning how {} gave me a clear sense of the team's approach.",
    "Hearing that {} made the role all the more interesting to me.",
    "Learning that {} gave me a good feel for the team.",
    "Hearing how {} is a big part of why the role appeals to me.",
    "Learning that {} made the team's approach much clearer to me.",
    "Hearing that {} was a good window on the team's work.",
    "Learning how {} left me keen to see more of the team's work.",
    "Hearing that {} taught me a good deal about the work.",
    "Learning how {} showed me how carefully the team works.",
    # no claim about the team: for a fact about a tool, a date or a plan, and after a no
    "Since we spoke, I've kept thinking about how {}.",
    "What you said about how {} has stayed with me.",
    "I keep coming back to how {}.",
    "Hearing that {} gave me plenty to think about.",
    "I was interested to learn that {}.",
    "Learning that {} has stayed with me since.",
    "I've thought a few times since about how {}.",
    "It was good to hear that {}.",
    "Hearing that {} made me keener still on the role.",
    "Learning how {} is one reason I'd be glad to join the team.",
    "Hearing that {} made me all the more keen on the role.",
    "Learning how {} made me want to be part of the team.",
    "Hearing how {} made the role feel like a real fit.",
]


def _formal(ctx: Context) -> bool:
    return ctx.reg in (Register.formal, Register.warm)


def _note_part(ctx: Context, said: Said, step: int, before: str) -> str:
    from writer.backends.offline.composer import process_sentence

    def fresh(options: list[str], words: str) -> str:
        options = fitting(options, words)
        return ctx.fresh(options, step, before, lambda o: o.replace("{}", words), shared=False)

    from writer.backends.offline.composer import done_together

    together = done_together(said)
    if together:
        return fresh(_NOTE_TOGETHER, together)
    if said.kind == Kind.common_ground and said.clause:
        return fresh(_NOTE_COMMON, common_clause(said))
    if said.kind == Kind.view and said.clause:
        return fresh(_NOTE_CLAUSE, said.clause)
    if said.kind == Kind.own and said.noun:
        return fresh(_NOTE_OWN, said.noun)
    if said.kind == Kind.logistics:
        sentence = process_sentence(ctx, said, later=True, before=before)
        return f". {sentence.rstrip('.')}" if sentence else ""
    if said.noun:
        return fresh(_NOTE_NOUN, said.noun)
    return ""


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _note_thanks(ctx: Context, during: str, avoid: str = "") -> str:
    """The note's thanks; in words other than `avoid`'s (the topic it points back to)."""
    options = _NOTE_THANKS["formal" if _formal(ctx) else "plain"]
    fitting = [o for o in options if not any(w in during.casefold() and w in o for w in _MEETING)]
    if avoid:
        thanks = ctx.fresh(fitting or options, 0, avoid, lambda o: place_stage(o, during))
    else:
        thanks = place_stage(ctx.rot(fitting or options), during)
    first = ctx.person.email_sent_on is None  # no email thanked them already
    if ctx.sit.days_after > 3 and ctx.sit.outcome == Outcome.pending and first:
        # a first thanks sent days on says so in a clause, as a late email does
        found = _THANKS_LEAD.match(thanks)
        if found:
            thanks = ctx.rot(_LATE_LEADS) + found["rest"]
    if ctx.sit.outcome == Outcome.offer:
        thanks += ctx.fresh(_NOTE_OFFER, 0, thanks)
    return thanks


_THANKS_LEAD = re.compile(r"^(?:thanks|thank you|many thanks|I am grateful)(?P<rest> for .+)$")
_LATE_LEADS = [
    "belated thanks",
    "a belated thank you",
    "thank you, if a little late,",
    "with apologies for the delay, thank you",
]
_MEETING = ("chat", "conversation", "discussion", "meeting")


# 'for showing me how Kubernetes upgrades always lag' reads as a boast of their trouble
_NOTE_BACK_HOW = [
    ", and for explaining {}",
    "; I've kept thinking about {}",
    "; it was good to hear {}",
    "; I valued hearing {}",
]
_NOTE_BACK_THAT = [", and for explaining that {}", ", and for telling me that {}"]


def _note_back(ctx: Context, said: Said, thanks: str) -> str:
    """A clause of the thanks pointing back to what the email recalled."""
    fill: Callable[[str], Callable[[str], str]] = lambda w: lambda o: o.replace("{}", w)  # noqa: E731
    if said.kind == Kind.view and said.clause and not said.noun:
        part = ctx.fresh(_NOTE_BACK_THAT, 0, thanks, fill(said.clause), shared=False)
        return _after_news(ctx, part)
    name = shared_name(said) if said.kind == Kind.common_ground else None
    if name:
        # the email told the coincidence: the note names it in passing
        part = ctx.fresh(_NOTE_COMMON_AGAIN, 0, thanks, fill(name), shared=False)
        return _after_news(ctx, part)
    words = said.noun if said.kind in (Kind.subject, Kind.view) else None
    if not words:
        return _note_part(ctx, said, 0, thanks)
    if words.casefold().startswith(("how ", "what ", "why ")):
        # 'how the shifts rotate': a clause of its own, pointed back to as explained
        part = ctx.fresh(_NOTE_BACK_HOW, 0, thanks, fill(words), shared=False)
        return _after_news(ctx, part)
    on = _NOTE_BACK_ON["formal" if _formal(ctx) else "plain"]
    if ctx.sit.outcome == Outcome.offer:
        # 'thanks ..., and I'm thrilled about the offer': the pointer back is a sentence
        part = ctx.fresh(fitting(on, words), 0, thanks, fill(words), shared=False)
        return f". {_first_upper(part.removeprefix('; '))}"
    # 'for taking me through getting more volunteers': a gerund wants its own verb
    gerund = words.split()[0].endswith("ing")
    options = fitting(on if gerund else _NOTE_BACK_AND + on, words)
    if _plural_head(words) or ", " in words or " and " in words:
        options = [o for o in options if not _SINGULAR_VERB.search(o)] or options
    return ctx.fresh(options, 0, thanks, fill(words), shared=False)


_SINGULAR_VERB = re.compile(r"\{\} (?:is|has|remains|was)\b")


def _after_news(ctx: Context, part: str) -> str:
    """After the offer's clause ('thanks ..., and I'm thrilled about the offer') a second
    ', and for explaining ...' would thank for the offer's news: the pointer back becomes
    a sentence of its own."""
    if ctx.sit.outcome != Outcome.offer:
        return part
    if part.startswith(", and for "):
        return ". Thanks, too, for " + part.removeprefix(", and for ")
    return ". " + _first_upper(part.removeprefix("; ").removeprefix(", and "))


_HEAD_ENDS = frozenset("of in on at for with from to across between by over and".split())


def _plural_head(words: str) -> bool:
    """'antimicrobial stewardship rounds', 'load-flow studies you run': the noun the
    verb agrees with ends in s (before a preposition or a clause)."""
    head: list[str] = []
    for word in words.split():
        if word.casefold() in _HEAD_ENDS or word.casefold() in ("you", "we", "they", "that"):
            break
        head.append(word)
    last = head[-1].casefold() if head else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def connection_notes(ctx: Context, limit: int) -> list[Proposal]:
    """Notes within `limit` characters, fullest first."""
    turn = note_turn(ctx.topics)
    topics = turn.topics
    connect = ctx.rot(_CONNECT)
    out: list[str] = []
    for during in (ctx.during, ""):
        thanks = _note_thanks(ctx, during)
        for i, said in enumerate(topics[:3]):
            if turn.again and i == 0:
                plain = _note_thanks(ctx, during, avoid=f"{said.noun or ''} {said.clause or ''}")
                part = _note_back(ctx, said, plain)
                apart = ctx.fresh(_CONNECT, 0, f"{plain}{part}")
                out.append(f"{ctx.hi}, {plain}{part}. {apart}")
                continue
            part = _note_part(ctx, said, 0, thanks)
            if part:
                apart = ctx.fresh(_CONNECT, 0, f"{thanks}{part}")
                out.append(f"{ctx.hi}, {thanks}{part}. {apart}")
        if not topics and ctx.topics.favours:
            favour = ctx.topics.favours[0]
            # after the offer's clause, 'and for organising everything' would thank for the
            # news: the favour gets its own thanks
            joined = (
                f"{thanks}. Thank you, too, for {favour}"
                if ctx.sit.outcome == Outcome.offer
                else f"{thanks} and for {favour}"
            )
            out.append(f"{ctx.hi}, {joined}. {connect}")
        if not topics:
            role = ctx.fresh(_NOTE_ROLE, 0, thanks, lambda o: o.format(role=ctx.role, at=ctx.at))
            apart = ctx.fresh(_CONNECT, 0, f"{thanks}{role}")
            out.append(f"{ctx.hi}, {thanks}{role}. {apart}")
    if all(len(text) > limit for text in out):
        out += _shortened(ctx, topics, connect, limit)
    fitting = [text for text in dict.fromkeys(out) if len(text) <= limit]
    if not fitting and not topics:
        fitting = [f"{ctx.hi}, thank you for your time. {connect}"]
    return [Proposal(text=text) for text in fitting] or [Proposal(text=out[-1])]


def _follow_line(ctx: Context, said: Said, before: str, *, again: bool = False) -> str | None:
    """The follow-up's specific line; `again` when the note already named this topic."""
    from writer.backends.offline.composer import process_sentence

    def fresh(options: list[str], words: str) -> str:
        def fill(o: str) -> str:
            return o.replace("the team", ctx.team).replace("{}", words)

        return ctx.fresh(fitting(options, words), 2, before, fill, shared=False)

    from writer.backends.offline.composer import done_together

    if done_together(said) and said.noun:
        # done together, not talked about: 'I enjoyed pairing with you on ...'
        return fresh(_FOLLOW_TOGETHER, said.noun)
    name = shared_name(said) if said.kind == Kind.common_ground and again else None
    if name:
        # the coincidence heard already: named in passing, not told again
        return fresh(_FOLLOW_COMMON_AGAIN, name)
    if said.kind == Kind.common_ground and said.clause:
        return fresh(_FOLLOW_COMMON, common_clause(said))
    if said.kind == Kind.view and said.clause:
        frames = _FOLLOW_AGAIN_CLAUSE if again else _FOLLOW_CLAUSE
        if ", " in said.clause:
            # 'fail on data quality, not maths': a comma inside ends its sentence, and a
            # view the notes give as theirs is theirs ('your point that')
            frames = _FOLLOW_OPINION if again else _FOLLOW_CLAUSE
        if ctx.notes.outcome in (Outcome.rejected, Outcome.withdrew):
            frames = [f for f in frames if not _WANTING.search(f)] or frames
        return fresh(_claims_fit(ctx, frames, said), said.clause)
    if said.kind == Kind.own and said.noun:
        return fresh(_FOLLOW_OWN, said.noun)
    if said.kind == Kind.logistics:
        return process_sentence(ctx, said, later=True, before=before)
    if said.noun and again:
        frames = _FOLLOW_AGAIN_NOUN
        if ctx.notes.outcome in (Outcome.rejected, Outcome.withdrew):
            # no longer in the running: nothing on how much the role appeals
            frames = [f for f in frames if not _WANTING.search(f)] or frames
        frames = _claims_fit(ctx, frames, said)
        if "team" in said.noun.split():  # 'how the team ships fast': no second 'team'
            frames = [f for f in frames if "team" not in f] or frames
        # a third mention (the email's and the note's topic) names it by its head alone
        noun = short_noun(said.noun) if third_time(ctx.topics, said) else said.noun
        return fresh(frames, noun)
    if said.noun:
        return fresh(_FOLLOW_NOUN, said.noun)
    return None


_NOTE_TOGETHER = [
    ". Thanks, too, for {}",
    ". I'm grateful for {}",
    ". Thank you as well for {}",
    ". Many thanks for {}",
]
_FOLLOW_TOGETHER = [
    "I really enjoyed {}.",
    "It was great fun {}.",
    "I had a great time {}.",
    "I enjoyed {} very much.",
]
_FOLLOW_OPINION = [
    "Since we spoke, I've thought more about your point that {}.",
    "I was glad you made the point that {}.",
    "It helped to hear your view that {}.",
    "I found myself agreeing with your point that {}.",
]
_WANTING = re.compile(r"\brole\b|\bkeen\b|\bappeals?\b|\bjoin\b|\bpart of the\b|\bfit\b")

# A coincidence the reader has heard recalled already ('we both went to UCD'): its name.
_FOLLOW_COMMON_AGAIN = [
    "It was good to have {} in common.",
    "I enjoyed comparing notes on {}.",
    "It was a nice surprise to find {} in common.",
    "I'm glad {} came up.",
]
# (in words the follow-up's list does not use: one reader gets both)
_NOTE_COMMON_AGAIN = [
    ", and for the {} stories",
    ", and for the chat about {}",
    "; I enjoyed finding the {} link",
    "; it was good to find the {} connection",
]
_NAME_RUN = re.compile(
    r"\b(?:[A-Z][\w'’.-]*|of|de|la|upon)(?:\s+(?:[A-Z][\w'’.-]*|of|de|la|upon))*"
)


def shared_name(said: Said) -> str | None:
    """The name in a coincidence ('UCD' in 'we both went to UCD', 'Osaka' in 'we both
    lived in Osaka for a couple of years'), else what it is about ('competitive smash' in
    'we both played competitive smash back in the day'), or None."""
    clause = said.clause or ""
    # a place or school after its preposition ('CS at Warwick': Warwick) before a subject
    placed = _PLACED.search(clause)
    if placed:
        return placed["name"].rstrip(".,")
    found = [m.group().strip() for m in _NAME_RUN.finditer(clause)]
    found = [n for n in found if n.split()[0] not in ("I", "I'm", "I've", "of", "de", "la")]
    if found and not found[0].endswith("s"):  # 'PhDs', 'MBAs': a degree, not a name
        return found[0].rstrip(".,")
    thing = _SHARED_THING.match(said.clause or "")
    if thing is None:
        return None
    what = _WHEN_TAIL.sub("", thing["what"]).strip()
    return what if 1 <= len(what.split()) <= 4 and keywords(what) else None


# 'we both played competitive smash back in the day': the thing after the verb
_SHARED_THING = re.compile(
    r"^we(?:['’]re| are)? both (?:\w+ly )?(?!(?:went|studied|lived|grew|worked|trained|"
    r"moved|did)\b)[a-z]+\s+(?P<what>.+)$",
    re.IGNORECASE,
)
_PLACED = re.compile(
    r"\b(?:at|in|from|to)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|la|"
    r"upon))*)"
)
_WHEN_TAIL = re.compile(
    r"\s+(?:back in the day|for (?:a bit|years|a while|ages)|at (?:school|uni|university)|"
    r"as kids|growing up|last \w+|years ago|too|as well)\b.*$",
    re.IGNORECASE,
)


_TAIL = re.compile(
    r"\s+(?:for|in|on|at|since|with|from|during|across|between|by|over|into|next|last|this)\s"
)


def short_noun(noun: str) -> str:
    """'the rebrand for the oat milk client' -> 'the rebrand': the head of a noun phrase the
    reader has heard twice, when the head still names something."""
    match = _TAIL.search(noun)
    if match is None:
        return noun
    head = noun[: match.start()]
    if noun.split()[0].casefold() in ("how", "what", "where", "why", "when", "whether"):
        return noun  # 'where the team should be in two years': the clause needs its end
    # two words of its own, so the reader (and the topic check) still knows which it is
    content = [w for w in head.split() if len(w) > 2 and w.casefold() not in STOPWORDS]
    kept = len(keywords(head))
    return head if len(content) >= 2 and kept >= min(2, (len(keywords(noun)) + 1) // 2) else noun


# Frames that claim the talk showed how the team works: true only of a fact about the
# team's ways ('planning is shared across the year group'), not of a tool or a date ('the
# WMS is SAP EWM'), and hollow after a rejection, when the candidate will not join them.
_TEAM_CLAIM = re.compile(
    r"how (?:carefully )?the team works|the team's approach|window on the team's work"
    r"|feel for the team"
    r"|sense of the team|about the work\b|\bteam's approach"
)
_WORKINGS = re.compile(
    r"\b(?:team|we|they|everyone|together|shared?|splits?|rotates?|reviews?|reviewed|pairs?"
    r"|pairing|weekly|daily|every|each|process|on-call|rota|deploys?|ships?|planning"
    r"|culture|standups?|retros?)\b",
    re.IGNORECASE,
)


def _claims_fit(ctx: Context, frames: list[str], said: Said) -> list[str]:
    """`frames` without a claim about the team's ways that the fact does not bear out."""
    over = ctx.notes.outcome in (Outcome.rejected, Outcome.withdrew)
    if is_story(said.clause or ""):
        # 'you grew up in Seattle': heard with interest, no claim about the team or role
        return [f for f in frames if fits_gap(f, said.clause or "")] or frames
    if not over and _WORKINGS.search(said.fragment.text):
        return frames
    kept = [f for f in frames if not _TEAM_CLAIM.search(f)] or frames
    # still in the running: what the talk did for the candidate's interest in the role or
    # team, not a bare 'I keep coming back to', when there are enough for a panel of eight
    wanting = [f for f in kept if _TEAM_OR_ROLE.search(f)]
    return kept if over or len(wanting) < 8 else wanting


_TEAM_OR_ROLE = re.compile(r"\b(?:team|role)\b")


def _follow_again(
    ctx: Context, said: Said, note: Said | None, opening: str, *, again: bool = False
) -> str | None:
    """The follow-up's line on `said`; on the note's fact (or one the email recalled:
    `again`), anchored on the note's own words (the subject, not a second detail of it) and
    saying what the talk showed."""
    if again and not _same_fact(said, note):
        return _follow_line(ctx, said, opening, again=True)
    if not _same_fact(said, note):
        return _follow_line(ctx, said, opening)
    anchor = note if note is not None and note.noun and note.kind != Kind.own else said
    return _follow_line(ctx, anchor, opening, again=True)


def _same_fact(said: Said, note: Said | None) -> bool:
    """The note's topic, or another fragment of it ('Playwright versus Cypress' and 'you
    picked Playwright'): the reader has heard this fact already."""
    from writer.backends.offline.composer import _keys

    if note is None:
        return False

    def words(text: str) -> set[str]:
        # 'k6', 'S3': names too short or too digit-laden for the echo keys
        return set(_keys(text)) | {w.casefold() for w in _NAMED.findall(text)}

    if said is note:
        return True
    shared = words(said.fragment.text) & words(note.fragment.text)
    # one common word in both ('client' of 'the oat milk client' and 'presenting to
    # clients') is two facts; a name in both ('Playwright') or two words is one
    named = {w.casefold() for w in re.findall(r"\b[A-Z0-9][\w-]*", said.fragment.text)}
    return len(shared) >= 2 or any(any(n.startswith(k) for n in named) for k in shared)


_NAMED = re.compile(r"\b(?=\w*\d)\w{2,}\b")


def _follow_open(ctx: Context) -> str:
    accepted = ctx.person.linkedin.accepted_on
    late = accepted is not None and (ctx.now.date() - accepted).days > 3
    options = (_FOLLOW_OPEN_LATE if late else _FOLLOW_OPEN)["formal" if _formal(ctx) else "plain"]
    return ctx.rot(options)


def follow_ups(ctx: Context) -> list[Proposal]:
    """The message once a request is accepted: thanks, one specific line (on a topic the
    note already used, a further thought), the offer if there is one, a light close."""
    opening = f"{ctx.hi}, {_follow_open(ctx)}"
    decided = ctx.notes.outcome in (Outcome.rejected, Outcome.withdrew)
    closes = _DECIDED_CLOSE if decided else _FOLLOW_CLOSE
    note = next(iter(note_turn(ctx.topics).topics), None)
    turn = follow_turn(ctx.topics)
    lines = [
        line
        for i, said in enumerate(turn.topics[:2])
        if (line := _follow_again(ctx, said, note, opening, again=turn.again and i == 0))
    ]
    if not lines and ctx.topics.favours:
        lines = [f"Thanks again for {ctx.topics.favours[0]}."]
    if not lines:
        lines = [
            ctx.fresh(
                _FOLLOW_ROLE,
                0,
                opening,
                lambda o: place_stage(o, ctx.during).format(role=ctx.role, at=ctx.at),
            )
        ]
    out = []
    for line in lines:
        said = f"{opening} {line}"
        if ctx.sit.outcome == Outcome.offer:
            line = f"{line} {ctx.fresh(_FOLLOW_OFFER, 1, said)}"
            said = f"{opening} {line}"
        close = ctx.fresh(closes, 1, said, _close_fill(ctx, line), optional=True)
        out.append(Proposal(text=" ".join(p for p in (opening, line, close) if p)))
    return out


def _close_fill(ctx: Context, line: str) -> Callable[[str], str]:
    """A close in the team's name ('the school's work'); once the line has named the
    team ('told me a lot about how the team works'), a close that names it again is
    filled with the line itself, which `fresh` then passes over as an echo."""
    named = ctx.team.removeprefix("the ") in line

    def fill(option: str) -> str:
        if named and "the team" in option:
            return line
        return option.replace("the team", ctx.team)

    return fill


def _shortened(ctx: Context, topics: list[Said], connect: str, limit: int) -> list[str]:
    """The first noun-phrase topic cut at a clause or word break to fit the note."""
    from writer.backends.offline.phrasing import shorten

    thanks = _note_thanks(ctx, "")
    for said in topics:
        if said.noun and said.kind != Kind.own:
            frame = ctx.rot(_NOTE_NOUN)
            room = limit - len(f"{ctx.hi}, {thanks}{frame.format('')}. {connect}")
            if room >= 18:
                return [f"{ctx.hi}, {thanks}{frame.format(shorten(said.noun, room))}. {connect}"]
    return []
