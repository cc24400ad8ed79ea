"""The parts of a model prompt that depend on the notes: the topic stage's output as the model
sees it, the greeting, the time words the send window allows, and the checker's error rules
written out for the system prompt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from writer.checker import rules
from writer.guidance import Guidance
from writer.kinds import KINDS, MessageKind, label, spec
from writer.notes import Culture, Interviewer, Notes
from writer.prompt_files import load_prompt
from writer.topics import analyse, topics_for

# A left-out fragment reaches the model only as its reason and one of these labels, never its
# words: the model cannot repeat what it never saw, and a private remark ("mum's surgery")
# is not sent to a remote server. The label tells it what kind of thing not to bring up.
_LABELS = {
    "private": "a private or sensitive matter",
    "personal": "a personal matter",
    "self-critical": "the candidate's self-criticism",
    "about how you did": "how the candidate thinks the interview went",
    "about someone else": "a remark about someone else",
    "negative": "a negative remark",
    "an aside": "an aside in the notes",
    "a note to yourself": "the candidate's note to self",
    "a question to yourself": "the candidate's question to self",
    "a link/address/code": "a link, address or code",
}
_OTHER = "a jotting that cannot be said well"

RULES_BEGIN = "<!-- rules: generated from rules.yaml by write_rules_section(); do not edit -->"
RULES_END = "<!-- end of rules -->"


@dataclass(frozen=True)
class When:
    """When a message may be sent: its window, and whether it is past its day."""

    now: datetime
    not_before: datetime | None = None
    not_after: datetime | None = None
    late: bool = False


def topics_payload(person: Interviewer, *, with_notes: bool = True) -> dict[str, Any]:
    """The topic stage's output for the prompt: usable fragments with how to say each, and
    what was left out, as a neutral label with its reason."""
    if with_notes:
        found = topics_for(person)
    else:
        names = frozenset(part.casefold() for part in person.name.split() if len(part) > 1)
        found = analyse(tuple(person.topics), None, names)
    payload = found.prompt_payload()
    return {
        "usable": payload["usable"],
        "do_not_mention": [
            {"what": _LABELS.get(o.reason, _OTHER), "reason": o.reason} for o in found.left_out
        ],
    }


def _time_words(notes: Notes, kind: str, when: When | None) -> str:
    # Imported here: the composer's module is only needed for the one phrase.
    from writer.backends.offline.phrasing import when_phrase

    said = None
    if when is not None:
        email = kind == MessageKind.thank_you_email
        said = when_phrase(notes, when.now, when.not_before, when.not_after, today_ok=email)
    if said is None:
        line = (
            '- Do not say when the interview was (no "today", "yesterday", "this morning"):'
            " the message may be sent on a later day."
        )
    else:
        line = (
            f'- If you say when the interview was, say "{said}"; never "today", "tonight" or'
            ' "this morning" otherwise: that is true all the time the message may be sent.'
        )
    if when is not None and when.late:
        line += (
            "\n- This email goes out later than it should: own the delay in one short clause"
            ' (e.g. "I\'m sorry this is later than I meant"), with no excuse and no more.'
        )
    return line


def kind_text(
    kind: str, person: Interviewer, notes: Notes, guidance: Guidance, when: When | None
) -> str:
    """The kind's prompt file, filled in for this interviewer and the send window."""
    about = spec(kind)
    formal = notes.culture == Culture.formal
    words = about.limit(guidance, notes.tier) if about.unit == "words" else None
    return load_prompt(about.prompt).format(
        address=person.address(formal=formal),
        greeting="Dear" if formal else "Hi",
        limit=guidance.note_chars(notes.tier),
        min_words=guidance.email_words_min + 30,
        # Aim under the checker's limit, so a slightly long draft still passes.
        max_words=(words or guidance.email_words_max) - 40,
        time_words=_time_words(notes, kind, when),
    )


def rules_section() -> str:
    """Every rule that is an error in some kind, one line each: id, where, and what it
    rejects (the rule's own description), for the system prompt."""
    lines = [RULES_BEGIN]
    for rule in rules():
        where = [k for k in KINDS if k in rule.kinds and rule.severity_for(k) == "error"]
        if not where:
            continue
        only = "" if len(where) == len(KINDS) else f" (in a {' or '.join(map(label, where))})"
        lines.append(f"- {rule.id}{only}: {rule.description}")
    return "\n".join([*lines, RULES_END])


def write_rules_section(path: str = "prompts/system.md") -> None:
    """Rewrite the generated rules section of the system prompt (run after a rule change)."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    head, rest = text.split(RULES_BEGIN, 1)
    _, tail = rest.split(RULES_END, 1)
    with open(path, "w", encoding="utf-8") as file:
        file.write(head + rules_section() + tail)
