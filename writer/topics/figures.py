"""Figures, problems and place names in a jotting: what a reader would take as a list of
facts read back, as good news about their own trouble, or as a name left in lower case.

A fragment whose point is a number ('the ledger team is 3 engineers', 'scores up 12%') is a
detail, not a conversation to recall: it is left out, or said only as the work it names
('since the new phonics scheme' -> 'the new phonics scheme'). A problem the organisation
has ('the rota is still on spreadsheets') is never recalled as something the candidate was
glad to hear. A place in a shared background ('we both lived in berlin') is a name.
"""

from __future__ import annotations

import re

from writer.lazy_re import lazy_compile
from writer.text import STOPWORDS

# A quantity: a share, a size with its unit, an approximate figure, a money-like 'k'.
_MEASURE = lazy_compile(
    r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b)|~\s?\d|\b\d+(?:\.\d+)?\s?(?:k|m|bn|mb|gb|tb|kb|ms|"
    r"fps|x|hrs?|h|mins?|wks?|yrs?)\b"
    # a ratio: 'on-call 1 week in 6', '1 in 5 patients'
    r"|\b\d+\s+(?:[a-z]+\s+)?(?:in|out of|per)\s+\d+\b",
    re.IGNORECASE,
)
# A count of things: '3 engineers', '6 seats'. The word before tells a name ('Year 6
# pupils', 'IFRS 9 models') from a count.
_NUMBER = lazy_compile(r"(?<![\w.,:/-])(?P<n>\d+)(?![\w.,:/%-])(?:\s+(?P<noun>[a-z][\w-]*))?")
_NAMED_NUMBER = lazy_compile(
    r"(?i:year|grade|level|phase|tier|stage|round|version|v|key stage|ks|section|article|"
    r"chapter|room|ward|floor|building|gate|platform|route|line|unit|band|step)$|^[A-Z][\w-]*$"
)
# Before a count, words that make the count the point of the sentence ('is 3 engineers',
# 'a team of 5', 'sit in 4 seats'): a fact read back, not a subject.
_COUNT_IS_POINT = lazy_compile(
    r"(?:\b(?:is|are|was|were|be|been|of|has|have|had|do|does|did|sit|sits|take|takes|hire|"
    r"hires|employ|employs|about|around|roughly|only|just|like|approximately|over|under|"
    r"nearly|almost)|[~=:])\s*$",
    re.IGNORECASE,
)
_DIGIT = lazy_compile(r"\d")
_SMALL = "zero one two three four five six seven eight nine ten eleven twelve".split()
# 'scores up 12% since the new phonics scheme': the work the figure is about.
_CAUSE = lazy_compile(
    r"\b(?:since|after|thanks to|because of|following|with|from)\s+(?P<np>(?:the|a|an|their|"
    r"our|your|her|his)\s+[\w'’-]+(?:\s[\w'’-]+){1,5})$",
    re.IGNORECASE,
)


def figure(text: str) -> str | None:
    """`text` with its small numbers said in words, or None when a figure is its point
    (then the fragment is a detail, not a topic). A figure in a tail after a comma drops
    only the tail ('ship fast culture, deploys like 20x a day')."""
    if _DIGIT.search(text) is None:
        return text
    head, *tails = text.split(", ")
    said = _figure(head)
    if said is None:
        return None
    kept = [t for t in (_figure(tail) for tail in tails) if t is not None]
    if len(kept) < len(tails) and len(head.split()) < 3:
        return None  # 'design team, sat in for 20 min': the head alone says too little
    return ", ".join([said, *kept])


def _figure(text: str) -> str | None:
    if _MEASURE.search(text):
        return None
    numbers = [m for m in _NUMBER.finditer(text) if not _names_it(text, m)]
    counts = [m for m in numbers if _plural(m["noun"] or "")]
    if len(counts) > 1 or any(_COUNT_IS_POINT.search(text[: m.start()]) for m in counts):
        return None  # 'trainees do 6 seats over 2 years': facts, not a subject
    if any(int(m["n"]) >= len(_SMALL) for m in counts):
        return None  # '300 models': a fact to read back
    for match in reversed([m for m in numbers if int(m["n"]) < len(_SMALL)]):
        # 'across 3 markets', '1 at a time': said as a sentence says them
        text = f"{text[: match.start()]}{_SMALL[int(match['n'])]}{text[match.end('n') :]}"
    return text


