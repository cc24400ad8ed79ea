"""Turning notes into phrases a message can use: topics, names, when it happened."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime

from writer import names
from writer.notes import Culture, Interviewer, Notes
from writer.text import STOPWORDS

_CLAUSE_BREAKS = (
    ", ",
    "; ",
    " — ",
    " – ",
    " - ",
    " (",
    " which ",
    " because ",
    " so that ",
    " where ",
    " while ",
    " but ",
    " and ",
)
_DANGLING = frozenset(
    "a an the to of for with in on at and or but our your my their its from by as into about "
    "how that which who whose than".split()
)
_SUBJECT_PRONOUNS = {"she": "you", "he": "you", "they": "you"}
_POSSESSIVES = {"her": "your", "his": "your"}
_IRREGULAR_PAST = frozenset(
    "told said gave took showed shared made ran led built wrote drew brought taught thought "
    "spent walked explained described mentioned".split()
)


def stable_index(*parts: str) -> int:
    """A number that depends only on `parts`: the same notes give the same drafts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big")


def topic_phrase(topic: str, max_chars: int | None = None) -> str:
    """A topic as a phrase that fits after 'about', in the second person, shortened at a
    clause or word boundary when longer than `max_chars`."""
    text = " ".join(topic.split()).strip(" .!?;:,")
    first, _, rest = text.partition(" ")
    lowered = first.casefold()
    if lowered in _SUBJECT_PRONOUNS and rest:
        verb = rest.split()[0].casefold()
        if verb.endswith("ed") or verb in _IRREGULAR_PAST:
            text = f"how you {rest}"
    elif lowered in _POSSESSIVES and rest:
        text = f"your {rest}"
    elif _is_common(first):
        text = first[0].lower() + first[1:] + (f" {rest}" if rest else "")
    if max_chars is not None and len(text) > max_chars:
        text = shorten(text, max_chars)
    return text


def _is_common(word: str) -> bool:
    """A capital that only marks the start of a sentence ('Migrating', 'The'), not a name."""
    if word == "I" or word.startswith(("I'", "I’")) or (len(word) > 1 and not word[1:].islower()):
        return False
    lowered = word.casefold()
    return lowered in STOPWORDS or lowered.endswith("ing")


def shorten(text: str, max_chars: int) -> str:
    """Cut `text` to at most `max_chars` at a clause break, else a word break, never mid-word
    and never ending on a word like 'the' or 'to'."""
    if len(text) <= max_chars:
        return text
    head = text[: max_chars + 1]
    cut = max((head.rfind(sep) for sep in _CLAUSE_BREAKS), default=-1)
    if cut < max_chars // 2:
        cut = head.rfind(" ")
    if cut <= 0:
        cut = max_chars
    words = text[:cut].rstrip(" ,;:-–—(").split()
    while len(words) > 1 and words[-1].casefold() in _DANGLING:
        words.pop()
    return " ".join(words)


# A stage jotted as an adjective: "during the technical" needs its noun.
_ADJECTIVE_STAGES = frozenset(
    "technical behavioural behavioral final first second third cultural informal phone video "
    "virtual formal".split()
)


def when_phrase(
    notes: Notes,
    now: datetime,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    *,
    today_ok: bool = True,
) -> str | None:
    """'today', 'yesterday', 'on Friday' or, read only in the week after, 'last Friday' for
    the interview, true at every moment the message may be sent; None when no one word is.

    The message goes out from the later of `now` and the window's start to the window's end:
    a window that has closed means it goes out now, and a message with no end to its window
    (one that waits on an acceptance, say) may go out any day, so no day word holds."""
    start = notes.interview.start
    if not_after is None and not_before is None:
        return None
    first = max(now, not_before or now, start)
    last = not_after
    if last is None:
        return None
    if last < first:
        last = first  # the window closed: it is sent now
    zone = start.tzinfo
    days = {(moment.astimezone(zone).date() - start.date()).days for moment in (first, last)}
    if days == {0}:
        return "today" if today_ok else None
    if days == {1}:
        return "yesterday"
    if min(days) >= 2 and max(days) < 6:
        week = start.isocalendar()[:2]
        later = {
            moment.astimezone(zone).date().isocalendar()[:2] != week for moment in (first, last)
        }
        # read in the week after, 'on Wednesday' reads as the one to come
        return f"{'last' if later == {True} else 'on'} {start.strftime('%A')}"
    return None


