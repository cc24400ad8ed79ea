"""The rules that need more than a pattern: names, topics, grounding, subject, distinctness."""

from __future__ import annotations

import difflib
import re
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from writer.checker.engine import ERROR, Finding, Rule
from writer.checker.text import (
    CAPITALISED,
    edit_distance,
    first_name,
    mentions,
    sentence_starts,
    spaced_words,
    token_set,
    word_count,
    words,
)
from writer.guidance import Guidance

if TYPE_CHECKING:
    from writer.notes import Interviewer, Notes

T = TypeVar("T")

GREETING = re.compile(
    r"^\s*(?P<word>(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b)?"
    r"[\s,]*(?P<name>[^\W\d_][\w'’.\-]*)?",
    re.IGNORECASE,
)
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]+")
DIGIT = re.compile(r"\d")
EMPHASIS = frozenset("VERY SO LOVE NEED MUST HUGE BEST MUCH TRULY REALLY NOT NEVER ALL ANY".split())
NUMBER = re.compile(r"(?<![\w.])\d[\d,.:/%]*(?<![.,:])")
URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]")
EMAIL = re.compile(r"\b[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\b")
THANKS = re.compile(r"\b(thank|thanks|appreciat\w*|grateful|interview|conversation)\b", re.I)
HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof)\.?$", re.IGNORECASE)
# Capitalised words a message may use without their being in the notes.
ALLOWED_CAPS = frozenset(
    """i i'm i'd i've i'll linkedin monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    hi hello dear hey best regards kind warm warmest sincerely cheers thanks thank subject re
    mr ms mrs mx dr prof ok p.s email english""".split()
)


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

    @lazy
    def recipient(self) -> Interviewer | None:
        if self.notes is None or self.to is None:
            return None
        return self.notes.interviewer(self.to)

    @lazy
    def first_name(self) -> str | None:
        if self.to is None:
            return None
        return self.recipient.first_name if self.recipient else first_name(self.to)

    @lazy
    def capitals(self) -> list[tuple[int, str]]:
        """(offset, word) for every word that starts with a capital letter."""
        return [
            (m.start(), m.group())
            for m in CAPITALISED.finditer(self.text)
            if m.group()[0].isupper()
        ]

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
    index = NotesIndex.build(notes.texts())
    _INDEXES[key] = (weakref.ref(notes, lambda _: _INDEXES.pop(key, None)), index)
    return index


def subject(rule: Rule, ctx: Context) -> Iterator[Finding]:
    subject_line = (ctx.subject or "").strip()
    role = ctx.notes.role if ctx.notes else "the role"
    if not subject_line:
        yield rule.finding(ctx.kind, 0, 0, value="No subject line", role=role, field="subject")
        return
    role_words = {w.casefold() for w in words(role)} if ctx.notes else set()
    said = {w.casefold() for w in words(subject_line)}
    if not THANKS.search(subject_line) and not role_words & said:
        yield rule.finding(
            ctx.kind,
            0,
            len(ctx.subject or ""),
            role=role,
            field="subject",
            value=f"Subject '{subject_line}' neither names the role nor thanks them",
        )


def greeting(rule: Rule, ctx: Context) -> Iterator[Finding]:
    name = ctx.first_name
    if not name:
        return
    match = GREETING.match(ctx.text)
    said = match.group("name") if match else None
    if match and said:
        said = said.rstrip(".,")
        if said == name or HONORIFIC.match(said):
            return  # "Hi Dana," or the formal "Dear Dr. Whitaker,"
        if 0 <= edit_distance(said.casefold(), name.casefold(), 2) <= 2:
            start = match.start("name")
            yield rule.finding(
                ctx.kind,
                start,
                start + len(said),
                name=name,
                replacement=name,
                value=f"Opens with '{said}'; the notes spell it '{name}'",
            )
            return
    end = ctx.text.find("\n")
    end = len(ctx.text) if end < 0 else end
    yield rule.finding(
        ctx.kind, 0, end, name=name, value=f"Doesn't open by addressing {name} by first name"
    )


def near_name(rule: Rule, ctx: Context) -> Iterator[Finding]:
    targets = _names_to_spell(ctx)
    if not targets:
        return
    for start, word in ctx.capitals:
        token = word.replace("’", "'").removesuffix("'s")
        folded = token.casefold()
        too_short = len(token) < ctx.guidance.name_min_length
        if too_short or folded in ctx.notes_tokens or folded in ALLOWED_CAPS:
            continue
        for target in targets:
            limit = 1 if len(target) < 7 else 2
            if token != target and 0 < edit_distance(folded, target.casefold(), limit) <= limit:
                end = start + len(token)
                yield rule.finding(
                    ctx.kind, start, end, match=token, name=target, replacement=target
                )
                break


def _names_to_spell(ctx: Context) -> list[str]:
    names: list[str] = []
    if ctx.to:
        names += [part for part in ctx.to.split() if not HONORIFIC.match(part)]
    if ctx.notes:
        names += words(ctx.notes.company)
    return [n for n in dict.fromkeys(names) if len(n) >= ctx.guidance.name_min_length]


