"""What of the topic stage's output a composed message may say, in which words.

The stage sorts fragments by kind and renders them; this module is the composer's last
guard, and only a structural one: a rendering that still carries a jotting ("prob", "w/",
"->", "6hr") or a quotation is not sent, whatever its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from writer.notes import Interviewer
from writer.text import STOPWORDS
from writer.topics import Fragment, Kind, TopicSet, topics_for
from writer.topics.grammar import is_clause
from writer.topics.words import BARE_VERBS, FINITE, SINGULAR_VERBS

# Quotation marks in the jotting: someone's exact words, which a message would repeat
# verbatim or mangle. What a fragment may say is otherwise the topic stage's call (its
# left-out classes in writer/topics/words.py); this guard is only structural.
_QUOTED = re.compile(r"[\"“”]")
# In the words a message would carry: a jotting, not a sentence.
_JOTTED = re.compile(
    r"(?<![\w'])(?:lol|tbh|rn|r|u|ppl|prob|probs|def|pkg|mgmt|exp|v|bc|b/c|ugh|oops|idk|imo|"
    r"btw|yrs?|wks?|pls|thx|tho|gonna|wanna|kinda|re)(?![\w'])"
    r"|w/|->|=>|\+|!|\?|\d+:\d+|\d+\s?(?:hr|hrs|h|k|x|min|mins)\b",
    re.IGNORECASE,
)
# (a noun that only ends like a past verb, 'bed flow', 'seed funding', is not one)
_PAST_START = re.compile(
    r"^(?!(?:bed|need|seed|feed|speed|shed|red|breed|weed|creed|steed)\b)"
    r"(?:\w+ed|sent|took|made|got|had|did|gave|sat|the took)\b",
    re.I,
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|can|could|would|might|may|does|do|did)\b"
    r"|['’](?:s|re|ve|ll|d)\b|^(?:you|we|they)\b|\b\w{3,}(?:s|ed)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"^(?:you|we|they|i|he|she|it)\b|['’](?:s|re|ve|ll|d)\b"
    r"|\b(?:is|are|was|were|has|have|had|will|can|could|would|does|do|did)\b",
    re.IGNORECASE,
)
# 'decides what', 'works with': a verb with its object, so the words after 'how' are a clause
_FINITE = re.compile(
    r"\b\w{3,}(?:s|ed)\s+(?:what|how|which|who|where|when|whether|the|a|an|to|that|on|"
    r"with|about|into|our|your|their|its)\b"
    # a plural subject's bare verb: 'how chaplaincy and pharmacy work together'
    r"|\b(?:work|run|fit|handle|share|use|plan|decide|manage|deal|hire|train|split|rotate|"
    r"support|coordinate|collaborate|communicate|measure|ship|deploy|test)\s+(?:together|with|"
    r"on|across|between|the|a|an|their|our|each|it|them)\b",
    re.IGNORECASE,
)
_HOW_THE = re.compile(
    r"^how (?=(?:the|a|an|your|our) )|^the (?=(?:where|how|what|why|when|whether) )", re.I
)


_DETERMINERS = frozenset(
    "a an the this that these those our your their my his her how why what".split()
)
# 'where the platform team should be': a clause led by a wh-word takes no article.
_WH = frozenset("where when why whether what who which whose".split())
_PREPOSITIONS = frozenset("in on at of for with from to across between versus vs by over".split())
_JOINS = frozenset("and or how that which who where".split())


_THING_NOUNS = frozenset(
    "club plan strategy layer system pipeline platform service model team process policy "
    "framework tool engine budget rota scheme programme program project committee group "
    "module library app dashboard contract report review session campaign event".split()
)


def _article(noun: str) -> str:
    """'the pro bono clinic on Thursdays' for 'pro bono clinic on Thursdays': a singular
    lower-case noun phrase reads as notes without its article."""
    words = noun.split()
    first = words[0]
    if len(words) == 1:
        return noun  # 'fieldwork', 'retention': a subject named by one word takes none
    # the head noun ends before a preposition or a joined phrase ('vector tiles and how
    # you cache them'): a plural head is a kind of thing and takes no article
    head = next((i for i, w in enumerate(words) if w in _PREPOSITIONS or w in _JOINS), len(words))
    if head >= 3 and words[head - 1].endswith("ing") and words[head - 2] in _THING_NOUNS:
        head -= 1  # 'the stress testing framework moving to Python': its head is 'framework'
    # 'the Epic go-live', 'the Kafka migration': a name used as a modifier takes one too
    named = first[:1].isupper() and head >= 2 and words[1].islower()
    # 'the Year 6 SATs prep', 'the Phase 2 rollout': a name with its number, as a modifier
    named = named or (first[:1].isupper() and head >= 3 and words[1].isdigit())
    wh = first.casefold() in _WH
    # 'computing club after school': an -ing word before a noun that names a thing is a
    # modifier, not a gerund ('migrating search to X' stays as it is)
    compound = first.endswith("ing") and len(words) > 1 and words[1].casefold() in _THING_NOUNS
    gerund = first.endswith("ing") and not compound
    if not (first.islower() or named) or first in _DETERMINERS or wh or gerund:
        return noun
    # 'driver retention': a mass noun; 'the Python migration': a name before it needs one
    mass = not named and words[head - 1].endswith(
        ("tion", "ment", "ance", "ence", "ness", "ardship", "ership")
    )
    if head == 0 or mass or words[head - 1].endswith(("s", "ing")):
        return noun
    if first in ("I", "I'm", "I've"):
        return noun  # 'legacy giving', 'capacity planning': no article before a gerund
    return f"the {noun}"


@dataclass(frozen=True)
class Said:
    """A fragment the message may carry, with the one rendering it will use."""

    fragment: Fragment
    noun: str | None
    clause: str | None

    @property
    def kind(self) -> Kind:
        return self.fragment.kind


@dataclass(frozen=True)
class Picked:
    """One interviewer's sayable fragments, by use, and notices for the rest."""

    heard: list[Said]  # subjects and views: the specific sentence
    common: list[Said]
    own: list[Said]
    upcoming: list[Said]  # steps still to come, for the close
    process: list[Said]  # the hiring process: said only when nothing else is
    notices: tuple[str, ...]
    # what the interviewer did for the candidate ('booking the car from the station'),
    # thanked for when there is no subject to talk about
    favours: tuple[str, ...] = ()

    @property
    def anything(self) -> bool:
        return bool(self.heard or self.common or self.own or self.process or self.favours)


