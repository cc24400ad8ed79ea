"""Plain-text steps of the topic stage: split a topic into fragments, then normalise a
fragment's shorthand, symbols, casing and person."""

from __future__ import annotations

import re
from dataclasses import dataclass

from writer.lazy_re import lazy_compile
from writer.topics.places import PLACES, REGIONS, cased_many_word_places
from writer.topics.words import ABBREVIATIONS, FILLER, PROPER

# Where a jotted topic breaks into separate things said. A comma only breaks before a new
# subject ("onboarding takes weeks, he wants days"), so a list stays one fragment.
_BREAKS = lazy_compile(
    r"\s*(?:;|\s[-–—]\s|—|–|\s/\s|\n|(?<=[a-z0-9)])\.\s)\s*"
    r"|\s*,?\s+and also\s+|\s*,\s+(?:and|but|plus)\s+"
    r"|\s*,\s+(?=(?:she|he|they|we|i|both)\b)"
    # 'wants an app rn they use sheets': 'right now' jotted between two clauses
    r"|\s+(?:rn|atm)\s+(?=(?:she|he|they|we|you|everyone|it)\b)"
    # 'no-show rate ~22%, wants a text reminder pilot': the same speaker's own view
    r"|\s*,\s+(?=(?:wants|hopes|thinks|reckons|believes|plans)\s)"
    # '..., knows everything about the fare system': the same subject goes on to a new thing
    r"|\s*,\s+(?=knows (?:everything|a lot|loads|lots|all)\b)",
    re.IGNORECASE,
)
_BRACKETED = lazy_compile(r"\(([^()]*)\)?|\[([^\[\]]*)\]?")
_INVISIBLE = lazy_compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]"
)
_SLASHED = lazy_compile(r"(?<![\w/])(w/o|w/|b/c)(?=\s|\w|$)\s*", re.IGNORECASE)
_SYMBOL_AND = lazy_compile(r"\s+[&+]\s+")
_SYMBOL_OVER = lazy_compile(r"\s+>\s+")
# A word that is not part of a link, a path or an address.
_WORD = lazy_compile(r"(?<![\w/@.:'’-])[\w][\w'’]*(?![\w/@'’]|\.\w|:/)")
_GITHUB_ACTIONS = lazy_compile(r"\bgithub actions\b", re.IGNORECASE)
_REACT_NATIVE = lazy_compile(r"\breact native\b", re.IGNORECASE)
# Names a lower-case jotting shares with a common word, told apart by the word after them.
_EPIC = lazy_compile(r"\bepic(?= (?:go-live|ehr|emr|implementation|rollout)\b)")
# Go the language, where the word before or after shows it ('go services', 'Python to go').
_GO = lazy_compile(
    r"\bgo(?= (?:services|microservices|service|backend|code|modules?|binaries|rewrite)\b)"
    r"|(?<=\bPython to )go\b|(?<=\bJava to )go\b|(?<=\bRuby to )go\b|(?<=\bPHP to )go\b"
    r"|(?<=\bScala to )go\b|(?<=\bNode\.js to )go\b"
)
# The console, where the words around it show it ('shipping on switch', 'the switch port').
_SWITCH = lazy_compile(
    r"(?:(?<=\bon )|(?<=\bto )|(?<=\bfor ))switch\b(?= (?:next|this|in|by|and|later)\b|$)"
    r"|\bswitch(?= (?:port|version|release|build)\b)"
)
# 'about trust not features': a contrast, which a sentence marks with a comma.
_CONTRAST = lazy_compile(r"(?<=[a-z])(?P<before> \w+) not (?P<after>[a-z]+)$")
_NOT_A_CONTRAST = frozenset(
    "is are was were be been do does did can could should would will have has had may might "
    "must why if or and but just still yet definitely probably maybe also so too".split()
)


def _contrast(match: re.Match[str]) -> str:
    before = match["before"].strip().casefold()
    if before in _NOT_A_CONTRAST or before.endswith(("ly", "n't")):
        return match.group()
    return f"{match['before']}, not {match['after']}"


