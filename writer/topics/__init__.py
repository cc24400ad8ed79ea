"""The topic stage: what each interviewer's topics and notes let a message say, and what
they must not.

Both drafters call it: the offline composer fills its frames with the renderings, and the
model prompt lists the usable fragments and marks the left-out ones "do not mention".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from writer.lazy_re import lazy_compile
from writer.text import STOPWORDS
from writer.topics.fragments import Fragment, Kind, LeftOut, classify, is_usable
from writer.topics.frames import Frame, Slot, first_fit
from writer.topics.jotting import sayable, sayable_clause, sayable_noun
from writer.topics.reframe import neutral_subject
from writer.topics.text import Piece, split_topic
from writer.topics.words import LEFT_OUT, TAINTING

if TYPE_CHECKING:  # the checker imports this module; it must not import pydantic
    from writer.notes import Interviewer

__all__ = [
    "Fragment",
    "Frame",
    "Kind",
    "LeftOut",
    "Slot",
    "TopicSet",
    "analyse",
    "first_fit",
    "split_topic",
    "topics_for",
]

# Past this a topic is a paste, not a jotting: only its start is read (and, as one long
# fragment, left out), so a hostile notes file costs milliseconds, not seconds.
MOST_CHARS = 1000
MOST_FRAGMENTS = 40  # more than a message could use, and a readable list of notices
_RANK = {Kind.subject: 0, Kind.view: 0, Kind.common_ground: 1, Kind.own: 2, Kind.logistics: 3}
# How the model should voice each kind (the prompt carries this beside each fragment).
_SAY_AS = {
    Kind.subject: "a subject you discussed together",
    Kind.view: "the interviewer's own view, addressed to them as 'you'",
    Kind.common_ground: "something you both share",
    Kind.own: "the candidate's own doing, only in the first person",
    Kind.logistics: "the hiring process; for the closing, not the highlight",
}
_SENTENCES = lazy_compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class TopicSet:
    """One interviewer's topics, sorted out: usable fragments best first, and the rest."""

    usable: tuple[Fragment, ...]
    left_out: tuple[LeftOut, ...]

    def of(self, *kinds: Kind) -> list[Fragment]:
        """The usable fragments of these kinds, best first."""
        return [f for f in self.usable if f.kind in kinds]

    def nouns(self) -> list[str]:
        """Noun phrases that may follow 'our conversation about' (never the candidate's own:
        those fit only first-person frames)."""
        return [f.noun for f in self.usable if f.noun and f.kind != Kind.own]

    def texts(self) -> list[str]:
        """Every rendering: words the stage spelled out ('k8s' -> 'Kubernetes') that a
        grounding check should count as coming from the notes."""
        return [t for f in self.usable for t in (f.noun, f.clause, f.sentence) if t]

    def notices(self) -> list[str]:
        return [item.notice for item in self.left_out]

    def prompt_payload(self) -> dict[str, Any]:
        """What the model prompt gets: the fragments to draw on, and those not to mention."""
        return {
            "usable": [
                {
                    "kind": f.kind.value,
                    "text": f.noun or f.clause or f.text,
                    "say_as": _SAY_AS[f.kind],
                }
                for f in self.usable
            ],
            "do_not_mention": [{"text": o.text, "reason": o.reason} for o in self.left_out],
        }


def topics_for(person: Interviewer) -> TopicSet:
    """The topic stage for one interviewer: their `topics`, then their free `notes`."""
    names = frozenset(part.casefold() for part in person.name.split() if len(part) > 1)
    return analyse(tuple(person.topics), person.notes, names)


@lru_cache(maxsize=1024)
def analyse(
    topics: tuple[str, ...], notes: str | None = None, names: frozenset[str] = frozenset()
) -> TopicSet:
    """Split, classify, normalise and rank; the same input always gives the same set."""
    found: list[tuple[int, int, Fragment]] = []
    left_out: list[LeftOut] = []
    seen: set[str] = set()
    order = 0
    for whole, pieces in _groups(topics, notes):
        kept, dropped, tainted = _classify_group(pieces, names)
        if tainted:
            # the remark is about the rest of its topic: none of it is said
            left_out.append(LeftOut(_shown(whole), tainted))
            continue
        left_out += dropped
        for result in kept:
            order += 1
            result = _written(result)
            key = (result.noun or result.clause or result.text).casefold()
            if key in seen:
                left_out.append(LeftOut(result.text, "said in another topic"))
            elif is_usable(result):
                seen.add(key)
                found.append((_RANK[result.kind], order, result))
            else:
                left_out.append(LeftOut(result.text, "can't be said well"))
    found.sort(key=lambda item: item[:2])
    return TopicSet(tuple(f for _, _, f in found), tuple(left_out))


