"""Rules that judge the shape of a whole message or of one sentence: a message that names
nothing from the conversation, an email with no greeting, a sentence that starts in lower
case, a subject repeated by a pronoun ('The preparation you gave me, it helped')."""

from __future__ import annotations

import re
from collections.abc import Iterator

from writer.checker.context import Context
from writer.checker.engine import Finding, Rule, script
from writer.lazy_re import lazy_compile
from writer.text import ECHO_FREE, STOPWORDS, echo_key

# Words every post-interview message may use without saying anything about this one
# conversation: the thanks, the meeting, the job, the process, the candidate's interest
# and fit, politeness. A message made only of these (and names) could go to anyone.
_BOILERPLATE = frozenset(
    """thank thanks thankful grateful gratitude appreciate appreciated appreciation
    time taking taken took take opportunity opportunities chance interview interviews
    interviewing interviewed meet meeting met speak speaking spoke talk talking talked chat
    chatting chatted conversation conversations discussion discuss discussing discussed tell
    telling told share sharing shared position positions role roles job jobs company
    companies organization organisation firm team teams department career opening today
    yesterday tonight morning afternoon evening week day days monday tuesday wednesday
    thursday friday saturday sunday look looking forward hear hearing heard soon next step
    steps process consideration considering consider considered application candidacy
    candidate interest interested excited exciting excitement enthusiastic enthusiasm eager
    pleasure pleased great good nice lovely wonderful enjoyed enjoy enjoying really truly
    sincerely sincere regards kind kindly warm warmest wishes skills skill skillset
    experience experiences background qualifications qualified fit match valuable value asset
    member members contribute contributing contribution make making impact confident believe
    feel felt think thought hope hoping know knowing learn learning learned learnt more
    information insight insights work working join joining again also further please let
    questions question additional provide anything else connect connecting connection network
    networking linkedin profile professional glad happy love like would could will sure
    certainly definitely luck hello dear hey cheers yours possibility possible potential
    potentially thing things everything way much many very lot well able help helping hire
    hiring offer contact reach reaching touch update updates news decision back keep stay
    radar follow following again once note email message mind part apply applied getting get
    got give given want wanted wish send reply respond response come going moving move
    excellent strong strongly ideal perfect sense feeling glimpse overview earlier later
    recent recently last add adding added seeing see saw real best use ask asks asked asking
    feedback""".split()
)
# Capitalised words after these are the company or the reader ('the role at Redwood
# Outdoor', 'to join Acme'), before these the job title ('the Quality Engineer position').
_NAME_BEFORE = frozenset("at with for join joining to from dear hi hello hey".split())
_TITLE_AFTER = frozenset("position role job opening team post vacancy".split())
_WORD = lazy_compile(r"[^\W\d_][\w'’\-]*")
_SENTENCE_END = lazy_compile(r"[.!?]\s+")
_SENT_FROM = lazy_compile(r"^\s*sent from my\b.*$", re.I | re.M)
_LEAST_SPECIFIC = 2  # distinct specific words: fewer, and the message names nothing