# A stage as jotted in the notes: 'two-day interview, day 2', 'superday (day 2 of 2)',
# 'round 2 - technical'. A sentence names the occasion, not the label's parts.
_STAGE_TAIL = re.compile(r"\s*(?:[,;(/]|\s[-–—]\s).*$")
_STAGE_DAY = re.compile(r"^(?:day|part|session|stage)\s+\d+(?:\s+of\s+\d+)?\b\s*", re.I)


def stage_noun(stage: str) -> str:
    """The stage as a sentence names it, the way a person would write it in a thank-you:
    'second interview' for '2nd round', 'on-site interview' for 'onsite (seminar + 1:1s)',
    'call' for 'phone screen', 'two-day interview' for 'two-day interview, day 2'; plain
    'interview' for a label that is a list of parts ('system design + values') or that no
    sentence would use as written; '' when only a number is left ('day 2')."""
    head = _STAGE_TAIL.sub("", " ".join(stage.split()))
    head = _STAGE_DAY.sub("", head).strip()
    if not any(ch.isalpha() for ch in head):
        return ""
    if head.isupper() and len(head) <= 5:
        return f"{head} interview"  # an acronym the reader's firm uses: 'HR', 'CEO'
    words = head.casefold().replace("on-site", "onsite").replace("on site", "onsite").split()
    if _STAGE_LIST.search(head) or len(words) > 3:
        return "interview"
    ordinal = next((_ORDINAL[w] for w in words if w in _ORDINAL), "")
    if "onsite" in words and _REMOTE.intersection(words):
        return "virtual interview"
    for key, noun in _STAGE_NOUNS:
        if key in words:
            if noun == "round" and not ordinal:
                noun = "interview"
            counted = noun.endswith(("interview", "conversation", "round"))
            return f"{ordinal} {noun}".strip() if counted else noun
    rest = [w for w in words if w not in _ORDINAL and w not in _STAGE_FILLER]
    if rest and rest[-1] in _STAGE_HEADS and all(w.isalpha() or "-" in w for w in rest):
        return " ".join([ordinal, *rest]).strip() if ordinal else " ".join(words)
    if rest and all(w in _ADJECTIVE_STAGES for w in rest):
        return " ".join([ordinal, *rest, "interview"]).strip()
    return f"{ordinal} interview".strip()


_ORDINAL = {
    "1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "1": "first",
    "2": "second", "3": "third", "4": "fourth", "first": "first", "second": "second",
    "third": "third", "fourth": "fourth", "final": "final", "last": "final",
}  # fmt: skip
# The words people jot for a stage, and the noun a sentence uses for each.
_STAGE_NOUNS = (
    ("onsite", "on-site interview"),
    ("superday", "superday"),
    ("screen", "call"),
    ("screening", "call"),
    ("chat", "conversation"),
    ("coffee", "conversation"),
    ("panel", "panel interview"),
    ("round", "round"),  # 'second round' as jotted; a bare 'round' is an interview
    ("stage", "interview"),
)
_STAGE_HEADS = frozenset(
    "interview review presentation assessment centre center day call conversation "
    "observation exercise meeting".split()
)
_REMOTE = frozenset("virtual remote zoom teams video online".split())
_STAGE_FILLER = frozenset("the a an of".split())
_STAGE_LIST = re.compile(r"[+&:/]|\band\b|\bw/", re.I)


def during_phrase(
    notes: Notes,
    now: datetime,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    *,
    today_ok: bool = True,
) -> str:
    """' during yesterday's final round', ' on Friday' or '' for the opening sentence."""
    when = when_phrase(notes, now, not_before, not_after, today_ok=today_ok)
    stage = stage_noun(notes.interview.stage or "")
    if stage:
        if when is None:
            return f" during the {stage}"
        owner = {"today": "today's", "yesterday": "yesterday's"}.get(when)
        day = when.removeprefix("on ")
        return f" during {owner or day + chr(39) + 's'} {stage}"
    return f" {when}" if when else ""


# The word before the stage in an opening: a meeting already named ('the conversation',
# 'our talk') takes no stage after it ('the conversation during the panel interview' says
# it twice); 'meeting me' takes it with 'for', 'speaking with me' with 'in'.
_MEETING_NOUN = re.compile(r"\b(?:conversation|chat|talk|discussion|call|coffee)\{during\}")
_MEETING_VERB = re.compile(r"\bmeet(?:ing)?(?: with)? me\{during\}")
_MEETING_YOU = re.compile(r"\bmeet(?:ing)? you\{during\}")
_SPEAKING = re.compile(
    r"\b(?:speak(?:ing)?|talk(?:ing)?|chatting) (?:with|to) (?:me|you)\{during\}"
    r"|\bto talk\{during\}"
)
_ANY_MEETING = re.compile(r"\b(?:conversation|chat\w*|talk\w*|discuss\w*|speak\w*|meet\w*)\b")
_SELF_MEETING = frozenset({"conversation", "call", "chat"})
# Stages that 'for', 'at' and 'in' fit ('in the second round'; not 'in the interview day').
_PLACED_STAGES = frozenset({"interview", "round", "panel", "review", "presentation"})