def _classify_group(
    pieces: list[Piece], names: frozenset[str]
) -> tuple[list[Fragment], list[LeftOut], str | None]:
    """The fragments of one topic. An 'it' standing for the fragment before it is spelled
    out ('IFRS 9 provisioning, we both worked on it') and the fragment it named is then
    said by the one that names it."""
    kept: list[Fragment] = []
    dropped: list[LeftOut] = []
    tainted: str | None = None
    for piece in pieces:
        before = kept[-1] if kept else None
        if before is not None and before.noun and _IT.search(piece.text):
            spelled = _IT.sub(before.noun.replace("\\", r"\\"), piece.text, count=1)
            result = classify(Piece(spelled, piece.bracketed), names)
            if isinstance(result, Fragment) and is_usable(result):
                kept[-1] = result
                continue
        sped = _sped_up(before, piece)
        if sped is not None:
            kept[-1] = sped
            dropped.append(LeftOut(piece.text, f"said as '{sped.noun}'"))
            continue
        result = classify(piece, names)
        if _restates(result, before):
            # 'playwright vs cypress, they picked playwright': the comparison says it once
            dropped.append(LeftOut(piece.text, "said in another topic"))
            continue
        neutral = neutral_subject(piece, result)
        if neutral is not None and isinstance(result, LeftOut):
            # 'legacy giving is 40% of income': the subject is said, the admission is not
            kept.append(neutral)
            dropped.append(LeftOut(result.text, f"{result.reason}; said only as '{neutral.noun}'"))
            continue
        if isinstance(result, LeftOut):
            dropped.append(result)
            # a bracketed judgement of the person ('(he seemed bored)') is not about the topic
            if _taints(piece, result):
                # the weightiest reason names the topic ('said in confidence' over 'negative')
                tainted = min(tainted or result.reason, result.reason, key=TAINTING.index)
        else:
            kept.append(result)
    return kept, dropped, tainted


def _sped_up(before: Fragment | None, piece: Piece) -> Fragment | None:
    """'takes 3 wks, he wants 1': the time is a trouble, and the work is to cut it."""
    noun = before.noun if before is not None else None
    if before is None or not noun or not noun.startswith("how long "):
        return None
    if not _SHORTER.match(piece.text):
        return None
    work = "speeding up " + noun.removeprefix("how long ").removesuffix(" takes")
    return replace(before, noun=work)


def _written(fragment: Fragment) -> Fragment:
    """The fragment with every rendering that still reads as a jotting taken away (a symbol,
    'she said' inside it, a clause where a noun phrase goes): a frame gets clean English or
    nothing, and a fragment with nothing left is not said."""
    noun, clause, sentence = fragment.noun, fragment.clause, fragment.sentence
    if clause and not sayable_clause(clause):
        # 'your point that the series A money' carries the same broken clause
        noun = None if noun and noun.endswith(clause) else noun
        clause = None
    return replace(
        fragment,
        noun=noun if noun and sayable_noun(noun) else None,
        clause=clause,
        sentence=sentence if sentence and sayable(sentence) else None,
    )


def _restates(result: Fragment | LeftOut, before: Fragment | None) -> bool:
    """A choice whose option the fragment before it already names."""
    if not isinstance(result, Fragment) or before is None or not result.noun:
        return False
    if not result.noun.startswith(_CHOICE):
        return False
    option = result.noun.removeprefix(_CHOICE).split()[0].casefold()
    return option in (before.noun or before.clause or "").casefold().split()


_CHOICE = "your choice of "


def _taints(piece: Piece, result: LeftOut) -> bool:
    """Whether a left-out fragment speaks of the rest of its topic: a bracketed marker
    ('(dont tell anyone)'), a remark with little of its own ('hate it', 'confidential'), or a
    candid remark or confidence in a topic with nothing else. A bracketed judgement of the
    person ('(he seemed bored)') and a clause with its own subject ('maybe a series B next
    yr but don't quote me' in a long ramble) stay where they are."""
    if result.reason not in TAINTING or _URGENT.search(piece.text):
        # 'she said its OVERDUE': the rest of the topic is the work they want done
        return False
    if piece.bracketed:
        return result.reason != "negative"
    if result.reason == "self-critical":
        # the candidate's slip or hedged answer ('the case study - I missed the key point',
        # 'after effects? - kinda') is about the topic it is jotted beside: recalled, that
        # topic points the reader back to where the candidate fell short
        return True
    rest = LEFT_OUT.sub(" ", piece.text.casefold())
    own = [w for w in re.findall(r"[^\W\d_]{3,}", rest) if w.casefold() not in STOPWORDS]
    return len(own) <= 1 or bool(_IT.search(piece.text))


_SHORTER = lazy_compile(
    r"^(?:she|he|they|you)\s+(?:wants?|hopes?|needs?)\s+(?:it\s+)?(?:down\s+to\s+|in\s+|under\s+)?"
    r"(?:\d+|one|two|three|a|half)\b(?:\s+\w+)?$",
    re.IGNORECASE,
)
_URGENT = lazy_compile(r"\b(?:long )?overdue\b|\bbadly needed\b|\bneeds? doing\b", re.I)
_IT = lazy_compile(r"(?<![\w'’])it(?![\w'’])", re.IGNORECASE)


def _shown(whole: str) -> str:
    text = " ".join(whole.split())
    return text if len(text) <= 80 else text[:77].rstrip() + "…"


def _groups(topics: Iterable[str], notes: str | None) -> list[tuple[str, list[Piece]]]:
    """Each topic, and each sentence of the notes, with its fragments."""
    wholes = [topic[:MOST_CHARS] for topic in topics]
    wholes += [s for s in _SENTENCES.split((notes or "")[: MOST_CHARS * 4]) if s.strip()]
    groups: list[tuple[str, list[Piece]]] = []
    count = 0
    for whole in wholes:
        pieces = split_topic(whole)[: MOST_FRAGMENTS - count]
        if not pieces:
            continue
        count += len(pieces)
        groups.append((whole, pieces))
        if count >= MOST_FRAGMENTS:
            break
    return groups
