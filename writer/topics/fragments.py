"""Tell what a fragment is, and render what may be said of it in the forms a frame needs."""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.text import STOPWORDS
from writer.topics.figures import cased_places, cased_sites, figure
from writer.topics.grammar import DETERMINERS as _DETERMINERS
from writer.topics.grammar import PREPOSITIONS as _PREPOSITIONS
from writer.topics.grammar import favour as _favour
from writer.topics.grammar import is_clause, is_reduced_relative
from writer.topics.grammar import tidy_head as _tidy_head
from writer.topics.grammar import wh_phrase as _wh_phrase
from writer.topics.jotting import repair, sayable_noun
from writer.topics.kinds import Fragment as Fragment
from writer.topics.kinds import Kind as Kind
from writer.topics.kinds import LeftOut as LeftOut
from writer.topics.reframe_work import as_work as _as_work
from writer.topics.reframe_work import reframed as _reframed
from writer.topics.reframe_work import subject_supplied as _subject_supplied
from writer.topics.text import Piece, lower_first, normalise, second_person, upper_first
from writer.topics.words import (
    ALWAYS_LEFT_OUT,
    BOTH_VERBS,
    FINITE,
    LEFT_OUT,
    LOGISTICS,
    PROCESS_NOUN,
    PROPER,
    REASONS,
    ROLE_TITLES,
    UPCOMING_STEP,
    VIEW_NOUNS,
    VIEW_VERBS,
    WH_WORDS,
)

# Fragment, Kind and LeftOut live in kinds.py (reframe_work.py needs them too) and are
# imported from here everywhere else.
# Kept under its old name: the checker's grammar rules and the benchmarks import it here.
_is_clause = is_clause


