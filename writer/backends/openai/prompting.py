"""Prompts from the files in prompts/: static instructions first (so providers can cache
them), the notes last, fenced as data."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from writer.backends.openai.prompt_parts import When, kind_text, topics_payload
from writer.checker import Finding
from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import SPECS, spec
from writer.notes import Interviewer, Notes
from writer.prompt_files import fence_notes, load_prompt, prompt_hash

KIND_FILES = {kind.value: about.prompt for kind, about in SPECS.items()}


@dataclass(frozen=True)
class Prompt:
    """The chat messages for one request, which prompt files made them, and any trimming.

    Its tokens are counted only when someone needs the number: a prompt with fewer bytes
    than the budget cannot be over it (every token is at least one byte), and a server
    reports what it counted. So most requests never load a token encoding."""

    messages: list[dict[str, str]]
    hash: str
    model: str
    notices: tuple[str, ...] = ()
    counted: int | None = None  # already counted (the budget check needed it)

    @property
    def tokens(self) -> int:
        return self._count[0]

    @property
    def approximate(self) -> bool:
        """The count is not in the model's own encoding."""
        return self._count[1]

    @cached_property
    def _count(self) -> tuple[int, bool]:
        from writer.backends.openai.tokens import counter_for

        counter = counter_for(self.model)
        if self.counted is not None:
            return self.counted, counter.approximate
        return counter.count_messages(self.messages), counter.approximate


def most_tokens(messages: list[dict[str, str]]) -> int:
    """An upper bound on a request's tokens without an encoding: its bytes, plus the framing
    `TokenCounter.count_messages` adds."""
    return sum(4 + len(m["content"].encode("utf-8")) for m in messages) + 3


def notes_payload(notes: Notes, person: Interviewer) -> dict[str, Any]:
    """What the model needs to know: the interview, and this interviewer only. Their topics
    and notes go through the topic stage: the model sees the usable fragments with how to
    say each, and only a neutral label for what was left out (never its words)."""
    return {
        "candidate": {"name": notes.candidate.name, "signature": notes.candidate.signature},
        "company": notes.company,
        "role": notes.role,
        "culture": notes.culture.value,
        "outcome": notes.outcome.value,
        "interview": {"stage": notes.interview.stage, "went": notes.interview.went.value},
        "interviewer": {
            "name": person.name,
            "address": person.address(formal=notes.culture.value == "formal"),
            "title": person.title,
            "relation": person.relation.value,
            "rapport": person.rapport.value,
            "topics": topics_payload(person),
        },
    }


def fenced(payload: dict[str, Any]) -> str:
    """The payload as JSON between <notes> tags; '<' is escaped so nothing closes the fence."""
    return fence_notes(json.dumps(payload, ensure_ascii=False, separators=(",", ":")))


# Ways to make the notes smaller, least important first.
def _drop_free_notes(p: dict[str, Any], person: Interviewer) -> str | None:
    if person.notes and p["interviewer"]["topics"] != topics_payload(person, with_notes=False):
        p["interviewer"]["topics"] = topics_payload(person, with_notes=False)
        return "dropped the interviewer's free-text notes"
    return None


def _keep_three_topics(p: dict[str, Any], person: Interviewer) -> str | None:
    topics = p["interviewer"]["topics"]
    if len(topics["usable"]) > 3 or len(topics["do_not_mention"]) > 3:
        topics["usable"] = topics["usable"][:3]
        topics["do_not_mention"] = topics["do_not_mention"][:3]
        return "kept only the first three topics"
    return None


def _shorten_topics(p: dict[str, Any], person: Interviewer) -> str | None:
    usable = p["interviewer"]["topics"]["usable"]
    if any(len(t["text"]) > 200 for t in usable):
        for t in usable:
            t["text"] = t["text"][:200]
        return "cut each topic to 200 characters"
    return None


def _drop_signature(p: dict[str, Any], person: Interviewer) -> str | None:
    if p["candidate"]["signature"] and len(p["candidate"]["signature"]) > 200:
        p["candidate"]["signature"] = p["candidate"]["signature"][:200]
        return "cut the signature to 200 characters"
    return None


TRIMS: list[Callable[[dict[str, Any], Interviewer], str | None]] = [
    _drop_free_notes,
    _keep_three_topics,
    _shorten_topics,
    _drop_signature,
]


def build_prompt(
    notes: Notes,
    person: Interviewer,
    kind: str,
    *,
    model: str,
    budget: int,
    previous: str | None = None,
    findings: Sequence[Finding] = (),
    guidance: Guidance = DEFAULT_GUIDANCE,
    instruction: str | None = None,
    when: When | None = None,
) -> Prompt:
    """The messages for a draft (or, with `previous` and `findings`, for a repair); `when`
    says when it may be sent, and whether it is late (its time words follow from that)."""
    from writer.backends.openai.tokens import counter_for

    files = ["system.md", spec(kind).prompt] + (["repair.md"] if previous is not None else [])
    payload = notes_payload(notes, person)
    notices: list[str] = []
    trims = iter(TRIMS)
    while True:
        messages = _messages(notes, person, kind, payload, previous, findings, guidance, when)
        if instruction:
            messages[-1] = {
                "role": "user",
                "content": messages[-1]["content"] + f"\n\nAlso: {instruction}",
            }
        tokens: int | None = None
        if most_tokens(messages) <= budget:
            break  # within the budget, whatever the encoding
        tokens = counter_for(model).count_messages(messages)
        if tokens <= budget:
            break
        trim = next(trims, None)
        if trim is None:
            notices.append(f"the prompt is {tokens} tokens, over the {budget}-token budget")
            break
        done = trim(payload, person)
        if done:
            notices.append(f"to fit the {budget}-token prompt budget, {done}")
    return Prompt(messages, prompt_hash(files), model, tuple(notices), counted=tokens)


def _messages(
    notes: Notes,
    person: Interviewer,
    kind: str,
    payload: dict[str, Any],
    previous: str | None,
    findings: Sequence[Finding],
    guidance: Guidance,
    when: When | None,
) -> list[dict[str, str]]:
    user = kind_text(kind, person, notes, guidance, when) + "\n\n" + fenced(payload)
    messages = [
        {"role": "system", "content": load_prompt("system.md")},
        {"role": "user", "content": user},
    ]
    if previous is not None:
        problems = "\n".join(
            f"- {f.rule}: {f.message}" + (f" ({f.suggestion})" if f.suggestion else "")
            for f in findings
        )
        repair = load_prompt("repair.md").format(problems=problems or "- none")
        messages += [
            {"role": "assistant", "content": previous},
            {"role": "user", "content": repair},
        ]
    return messages