_WORD_APP = lazy_compile(r"\bword(?= (?:templates?|documents?|docs|macros?|add-ins?|files)\b)")
# A numeral after a name ('basel iii' -> 'Basel III', 'Windows xp' stays as written).
_NUMERAL = lazy_compile(r"\b([A-Z][\w-]*) (ii|iii|iv|vi)\b")
# 'our masters in Leeds': the degree, which a jotting writes without its apostrophe.
_MASTERS = lazy_compile(r"\b(my|our|her|his|their|your|a) masters\b", re.IGNORECASE)
# 'year 6 sats': a school year is named with a capital.
_SCHOOL_YEAR = lazy_compile(r"\byear (\d{1,2})\b(?= [a-zA-Z])")
# 'sats prep starts jan': when a piece of work starts is a date, not part of its name.
_WHEN_TAIL = lazy_compile(
    r"\s+(?:starts|begins|kicks off|ends|finishes|is due|due|lands)\s+(?:in\s+|from\s+)?"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|"
    r"next (?:week|month|term|year|quarter)|q[1-4])\.?$",
    re.IGNORECASE,
)
_SPACES = lazy_compile(r"\s{2,}")
_GLUE = lazy_compile(r"\s+([,.;:!?%])")
_FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll"})


@dataclass(frozen=True)
class Piece:
    """One fragment of a topic, as written, and whether it stood in brackets."""

    text: str
    bracketed: bool


# An acronym jotted after the words it stands for ('newly qualified nurses NQNs',
# 'continuous integration (CI)'): said once, in words.
_ACRONYM = lazy_compile(r"\s*\(?\b(?P<letters>[A-Z]{2,6})(?:s|'s)?\b\)?")


def _undoubled(topic: str) -> str:
    def drop(match: re.Match[str]) -> str:
        letters = match["letters"].casefold()
        before = re.findall(r"[^\W\d_][\w'-]*", topic[: match.start()])[-len(letters) :]
        if len(before) == len(letters) and "".join(w[0] for w in before).casefold() == letters:
            return ""
        return match.group()

    return _ACRONYM.sub(drop, topic) if any(c.isupper() for c in topic) else topic


def split_topic(topic: str) -> list[Piece]:
    """The fragments of one jotted topic: bracketed asides apart, then the rest split at
    semicolons, dashes, slashes, plus signs, ', and' and a comma before a new subject."""
    pieces: list[Piece] = []
    topic = _undoubled(topic)

    def aside(match: re.Match[str]) -> str:
        inner = (match.group(1) or match.group(2) or "").strip()
        if inner:
            pieces.append(Piece(inner, bracketed=True))
        return " ; "

    outside = _BRACKETED.sub(aside, topic)
    main: list[Piece] = []
    for part, joint in _parts(outside):
        if main and joint and "," in main[-1].text and len(part.split()) == 1:
            # 'terraform, argo, and datadog': the last item of a list, not a new fragment
            main[-1] = Piece(f"{main[-1].text}, and {part}", False)
        elif _has_words(part):
            main.append(Piece(part, False))
    return main + [p for p in pieces if _has_words(p.text) or p.text.strip("?! ") == ""]