_TAKES = lazy_compile(
    r"^(?P<np>(?!(?:it|this|that|she|he|they|we|i)\b)[a-z][\w -]{3,60}?)\s+takes\s+"
    r"(?:about |around |roughly |over |up to |~\s?)?\d+\s?[a-z]+$",
    re.IGNORECASE,
)


def how_long(text: str) -> str | None:
    """'member onboarding takes 3 wks' -> 'how long member onboarding takes': the figure
    is a detail, how long a piece of work takes is a subject."""
    if " takes " not in text:
        return None
    match = _TAKES.match(text.split(", ")[0])
    return f"how long {match['np']} takes" if match else None


def _plural(noun: str) -> bool:
    return noun.endswith("s") or noun.casefold() in ("people", "staff", "children", "folk")


def _names_it(text: str, match: re.Match[str]) -> bool:
    """'Year 6 pupils', 'IFRS 9 models', 'Q2': the number is part of a name."""
    before = text[: match.start()].rstrip()
    return bool(before) and bool(_NAMED_NUMBER.search(before.split()[-1]))


def work_behind(text: str) -> str | None:
    """The work a figure is about, when the jotting names it ('since the new phonics
    scheme' -> 'the new phonics scheme'), or None."""
    match = _CAUSE.search(text)
    if match is None or not _MEASURE.search(text[: match.start()]):
        return None
    words = match["np"].split()
    content = [w for w in words[1:] if w.casefold() not in STOPWORDS]
    if len(content) < 2 or _MEASURE.search(match["np"]) or _NUMBER.search(match["np"]):
        return None
    return " ".join(["the", *words[1:]]) if words[0].casefold() in ("a", "an") else match["np"]


# A trouble of the organisation's own, stated as a fact: said back, it reads as news the
# candidate was glad of ('I was glad to hear that night handovers are verbal only').
_PROBLEM = lazy_compile(
    r"\bstill (?:\w+ )?(?:(?:on|in|using|uses|use|done on|done in|done by|run on|run in|kept on|"
    r"kept in|all on|all in)\s+)?(?:a |the )?(?:paper|spreadsheets?|excel|email|fax|"
    r"whiteboards?|post-?its?|pen and paper|clipboards?|paper forms?|printouts?|binders?|"
    r"(?:a )?shared drive|google sheets|word docs?)\b"
    r"|\b(?:verbal|manual|paper)(?:ly)? only\b|\bonly (?:verbal|manual|on paper)\b|\bby hand\b"
    r"|\b(?:no-?shows?|churn|downtime|outages?|crunch|overtime|long hours)\b(?! (?:model|"
    r"prediction|predictions|forecast|forecasting|analysis|dashboard|pipeline|alert|alerts|"
    r"alerting|reduction|project|work|tool|pilot|programme|program|tracking|report|reports|"
    r"rate model|risk))"
    r"|\bvacanc(?:y|ies)\b|\bwait(?:ing)? (?:times?|lists?)\b"
    r"|\b(?:high|rising|growing) (?:turnover|attrition|sickness|absence|costs?|workload)\b"
    r"|\b(?:is|are|was|were) (?:\w+ )?(?:normal|the norm|expected) (?:here|there)?\b"
    r"|\b(?:is|are|was|were) (?:from|older than) (?:19|20)\d\d\b"
    # 'they use google sheets', 'we do it all on paper': the tool they want to leave
    r"|\b(?:they|we|you|everyone) (?:\w+ )?(?:use|uses|run on|runs on|rely on|relies on|"
    r"do (?:it|everything|it all) (?:on|in|by)) (?:a |the )?(?:paper|spreadsheets?|excel|"
    r"google sheets|whatsapp|email|post-?its?|fax)\b",
)