@script("nothing_specific")
def nothing_specific(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A message without notes whose words are all boilerplate: with notes, specific.topic
    measures the message against what was actually discussed."""
    if ctx.notes is not None:
        return
    from writer.checker.scripts import EMAIL, URL, _signature_start

    body = _SENT_FROM.sub("", ctx.text[: _signature_start(ctx.text)])
    if "@" in body or "www." in body or "http" in body:
        body = EMAIL.sub(" ", URL.sub(" ", body))  # an address says nothing of the talk
    first, _, rest = body.lstrip().partition("\n")
    if _NAME_LINE.match(first):
        body = rest  # 'Bill:' on a line of its own names the reader, nothing else
    found = _specific_words(body, ctx.to or "")
    if len(found) < _LEAST_SPECIFIC:
        shown = ", ".join(sorted(found)) or "none"
        yield rule.finding(ctx.kind, 0, len(ctx.text), value=shown)


def _specific_words(body: str, to: str) -> set[str]:
    """The words that say something about this conversation: not boilerplate, not a stop
    word, not the reader's, the company's or the job's name."""
    reader = {part.casefold() for part in _WORD.findall(to)}
    starts = {0} | {m.end() for m in _SENTENCE_END.finditer(body)} | _line_starts(body)
    tokens = [
        (m.group().replace("’", "'"), m.group()[0].isupper() and m.start() not in starts)
        for m in _WORD.finditer(body)
    ]
    found: set[str] = set()
    i = 0
    while i < len(tokens):
        j = i + 1
        if tokens[i][1]:  # a run of capitalised words: one name
            while j < len(tokens) and tokens[j][1]:
                j += 1
            before = tokens[i - 1][0].casefold() if i else ""
            after = tokens[j][0].casefold() if j < len(tokens) else ""
            if before in _NAME_BEFORE or after in _TITLE_AFTER:
                i = j
                continue
        for word, _ in tokens[i:j]:
            folded = word.casefold().removesuffix("'s")
            if len(folded) < 3 or "'" in folded or folded in STOPWORDS or folded in reader:
                continue
            if folded.endswith("ly"):
                continue  # 'deeply', 'currently': how, not what
            # Whole words, not stems: 'experiments' is not 'experience'.
            if folded not in _BOILERPLATE and folded.removesuffix("s") not in _BOILERPLATE:
                found.add(folded)
        i = j
    return found


_LINE_START = lazy_compile(r"\n\s*")


def _line_starts(text: str) -> set[int]:
    return {m.end() for m in _LINE_START.finditer(text)}


_GREETING_WORD = lazy_compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening|day)|to whom)\b",
    re.IGNORECASE,
)
# A first line that is only a name and a mark ('Dan,', 'Bill:', 'Megan!').
_NAME_LINE = lazy_compile(r"^\s*[^\W\d_][\w'’.\- ]{0,40}[,:!]\s*$")
# An opening that names its reader at the end of the first clause ('Thanks for the chat,
# Aoife!').
_NAME_AT_END = lazy_compile(r",\s+[^\W\d_a-z][\w'’\-]*[.!,]")