def _parts(text: str) -> list[tuple[str, bool]]:
    """The fragments between breaks, each with whether ', and' came before it."""
    out: list[tuple[str, bool]] = []
    start, joint = 0, False
    for match in _BREAKS.finditer(text):
        out.append((text[start : match.start()], joint))
        start, joint = match.end(), match.group().strip(" ,").casefold() == "and"
    out.append((text[start:], joint))
    return out


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def normalise(text: str) -> str:
    """Shorthand spelled out, filler dropped, known names cased, 'i' made 'I', invisible
    characters and pictographs dropped, spaces and trailing punctuation tidied; everything
    else (links, code, punctuation inside) is left as written."""
    text = _INVISIBLE.sub("", text)
    text = _SLASHED.sub(lambda m: ABBREVIATIONS[m.group(1).casefold()] + " ", text)
    text = _SYMBOL_AND.sub(" and ", text)
    text = _SYMBOL_OVER.sub(" over ", text)
    text = _WORD.sub(_word, cased_many_word_places(text))
    text = _GITHUB_ACTIONS.sub("GitHub Actions", text)
    text = _REACT_NATIVE.sub("React Native", text)
    text = _MASTERS.sub(lambda m: f"{m.group(1)} master's", text)
    text = _EPIC.sub("Epic", text)
    text = _WORD_APP.sub("Word", text)
    text = _GO.sub("Go", text)
    text = _SWITCH.sub("Switch", text)
    text = _CONTRAST.sub(_contrast, text)
    text = _NUMERAL.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", text)
    text = _SCHOOL_YEAR.sub(r"Year \1", text)
    text = _WHEN_TAIL.sub("", text)
    text = _CITY_STATE.sub(_city_state, text) if " " in text else text
    text = _ESPECIALLY.sub(r"\g<which> \g<what>", text)
    text = _GLUE.sub(r"\1", _SPACES.sub(" ", text))
    return text.strip(" .,;:!?-–—").strip()


# 'retention, especially first-year': the one word narrows the thing ('first-year
# retention'); a list item after it would read as a second thing.
_ESPECIALLY = lazy_compile(
    r"^(?P<what>[a-z][\w-]*(?: [a-z][\w-]*)?),? (?:especially|esp\.?|particularly|mainly|"
    r"mostly) (?P<which>[a-z][\w-]*)$"
)
# 'Seattle Washington', 'Austin Texas': a city and its state or country, with its comma.
_CITY_STATE = lazy_compile(
    r"\b([A-Z][a-zé]+) ([A-Z][a-z]+)\b(?=\s*$|\s*[,.;)]|\s+(?:[a-z]+ly|in|for|and|but|since|"
    r"before|after|last|until|when|as|with|where|then)\b)"
)


def _city_state(match: re.Match[str]) -> str:
    city, region = match.group(1), match.group(2)
    if city.casefold() in PLACES and region.casefold() in REGIONS and city != region:
        return f"{city}, {region}"
    return match.group()


def _word(match: re.Match[str]) -> str:
    word = match.group()
    lowered = word.casefold()
    if lowered in FILLER and not (word.isupper() and len(word) > 1):
        return ""  # 'rn' is 'right now'; 'RN' is React Native or a nurse
    if lowered in ABBREVIATIONS:
        return ABBREVIATIONS[lowered]
    if lowered in PROPER and (word.islower() or lowered in _FIRST_PERSON):
        return PROPER[lowered]
    if lowered in PLACES and word.islower():
        return PLACES[lowered]
    return word


def lower_first(text: str) -> str:
    """'Migrating the jobs' -> 'migrating the jobs' when the capital only starts the jotting."""
    first, _, rest = text.partition(" ")
    if not first or first in PROPER.values() or first == "Epic" or not first[1:].islower():
        return text
    if first.casefold() in PLACES and PLACES[first.casefold()] == first:
        return text
    if first.casefold() in PROPER or re.match(r"(?:II|III|IV|VI)\b", rest):
        return text  # 'Solvency II': a name with its numeral
    if first == "Year" and re.match(r"\d", rest):
        return text  # 'Year 6 pupils': a school year
    return first[0].lower() + first[1:] + (f" {rest}" if rest else "")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


_SUBJECT = {"she": "you", "he": "you", "they": "you"}
_POSSESSIVE = {"his": "your", "their": "your", "theirs": "yours", "hers": "yours"}
_CONTRACTED = {
    **{f"{who}'s": "you're" for who in ("she", "he")},
    **{f"{who}'{end}": f"you'{end}" for who in ("she", "he", "they") for end in ("d", "ll")},
    "they're": "you're",
    "they've": "you've",
}
_AGREE = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
}
# Words after 'her' that show it is the object ("told her about"), not a possessive.
_AFTER_OBJECT = frozenset("about that to and or with for in on at from a an the".split())


