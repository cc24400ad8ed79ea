"""One message and what the checker knows around it, each fact worked out once and shared
by every rule (the words, the capitals, the literal phrases found, the notes' index)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from writer.checker.phrases import Hit, PhraseIndex, Scan
from writer.checker.triggers import CASE_TRAPS
from writer.guidance import Guidance
from writer.text import CAPITALISED, first_name, spaced_words, token_set, word_count, words

if TYPE_CHECKING:
    from writer.notes import Interviewer, Notes

T = TypeVar("T")


class lazy(Generic[T]):
    """A cached property without cached_property's lock (Python 3.11 takes one per access
    until the value is set, which costs the checker a tenth of its time)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> T:
        value = self.compute(instance)
        instance.__dict__[self.name] = value  # later reads find the value, not this
        return value


_NO_PHRASES = PhraseIndex(())


@dataclass(frozen=True)
class Window:
    """When a message goes out (its action's window) and when the interview started: what
    a time word such as 'today' or 'yesterday' is measured against."""

    not_before: datetime | None = None
    not_after: datetime | None = None
    interview: datetime | None = None


@dataclass
class Context:
    """One message and what the checker knows around it."""

    kind: str
    text: str
    guidance: Guidance
    tier: str = "free"
    subject: str | None = None
    to: str | None = None
    notes: Notes | None = None
    phrases: PhraseIndex = field(default=_NO_PHRASES)
    window: Window | None = None
    # When the message is sent: after an interview (the default), or to someone the
    # candidate has not met (`cold`, `after_application`): a first connection note to them
    # has nothing yet to thank them for.
    context: str = "after_interview"

    @lazy
    def recipient(self) -> Interviewer | None:
        if self.notes is None or self.to is None:
            return None
        known = self.index.recipients
        if self.to not in known:
            known[self.to] = self.notes.interviewer(self.to)
        return known[self.to]

    @lazy
    def first_name(self) -> str | None:
        if self.to is None:
            return None
        return self.recipient.first_name if self.recipient else first_name(self.to)

    @lazy
    def capitals(self) -> list[tuple[int, str]]:
        """(offset, word) for every word that starts with a capital letter."""
        # CAPITALISED starts with a character of _UPPER, each of which is upper case.
        return [(m.start(), m.group()) for m in CAPITALISED.finditer(self.text)]

    @lazy
    def word_count(self) -> int:
        return word_count(self.text)

    @lazy
    def spaced(self) -> str:
        return spaced_words(self.text)

    @lazy
    def lowered(self) -> str:
        return self.text.lower()

    @lazy
    def found(self) -> Scan:
        """Every rule's literal phrases (`tokens:` and `swap:`), and which of the patterns'
        triggers the text holds, found in one pass."""
        return self.phrases.scan(self.text)

    @lazy
    def gated(self) -> bool:
        """Whether patterns may be skipped for want of their literals: not in a text with a
        letter that re's case folding and str.lower's disagree on ('İ' is an 'i' to re)."""
        folded = self.found.folded
        # Each trap looked for in the text (a search in C), not each character in the traps.
        return folded.isascii() or not any(trap in folded for trap in CASE_TRAPS)

    @lazy
    def tries(self) -> dict[str, list[int]] | None:
        """The patterns worth trying, by rule id (None: each pattern asks its triggers)."""
        return self.phrases.tries(self.found) if self.gated else None

    @property
    def hits(self) -> dict[str, list[Hit]]:
        return self.found.hits

    @property
    def present(self) -> set[str]:
        return self.found.present

    @lazy
    def index(self) -> NotesIndex:
        return notes_index(self.notes) if self.notes else _EMPTY_INDEX

    @property
    def notes_tokens(self) -> frozenset[str]:
        return self.index.tokens

    @property
    def notes_text(self) -> str:
        return self.index.text


@dataclass(frozen=True)
class NotesIndex:
    """What the checker looks up in the notes, worked out once per notes object."""

    tokens: frozenset[str]  # case-folded words, with and without a possessive 's
    raw_tokens: frozenset[str]  # words as written
    text: str  # all the notes' text, case-folded
    # The interviewer each name a check was addressed to means (None: none of them).
    recipients: dict[str, Interviewer | None] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, texts: list[str]) -> NotesIndex:
        return cls(
            tokens=frozenset(token_set(texts)),
            raw_tokens=frozenset(words("\n".join(texts))),
            text="\n".join(texts).casefold(),
        )


_EMPTY_INDEX = NotesIndex(frozenset(), frozenset(), "")
_INDEXES: dict[int, tuple[weakref.ref[Notes], NotesIndex]] = {}


def notes_index(notes: Notes) -> NotesIndex:
    """The index of `notes`, built on first use and dropped when the notes are."""
    key = id(notes)
    hit = _INDEXES.get(key)
    if hit is not None and hit[0]() is notes:
        return hit[1]
    from writer.topics import topics_for  # here: a check without notes never needs it

    # Words the topic stage spelled out ('k8s' -> 'Kubernetes') come from the notes too.
    spelled = [t for person in notes.interviewers for t in topics_for(person).texts()]
    index = NotesIndex.build(notes.texts() + spelled)
    _INDEXES[key] = (weakref.ref(notes, lambda _: _INDEXES.pop(key, None)), index)
    return index


class _WordKeys(dict[str, str]):
    """A capitalised word -> the form the notes' tokens are looked up by (straight
    apostrophe, case-folded, no possessive 's), worked out once a word, not once a check."""

    def __missing__(self, word: str) -> str:
        if len(self) > 65536:
            self.clear()
        key = self[word] = word.replace("’", "'").casefold().removesuffix("'s")
        return key


WORD_KEYS = _WordKeys()