_TALKED = lazy_compile(
    r"^(?:(?:we|she|he|they|i)\s+)?(?:talked|chatted|spoke|asked(?: me)?|went over|dove into|"
    r"dived into|got into)\s+(?:a lot\s+)?(?:about|on|into)?\s*|^(?:discussed|covered)\s+"
    r"|^i\s+(?:mentioned|brought up|showed|shared|presented|demoed|walked (?:\w+ )?through)\s+"
    r"|^(?:(?:she|he|they)\s+)?knows?\s+(?:everything|a lot|loads|lots|all)\s+(?:about|on)\s+"
    r"|^(?:(?:she|he|they)\s+)?kept (?:coming back|going back|returning|circling back) to\s+"
    r"|^(?:(?:she|he|they)\s+)?(?:walked|talked|took) me through\s+|^(?:(?:she|he|they)\s+)?"
    r"showed me\s+|^(?:re:?|fun fact:|interesting|cool|neat|nice|great|wild|surprising|"
    r"impressive|notable)(?:\s+that|\s+how|:)?\s+(?=\S)",
    re.IGNORECASE,
)
_COMMON = lazy_compile(
    r"^(?:we\s+(?:both|all|are both|were both)|both|we're both|same)\b"
    r"|^we\b.*\b(?:same|too|also|in common)\b",
    re.IGNORECASE,
)
_OWN = lazy_compile(r"^(?:i|i'm|i've|i'd|my|me)\b", re.IGNORECASE)
_ARROW = lazy_compile(r"^(?P<a>[^\d]{2,30}?)\s+(?:->|=>|→)\s+(?P<b>[^\d]{2,30})$")
_VIEW_OPENER = lazy_compile(r"^(?P<who>she|he|they)\s+(?:(?:really|also|always)\s+)?", re.I)
# "she said/thinks ..." is followed by a clause even when no verb of ours is in it.
_CLAUSE_VERBS = frozenset(
    [
        *("said", "says", "thinks", "thought", "believes", "feels", "felt", "reckons"),
        *("argued", "argues", "told me", "pointed out"),
    ]
)
_UNSAYABLE = lazy_compile(r"https?://|\bwww\.|\S@\S+\.\w|</?[a-z][^>]*>|[{}]|<\w", re.IGNORECASE)
# The tail after ", which ..." explains; the head is what was talked about.
_RELATIVE = lazy_compile(
    r",\s+(?:which|where|because|so that|since|meaning|i\.e\.)\s", re.IGNORECASE
)
# 'the next year to be about trust': an object, then an infinitive.
_WISHED = lazy_compile(
    r"^(?P<what>(?:the|a|an|our|your|more|this|that)\b.{1,40}?) to (?P<rest>[a-z]+\b.+)$"
)
_READY = lazy_compile(
    r"\b(?:live|ready|done|out|shipped|in place|finished|running|signed off)\b", re.I
)
_FROM_END = lazy_compile(
    r"\b(?:off|from|away from|out of|leaving|replacing)\s+\S+(?:\s\S+)?$", re.I
)
# 'night shift handover still on paper': a predicate with its 'is' left out.
_NO_COPULA = lazy_compile(
    r"^(?P<np>[a-z][\w-]*(?:\s[a-z][\w-]*){0,4}?)\s+(?P<rest>(?:still|now|mostly|largely|"
    r"entirely|all|fully|already|only)\s+(?:on|in|at|by|with|under|over|via|through|manual)\b.*)$"
)
_EVERY = lazy_compile(
    r"\s+(?:every|each)\s+(?:other\s+)?(?:day|week|month|morning|afternoon|sprint|quarter|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?$"
    r"|\s+(?:quarterly|weekly|monthly|daily|yearly|annually|fortnightly|biweekly|nightly)$",
    re.IGNORECASE,
)
_WORDS = lazy_compile(r"[\w'’]+")
_NAMES = frozenset(PROPER.values())
_MOST_WORDS = 20
_MOST_CHARS = 200
_UNITS = frozenset("years months weeks days hours minutes people times".split())
# A label before a colon ("Interesting: ...", "Note: ..."), or a view named that way.
_LABEL = lazy_compile(r"^(?P<label>(?:(?:her|his|their)\s+)?[a-z]+(?:\s[a-z]+)?):\s+(?=\S)", re.I)
# Verbs that start a jotting with no subject ("seems like a good culture"): no frame fits.
_SUBJECTLESS = frozenset(
    "seems seemed looks looked sounds sounded feels went need needs liked loved was were is "
    "are has had wants wanted ran".split()
)
_COPULA = lazy_compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:is|are|was|were|ha(?:s|ve) been)\b|^\S+['’](?:s|re|ve been)\b",
    re.IGNORECASE,
)
_BARE_HEAD = lazy_compile(
    r"^(?:team|company|role|org|department|product|platform|firm|board|school|practice|ward|"
    r"trust|bank|agency|studio|charity|business|unit|site|store)\b",
    re.I,
)
# 'main client is a big bank': a singular subject jotted without its article.
_BARE_SUBJECT = lazy_compile(
    r"^(?!(?:she|he|they|we|you|i|it|this|that|there|here|what|who|everyone|nobody|someone|"
    r"each|every|all|most|some|one|no|the|a|an|our|your|their|my|his|her|its|these|those)\b)"
    # a gerund or a mass noun at the head ('stock planning', 'staff retention') takes none
    r"[a-z]+(?<!s)(?<!ing)(?: [a-z]+(?<!s)(?<!ing)(?<!tion)(?<!ment)(?<!ness)(?<!ance))?"
    r"\s(?:is|was|has)\s"
)
# 'why consulting, not industry', 'why games and not fintech': a choice between two things
_CHOSE = lazy_compile(
    r"^why (?P<a>(?:[\w-]+ ?){1,3}?),? (?:and |but )?(?:not|rather than|instead of|over|vs\.?) "
    r"(?P<b>(?:[\w-]+ ?){1,3})$",
    re.IGNORECASE,
)
_WH_SUBJECT = lazy_compile(
    r"^(?:how|why|when|where) (?:she|he|they|we) (?:[a-z]+ed|went|began|built|grew|came|"
    r"left|made|set|took|got|ran|won|became|found|started|moved)\b \S",
    re.IGNORECASE,
)
_DOUBLED_MOVE = lazy_compile(
    r"^(?:moving|migrating|switching|shifting|porting|going) (?P<span>from \S+(?: \S+)? to \S+"
    r"(?: \S+)?) (?P<noun>migration|move|switch|transition|shift|port)$",
    re.IGNORECASE,
)
_EXCLAIMED = lazy_compile(r"\?\s*!|!\s*\?|\?\?|!!")


