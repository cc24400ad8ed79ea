"""Which topic each of one person's messages leads with.

The thank-you email, the connection note and the follow-up go to the same reader within a
few days. Each one drawing the same first topic into a sentence makes the later ones read
like a form letter, so the three share out the person's topics: the email takes the first
two, the note the next, the follow-up the one after; a message with nothing new to say
mentions an earlier topic briefly in its own frame rather than repeating the email's line.
"""

from __future__ import annotations

import re

from writer.backends.offline.picking import Picked, Said
from writer.topics import Kind
from writer.topics.frames import is_story

# A pronoun whose antecedent was a sibling fragment of the same jotting ('IFRS 9 models,
# they rebuilt them last yr'): fine straight after that sibling, meaningless alone.
# 'this' before a noun is a determiner ('this quarter'), not a pronoun.
_DANGLING = re.compile(
    r"\b(?:them|it)\b(?!\s+(?:is|was)\b)|\b(?:this|these|those)\b(?=\s*$|\s*[,.;]|\s+(?:in|"
    r"on|at|for|to|with|from|by|and|or|again|too|out|up|over|back)\b)",
    re.IGNORECASE,
)


def _text(said: Said) -> str:
    return f"{said.noun or ''} {said.clause or ''}"


def dangles(said: Said) -> bool:
    return said.kind != Kind.common_ground and bool(_DANGLING.search(_text(said)))


# 'they went w/ someone more senior', 'feedback was that I lacked depth': the decision
# itself, which no message recalls as something discussed.
_DECISION = re.compile(
    r"\b(?:went|gone|going) with\b|\bsomeone (?:else|more)\b|\b(?:another|other|internal|"
    r"stronger) candidates?\b|\bfeedback\b|\breject\w*|\bwithdr[ae]w\w*|"
    r"\bnot (?:moving|progressing)\b",
    re.IGNORECASE,
)


# 'the I withdrew because ...': a clause of the candidate's, not a thing they showed.
_FIRST_PERSON = re.compile(r"\bI\b")


def _own_phrase(noun: str) -> bool:
    """'my take-home', 'how I'd test the model': a phrase; 'I withdrew because': a clause."""
    return not _FIRST_PERSON.search(noun) or bool(re.match(r"(?:how|what|why) I", noun))


def about_decision(said: Said) -> bool:
    return bool(_DECISION.search(f"{said.fragment.text} {_text(said)}"))


# A jotted quantity or deadline ('on-call is 1 wk in 6', 'they have 0 tokens', 'the report
# out by feb'): a detail, not a conversation to recall; used only when nothing else is.
_THIN = re.compile(
    r"\b(?:out|done|ready|finished|live) by\b|\b\d+ (?:\w+ )?in \d+\b|\b0 \w+",
    re.IGNORECASE,
)


def thin(said: Said) -> bool:
    return bool(_THIN.search(_text(said)))


def pool(picked: Picked) -> list[Said]:
    """Every topic a message may lead with, in the order the email takes them."""
    heard = [s for s in picked.heard if not about_decision(s)]
    heard = sorted(heard, key=rank)
    own = [s for s in picked.own if not about_decision(s) and _own_phrase(s.noun or "")]
    first = heard[:1] + picked.common[:1] + own[:1] + heard[1:2]
    rest = heard[2:] + picked.common[1:] + own[1:]
    out = first + rest
    if not out:
        out = list(picked.process)
    return out


# 'we both did our masters in Leeds': how one jots it; 'we both studied in Leeds' is how
# one says it.
_DID_A_DEGREE = re.compile(
    r"\bdid (?:our|my|their|the same) (?:master['’]s|masters?|undergrad(?:uate)?|degrees?|"
    r"phds?|mbas?|bachelor['’]s|bachelors?|a levels|msc|ba|bsc)(?: degrees?)?(?!['’\w])",
    re.IGNORECASE,
)


def common_clause(said: Said) -> str:
    """The common-ground clause as it is said, not jotted."""
    return _DID_A_DEGREE.sub("studied", said.clause or "")


def dropped(picked: Picked) -> list[str]:
    """Notices for what `pool` leaves out that the topic stage let through."""
    kept = {id(s) for s in pool(picked)}
    return [
        f"not used: '{s.fragment.text}' (about the decision)"
        for s in picked.heard + picked.own
        if id(s) not in kept and about_decision(s)
    ]


def for_email(picked: Picked) -> list[Said]:
    """The first two topics; a jotted detail only as the one thing there is to say."""
    found = pool(picked)[:2]
    story = len(found) == 2 and is_story(found[1].clause or "") and not dangles(found[1])
    if len(found) == 2 and rank(found[1]) > rank(found[0]) and not story:
        # the reader's own story is fine as the email's second line, a jotted detail is not
        return found[:1]
    if len(found) == 2 and found[0].kind == found[1].kind == Kind.own:
        return found[:1]  # two of the candidate's own in one frame read as a form
    return found


def for_note(picked: Picked) -> list[Said]:
    """A topic the email left out, else the email's first (said briefly, in the note's own
    frame), then its second; nothing whose pronoun needs a sibling or that is about the
    reader's own biography."""
    found = pool(picked)
    return _standalone(found[2:] + found[:2])


def for_follow_up(picked: Picked) -> list[Said]:
    """Past what the email and the note used, then the email's second, then its first;
    the note's own topic last."""
    found = pool(picked)
    note = next(iter(for_note(picked)), None)
    order = [s for s in found[2:] + found[1:2] + found[:1] if s is not note]
    if note is not None:
        order.append(note)
    return _standalone(order)


# 'you're ex-Revolut', 'you used to teach': the reader's life, not the conversation's
# subject; fine inside an email's list, odd as the one thing a short message recalls.
_BIOGRAPHY = re.compile(
    r"^(?:you(?:'re| are| were) (?!\w+ing\b)|you used to\b"
    # an office or honour of theirs ('you chaired the committee'): flattery, not the work
    r"|you (?:chaired|sat on|served on|founded|co-founded|were elected|won)\b"
    r"|you(?:'ve| have) been (?:at|a|an|with|there|here)\b)",
    re.IGNORECASE,
)


def rank(said: Said) -> int:
    """0: stands alone; 1: a jotted detail; 2: needs the email's context (a dangling
    pronoun, the reader's biography)."""
    if dangles(said) or _BIOGRAPHY.match(said.clause or "") or is_story(said.clause or ""):
        return 2
    return 1 if thin(said) else 0


def _standalone(order: list[Said]) -> list[Said]:
    """`order`, the topics a short message can lead with alone first."""
    return sorted(order, key=rank)
