"""The rules that need more than a pattern: names, topics, grounding, subject, distinctness."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from writer import names
from writer.checker.context import WORD_KEYS, Context
from writer.checker.engine import WARNING, Drafts, Finding, Rule, across_script, script
from writer.guidance import Guidance
from writer.lazy_re import lazy_compile
from writer.text import (
    content_words,
    edit_distance,
    is_sentence_start,
    keywords,
    proper_nouns,
    spaced_words,
    words,
)

if TYPE_CHECKING:
    from writer.notes import Interviewer

GREETING = lazy_compile(
    r"^\s*(?P<word>(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings)\b)?"
    r"[\s,]*(?P<name>[^\W\d_][\w'’.\-]*)?",
    re.IGNORECASE,
)
EMOJI = lazy_compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]+")
DIGIT = lazy_compile(r"\d")
EMPHASIS = frozenset("VERY SO LOVE NEED MUST HUGE BEST MUCH TRULY REALLY NOT NEVER ALL ANY".split())
NUMBER = lazy_compile(r"(?<![\w.])\d[\d,.:/%]*(?<![.,:])")
URL = lazy_compile(r"\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]")
# The local part is bounded (64 characters, as RFC 5321 allows): unbounded, a run such as
# 'a.a.a…@' is rescanned from each of its words, quadratic in its length.
EMAIL = lazy_compile(r"\b[\w.+\-]{1,64}@[\w\-]+(?:\.[\w\-]+)+\b")
THANKS = lazy_compile(r"\b(thank|thanks|appreciat\w*|grateful|interview|conversation)\b", re.I)
# What else a subject may say for the emails after the thank-you: a status email says it
# follows up ('Checking in', 'Following up on my application'), a reply says it replies.
KIND_SUBJECT = {
    "status_email": re.compile(
        r"\b(follow(ing)?[- ]?up|check(ing)?[- ]in|status|update|application|candidacy|"
        r"next steps?)\b",
        re.I,
    ),
    "rejection_reply": re.compile(r"^\s*re:|\b(decision|application|feedback)\b", re.I),
    "offer_reply": re.compile(r"^\s*re:|\boffer\b", re.I),
}
# Capitalised words a message may use without their being in the notes.
ALLOWED_CAPS = frozenset(
    """i i'm i'd i've i'll linkedin monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    hi hello dear hey best regards kind warm warmest sincerely cheers thanks thank subject re
    mr ms mrs mx dr prof rev sir dame miss ok p.s email english""".split()
)


@script("subject")
def subject(rule: Rule, ctx: Context) -> Iterator[Finding]:
    subject_line = (ctx.subject or "").strip()
    role = ctx.notes.role if ctx.notes else "the role"
    if not subject_line:
        yield rule.finding(
            ctx.kind, 0, 0, value="The subject line is empty", role=role, field="subject"
        )
        return
    role_words = {w.casefold() for w in words(role)} if ctx.notes else set()
    said = {w.casefold() for w in words(subject_line)}
    kind_words = KIND_SUBJECT.get(ctx.kind)
    if kind_words is not None and kind_words.search(subject_line):
        return
    if not THANKS.search(subject_line) and not role_words & said:
        yield rule.finding(
            ctx.kind,
            0,
            len(ctx.subject or ""),
            role=role,
            field="subject",
            value=f"The subject '{subject_line}' neither names the role nor says thank you",
        )


@script("greeting")
def greeting(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if not ctx.to:
        return
    person = ctx.recipient
    full, greet_as = (person.name, person.greet_as) if person else (ctx.to, None)
    if not full.strip():
        return  # `--to " "` names nobody to greet (found by fuzzing)
    clause = names.opening_clause(ctx.text)
    if names.named_in(clause, full, greet_as):
        return  # "Hi Dana,", "Dear Dr. Okafor,", "Thanks for connecting, Aoife!"
    formal = bool(ctx.notes and ctx.notes.culture.value == "formal")
    name = names.address(full, greet_as, formal=formal)  # only a finding shows it
    match = GREETING.match(ctx.text)
    said = match.group("name") if match else None
    given = names.given_name(full, greet_as)
    if match and said and not names.is_honorific(said):
        said = said.rstrip(".,")
        first = given.split()[0] if given.split() else given
        if 0 <= edit_distance(said.casefold(), first.casefold(), 2) <= 2:
            start = match.start("name")
            yield rule.finding(
                ctx.kind,
                start,
                start + len(said),
                name=name,
                replacement=given.split()[0],
                value=f"The greeting says '{said}', but the notes spell the name '{given}'",
            )
            return
    end = len(clause) + len(ctx.text) - len(ctx.text.lstrip())
    if ctx.text[end : end + 1] in {".", "!", "?"}:
        end += 1  # the span is the whole opening sentence
    shown = clause.strip() or ctx.text.strip()[:40]
    yield rule.finding(
        ctx.kind,
        0,
        end,
        name=name,
        value=f"The opening ('{shown}') does not address {name} by name",
    )


@script("near_name")
def near_name(rule: Rule, ctx: Context) -> Iterator[Finding]:
    targets = _spellings(ctx)
    if targets is None:
        return
    shortest, tokens = ctx.guidance.name_min_length, ctx.notes_tokens
    for start, word in ctx.capitals:
        token = word.replace("’", "'").removesuffix("'s")
        folded = token.casefold()
        if len(token) < shortest or folded in tokens or folded in ALLOWED_CAPS:
            continue
        target = targets.get(token, _UNSEEN)
        if target is _UNSEEN:
            target = targets[token] = _misspelt(token, folded, targets.names)
        if target is not None:
            end = start + len(token)
            yield rule.finding(ctx.kind, start, end, match=token, name=target, replacement=target)


def _misspelt(token: str, folded: str, spellings: list[tuple[str, str, int]]) -> str | None:
    """The name `token` is a near miss of (within its edits, not the name itself), if any."""
    for target, key, limit in spellings:
        if abs(len(folded) - len(key)) > limit or token == target:
            continue  # too long or short to be within `limit` edits (or the name)
        if 0 < edit_distance(folded, key, limit) <= limit:
            return target
    return None


class _Spellings(dict[str, str | None]):
    """The names a misspelling may be of, as (name, its folded form, the edits allowed),
    and by each word already read, the name it misspells (None: none)."""

    def __init__(self, names: list[tuple[str, str, int]]) -> None:
        super().__init__()
        self.names = names


_UNSEEN = "\x00unseen"


def _spellings(ctx: Context) -> _Spellings | None:
    """The names to spell by for this message (None when there are none)."""
    company = ctx.notes.company if ctx.notes else None
    key = (ctx.to, company, ctx.guidance.name_min_length)
    found = _SPELLINGS.get(key)
    if found is None or len(found) > 4096:
        names = [(n, n.casefold(), 1 if len(n) < 7 else 2) for n in _names_to_spell(ctx)]
        found = _Spellings(names)
        if len(_SPELLINGS) > 1024:
            _SPELLINGS.clear()
        _SPELLINGS[key] = found
    return found if found.names else None


# The names to spell by (recipient, company, shortest name): the same for every draft to
# one person, and worked out in the loop of every check before; each keeps what it found
# for the words it was asked about (a name, a product: the same words in draft after draft).
_SPELLINGS: dict[tuple[str | None, str | None, int], _Spellings] = {}


def _names_to_spell(ctx: Context) -> list[str]:
    found: list[str] = []
    if ctx.to:
        found += [part for part in ctx.to.split() if not names.is_honorific(part)]
    if ctx.notes:
        found += words(ctx.notes.company)
    return [n for n in dict.fromkeys(found) if len(n) >= ctx.guidance.name_min_length]


# Thanks implied by pleasure in the meeting ("It was a pleasure meeting you", "I really
# enjoyed our conversation"): some sources' model notes thank only this way, so it is a
# warning to say it outright, not an error.
IMPLIED_THANKS = lazy_compile(
    r"\b(?:(?:pleasure|privilege|honou?r|delight) (?:to meet|meeting|to speak|speaking|to talk|"
    r"talking|chatting|to chat|getting to know)|(?:really |truly |thoroughly )?enjoyed "
    r"(?:meeting|speaking|talking|chatting|our|the|learning|hearing|getting|your)|"
    r"(?:great|nice|lovely|good|wonderful) (?:to meet|meeting|to speak|speaking|to talk|"
    r"talking|to chat|chatting|to catch up|catching up) (?:with )?you|glad (?:we|i) "
    r"(?:got to |could |were able to )?(?:meet|met|speak|spoke|talk|talked|chat|chatted))\b",
    re.IGNORECASE,
)
_NO_THANKS = "No thanks for their time or the conversation"


@script("gratitude")
def gratitude(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.context != "after_interview" and ctx.kind == "connection_note":
        # A first note to someone not met comes before they have done anything to thank;
        # a message after they accept (or consider an application) still thanks them.
        return
    # A pattern whose triggers the phrase pass did not find cannot match: not searched.
    scan, gated = ctx.found, ctx.gated
    wanted = (p for p in rule.patterns if not gated or p.may_match(scan))
    if any(p.regex.search(ctx.text) for p in wanted):
        return  # the first pattern that matches is enough: the rest are not asked
    implied = IMPLIED_THANKS.search(ctx.text)
    if implied is None:
        yield rule.finding(ctx.kind, 0, len(ctx.text), value=_NO_THANKS)
        return
    said = implied.group()
    yield rule.finding(
        ctx.kind,
        implied.start(),
        implied.end(),
        severity=WARNING,
        match=said,
        value=f"Thanks is only implied ('{said}'); say thank you for their time",
    )


@script("topics")
def topics(rule: Rule, ctx: Context) -> Iterator[Finding]:
    person = ctx.recipient
    if person is None:
        return
    plan = _topic_plan(person)
    if plan is None:
        return
    spaced = ctx.spaced + (spaced_words(ctx.subject) if ctx.subject else "")
    for proper, stems, needed in plan.mentions:
        for stem in proper:  # loops, not any() and sum(): a generator costs more
            if stem in spaced:
                return
        count = 0
        for stem in stems:
            if stem in spaced:
                count += 1
        if count >= needed:
            return
    yield rule.finding(
        ctx.kind,
        0,
        len(ctx.text),
        name=person.first_name,
        value=plan.count,
        words=plan.shown,
        example=plan.example,
    )


@dataclass(frozen=True)
class _TopicPlan:
    """What the topic rule looks for in any message to one person, worked out once: for
    each way a usable topic may be said, its proper nouns' and its keywords' stems (as
    ' stem', found at the start of a word) and how many keywords make a mention."""

    mentions: tuple[tuple[tuple[str, ...], tuple[str, ...], int], ...]
    count: int
    shown: str
    example: str


_PLANS: dict[tuple[tuple[str, ...], str | None, str], _TopicPlan | None] = {}


def _topic_plan(person: Interviewer) -> _TopicPlan | None:
    key = (tuple(person.topics), person.notes, person.name)
    if key not in _PLANS:
        if len(_PLANS) > 1024:
            _PLANS.clear()
        _PLANS[key] = _plan_topics(person)
    return _PLANS[key]


def _plan_topics(person: Interviewer) -> _TopicPlan | None:
    # A topic made only of common words ('the team', 'how it went') cannot be mentioned
    # specifically, so it is never required.
    if not any(keywords(topic) for topic in person.topics):
        return None
    # Only what the topic stage found usable counts (an interviewer whose topics are all
    # private gets an honest message, not an error), and only a fragment with a content
    # word: 'the team' or 'how it went' cannot be mentioned specifically.
    from writer.topics import topics_for  # here: `writer check` without notes never needs it

    usable = [f for f in topics_for(person).usable if keywords(f.text)]
    if not usable:
        return None
    said = [t for f in usable for t in (f.text, f.noun, f.clause) if t]
    # Each way once: a fragment's text, noun and clause are often the same words.
    mentions = tuple(
        dict.fromkeys(
            (
                tuple(f" {stem}" for stem in proper_nouns(topic)),
                tuple(f" {stem}" for stem in keywords(topic)),
                min(2, (len(keywords(topic)) + 1) // 2),
            )
            for topic in said
            if keywords(topic)  # as writer.text.mentions: a topic with none is never said
        )
    )
    wanted = [f.text for f in usable]
    example = wanted[0] if len(wanted[0]) <= 60 else wanted[0][:57] + "..."
    content = sorted({w for t in wanted for w in content_words(t)})
    shown = ", ".join(content[:6]) + (", ..." if len(content) > 6 else "")
    return _TopicPlan(mentions, len(wanted), shown, example)


@script("emoji_caps")
def emoji_caps(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for match in () if ctx.text.isascii() else EMOJI.finditer(ctx.text):
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


@script("grounding")
def grounding(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.notes is None:
        return
    spans: list[tuple[int, int, str]] = []
    seen: set[tuple[int, int, str]] = set()
    for pattern, hint in ((URL, "http"), (URL, "www."), (EMAIL, "@"), (NUMBER, "")):
        if hint and hint not in ctx.lowered:
            continue
        if not hint and DIGIT.search(ctx.text) is None:
            continue
        for m in _emails(ctx.text) if pattern is EMAIL else pattern.finditer(ctx.text):
            span = (m.start(), m.end(), m.group())
            if span not in seen and span[2].casefold() not in ctx.notes_text:
                seen.add(span)
                spans.append(span)
    covered = _Cover([(s, e) for s, e, _ in spans])
    tokens = ctx.notes_tokens
    for start, word in ctx.capitals:
        folded = WORD_KEYS[word]
        if folded in ALLOWED_CAPS or folded in tokens or (spans and covered.holds(start)):
            continue
        if not is_sentence_start(ctx.text, start):
            spans.append((start, start + len(word), word))
    for start, end, shown in sorted(spans):
        yield rule.finding(ctx.kind, start, end, match=shown)


class _Cover:
    """Spans that may overlap, asked which hold an offset in log time (a scan of every
    span for every capital made a text with thousands of links quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans up to each one
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def holds(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset)
        return i > 0 and self.reach[i - 1] > offset


@across_script("distinct")
def distinct(rule: Rule, drafts: Drafts, guidance: Guidance) -> list[tuple[int, Finding]]:
    """Warnings for drafts of one kind that match an earlier one once names are swapped.

    `drafts` holds (recipient name, kind, text); returns (index into drafts, finding).
    """
    import difflib  # here: a check of one message never compares drafts

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


def _without_names(text: str, drafts: Drafts) -> list[str]:
    for name, _, _ in drafts:
        for part in name.split():
            if len(part) > 1:
                text = text.replace(part, "NAME")
    return text.casefold().split()


@script("contact_details")
def contact_details(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """Links and addresses are fine only when they are the candidate's own: in the notes'
    signature, or (with or without notes) in the message's own signature block."""
    if "@" not in ctx.text and "http" not in ctx.lowered and "www." not in ctx.lowered:
        return
    own = (ctx.notes.candidate.signature or "").casefold() if ctx.notes else ""
    signed_at = min(_signature_start(ctx.text), _closing_block_start(ctx.text))
    for matches in (_urls(ctx.text), _emails(ctx.text)):
        for match in matches:
            if match.start() >= signed_at or match.group().casefold() in own:
                continue
            if _OWN_INTRO.search(ctx.text, max(0, match.start() - 80), match.start()):
                continue  # 'you can reach me at ...', 'my portfolio is at ...'
            yield rule.finding(ctx.kind, match.start(), match.end(), match=match.group())


# The candidate's own address or page, introduced as theirs just before it ("feel free to
# contact me at", "I can be reached at", "my portfolio is at").
_OWN_INTRO = lazy_compile(
    r"(?:\b(?:contact|reach|email|e-mail|write to|call|text|message|find) me\b|\bbe reached\b|"
    r"\bi(?:'m|\u2019m| am) (?:reachable|available)\b|"
    r"\bmy (?:personal |own |work )?(?:e-?mail(?: address)?|address|portfolio|website|web site|"
    r"site|blog|github|gitlab|linkedin|profile|page|cv|resume|r\u00e9sum\u00e9|work|"
    r"writing samples?|case study|project|demo|slides|deck|code)\b)[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
_BLOCK_WORD = lazy_compile(r"[^\s|,\u00b7\u2022]+")


def _closing_block_start(text: str) -> int:
    """Where a signature without a closing line begins: the message's last paragraph, when it
    is at most eight short lines and its first line is a name (one to five capitalised words
    beside any address): 'Jordan Lee', 'Jordan Lee | jordan@example.com'. Past the end
    when there is none."""
    body = text.rstrip()
    cut = body.rfind("\n\n")
    if cut < 0:
        return len(text) + 1
    lines = body[cut + 2 :].splitlines()
    if not 0 < len(lines) <= _SIGNATURE_LINES or any(len(line) > 100 for line in lines):
        return len(text) + 1
    first = [
        w
        for w in _BLOCK_WORD.findall(lines[0])
        if not any(c in "@/" or c.isdigit() for c in w)
        and "." not in w.strip(".")
        and w not in "-\u2013\u2014"
    ]
    if not 0 < len(first) <= 5 or not all(w[0].isupper() for w in first):
        return len(text) + 1
    return cut + 2


def _urls(text: str) -> Iterator[re.Match[str]]:
    """`URL.finditer(text)`, with no scan of a text that holds neither of its starts."""
    return URL.finditer(text) if "http" in text or "www." in text else iter(())


def _emails(text: str) -> Iterator[re.Match[str]]:
    """`EMAIL.finditer(text)`, each search begun just before the next '@': a match holds
    the first '@' after where the search starts or begins after it, its local part at most
    64 characters before it (so every word of a long text is not tried as an address)."""
    at, start = text.find("@"), 0
    while at >= 0:
        match = EMAIL.search(text, max(start, at - 64))
        if match is None:
            return
        yield match
        start = match.end()
        at = text.find("@", start)


SIGN_OFF = lazy_compile(
    r"^[ \t]*(?:best(?: regards| wishes)?|kind(?:est)? regards|warm(?:est)? (?:regards|wishes)|"
    r"regards|(?:yours )?sincerely(?: yours)?|yours (?:truly|faithfully|respectfully)|"
    r"respectfully(?: yours)?|many thanks|(?:thanks|thank you)(?: again| so much| very much)?|"
    r"cheers|warmly|all the best|with (?:thanks|gratitude|appreciation|best wishes)|"
    r"gratefully|cordially|take care|talk soon)"
    # the name may follow on the same line ("Best regards, Simon Pottington")
    r"[ \t]*(?:[,.!][ \t]*"
    r"(?:[^\W\d_][\w.'\u2019-]*(?:[ \t]+[^\W\d_][\w.'\u2019-]*){0,3})?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


_SIGNATURE_LINES = 8


def _signature_start(text: str) -> int:
    """Where the signature begins: after the last closing line ('Best regards,') that has
    at most eight short lines after it (name, title, company, phone, e-mail, profile,
    portfolio); past the end when there is none."""
    if "\n" not in text:
        return len(text) + 1
    match = _last_sign_off(text)
    if match is not None:
        tail = text[match.end() :].strip("\n").splitlines()
        if 0 < len(tail) <= _SIGNATURE_LINES and all(len(line) <= 100 for line in tail):
            return match.end()
    return len(text) + 1


def _last_sign_off(text: str) -> re.Match[str] | None:
    """The last match of SIGN_OFF: each match is a whole line, so the lines are tried from
    the last one up (a signature is near the end), not the pattern at every character."""
    end = len(text)
    while True:
        start = text.rfind("\n", 0, end) + 1
        match = SIGN_OFF.match(text, start)
        if match is not None or start == 0:
            return match
        end = start - 1


_SENTENCE_END = lazy_compile(r"(?<=[.!?])\s+|\n+")
_SHORTEST_SHARED = 5  # words: "Thank you again." may be said to anyone


@across_script("shared_sentence")
def shared_sentence(rule: Rule, drafts: Drafts, guidance: Guidance) -> list[tuple[int, Finding]]:
    """Warnings for a sentence of five words or more that an earlier draft of the same kind
    to another interviewer has word for word (names swapped out first)."""
    out: list[tuple[int, Finding]] = []
    seen: dict[tuple[str, str], str] = {}  # (kind, sentence) -> first recipient
    for i, (name, kind, text) in enumerate(drafts):
        mine = set()
        for match in _sentence_spans(text):
            start, end = match
            sentence = text[start:end]
            key = " ".join(_without_names(sentence, drafts))
            if len(key.split()) < _SHORTEST_SHARED or key in mine:
                continue
            mine.add(key)
            first = seen.setdefault((kind, key), name)
            if first != name:
                value = f"the {kind.replace('_', ' ')} to {first} has this sentence too"
                out.append((i, rule.finding(kind, start, end, value=value)))
    return out


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


# Families of issue 13, each in its own module (imported for their @script registrations).
from writer.checker import scripts_grammar, scripts_message, scripts_perspective  # noqa: E402, F401