_SPELLED = {
    "calcs": "calculations",
    "appts": "appointments",
    "reqs": "requirements",
    "mgmt": "management",
    "ppl": "people",
    "dept": "department",
    "govt": "government",
    "xmas": "Christmas",
    "approx": "about",
    "jan": "January",
    "feb": "February",
    "aug": "August",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_SHORTHAND = re.compile(r"\b(?:" + "|".join(_SPELLED) + r")\b", re.IGNORECASE)


_CONTRAST = re.compile(r"^(?:not|rather than|instead of|never)\s", re.IGNORECASE)


def _head(text: str | None) -> str | None:
    """The words a frame can carry. 'the move to Flink, he wants it by June' keeps its
    head (three words or more stand alone, the tail is an aside); a shorter head is a list
    ('GraphQL federation, migrating the pipeline to Kafka'), said whole with 'and', less
    any part that is still a jotting."""
    if text is None:
        return None
    text = _SHORTHAND.sub(lambda m: _SPELLED[m.group().casefold()], text)
    text = re.sub(r"~\s*(?=\d)", "about ", text)
    parts = [p.strip(" .;:") for p in text.split(", ") if p.strip(" .;:")]
    if not parts:
        return None
    # 'fail on data quality, not maths': a contrast is the point, not an aside
    joined: list[str] = []
    for part in parts:
        if joined and _CONTRAST.match(part):
            joined[-1] += f", {part}"
        else:
            joined.append(part)
    parts = joined
    if len(parts) > 1 and len(parts[0].split()) >= 3:
        parts = parts[:1]
    elif len(parts) > 1 and parts[0].split()[-1].casefold().endswith("ed"):
        return None  # 'event sourced, Kafka and Postgres': details, not a subject
    elif any(_CLAUSE.search(p) for p in parts[1:]):
        # A clause after a short head is a remark on it ('200 volunteers, rota is a group
        # chat'), not an item of a list: the head alone is too short to stand.
        return None
    kept = [p for p in parts if not _JOTTED.search(p)]
    if len(parts) > 1 and len(kept) == 1 and len(kept[0].split()) < 3:
        return None  # a short head whose remark was a jotting: too little to stand alone
    text = _listed(kept)
    if len(text.split()) < 2 and not _one_word_subject(text):
        return None
    return text


def _one_word_subject(text: str) -> bool:
    """'fieldwork', 'retention', 'KS3': one word that names a subject on its own (not a
    verb, a small word or a jotting)."""
    word = text.strip()
    if not word.isalpha() and not re.fullmatch(r"[A-Z0-9]{2,6}", word):
        return False
    lowered = word.casefold()
    common = lowered in STOPWORDS or lowered in FINITE or lowered in BARE_VERBS
    return len(word) >= 4 and not common and not lowered.endswith("ed")


def _listed(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    parts = _gerunds(parts)
    if " and " in parts[-1]:
        return ", ".join(parts)  # 'scoping, staffing and pricing engagements': joined already
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _gerunds(parts: list[str]) -> list[str]:
    """'hire, train and retain nurses': a list of jotted verbs, said as what is done
    ('hiring, training and retaining nurses'), never as things ('the hire')."""
    words = [w for p in parts for w in p.replace(" and ", " , ").split(" , ")]
    firsts = [w.split()[0].casefold() for w in words if w.split()]
    verbs = sum(f in _LIST_VERBS for f in firsts)
    if verbs < 2 or verbs < len(firsts) - 1 or any(f.endswith("ing") for f in firsts):
        return parts
    return [_ing_each(p) for p in parts]


def _ing_each(part: str) -> str:
    pieces = part.split(" and ")
    out = []
    for piece in pieces:
        first, _, rest = piece.partition(" ")
        verb = first.casefold() in _LIST_VERBS
        out.append(_ing(first) + (f" {rest}" if rest else "") if verb else piece)
    return " and ".join(out)


def _ing(verb: str) -> str:
    lowered = verb.casefold()
    if lowered.endswith("e") and not lowered.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    short = len(lowered) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lowered)
    return verb + (verb[-1] if short else "") + "ing"


# Verbs a jotted list of duties starts its items with.
_LIST_VERBS = frozenset(
    """hire train retain recruit onboard scope staff price plan run build test ship deploy
    design write pitch present review manage lead mentor coach teach assess mark support
    fix debug launch measure analyse analyze model forecast budget sell negotiate source
    triage monitor maintain migrate refactor document hire audit report""".split()
)


# 'the team iterates fast': a collective noun and its verb, whatever the verb.
_COLLECTIVE_VERB = re.compile(
    r"^the (?:team|company|firm|school|trust|business|studio|department) [a-z]{3,}s\b"
)


def _led_by_how(rest: str) -> bool:
    """'the billing and support teams split triage' has a verb for 'how' to lead: a plain
    verb after a plural, or any finite verb past the first word."""
    lowered = [w.casefold() for w in rest.split()]
    if is_clause(rest.split()) or _COLLECTIVE_VERB.match(rest):
        return True
    for before, word in pairwise(lowered[1:]):
        if word in FINITE or word in SINGULAR_VERBS:
            return True
        if word in BARE_VERBS and before.endswith("s") and not before.endswith("ss"):
            return True
    return False


def _verbish(text: str) -> bool:
    """A verb for 'how' or 'that' to lead: the stage's clause test, or a word that reads as
    one ('is', 'you're', 'ships'); 'delivery vans' alone is not."""
    return is_clause(text.split()) or bool(_VERBISH.search(text))


def _say(fragment: Fragment) -> Said | None:
    if _QUOTED.search(fragment.text):
        return None
    noun = _head(fragment.noun)
    clause = _head(fragment.clause)
    if noun and _PAST_START.match(noun):
        noun = None
    if noun:
        # 'how the teams share a backlog' keeps its 'how'; 'how the Rust work' does not
        rest = _HOW_THE.sub("", noun)
        led = _led_by_how(rest) or bool(_CLAUSE.search(rest) or _FINITE.search(rest))
        if rest != noun and not (noun.casefold().startswith("how ") and led):
            noun = rest
        noun = _article(noun)
        if noun.casefold().startswith("how ") and not _verbish(noun[4:]):
            # 'how Rust in the firmware team': no verb for 'how' to lead, so the rest is
            # the thing talked about; dropping it would leave the message with no topic.
            rest = noun[4:]
            noun = _article(rest) if len(rest.split()) >= 2 else None
    if noun and _COLLECTIVE_VERB.match(noun) and not _has_verb(noun):
        # 'the team rotates shift leads': a clause the stage took for a noun phrase
        noun = f"how {noun}"
    if noun and (cut := _CUT_VIEW.match(noun)) and not _has_verb(cut["rest"]):
        # 'your view that stress testing': a candid view said only as its subject; the
        # frame around 'your view that' would promise a view the words no longer give
        rest = cut["rest"]
        noun = _article(rest) if len(rest.split()) >= 2 else None
        if noun is None:
            return None
    if clause and not _verbish(clause):
        clause = None
    if _VERDICT_ON_MINE.search(fragment.text):
        return None
    if _points_back(noun) or _points_back(clause):
        # 'he ran it for 5 years', 'I did my placement there': the stage found nothing in
        # the topic for the word to name, and on its own the reader cannot tell what it is
        return None
    if clause and fragment.kind != Kind.common_ground:
        clause = _clause_articles(clause)
    noun = _PART_OF.sub(lambda m: m[1] + _article(m[2]), noun) if noun else None
    if noun and noun.startswith("how "):
        noun = "how " + _clause_articles(noun[4:])
    if fragment.kind == Kind.common_ground and clause is None:
        return None
    if noun is None and clause is None:
        noun = _gerund(fragment)
    if noun is None and clause is None:
        return None
    return Said(fragment, noun, clause)


# A word pointing outside the fragment; not the 'there' of 'there is' nor a dummy 'it'.
_POINTS_BACK = re.compile(
    r"(?<!^)\b(?:it|them)\b(?!['’]s| is| was)|(?<!^)\bthere\b(?! (?:is|are|was|were)\b)"
    r"|^(?:it|there) (?:was|were|has|had)\b"
    r"|^the (?!(?:bed|need|seed|feed|speed|shed|red|breed|weed)\b)"
    r"(?:\w+ed|wrote|built|ran|did|made)\b",
    re.IGNORECASE,
)


def _points_back(text: str | None) -> bool:
    """A pointing word with too little before it to name ('you built it from scratch'); in
    'vector tiles and how the team caches them' the fragment names it itself."""
    found = _POINTS_BACK.search(text or "")
    return found is not None and len(text[: found.start()].split()) <= 4  # type: ignore[index]


# 'most of billing service': the noun after a part word lacks its article too
_PART_OF = re.compile(r"\b((?:most|part|all|some|half|much) of )([a-z][a-z-]+ [a-z][\w-]*)")


# 'rate strategy reviewed weekly by the team': a passive jotted without its 'is'
_NO_IS = re.compile(
    r"^(?!(?:we|you|they|he|she|i|it|both|all|the|a|an|our|your|their|my|his|her|this|that)\b)"
    r"(?P<np>[a-z]+(?<!s)(?: [a-z]+(?<!s))?) (?P<done>\w{3,}ed) "
    r"(?=(?:weekly|daily|monthly|yearly|every|each|by|in|at|on|centrally)\b)"
)


def _clause_articles(clause: str) -> str:
    """'the maths scheme is changing' for 'maths scheme is changing': a bare singular
    subject before its verb reads as notes; so does one after 'most of'."""
    clause = _NO_IS.sub(lambda m: f"{m['np']} is {m['done']} ", clause)
    words = clause.split()
    verb = next((i for i, w in enumerate(words) if w.casefold() in _SUBJECT_VERBS), 0)
    # 'the KS3 curriculum', 'the NHS trust': a code or initials before a bare noun
    coded = bool(re.fullmatch(r"[A-Z0-9]{2,}", words[0])) and verb >= 2
    if verb == 1 and _SYSTEM_IS.match(clause):
        return "the " + clause  # 'the CRM is Salesforce': a system named by what it is
    if verb and (coded or words[0].islower()) and all(w.islower() for w in words[1:verb]):
        subject = " ".join(words[:verb])
        clause = " ".join([_article(subject), *words[verb:]])
    elif len(words) >= 4 and words[0].casefold() in _PERSONS and _object_verb(words[1]):
        # 'you rewrote the payments queue', 'you own the component library'
        end = next((i for i, w in enumerate(words) if i >= 2 and w in _OBJECT_END), len(words))
        thing = words[2:end]
        bare = len(thing) >= 2 and all(w.isalpha() and w.islower() for w in thing)
        if bare and not thing[0].endswith(("ed", "ing", "ly")) and thing[0] not in _NOT_NOUNS:
            clause = " ".join([*words[:2], _article(" ".join(thing)), *words[end:]])
    return _PART_OF.sub(lambda m: m[1] + _article(m[2]), clause)


_IRREGULAR = frozenset("wrote rewrote own drew chose broke maintain keep kept".split())
# The reader's verdict on the candidate's own work ('he said my SQL was solid', 'they
# loved my redesign'): news only to the candidate, so about how they did, not a topic
_VERDICT_ON_MINE = re.compile(
    r"\b(?:said|thought|felt|reckoned|loved|liked|enjoyed|praised|rated)\b.*\bmy\b", re.I
)
_SYSTEM_IS = re.compile(r"^[A-Z]{2,5} (?:is|was) [A-Z]\w")
_NOT_NOUNS = _DETERMINERS | frozenset("it them us me him everything all things".split())
_PERSONS = frozenset("you we they he she i".split())
_OBJECT_END = _PREPOSITIONS | _JOINS | frozenset("last next every each this now too".split())


def _object_verb(word: str) -> bool:
    """A verb taking an object: 'rewrote', 'rebuilt' as well as 'wrote', 'built'."""
    word = word.removeprefix("re") if word.startswith("re") and len(word) > 5 else word
    return (
        word in _IRREGULAR
        or word in BARE_VERBS
        or word in FINITE - {"is", "was", "are", "were"}
        or (word.endswith(("ed", "es")) and word.isalpha())
    )


_SUBJECT_VERBS = frozenset(
    "is was are were has had does did will can could should may might "
    "opens starts changes moves needs runs".split()
)


def _has_verb(text: str) -> bool:
    """A verb the stage can vouch for ('is', 'they rebuilt', 'ships the'); not a plural
    noun that only looks like one ('stress testing')."""
    return is_clause(text.split()) or bool(_CLAUSE.search(text) or _FINITE.search(text))


_CUT_VIEW = re.compile(
    r"^(?:your|their|his|her|the) (?:view|point|take|sense|belief|feeling|argument) that "
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)


def _gerund(fragment: Fragment) -> str | None:
    """'migrating the pipeline to Kafka which led to ...': a clause led by a gerund is
    still a subject to talk about, up to its relative tail; kept rather than lost."""
    text = _head(fragment.clause or fragment.noun)
    if text is None or fragment.kind == Kind.common_ground:
        return None
    text = re.sub(r"^how\s+", "", text, flags=re.IGNORECASE)
    head = re.split(r"\s+(?:which|that|who|where)\s", text, maxsplit=1)[0]
    first = head.split()[0] if head.split() else ""
    # 'Rust in the firmware team which led to ...': the head before a relative is the subject
    named = head != text and not _CLAUSE.search(head)
    if not (first.casefold().endswith("ing") or named) or len(head.split()) < 2:
        return None
    return head


def pick_topics(person: Interviewer) -> Picked:
    """Run the topic stage for `person` and keep what a message can say well."""
    found: TopicSet = topics_for(person)
    notices = list(found.notices())
    said: list[Said] = []
    favours: list[str] = []
    for fragment in found.usable:
        thanked = _FAVOUR.match(fragment.sentence or "")
        if fragment.kind == Kind.logistics and thanked:
            favours.append(thanked["what"])
            continue
        item = _say(fragment)
        if item is None:
            notices.append(f"not used: '{fragment.text}' (can't be said well)")
        else:
            said.append(item)
    heard = [s for s in said if s.kind in (Kind.subject, Kind.view)]
    common = [s for s in said if s.kind == Kind.common_ground]
    own = [s for s in said if s.kind == Kind.own and s.noun]
    upcoming = [
        s
        for s in said
        if s.kind == Kind.logistics
        and s.noun
        and re.match(r"^the (?:next|final|second|third|onsite)\b", s.noun, re.I)
    ]
    process = [
        s for s in said if s.kind == Kind.logistics and (s.noun or s.clause) and s not in upcoming
    ]
    if not (heard or common or own or process or favours):
        notices.append(
            f"add a topic you talked about with {person.first_name}, so the message can mention it"
        )
    return Picked(heard, common, own, upcoming, process, tuple(notices), tuple(favours))


# The topic stage's rendering of a favour: 'Thank you for booking the car.'
_FAVOUR = re.compile(r"^Thank you for (?P<what>.+)\.$")
