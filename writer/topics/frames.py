"""Frames: sentences with one gap, each saying which rendering fills the gap and which
kinds of fragment may go there, so a clause never lands where a noun phrase belongs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from dataclasses import dataclass
from enum import StrEnum

from writer.topics.fragments import Fragment, Kind
from writer.topics.words import UPCOMING_STEP


class Slot(StrEnum):
    noun = "noun"  # after "about" / "on": "our conversation about ___"
    clause = "clause"  # after "that" / "how": "I enjoyed hearing that ___"
    sentence = "sentence"  # the fragment's own sentence, as it is


# What the reader said, or the two talked through: what "hearing about" frames may take.
HEARD = frozenset({Kind.subject, Kind.view})
# The above plus the candidate's own doing: frames in the first person ("our conversation").
DISCUSSED = frozenset({Kind.subject, Kind.view, Kind.own})


@dataclass(frozen=True)
class Frame:
    """A sentence with one '{}' gap, the rendering that fills it, and the kinds allowed."""

    text: str
    slot: Slot
    kinds: frozenset[Kind]
    only: re.Pattern[str] | None = None  # the rendering must also match this

    def fill(self, fragment: Fragment) -> str | None:
        """The sentence with `fragment` in the gap, or None when it does not fit."""
        if fragment.kind not in self.kinds:
            return None
        value: str | None = getattr(fragment, self.slot.value)
        if value is None or (self.only is not None and not self.only.match(value)):
            return None
        return value if self.slot == Slot.sentence else self.text.format(value)


def first_fit(
    fragments: Iterable[Fragment], frames: Iterable[Frame], used: Set[str] = frozenset()
) -> tuple[str, Fragment] | None:
    """The best-ranked fragment not in `used` (by text) that some frame takes, with the
    first such frame filled: try fragments in rank order, frames in the order given."""
    frames = list(frames)
    for fragment in fragments:
        if fragment.text in used:
            continue
        for frame in frames:
            sentence = frame.fill(fragment)
            if sentence is not None:
                return sentence, fragment
    return None


# Frames the offline composer can start from; each is grammatical with every fragment it
# accepts (tests/test_topics.py fills them with messy topics).
ABOUT = Frame(
    "I especially enjoyed our conversation about {}.", Slot.noun, DISCUSSED | {Kind.logistics}
)
PERSPECTIVE = Frame("I appreciated your perspective on {}.", Slot.noun, frozenset({Kind.subject}))
HEARING_THAT = Frame("It was interesting to hear that {}.", Slot.clause, frozenset({Kind.view}))
SAID_HOW = Frame("What you said about how {} has stayed with me.", Slot.clause, HEARD)
COMMON_GROUND = Frame("{}", Slot.sentence, frozenset({Kind.common_ground}))
OWN_DOING = Frame("{}", Slot.sentence, frozenset({Kind.own}))
PROCESS_THANKS = Frame("{}", Slot.sentence, frozenset({Kind.logistics}))
# Only a step still to come can be looked forward to ("the next round", not "the timeline").
UPCOMING = UPCOMING_STEP
LOOK_FORWARD = Frame("I look forward to {}.", Slot.noun, frozenset({Kind.logistics}), UPCOMING)


# A rendering with a clause of its own inside ('the phonics scheme you switched to last
# year', 'how you cache them'): a frame that goes on after the gap ('Talking about {} with
# you meant ...', '{} was the highlight') makes the reader parse where the clause ends.
# A gerund or a wh-word at the start ('moving the pick paths to ...', 'how you cache them')
# is a verb phrase of its own too: 'Talking through moving ... with you' reads as a tangle.
_INNER_CLAUSE = re.compile(
    r"\b(?:you|they|we|she|he|I|it|your team)\b(?!['’]s\b)|^(?:\w+ing|how|why|what|where|when)\b",
    re.IGNORECASE,
)


# The reader's own story ('you grew up in Seattle', 'you're from Cork originally'): heard
# with interest, never 'your point that', and no sign of how the team works or why the role
# appeals.
_STORY = re.compile(
    r"^you(?:['’]re| are| were)? (?:\w+ly )?(?:grew up|moved|lived|used to|studied|trained|"
    r"taught|worked|came|spent|from|originally|joined|started)\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\b(?:point|observation|insight|role|team|appeal\w*|keen\w*|fit|work|approach|firm|"
    r"school|taught|showed|told me a lot|window|thinking on|take on|account|helpful|useful|"
    r"valuable|informative|benefit\w*)\b",
    re.IGNORECASE,
)


_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# A trouble in the words, and a frame glad of what fills it.
_TROUBLE = re.compile(
    r"\b(?:fail(?:s|ed|ing|ures?)?|lags?|lagging|broken|brutal|struggl\w*|nightmare|worst|crash\w*|outages?|"
    r"painful|dread\w*|behind schedule|burn(?:ing)? out|burnout)\b",
    re.IGNORECASE,
)
_GLAD = re.compile(
    r"\b(?:glad|enjoyed|good to|great to|liked|lovely|loved|fun|pleasure|nice|delighted|"
    r"meant a|highlight|favourite|special|treat)\b",
    re.IGNORECASE,
)
_BE = re.compile(r"^\S+(?:\s+\S+){0,4}?\s+(?:is|are|was|were)\b", re.IGNORECASE)


def is_story(words: str) -> bool:
    """Whether a clause is the reader's own story ('you grew up in Seattle')."""
    return bool(_STORY.match(words))


def fits_gap(template: str, words: str) -> bool:
    """Whether `words` read cleanly in `template`'s '{}' gap: a rendering with a clause
    inside it only where the gap ends the sentence; the reader's own story only where the
    frame claims nothing about it."""
    if _STORY.match(words) and _CLAIM.search(template.replace("{}", " ")):
        return False
    if _SINCE.search(words) and _SINCE.search(template.replace("{}", " ")):
        return False  # 'in Bristol since the 90s has stayed with me since'
    if _BE.search(words) and re.search(r"\bhow \{\}", template):
        return False  # 'how the travel is 3-4 days a week': a 'be' fact goes after 'that'

    if _TROUBLE.search(words) and _GLAD.search(template.replace("{}", " ")):
        return False  # 'It was good to learn that most projects fail': glad of a failure
    after = template.partition("{}")[2]
    if ", " in words and after.strip(" .") != "":
        return False  # 'that X, not Y made me keen': a comma inside ends its sentence
    return after.strip(" .") == "" or not _INNER_CLAUSE.search(words)


def fitting(templates: list[str], words: str) -> list[str]:
    """The templates `words` fit; all of them when none does (the caller's words then say
    the least harm)."""
    found = [t for t in templates if fits_gap(t, words)]
    return found or templates