def classify(piece: Piece, names: frozenset[str]) -> Fragment | LeftOut:
    """One fragment of an interviewer's topics as a usable Fragment, or LeftOut with why.
    `names` are the interviewer's own names in lower case ("Dana said" means "she said")."""
    raw = " ".join(piece.text.split())
    if len(raw) > _MOST_CHARS:
        # A long explanation after ", which ..." still leaves its head to talk about.
        raw = _RELATIVE.split(raw[: _MOST_CHARS * 2], maxsplit=1)[0]
        if len(raw) > _MOST_CHARS:
            return LeftOut(raw[:60].rstrip() + "…", "too long to say well")
    if piece.bracketed and _GROAN.fullmatch(raw):
        # 'travel is 3-4 days a week (ugh)': the candidate's groan at the topic, which no
        # message then recalls as a highlight
        return LeftOut(raw, "a candid remark")
    repaired, shared = repair(_as_she(raw, names))
    text = _arrows(normalise(repaired))
    if not text:
        return LeftOut(raw, "an aside")
    # 'both from Leeds!!' is glad, not an aside; 'the reorg?!' still is
    glad = re.search(r"\w\s*!+\s*$", raw)
    if _EXCLAIMED.search(raw.rstrip(" !") if glad else raw):
        return LeftOut(raw, "an aside")
    if raw.rstrip().endswith("?"):
        return LeftOut(raw, "a question to yourself")
    if _UNSAYABLE.search(raw):
        return LeftOut(raw, "a link, address or code")
    asked = re.match(r"^(?:(?:she|he|they)\s+)?asked(?: me)?\s", text, re.IGNORECASE)
    text = _TALKED.sub("", text) or text
    # 'I showed her my side project': her is who it was shown to, not whose it is
    text = re.sub(r"^(?:her|him|them)\s+(?=(?:my|how|what|some)\b)", "", text, flags=re.I)
    text = _RELATIVE.split(text, maxsplit=1)[0].strip() or text
    label = _LABEL.match(text)
    if label:
        head = label["label"].split()
        text = text[label.end() :]
        if len(head) == 2 and head[1].casefold() in VIEW_NOUNS:
            return _labelled_view(raw, head, text, names)
    text = _tidy_head(text)
    if not text:
        return LeftOut(raw, "too vague to use")
    if re.match(r"^(?:it|it['’]s|this|that)\b", text, re.IGNORECASE):
        return LeftOut(raw, "can't be said well")  # 'it' with nothing before it to stand for
    common = shared or bool(_COMMON.match(text))
    reason = _left_out_reason(raw, text, common=common, names=names)
    if reason:
        return LeftOut(raw, reason)
    text = _subject_supplied(text)
    if text.split()[0].casefold() in _SUBJECTLESS:
        return LeftOut(raw, "can't be said well")
    shouted = [w for w in re.findall(r"[A-Za-z]{4,}", raw) if w.isupper() and w not in _NAMES]
    if len(shouted) >= 2:
        return LeftOut(raw, "an aside")  # 'PAGING IS BRUTAL': a feeling, not a topic
    if _LAUGH.search(raw) and not common:
        return LeftOut(raw, "an aside")  # the candidate's joke, not the reader's subject
    if piece.bracketed and not common and _view_verb(text) is None:
        # '(he was late)': a remark jotted beside the topic; only '(she said ...)' is a topic
        return LeftOut(raw, "an aside")
    if _vague(text):
        jotted = normalise(raw) != " ".join(raw.split()).strip(" .,;:!?-–—")
        return LeftOut(raw, "an aside" if jotted else "too vague to use")
    if len(text.split()) > _MOST_WORDS:
        return LeftOut(raw, "too long to say well")
    doubled = _DOUBLED_MOVE.match(text)
    if doubled:
        # 'moving from Airflow to dagster migration': the gerund and the noun say one move
        text = f"the {doubled['noun'].casefold()} {doubled['span']}"
    reframed = _reframed(raw, text, common=common)
    if reframed is not None:
        return reframed
    text = cased_sites(figure(text) or text)
    if common:
        return _common_ground(raw, text)
    favour = _favour(text)
    if favour:
        return Fragment(raw, Kind.logistics, None, None, f"Thank you for {favour}.")
    chose = _CHOSE.match(text) if asked else None
    if chose:
        # 'she asked why consulting not industry': her question about the candidate's
        # choice, answered by the candidate, never thanked for as the reader's own account
        first = re.sub(r"\s+(?:and|but)$", "", chose["a"].strip())
        noun = f"why I chose {first} over {chose['b'].strip()}"
        return Fragment(raw, Kind.own, noun, None, f"I appreciated the chance to explain {noun}.")
    if _OWN.match(text) or (asked and re.search(r"\b(?:I|I'd|I'm|my|me)\b", text)):
        return _own(raw, text)  # 'she asked how I'd test it': a question put to the candidate
    opener = _VIEW_OPENER.match(text)
    found = _view(raw, text, opener.end()) if opener else _topic(raw, text)
    if isinstance(found, Fragment) and found.kind == Kind.view and LOGISTICS.search(text):
        # 'said they'd know by the 20th': the process, reported; said back it reads as a
        # reminder of a date, so it is left out like the same line unreported
        found = Fragment(raw, Kind.logistics, found.noun, found.clause, found.sentence)
    if isinstance(found, Fragment) and found.kind == Kind.logistics and not _a_step(found):
        # 'offers go out in october', 'gave me a coffee voucher': arrangements, not a subject
        return LeftOut(raw, "logistics")
    return found