# 'they' before one of these is the team, said as 'your team' with the verb agreed; before a
# past tense ('they did', 'they ran') likewise, the verb as it is.
_TEAM_VERB = {
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "aren't": "isn't",
    "haven't": "hasn't",
    "had": "had",
    "can": "can",
    "will": "will",
    "would": "would",
    "could": "could",
    "should": "should",
    "might": "might",
    "must": "must",
}
_CLAUSE_OPENERS = frozenset(
    "and but so that how said says because when if why what where as since then bc & - "
    "whether which who think thinks thought reckon reckons".split()
)
_PAST = re.compile(
    r"^(?:\w{2,}ed|did|ran|built|made|wrote|took|gave|set|put|got|began|chose|won|led|"
    r"brought|bought|sold|grew|threw|drew|spent|hired|shipped|moved)[,.;]?$",
    re.IGNORECASE,
)


def second_person(text: str) -> str:
    """The interviewer spoken to: she/he -> you, her/his/their -> your, verbs agreed; 'they'
    is the team when its verb shows it ('they did' -> 'your team did')."""
    words = text.split()
    out: list[str] = []
    agree_next = skip_next = False
    for i, word in enumerate(words):
        lowered = word.casefold()
        following = words[i + 1].casefold() if i + 1 < len(words) else ""
        # only after the noun it tells of ('the audit they did'): a 'they' that starts the
        # jotting or a clause ('they're moving off MySQL') is the reader's plan, 'you'
        after_noun = i > 0 and words[i - 1].casefold() not in _CLAUSE_OPENERS
        team = _TEAM_VERB.get(following) if lowered == "they" and after_noun else None
        if team is not None or (lowered == "they" and after_noun and _PAST.match(following)):
            # 'the audit they did with a charity' was the team's, not the reader's own:
            # 'the audit your team did' (a verb whose form needs no agreeing)
            out.append("your team")
            if team:
                out.append(team + words[i + 1][len(following) :])
                skip_next = True
            continue
        if skip_next:
            skip_next = False
            continue
        if lowered in _SUBJECT:
            out.append("you")
            agree_next = True
            continue
        if (
            lowered in ("they're", "they've")
            and i > 0
            and words[i - 1].casefold() not in _CLAUSE_OPENERS
        ):
            out.append("your team is" if lowered == "they're" else "your team has")
        elif lowered in _CONTRACTED:
            replaced = _CONTRACTED[lowered]
            out.append("you've" if following in ("been", "got", "had") else replaced)
        elif lowered in _POSSESSIVE:
            out.append(_POSSESSIVE[lowered])
        elif lowered == "her":
            out.append("you" if not following or following in _AFTER_OBJECT else "your")
        elif lowered == "him":  # 'them' is as often the things talked of ('cache them')
            out.append("you")
        elif lowered.rstrip(".,;!?") in ("herself", "himself"):
            out.append("yourself" + word[len(word.rstrip(".,;!?")) :])
        elif agree_next:
            out.append(_agree(word))
            agree_next = word.casefold() in ("always", "never", "often", "usually", "still")
            continue
        else:
            out.append(word)
        agree_next = False
    return _capital_i(" ".join(out))


def _agree(verb: str) -> str:
    """A third-person-singular verb made to go with 'you' ('thinks' -> 'think')."""
    lowered = verb.casefold()
    if lowered in _AGREE:
        return _AGREE[lowered]
    if lowered in ("always", "never", "often", "usually", "still", "also", "just"):
        return verb
    if lowered.endswith("ies") and len(lowered) > 4:
        return verb[:-3] + "y"
    if lowered.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return verb[:-2]
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")) and len(lowered) > 3:
        return verb[:-1]
    return verb


def _capital_i(text: str) -> str:
    return re.sub(r"\bi\b(?=(?:'|’|\s|$))", "I", text)
