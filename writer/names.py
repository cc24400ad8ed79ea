"""How to address a person: the given name, an honorific with the family name (particles kept),
compound given names, and names written family name first.

The heuristics here only act where they are safe; where a name could be read two ways, the
notes' `greet_as` settles it (and `family_first_warning` says when to add one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Titles that go with the family name ("Dr. Okafor"), and those that go with the given name
# ("Sir Anand", "Dame Olivia"). Keys are lower case without the full stop.
SURNAME_TITLES = frozenset(
    """dr mr mrs ms mx miss prof rev revd fr sr sra srta dott herr frau mme mlle doctor
    professor canon pastor rabbi imam bishop archdeacon father cllr councillor judge sister
    brother""".split()
)
GIVEN_NAME_TITLES = frozenset({"sir", "dame", "lord", "lady"})
# "M." (Monsieur) is a title only with its full stop; bare, "M" is an initial.
_NEEDS_STOP = frozenset({"m"})
HONORIFICS = SURNAME_TITLES | GIVEN_NAME_TITLES | _NEEDS_STOP
# Of several titles ("Rev. Canon", "Prof. Dr.", "Rev. Dr."), a letter uses the highest:
# "Dear Canon Ashdown", "Dear Prof. Weber", "Dear Dr. Okoye". Unranked titles rank lowest.
_TITLE_RANK = {
    **dict.fromkeys("sir dame lord lady".split(), 5),
    **dict.fromkeys("prof professor bishop archdeacon judge".split(), 4),
    **dict.fromkeys("canon rabbi imam".split(), 3),
    **dict.fromkeys("dr doctor dott".split(), 2),
    **dict.fromkeys("rev revd pastor father fr".split(), 1),
}
# Letters after the name ("Sir Richard Ashworth KC", "Amara Obi, PhD"): never the family name.
_POSTNOMINALS = frozenset(
    """kc qc obe mbe cbe kbe dbe frs frcp frcs phd dphil md mba cpa esq jr sr ii iii iv
    rn""".split()
)

# Words that belong to the family name that follows them ("de la Fontaine", "van der Berg").
PARTICLES = frozenset(
    """de del della dello dei degli di da das do dos du la le lo van von der den ter ten
    vande vander zu bin binti bint ibn al el ní nic ó ui""".split()
)

# Given names that open a compound given name with the next word ("José Antonio", "María
# José", "Jean Paul"), and the second halves they take. Only a pair from both lists followed
# by a family name is kept whole: "Mary Smith" stays "Mary".
_COMPOUND_FIRST = frozenset(
    """josé jose maría maria juan ana jean marie anne luis miguel francisco joão joao pedro
    carlos josep mary sarah""".split()
)
_COMPOUND_SECOND = frozenset(
    """antonio josé jose luis carlos manuel pablo ángel angel maría maria carmen elena isabel
    teresa luisa eduardo ignacio javier francisco pierre paul luc claude marie louise michel
    baptiste philippe françois francois jacques eugenia fernanda paula victoria ann anne jane
    beth kate lucía lucia sofía sofia belén belen inés ines cristina""".split()
)
# Spanish given names joined by a particle ("María del Carmen", "María de los Ángeles",
# "José de Jesús"): the particle here belongs to the given name, not the family name.
_DEVOTIONAL = frozenset(
    """carmen pilar mar rosario rocío rocio jesús jesus ángeles angeles dolores mercedes
    consuelo socorro luz lourdes fátima fatima montserrat""".split()
)

# Family names that come first where they are common (Vietnam, China, Korea, Hungary, Japan
# and Cambodia write the family name first). Value: where the given name sits.
_VI = "vietnamese"
_EAST = "east_asian"
_HU = "hungarian"
_FAMILY_FIRST: dict[str, str] = {
    **dict.fromkeys(
        """nguyễn nguyen trần phạm pham hoàng huỳnh huynh phan vũ võ đặng dang bùi bui đỗ
        dương duong ngô""".split(),
        _VI,
    ),
    **dict.fromkeys(
        """wang zhang liu chen yang huang zhao zhou xu zhu guo luo zheng liang xie deng zeng
        cai jiang cheng choi jeong kang yoon jang hwang kwon sato suzuki takahashi watanabe
        yamamoto nakamura kobayashi yoshida yamada sasaki""".split(),
        _EAST,
    ),
    **dict.fromkeys(
        """nagy kovács kovacs tóth toth szabó szabo horváth horvath varga molnár molnar
        németh nemeth farkas balogh papp takács takacs juhász juhasz""".split(),
        _HU,
    ),
}
# Also Western given names or surnames (Kim Smith, Lee Evans, Tran as a surname in the West,
# Li, Lin, Park, Ho, Le): family name first only when what follows looks like that culture.
_AMBIGUOUS: dict[str, str] = {
    **dict.fromkeys("kim lee li lin park lim ho cho jung ma he han ko".split(), _EAST),
    **dict.fromkeys("trần tran lê le hồ".split(), _VI),
}
# Romanised syllables of Chinese, Korean and Vietnamese given names, for the ambiguous cases.
_SYLLABLES = frozenset(
    """min jun ji hoon hun seo yeon yun woo jin soo su hye eun young yeong hyun jae sung seung
    ho hee kyung jung dong sang chul won bin joon na ra ha da hwa yoo ah mi so ye jeong chan
    xiao ling wei ming hua mei jie jing yan hong fang jian qiang lei tao hao yu kai xin yi
    ting lan ping ning zhi peng long feng bo bao tian xiu ying qing guo chun jia hui qi zi
    han xue yue chong kok keong siew thu an minh anh hoa linh hung dung tuan thi van duc
    quang hai ngoc phuong thanh trang huong nam khanh hieu vy thao tien trung""".split()
)
_NAME_PREFIXES = frozenset({"mohd", "muhd", "md"})
_SPLIT = re.compile(r"[-‐’']")


@dataclass(frozen=True)
class Name:
    """A full name taken apart: 'Prof. Pieter van der Berg' -> Prof., Pieter, van der Berg."""

    honorific: str | None  # as written, e.g. "Dr." or "Sir"
    given: str  # "José Antonio", "Xiaoling", "An"
    family: str | None  # "de la Fontaine", "Ruiz Castillo", "Chen"
    family_first: bool  # the notes wrote the family name first
    guessed: bool  # the split rests on a guess that `greet_as` should confirm

    @property
    def formal(self) -> str | None:
        """'Dr. Okafor', 'Sir Anand', or None when no honorific is known."""
        if self.honorific is None:
            return None
        if _key(self.honorific) in GIVEN_NAME_TITLES or not self.family:
            return f"{self.honorific} {self.given}"
        return f"{self.honorific} {self.family}"


def _key(word: str) -> str:
    return word.rstrip(".").casefold()


def is_honorific(word: str) -> bool:
    """'Dr.', 'Rev', 'Sir', 'Mx.': a title, never a first name."""
    key = _key(word)
    if key in _NEEDS_STOP:
        return word.endswith(".")
    return key in HONORIFICS


@lru_cache(maxsize=4096)
def parse(full_name: str) -> Name:
    """`full_name` taken apart (see `Name`); honorifics are never the given name. A name
    jotted all in lower case ('jess t') is greeted with capitals ('Jess')."""
    if full_name == full_name.lower() and full_name != full_name.upper():
        full_name = _capitalised(full_name)
    parts = full_name.replace(",", " ").split()
    titles: list[str] = []
    while len(parts) > 1 and is_honorific(parts[0]):
        titles.append(parts.pop(0))
    while len(parts) > 2 and parts[-1].replace(".", "").casefold() in _POSTNOMINALS:
        parts.pop()
    honorific = max(titles, key=lambda t: _TITLE_RANK.get(_key(t), 0)) if titles else None
    if not parts:
        return Name(honorific, full_name.strip(), None, False, True)
    culture = family_first_culture(" ".join(parts))
    if culture is not None:
        family, rest = parts[0], parts[1:]
        given = rest[-1] if culture == _VI else " ".join(rest)
        return Name(honorific, given, family, True, family.casefold() in _AMBIGUOUS)
    if len(parts) == 1:
        return Name(honorific, parts[0], None, False, False)
    if len(parts) >= 3 and parts[0].rstrip(".").casefold() in _NAME_PREFIXES:
        # "Mohd Faiz bin Ahmad": Mohd (Muhammad) opens many Malay names; Faiz is the name used.
        return Name(honorific, parts[1], " ".join(parts[2:]), False, True)
    devotional = _devotional(parts)
    if devotional:
        return Name(
            honorific, " ".join(parts[:devotional]), " ".join(parts[devotional:]), False, False
        )
    particle = next((i for i, p in enumerate(parts) if i and p.casefold() in PARTICLES), None)
    compound = (
        len(parts) >= 3
        and parts[0].casefold() in _COMPOUND_FIRST
        and parts[1].casefold() in _COMPOUND_SECOND
        and particle != 1
    )
    if particle is not None and (not compound or particle > 2):
        cut = particle
    else:
        cut = 2 if compound else len(parts) - 1
    given = " ".join(parts[:cut]) if compound else parts[0]
    return Name(honorific, given, " ".join(parts[cut:]), False, False)


def _devotional(parts: list[str]) -> int:
    """Where the family name starts after 'María del Carmen' / 'José de Jesús'; 0 if the
    name does not open that way (or nothing would be left for the family name)."""
    if parts[0].casefold() not in _COMPOUND_FIRST:
        return 0
    at = 1
    while at < len(parts) - 1 and parts[at].casefold() in {"de", "del", "la", "los", "las"}:
        at += 1
    if at == 1 or at >= len(parts) - 1 or parts[at].casefold() not in _DEVOTIONAL:
        return 0
    return at + 1


def family_first_culture(name: str) -> str | None:
    """The culture whose order `name` (honorifics removed) seems to follow, family name first;
    None for the given-name-first order."""
    parts = name.split()
    if len(parts) < 2:
        return None
    head = parts[0].casefold()
    if head in _FAMILY_FIRST:
        return _FAMILY_FIRST[head]
    if head in _AMBIGUOUS and all(_looks_asian(p) for p in parts[1:]):
        return _AMBIGUOUS[head]
    return None


def _looks_asian(word: str) -> bool:
    """'Min-jun', 'Xiaoling', 'Thu': made of the given-name syllables above."""
    pieces = [p for p in _SPLIT.split(_plain(word)) if p]
    return bool(pieces) and all(_syllables(p) for p in pieces)


def _syllables(word: str) -> bool:
    """Whether `word` splits into one to three known syllables ('xiaoling' = xiao + ling)."""
    if word in _SYLLABLES:
        return True
    return any(
        word[:i] in _SYLLABLES and (word[i:] in _SYLLABLES or _two(word[i:]))
        for i in range(1, len(word))
    )


def _two(word: str) -> bool:
    return any(word[:i] in _SYLLABLES and word[i:] in _SYLLABLES for i in range(1, len(word)))


_PLAIN = str.maketrans(
    "ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ", "aadeoouaaaaaeeeeeiiiiiooooouuuuuyyyyy"
)


def _capitalised(name: str) -> str:
    """'anne-marie de la cruz' -> 'Anne-Marie de la Cruz': particles after the first word stay
    lower case."""
    words = name.split()
    return " ".join(
        word if i and word in PARTICLES else _upper_first(word) for i, word in enumerate(words)
    )


def _upper_first(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _plain(word: str) -> str:
    return word.casefold().translate(_PLAIN)


def given_name(full_name: str, greet_as: str | None = None) -> str:
    """The given name to greet them by: `greet_as` without its honorific when it has no
    family-name title, else the parsed given name ('Xiaoling' for 'Chen Xiaoling')."""
    if greet_as:
        said = parse(greet_as)
        if said.honorific is None or _key(said.honorific) in GIVEN_NAME_TITLES:
            return " ".join(greet_as.split()[1:]) if said.honorific else greet_as.strip()
    return parse(full_name).given


def address(full_name: str, greet_as: str | None = None, *, formal: bool = False) -> str:
    """What follows 'Hi' or 'Dear': `greet_as` when given; in a formal message the honorific
    with the family name ('Dr. Okafor', 'Mr. de la Fontaine') or 'Sir Anand'; else the given
    name."""
    if greet_as:
        return " ".join(greet_as.split())
    name = parse(full_name)
    titled = _title_and_surname(name)
    if titled:
        return titled  # 'Mrs. Hollis': the notes give no first name to use instead
    if formal and name.formal:
        return name.formal
    return name.given


def _title_and_surname(name: Name) -> str | None:
    """'Mrs. Hollis' for a name that is a surname title and one word."""
    if name.honorific and name.family is None and _key(name.honorific) in SURNAME_TITLES:
        return f"{name.honorific} {name.given}"
    return None


def accepted_addresses(full_name: str, greet_as: str | None = None) -> list[str]:
    """Every way a greeting may name this person, longest first: `greet_as`, the given name,
    the honorific (any family-name title) with the family name, Sir/Dame with the given name,
    and the first written word when the order is not family-name-first."""
    name = parse(full_name)
    out = [" ".join(greet_as.split())] if greet_as else []
    out.append(_title_and_surname(name) or "")
    out.append(given_name(full_name, greet_as))
    out.append(name.given)
    if name.formal:
        out.append(name.formal)
    if name.family and (name.honorific is None or _key(name.honorific) in SURNAME_TITLES):
        out += [f"{title} {name.family}" for title in ("Dr", "Mr", "Mrs", "Ms", "Mx", "Prof")]
    words = full_name.split()
    while len(words) > 1 and is_honorific(words[0]):
        words.pop(0)
    if not name.family_first and words:
        out.append(words[0])
    return sorted(dict.fromkeys(o for o in out if o), key=len, reverse=True)


def family_first_warning(full_name: str, greet_as: str | None = None) -> str | None:
    """A warning when `full_name` seems written family name first and no `greet_as` says how
    to address them; None otherwise."""
    if greet_as:
        return None
    name = parse(full_name)
    if not name.family_first:
        return None
    return (
        f"'{full_name}' starts with '{name.family}', a family name that usually comes first; "
        f"drafts will greet them as '{name.given}'"
        + (f" ('{name.formal}' in a formal culture)" if name.formal else "")
        + ". If that is wrong, add "
        f"'greet_as: <how they like to be addressed>' to this interviewer "
        f"(e.g. greet_as: {name.given})"
    )


_CLAUSE_END = re.compile(r"[!?\n]|\.(?=\s|$)")


# Abbreviated words inside family names ('St. John', 'Ste. Marie').
_NAME_ABBREVIATIONS = frozenset({"st", "ste", "mt"})


def opening_clause(text: str, limit: int = 160) -> str:
    """The first sentence of `text` (at most `limit` characters), where a greeting names its
    reader: 'Hi Dana,', 'Dear Dr. Okafor,', 'Thanks for connecting, Aoife!'."""
    head = text.lstrip()[:limit]
    for match in _CLAUSE_END.finditer(head):
        at = match.start()
        if match.group() == ".":
            word = head[max(head.rfind(" ", 0, at), head.rfind("\n", 0, at)) + 1 : at]
            if is_honorific(word) or (len(word) == 1 and word.isalpha()):
                continue  # 'Dr.' or an initial ends no sentence
            if word.casefold() in _NAME_ABBREVIATIONS:
                continue  # nor does 'St.' in 'Dr. St. John'
        return head[:at]
    return head


def named_in(clause: str, full_name: str, greet_as: str | None = None) -> str | None:
    """The way of addressing this person (see `accepted_addresses`) that `clause` uses, as
    whole words, ignoring case and a title's full stop; None when it uses none."""
    said = _NOT_NAME.sub(" ", clause.casefold()).strip().join("  ")
    for form, wanted in _forms(full_name, greet_as):
        if wanted in said:
            return form
    return None


# Runs of anything but name characters; a title's full stop goes too ('Dr.' ~ 'Dr').
_NOT_NAME = re.compile(r"[^\w'’\-]+")


@lru_cache(maxsize=4096)
def _forms(full_name: str, greet_as: str | None) -> tuple[tuple[str, str], ...]:
    """(form, its normalised ' words ') for every accepted address, worked out once."""
    return tuple(
        (form, _NOT_NAME.sub(" ", form.casefold()).strip().join("  "))
        for form in accepted_addresses(full_name, greet_as)
    )