_GROAN = lazy_compile(
    r"(?:ugh+|urgh+|yikes|oof|eek|meh|sigh|hmm+|boo|not ideal|not great|dreading it)[.!]*",
    re.IGNORECASE,
)


def _a_step(fragment: Fragment) -> bool:
    """A stage still to come ('the next round with the VP') or the process as a whole
    ('the relocation timeline'): the only logistics a message says."""
    noun = fragment.noun or ""
    return bool(UPCOMING_STEP.match(noun) or PROCESS_NOUN.match(noun))


# The candidate's laugh or groan at what they jotted: the remark is theirs, not a topic.
_LAUGH = lazy_compile(r"(?<!\w)(?:lol|lmao|lmfao|rofl|haha\w*|smh|yikes|oof|ugh|eek)(?!\w)", re.I)


def _as_she(text: str, names: frozenset[str]) -> str:
    """'Dana said ...' about Dana herself reads as 'she said ...'."""
    first, _, rest = text.partition(" ")
    return f"she {rest}" if rest and first.casefold() in names else text


def _arrows(text: str) -> str:
    """'jenkins -> github actions' reads as moving from one to the other."""
    head, comma, last = text.rpartition(", ")
    if comma and re.search(r"->|=>|→", last) and not re.search(r"->|=>|→", head):
        return f"{head}, {_arrows(last)}"  # 'rewriting the app, RN -> native': the tail moves
    match = _ARROW.match(text)
    if match and not _is_clause(match["a"].split()):
        start = match["a"].split()
        if start[0].casefold().endswith("ing"):
            return f"{match['a']} to {match['b']}"  # 'moving the loads -> snowflake'
        at = next((i for i, w in enumerate(start) if i and w in _PREPOSITIONS), len(start))
        last = start[at - 1]
        if start[0].islower() and start[0] not in _DETERMINERS and not last.endswith(("s", "ing")):
            # 'design system in figma -> tokens': a thing being moved, not a place to leave
            return f"moving the {match['a']} to {match['b']}"
        return f"moving from {match['a']} to {match['b']}"
    parts = re.split(r"\s*(?:->|=>|→)\s*", text)
    # Between two clauses an arrow means 'and so'; after 'moving off Oracle' it still
    # points to where the move goes ('-> postgres').
    onward = len(parts) == 2 and bool(_FROM_END.search(parts[0]))
    if onward and _is_clause(parts[0].split()) and not _is_clause(parts[1].split()):
        return f"{parts[0]} to {parts[1]}"
    if len(parts) == 2 and (_is_clause(parts[0].split()) or _is_clause(parts[1].split())):
        return f"{parts[0]}, so {parts[1]}"
    return " to ".join(parts)


def _left_out_reason(raw: str, text: str, *, common: bool, names: frozenset[str]) -> str | None:
    # The normalised text only adds spelled-out shorthand; scan it only when it has words
    # the jotting lacks ('yrs' -> 'years'), not for casing or punctuation.
    added = set(_WORDS.findall(text.casefold())) - set(_WORDS.findall(raw.casefold()))
    hits = {
        REASONS[match.lastindex - 1]
        for match in LEFT_OUT.finditer((f"{raw}\n{text}" if added else raw).casefold())
        if match.lastindex
    }
    for reason in ALWAYS_LEFT_OUT:
        # "we both have dogs" is shared ground, not the interviewer's private life; a
        # judging word in what the interviewer voiced is still theirs, never to quote back
        if reason in hits and not (reason == "personal" and common):
            return reason
    if _names_someone_else(text, names):
        return "about someone else"
    return None