# Words before a trouble that make it the work's object ('replays events after an outage',
# 'reducing no-shows'), not a trouble the organisation is said to have.
_HANDLED = frozenset(
    "after during from of on for against handle handles handling prevent preventing reduce "
    "reducing cut cutting predict predicting tackle tackling fix fixing lower lowering avoid "
    "avoiding fewer less".split()
)


# Every trouble above has one of these in it: a cheap test before the pattern's.
_TROUBLE_KEYS = (
    *("still", "only", "by hand", "show", "churn", "downtime", "outage", "crunch", "overtime"),
    *("long hours", "vacanc", "wait", "turnover", "attrition", "sickness", "absence", "cost"),
    *("workload", "normal", "norm", "expected", "from 19", "from 20", "older than"),
    *("paper", "sheets", "spreadsheet", "excel", "whatsapp", "email", "fax", "post"),
)


def is_problem(text: str) -> bool:
    """Whether the fragment states a trouble the organisation has."""
    lowered = text.casefold()
    if not any(key in lowered for key in _TROUBLE_KEYS):
        return False
    for match in _PROBLEM.finditer(lowered):
        before = {w.casefold() for w in text[: match.start()].split()[-2:]}
        if not before & _HANDLED:
            return True
    return False


# What a stated problem is about: the words before its predicate ('night shift handover'
# of 'night shift handover still on paper').
_TROUBLED = lazy_compile(
    r"^(?:the\s+)?(?P<np>[a-z][\w-]*(?:\s[a-z][\w-]*){0,4}?)\s+(?:is\s+|are\s+|was\s+|were\s+)?"
    r"(?:still|only|all|mostly|largely|done|kept|run|verbal|manual|paper|from|older)\b",
    re.IGNORECASE,
)


def troubled_subject(text: str, least_words: int = 2) -> str | None:
    """The piece of work a stated problem is about, to be named without the problem
    ('the night shift handover'), or None when the subject is itself the trouble."""
    match = _TROUBLED.match(text)
    if match is None or _PROBLEM.search(match["np"]):
        return None
    words = match["np"].split()
    if words[0].casefold() in STOPWORDS or len(words) < least_words:
        return None  # 'the rota': too little to say without the problem
    return f"the {match['np']}"


# 'ship fast culture', 'ship it fast mentality': a verb phrase jotted as a modifier.
_MOTTO = lazy_compile(
    r"^(?:the\s+|a\s+)?(?P<verb>ship|move|build|deploy|release|iterate|fail|learn|test)(?:\s+it)?"
    r"\s+(?P<how>fast|quickly|early|often|small|in small batches)\s+"
    r"(?:culture|mentality|mindset|ethos|approach|attitude|philosophy)$",
    re.IGNORECASE,
)


def motto(text: str) -> str | None:
    """'ship fast culture' -> 'how the team ships fast'."""
    if not any(f" {how} " in text for how in ("fast", "quickly", "early", "often", "small")):
        return None
    match = _MOTTO.match(text.split(", ")[0])
    if match is None:
        return None
    verb = match["verb"].casefold()
    return f"how the team {verb}{'es' if verb.endswith('sh') else 's'} {match['how']}"


# Words after 'in' / 'at' in a shared background that are not names: a sector, a kind of
# place, the same time.
_NOT_A_NAME = frozenset(
    """fintech tech retail consulting finance banking healthcare insurance startups start-ups
    academia research engineering marketing sales education teaching government policy law
    media journalism publishing hospitality logistics manufacturing operations ops product
    design data science analytics software hardware gaming games pharma biotech energy the a
    an same different our my their your his her school schools university universities uni
    college colleges hospital hospitals nursing medicine army navy industry sport sports
    music theatre film art arts london-ish town city country abroad uk us usa eu the""".split()
)
# Short words of a place's name that are not acronyms ('New York', 'St Andrews').
_PARTICLES = frozenset(
    "of de la le el del da do dos das di du von van der den upon on new san los las st rio "
    "sao são old fort port mount bay".split()
)
# Words that end a place's name ('in cork originally', 'in boston last year'): a time, an
# adverb or a joining word, never a further word of the name.
_AFTER_PLACE = (
    r"for|in|at|during|around|back|together|too|as|when|while|and|but|with|until|since|before|"
    r"after|originally|last|next|this|that|these|ago|once|now|then|still|also|both|recently|"
    r"briefly|early|late|years?|months?|weeks?|days?|yrs?|summer|winter|spring|autumn|fall|"
    r"yesterday|today|who|which|where|is|was|were|are|the|a|an|by|so|lol|haha|\w+ing"
)
_PLACE = lazy_compile(
    rf"\b(?P<prep>in|at|from|near|to)\s+(?P<name>[a-zA-Z][\w'’.-]*(?:\s(?!(?:{_AFTER_PLACE})\b)"
    rf"[a-zA-Z][\w'’.-]*){{0,3}})(?=\s+(?:{_AFTER_PLACE})\b|[,.;]|$)",
    re.IGNORECASE,
)


