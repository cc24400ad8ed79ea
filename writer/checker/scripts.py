"""The rules that need more than a pattern: names, topics, grounding, subject, distinctness."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from writer.checker.engine import ERROR, Finding, Rule
from writer.checker.text import (
    CAPITALISED,
    edit_distance,
    mentions,
    sentence_starts,
    stems,
    token_set,
    words,
)
from writer.settings import Guidance

if TYPE_CHECKING:
    from writer.notes import Interviewer, Notes

GREETING = re.compile(
    r"^\s*(?P<word>(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b)?"
    r"[\s,]*(?P<name>[^\W\d_][\w'’.\-]*)?",
    re.IGNORECASE,
)
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]+")
CAPS = re.compile(r"(?<![\w'’\-])[A-Z][A-Z'’]*[A-Z](?![\w'’\-])")
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

    @cached_property
    def recipient(self) -> Interviewer | None:
        if self.notes is None or self.to is None:
            return None
        return self.notes.interviewer(self.to)

    @cached_property
    def first_name(self) -> str | None:
        if self.to is None:
            return None
        from writer.notes import first_name

        return self.recipient.first_name if self.recipient else first_name(self.to)

    @cached_property
    def notes_tokens(self) -> set[str]:
        return token_set(self.notes.texts()) if self.notes else set()

    @cached_property
    def notes_text(self) -> str:
        return "\n".join(self.notes.texts()).casefold() if self.notes else ""


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
    for match in CAPITALISED.finditer(ctx.text):
        token = match.group().replace("’", "'").removesuffix("'s")
        folded = token.casefold()
        too_short = len(token) < ctx.guidance.name_min_length
        if too_short or folded in ctx.notes_tokens or folded in ALLOWED_CAPS:
            continue
        for target in targets:
            limit = 1 if len(target) < 7 else 2
            if token != target and 0 < edit_distance(folded, target.casefold(), limit) <= limit:
                end = match.start() + len(token)
                yield rule.finding(
                    ctx.kind, match.start(), end, match=token, name=target, replacement=target
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
    if not any(p.search(ctx.text) for p in rule.patterns):
        yield rule.finding(ctx.kind, 0, len(ctx.text))


def topics(rule: Rule, ctx: Context) -> Iterator[Finding]:
    person = ctx.recipient
    if person is None or not person.topics:
        return
    text_stems = stems(ctx.text) | (stems(ctx.subject) if ctx.subject else set())
    if any(mentions(text_stems, topic) for topic in person.topics):
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
    raw_tokens = set(words("\n".join(ctx.notes.texts()))) if ctx.notes else set()
    for match in CAPS.finditer(ctx.text):
        token = match.group()
        letters = sum(c.isalpha() for c in token)
        if token in raw_tokens or (letters < 5 and token not in EMPHASIS):
            continue
        yield rule.finding(
            ctx.kind,
            match.start(),
            match.end(),
            match=token,
            value="is in capitals for emphasis",
            replacement=token.capitalize() if token != "I" else None,
        )


def grounding(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.notes is None:
        return
    starts = sentence_starts(ctx.text)
    spans: list[tuple[int, int, str]] = []
    for pattern in (URL, EMAIL, NUMBER):
        spans += [
            (m.start(), m.end(), m.group())
            for m in pattern.finditer(ctx.text)
            if m.group().casefold() not in ctx.notes_text
        ]
    taken = [(s, e) for s, e, _ in spans]
    for match in CAPITALISED.finditer(ctx.text):
        token = match.group().replace("’", "'")
        folded = token.casefold()
        if match.start() in starts or not token[0].isupper():
            continue
        if folded in ALLOWED_CAPS or folded.removesuffix("'s") in ctx.notes_tokens:
            continue
        if folded in ctx.notes_tokens or any(s <= match.start() < e for s, e in taken):
            continue
        spans.append((match.start(), match.end(), match.group()))
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
            ratio = difflib.SequenceMatcher(None, text, other, autojunk=False).ratio()
            if ratio >= guidance.distinct_similarity:
                value = (
                    f"{ratio:.0%} the same as the {kind.replace('_', ' ')} to "
                    f"{drafts[j][0]} once names are swapped"
                )
                out.append((i, rule.finding(kind, 0, len(drafts[i][2]), value=value)))
                break
    return out


def _without_names(text: str, drafts: list[tuple[str, str, str]]) -> str:
    for name, _, _ in drafts:
        for part in name.split():
            if len(part) > 1:
                text = text.replace(part, "NAME")
    return " ".join(text.casefold().split())


SCRIPTS = {
    "subject": subject,
    "greeting": greeting,
    "near_name": near_name,
    "gratitude": gratitude,
    "topics": topics,
    "emoji_caps": emoji_caps,
    "grounding": grounding,
}

__all__ = ["ERROR", "SCRIPTS", "Context", "distinct"]