def _names_someone_else(text: str, names: frozenset[str]) -> bool:
    """'Tom said the roadmap slipped': a capitalised name that is not the interviewer's."""
    words = text.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[0][1:].islower():
        return False
    first = words[0].casefold()
    if first in PROPER or first in names or first in STOPWORDS or first.endswith("ing"):
        return False
    return words[1].casefold() in VIEW_VERBS or words[1].casefold() in ("is", "was", "left")


def _vague(text: str) -> bool:
    """Nothing a reader would recognise: only small words, verbs, numbers and units."""
    content = [
        w
        for w in re.findall(r"[^\W\d_][\w'-]*", text)
        if len(w) > 2 and w.casefold() not in STOPWORDS and w.casefold() not in FINITE
    ]
    return not any(w.casefold() not in _UNITS for w in content)


def _labelled_view(
    raw: str, head: list[str], text: str, names: frozenset[str]
) -> Fragment | LeftOut:
    """'his take: monorepos over polyrepos' -> 'your take on monorepos over polyrepos'."""
    reason = _left_out_reason(raw, text, common=False, names=names)
    if reason or _vague(text):
        return LeftOut(raw, reason or "too vague to use")
    if _is_clause(text.split()):
        # 'her take: platform teams should act like product teams'
        clause = second_person(lower_first(text))
        return Fragment(raw, Kind.view, f"your view that {clause}", clause, None)
    return Fragment(raw, Kind.view, f"your {head[1]} on {lower_first(text)}", None, None)


def _common_ground(raw: str, text: str) -> Fragment:
    clause = lower_first(text)
    if clause.casefold().startswith("both "):
        verb = clause.split()[1].casefold() if len(clause.split()) > 1 else ""
        clause = ("we " if verb in BOTH_VERBS or verb.endswith("ed") else "we're ") + clause
    elif clause.casefold().startswith("same "):
        clause = "we share the " + clause
    clause = cased_places(second_person(clause))
    return Fragment(raw, Kind.common_ground, None, clause, f"It was fun to find out {clause}.")


def _own(raw: str, text: str) -> Fragment:
    text = second_person(text)
    if text.casefold().startswith("me "):
        text = "my " + text[3:]
    clause = text if _is_clause(text.split()) else None
    noun = f"how {text}" if clause else text
    sentence = f"I appreciated the chance to talk about {noun}."
    return Fragment(raw, Kind.own, noun, clause, sentence)


def _view_verb(text: str) -> tuple[str, str, str] | None:
    """The verb of 'she said ...', what follows it, and the noun for it ('point')."""
    opener = _VIEW_OPENER.match(text)
    rest = text[opener.end() :] if opener else text
    for verb, label in VIEW_VERBS.items():
        if rest.casefold().startswith(verb + " ") or rest.casefold() == verb:
            return verb, rest[len(verb) :].strip(), label
    return None


about_re = re.compile(r"^(?:a lot\s+|lots\s+)?about\s+", re.IGNORECASE)


def _view(raw: str, text: str, start: int) -> Fragment | LeftOut:
    found = _view_verb(text)
    if found is None:
        return _statement(raw, second_person(text))
    verb, content, label = found
    content = re.sub(r"^that\s+", "", content, flags=re.IGNORECASE)
    content = second_person(content)
    if not content or _vague(content):
        return LeftOut(raw, "too vague to use")
    if label == "hope" and re.match(
        r"(?:someone|somebody|a person|people) (?:who|that)\b", content
    ):
        # 'wants someone who can explain PD models to the board': what the role needs, a
        # subject to talk about, never 'your hope that someone who ...'
        return Fragment(raw, Kind.subject, f"the need for {content}", None, None)
    wished = _WISHED.match(content) if label == "hope" else None
    if wished:
        # 'wants the next year to be about trust': a hope, said as one ('will be'), not a topic
        return Fragment(
            raw,
            Kind.view,
            f"your hope that {wished['what']} will {wished['rest']}",
            f"you want {content}",
            None,
        )
    if label == "hope" and content.casefold().startswith("to "):
        # 'wants to move sign-up off WhatsApp': a plan of theirs, not a subject
        return Fragment(raw, Kind.view, f"your plan {content}", f"you want {content}", None)
    if label == "hope" and _READY.search(content) and not _is_clause(content.split()):
        # 'wants the template live by March': the thing and the state it should be in
        return Fragment(raw, Kind.view, f"your plan to have {content}", f"you want {content}", None)
    if label == "hope" and not _is_clause(content.split()) and not about_re.match(content):
        # 'wants a text reminder pilot': what they want to do, not a thing discussed
        return Fragment(raw, Kind.view, f"your plan for {content}", None, None)
    about = about_re.match(content)
    named = is_reduced_relative(content.split())  # 'said the audit they did ...'
    # 'mentioned clients keep asking for AI': a clause, whatever the verb before it
    phrase = not _is_clause(content.split()) and sayable_noun(content)
    if about or named or (verb not in _CLAUSE_VERBS and phrase):
        return _topic(raw, content[about.end() :] if about else content)
    return Fragment(raw, Kind.view, f"your {label} that {content}", content, None)