def cased_places(clause: str) -> str:
    """'we both lived in berlin for a few years' -> '... in Berlin ...': in a shared
    background a lower-case word after 'in' or 'at' is a place, a school or a firm."""
    return _PLACE.sub(_case_place, clause)


# 'a big bank in toronto', 'two clinics in ohio': after a kind of site, 'in' names where.
_SITE_IN = lazy_compile(
    r"\b(?:banks?|offices?|clinics?|hospitals?|schools?|sites?|warehouses?|studios?|branch|"
    r"branches|hq|headquarters|campus|campuses|labs?|plants?|factory|factories|stores?|shops?|"
    r"depots?|hubs?|centres?|centers?|universit(?:y|ies)|team|teams|pilot|trial)\s+"
    r"(?=(?:in|at|near)\s)",
    re.IGNORECASE,
)


# Verbs that follow 'to' in a shared background ('used to work at', 'moved to study in').
_INFINITIVES = frozenset(
    """work live study be go stay teach train volunteer intern run play row climb sing
    swim surf ski cycle do get help join visit""".split()
)


_SITE_WORDS = frozenset(
    """bank banks office offices clinic clinics hospital hospitals school schools site sites
    warehouse warehouses studio studios branch branches hq headquarters campus campuses lab
    labs plant plants factory factories store stores shop shops depot depots hub hubs centre
    centres center centers university universities team teams pilot trial""".split()
)


def cased_sites(text: str) -> str:
    """'the pilot with two clinics in ohio' -> '... in Ohio': a site's place is a name."""
    if " in " not in text and " at " not in text and " near " not in text:
        return text
    if _SITE_WORDS.isdisjoint(text.casefold().split()):
        return text
    out, start = [], 0
    for site in _SITE_IN.finditer(text):
        place = _PLACE.match(text, site.end())
        if place is None:
            continue
        out.append(text[start : place.start()] + _case_place(place))
        start = place.end()
    return "".join(out) + text[start:]


def _case_place(match: re.Match[str]) -> str:
    words = match["name"].split()
    lowered = [w.casefold() for w in words]
    if match["prep"].casefold() == "to" and lowered[0] in _INFINITIVES:
        return match.group()  # 'used to work at the Home Office': a verb, not a place
    if all(w[:1].isupper() for w in words):
        return match.group()  # cased already ('in Leeds', 'at LSE')
    if lowered[0] in _NOT_A_NAME and not _institution(lowered):
        return match.group()
    if lowered[0] in STOPWORDS and lowered[0] not in _PARTICLES:
        return match.group()
    cased = []
    for i, word in enumerate(words):
        if i and lowered[i] in _PARTICLES and lowered[i] in ("of", "de", "la", "upon", "on"):
            cased.append(word)
        elif len(word) <= 3 and lowered[i] not in _PARTICLES and word.isalpha():
            cased.append(word.upper())  # 'eth', 'lse', 'ucl': an institution's initials
        else:
            cased.append(word[:1].upper() + word[1:])
    return f"{match['prep']} {' '.join(cased)}"


def _institution(lowered: list[str]) -> bool:
    """'university of leeds', 'college of art': the kind of place, then its name."""
    return len(lowered) >= 3 and lowered[1] == "of"