def gratitude(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if not any(p.regex.search(ctx.text) for p in rule.patterns):
        yield rule.finding(ctx.kind, 0, len(ctx.text))


def topics(rule: Rule, ctx: Context) -> Iterator[Finding]:
    person = ctx.recipient
    if person is None or not person.topics:
        return
    spaced = ctx.spaced + (spaced_words(ctx.subject) if ctx.subject else "")
    if any(mentions(spaced, topic) for topic in person.topics):
        return
    example = person.topics[0] if len(person.topics[0]) <= 60 else person.topics[0][:57] + "..."
    yield rule.finding(
        ctx.kind,
        0,
        len(ctx.text),
        name=person.first_name,
        value=len(person.topics),
        example=example,
    )


def emoji_caps(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for match in EMOJI.finditer(ctx.text):
        yield rule.finding(
            ctx.kind,
            match.start(),
            match.end(),
            match=match.group(),
            value="is an emoji",
            replacement="",
        )
    raw_tokens = ctx.index.raw_tokens
    for start, word in ctx.capitals:
        token = word.rstrip("'’")
        if len(token) < 2 or not token.isupper() or token in raw_tokens:
            continue
        if sum(c.isalpha() for c in token) < 5 and token not in EMPHASIS:
            continue
        yield rule.finding(
            ctx.kind,
            start,
            start + len(token),
            match=token,
            value="is in capitals for emphasis",
            replacement=token.capitalize(),
        )


def grounding(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.notes is None:
        return
    spans: list[tuple[int, int, str]] = []
    for pattern, hint in ((URL, "http"), (URL, "www."), (EMAIL, "@"), (NUMBER, "")):
        if hint and hint not in ctx.lowered:
            continue
        if not hint and DIGIT.search(ctx.text) is None:
            continue
        spans += [
            (m.start(), m.end(), m.group())
            for m in pattern.finditer(ctx.text)
            if m.group().casefold() not in ctx.notes_text
            and (m.start(), m.end(), m.group()) not in spans
        ]
    taken = [(s, e) for s, e, _ in spans]
    starts: set[int] | None = None
    for start, word in ctx.capitals:
        folded = word.replace("’", "'").casefold().removesuffix("'s")
        if folded in ALLOWED_CAPS or folded in ctx.notes_tokens:
            continue
        if any(s <= start < e for s, e in taken):
            continue
        starts = sentence_starts(ctx.text) if starts is None else starts
        if start not in starts:
            spans.append((start, start + len(word), word))
    for start, end, shown in sorted(spans):
        yield rule.finding(ctx.kind, start, end, match=shown)


def distinct(
    rule: Rule, drafts: list[tuple[str, str, str]], guidance: Guidance
) -> list[tuple[int, Finding]]:
    """Warnings for drafts of one kind that match an earlier one once names are swapped.

    `drafts` holds (recipient name, kind, text); returns (index into drafts, finding).
    """
    out: list[tuple[int, Finding]] = []
    normalised = [(kind, _without_names(text, drafts)) for _, kind, text in drafts]
    for i, (kind, text) in enumerate(normalised):
        for j in range(i):
            other_kind, other = normalised[j]
            if other_kind != kind or drafts[j][0] == drafts[i][0]:
                continue
            # Word by word: as telling as characters for this, and far faster.
            matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
            if matcher.quick_ratio() < guidance.distinct_similarity:
                continue
            ratio = matcher.ratio()
            if ratio >= guidance.distinct_similarity:
                value = (
                    f"{ratio:.0%} the same as the {kind.replace('_', ' ')} to "
                    f"{drafts[j][0]} once names are swapped"
                )
                out.append((i, rule.finding(kind, 0, len(drafts[i][2]), value=value)))
                break
    return out


def _without_names(text: str, drafts: list[tuple[str, str, str]]) -> list[str]:
    for name, _, _ in drafts:
        for part in name.split():
            if len(part) > 1:
                text = text.replace(part, "NAME")
    return text.casefold().split()


def contact_details(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Links and addresses are fine only when they are the candidate's own."""
    if "@" not in ctx.text and "http" not in ctx.lowered and "www." not in ctx.lowered:
        return
    own = (ctx.notes.candidate.signature or "").casefold() if ctx.notes else ""
    for pattern in (URL, EMAIL):
        for match in pattern.finditer(ctx.text):
            if match.group().casefold() not in own:
                yield rule.finding(ctx.kind, match.start(), match.end(), match=match.group())


SCRIPTS = {
    "contact_details": contact_details,
    "subject": subject,
    "greeting": greeting,
    "near_name": near_name,
    "gratitude": gratitude,
    "topics": topics,
    "emoji_caps": emoji_caps,
    "grounding": grounding,
}

__all__ = ["ERROR", "SCRIPTS", "Context", "distinct"]