@script("greeting_present")
def greeting_present(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """An email that opens with no greeting at all. With a recipient, greet.by_name checks
    the greeting names them."""
    if ctx.to or not ctx.text.strip():
        return
    first = ctx.text.strip().splitlines()[0]
    if _GREETING_WORD.match(first) or _NAME_LINE.match(first):
        return
    opening = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if _NAME_AT_END.search(opening + " "):
        return
    start = len(ctx.text) - len(ctx.text.lstrip())
    yield rule.finding(ctx.kind, start, start + len(opening), match=opening[:40])


# Words before a full stop that end no sentence ('e.g. the', '9 a.m. tomorrow').
_ABBREVIATIONS = frozenset(
    """e.g i.e etc vs approx a.m p.m no co inc ltd corp dept mr mrs ms mx dr prof st jr sr
    p.s ps cf ca fig viz""".split()
)
_LOWER_AFTER_END = lazy_compile(r"[.!?][ \t]+([a-z][\w'’\-]*)")
_LOWER_FIRST = lazy_compile(r"\s*([a-z][\w'’\-]*)")


@script("sentence_case")
def sentence_case(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A sentence that starts with a small letter ('Thanks again. it was ...'). An all
    lower-case message is grammar.all_lower's; 'i' is grammar.lower_i's."""
    text = ctx.text
    if text == ctx.lowered:
        return  # no capital at all
    first = _LOWER_FIRST.match(text)
    found = ([first] if first else []) + list(_LOWER_AFTER_END.finditer(text))
    for match in found:
        word, at = match.group(1), match.start(1)
        if word == "i" or _not_a_word_start(text, at, word):
            continue
        yield rule.finding(
            ctx.kind, at, at + len(word), match=word, replacement=word[0].upper() + word[1:]
        )


def _not_a_word_start(text: str, at: int, word: str) -> bool:
    """A camel-cased brand ('iPhone', 'eBay'), a link, a run of one letter, or a word after
    an abbreviation or an ellipsis: not a sentence starting in lower case."""
    if any(c.isupper() for c in word) or text.startswith(("www.", "http"), at):
        return True
    if len(word) > 2 and len(set(word)) == 1:
        return True  # 'xxx', 'zzz': filler or a slot, not a word (placeholder rules judge it)
    before = text[max(0, at - 40) : at].rstrip()  # a bounded look back: no quadratic path
    if before.endswith(("..", "…")):
        return True
    last = before.rsplit(None, 1)[-1].rstrip(".").casefold() if before else ""
    # An abbreviation, an initial, an initialism ('U.S. market') or a list number ('1. the').
    return last in _ABBREVIATIONS or len(last) == 1 or "." in last or last.isdigit()


# 'The preparation you afforded me before the interview, it helped me': a fronted subject
# with a relative clause, then a pronoun that says the subject again. A fronted time or
# manner ('The day we met, it rained'; 'The way you put it, it sounds') is good English.
_RESUMPTIVE = lazy_compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))"
    r"(?P<subject>(?:The|Your|My|Our|This|That|These|Those|Their|His|Her)\s+"
    r"(?:[\w'’\-]+\s+){0,5}?(?:you|we|I|they|he|she)\s+[\w'’\-]+(?:\s+[\w'’\-]+){0,8}?)"
    r"(?P<again>,\s+(?:it|they|he|she))\s+(?P<verb>[a-z]+)\b",
    re.MULTILINE,
)
_FRONTED_ADVERBIAL = frozenset(
    """day days week weeks morning afternoon evening night time times moment minute hour year
    month way ways more most moment second first last next reason""".split()
)


_AGAIN = (", it ", ", they ", ", he ", ", she ")


@script("resumptive_pronoun")
def resumptive_pronoun(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if not any(again in ctx.lowered for again in _AGAIN):
        return  # the pronoun after a comma is the literal core: most texts have none
    for match in _RESUMPTIVE.finditer(ctx.text):
        head = match.group("subject").split()
        if len(head) > 1 and head[1].casefold() in _FRONTED_ADVERBIAL:
            continue
        start, end = match.span("again")
        said = ctx.text[start:end].lstrip(", ")
        yield rule.finding(
            ctx.kind, start, end, match=said, value=" ".join(head[:2]), replacement=""
        )


_LONGEST_ECHO_CHECK = 90  # words: past this a word said twice is no longer heard as an echo


@script("echoed_word")
def echoed_word(rule: Rule, ctx: Context) -> Iterator[Finding]:
    """A content word said in two sentences of a short message ('thanks for the chat ...
    Thanks again'): the reader hears the echo. Names and other capitalised words inside a
    sentence (the company, the role, a product) are the message's subject, not an echo."""
    body = ctx.text
    if ctx.word_count > _LONGEST_ECHO_CHECK:
        return
    # The words of every sentence read at once: a word never spans a sentence break (a
    # break ends in white space), so these are the words writer.text.echo_words reads one
    # sentence at a time.
    found = _WORD.findall(body)  # writer.text.echo_words reads words by this pattern too
    keys = [key for key in map(_ECHO_KEYS.__getitem__, found) if key]
    if len(set(keys)) == len(keys):
        return  # no key said twice anywhere: no sentence can echo another
    seen: dict[str, int] = {}
    starts = [m.end() for m in _SENTENCE_END.finditer(body)]
    sentence, first = 0, True  # the sentence a word is in, and whether it opens it
    for word in _WORD.finditer(body):
        while sentence < len(starts) and starts[sentence] <= word.start():
            sentence, first = sentence + 1, True
        said, opens, first = word.group(), first, False
        key = _ECHO_KEYS[said]
        if not key or (not opens and said[:1].isupper()):
            continue  # a capital inside a sentence: a name, the company, a product
        if seen.setdefault(key, sentence) != sentence:
            yield rule.finding(ctx.kind, word.start(), word.end(), match=said)
            return


class _EchoKeys(dict[str, str]):
    """A word as written -> its echo key, or '' for a word that never echoes (short, or a
    function word): what `echo_words` keeps of it, capitals aside, worked out once a word."""

    def __missing__(self, word: str) -> str:
        if len(self) > 65536:
            self.clear()
        key = "" if len(word) < 4 or word.casefold() in ECHO_FREE else echo_key(word)
        self[word] = key
        return key


_ECHO_KEYS = _EchoKeys()