def place_stage(option: str, during: str) -> str:
    """`option` with its '{during}' filled by `during` in the words its verb wants: 'thank
    you for meeting me for the second round', 'the chance to meet you at the panel
    interview', 'speaking with me in the panel interview',
    'thank you for the conversation yesterday' (the stage left out after a word that names
    the meeting, and after any such word when the stage is itself a conversation)."""
    if not during.startswith(" during "):
        return option.replace("{during}", during)
    stage_words = during.split()[2:]
    plain = option.replace("{during}", "")
    if _MEETING_NOUN.search(option) or (
        stage_words and stage_words[-1] in _SELF_MEETING and _ANY_MEETING.search(plain)
    ):
        return option.replace("{during}", _day_only(during))
    if stage_words and stage_words[-1] not in _PLACED_STAGES:
        # 'the interview day', 'the superday': 'during' is the one that fits
        return option.replace("{during}", during)
    if _MEETING_VERB.search(option):
        return option.replace("{during}", " for " + during.removeprefix(" during "))
    if _MEETING_YOU.search(option):
        return option.replace("{during}", " at " + during.removeprefix(" during "))
    if _SPEAKING.search(option):
        return option.replace("{during}", " in " + during.removeprefix(" during "))
    return option.replace("{during}", during)


def _day_only(during: str) -> str:
    """' during yesterday's panel' -> ' yesterday'; ' during Friday's panel' -> ' on Friday';
    ' during the panel' -> ''."""
    owner = during.split()[1]
    if owner == "last":
        return f" last {during.split()[2].removesuffix(chr(39) + 's')}"
    if owner in ("today's", "yesterday's"):
        return " " + owner.removesuffix("'s")
    if owner.endswith("'s"):
        return f" on {owner.removesuffix(chr(39) + 's')}"
    return ""


def salutation(notes: Notes, person: Interviewer, *, note: bool = False) -> str:
    """'Hi Dana'; in a formal culture 'Dear Dr. Okafor' (an honorific with the family name,
    particles kept), 'Dear Sir Anand', or 'Dear Anne-Marie' when no honorific is known; a
    connection note says 'Hello' where an email says 'Dear'. `greet_as` always wins."""
    # the candidate wrote 'Mr.' or 'Dr.' for a reason: outside a casual place the greeting
    # keeps it ('Dear Mr. Fitzgerald', not 'Hi Declan')
    titled = not person.greet_as and bool(names.parse(person.name).honorific)
    if notes.culture == Culture.formal or (notes.culture == Culture.neutral and titled):
        return f"{'Hello' if note else 'Dear'} {person.address(formal=True)}"
    return f"Hi {person.address()}"


_CLOSINGS = {
    Culture.formal: ["Kind regards,", "Yours sincerely,", "With kind regards,", "Best regards,"],
    Culture.neutral: ["Best regards,", "Kind regards,", "All the best,", "With thanks,"],
    Culture.casual: ["Best,", "Thanks,", "Cheers,", "All the best,"],
}


# The words of a closing that a last sentence must not have said already ('With kind thanks
# for your time.' then 'Kind regards,'; 'Best wishes for the week.' then 'Best regards,').
_CLOSING_FILLER = frozenset({"with", "all", "the", "regards", "yours"})


def sign_off(notes: Notes, turn: int = 0, after: str = "") -> str:
    """The closing line (rotated by place on the panel, past any that would echo the words of
    `after`, the message's last sentence) and the signature or the name."""
    options = _CLOSINGS[notes.culture]
    said = set(re.findall(r"[a-z]+", after.casefold()))
    closing = pick(options, turn)
    for step in range(len(options)):
        candidate = pick(options, turn + step)
        words = set(re.findall(r"[a-z]+", candidate.casefold())) - _CLOSING_FILLER
        if not words & said:
            closing = candidate
            break
    return f"{closing}\n{notes.candidate.signature or notes.candidate.name}"


def pick(options: list[str], index: int) -> str:
    return options[index % len(options)]