def _topic(raw: str, text: str) -> Fragment | LeftOut:
    words = text.split()
    possessive = words[0].casefold() in ("her", "his", "their")
    if possessive and len(words) > 2 and words[1].casefold() in VIEW_NOUNS:
        return Fragment(raw, Kind.view, second_person(text), None, None)
    finite = any(w.casefold() in FINITE for w in words)
    missing = _NO_COPULA.match(text) if not finite else None
    if missing and missing["np"].split()[0] not in _DETERMINERS | set(WH_WORDS):
        plural = missing["np"].endswith("s") and not missing["np"].endswith("ss")
        text = f"the {missing['np']} {'are' if plural else 'is'} {missing['rest']}"
        words = text.split()
    if _is_clause(words) and not is_reduced_relative(words):
        return _statement(raw, second_person(text))
    if _WH_SUBJECT.match(text):
        # 'how she opened the shop after leaving publishing': a wh-clause with its own
        # subject and past verb, said whole ('how you opened ...'), never re-read as a noun
        noun = lower_first(second_person(text))
        return Fragment(raw, Kind.subject, noun, noun.split(" ", 1)[1], None)
    if words[0].casefold() in WH_WORDS and len(words) > 1 and words[1].casefold() != "to":
        repaired = _wh_phrase(words)
        if repaired is None:
            return LeftOut(raw, "can't be said well")
        text, words = repaired, repaired.split()
    kind = Kind.logistics if LOGISTICS.search(text) else Kind.subject
    # 'postmortems every fri': the practice is the subject, its slot in the week a detail
    text = _EVERY.sub("", text) or text
    noun = _noun(second_person(text))
    if kind == Kind.logistics and noun.split()[0].casefold() not in _DETERMINERS | {"the"}:
        noun = "the " + noun  # "notice period" -> "the notice period"
    clause = noun[4:] if noun.casefold().startswith("how ") else None
    return Fragment(raw, kind, noun, clause, None)


def _statement(raw: str, clause: str) -> Fragment:
    """A whole clause said without 'she said': a fact about the work or the process."""
    clause = lower_first(clause)
    if _BARE_HEAD.match(clause) or _BARE_SUBJECT.match(clause):
        clause = "the " + clause
    if LOGISTICS.search(clause):
        sentence = f"Thank you for letting me know that {clause}."
        return Fragment(raw, Kind.logistics, None, clause, sentence)
    work = _as_work(clause)
    if work is not None:
        return Fragment(raw, Kind.subject, work, None, None)
    # "how the team is six people" reads badly: a 'be' statement goes only after "that";
    # so does the reader's own story ('how you used to teach in Galway' invents a method)
    noun = None if _COPULA.match(clause) or _STORY.match(clause) else f"how {clause}"
    return Fragment(raw, Kind.view, noun, clause, None)


_STORY = lazy_compile(
    r"^you(?:['’]re| are| were| was)? (?:\w+ly )?(?:grew up|moved|lived|used to|studied|trained|"
    r"taught|worked|came|spent|from|originally|joined|started|left|went)\b",
    re.IGNORECASE,
)


def _noun(text: str) -> str:
    """A noun phrase for after 'about': a sentence capital dropped, 'the' before a bare
    'next round' or a bare job title ('with VP' -> 'with the VP')."""
    text = lower_first(text)
    if re.match(r"^(?:next|final|first|second|last)\b(?!-)", text, re.IGNORECASE):
        text = "the " + text
    words = text.split()
    for i in range(1, len(words)):
        if words[i].casefold() in ROLE_TITLES and words[i - 1].casefold() in ("with", "to", "from"):
            words[i] = f"the {words[i]}"
    return upper_first(" ".join(words)) if text[:1].isupper() else " ".join(words)


def is_usable(fragment: Fragment) -> bool:
    return any((fragment.noun, fragment.clause, fragment.sentence))
