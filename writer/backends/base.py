"""The one interface every drafter implements, and what flows through it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from writer.checker import Finding
from writer.kinds import MessageKind
from writer.notes import Interviewer, Notes
from writer.settings import DEFAULT_GUIDANCE, Guidance


@dataclass(frozen=True)
class Usage:
    """Tokens one or more requests used, and what they cost if the model has a price."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    approximate: bool = False  # prompt tokens counted with another model's encoding

    def __add__(self, other: Usage) -> Usage:
        cost = None
        if self.cost_usd is not None or other.cost_usd is not None:
            cost = (self.cost_usd or 0.0) + (other.cost_usd or 0.0)
        return Usage(
            self.prompt_tokens + other.prompt_tokens,
            self.completion_tokens + other.completion_tokens,
            cost,
            self.approximate or other.approximate,
        )

    def to_json(self) -> dict[str, Any]:
        cost = None if self.cost_usd is None else round(self.cost_usd, 6)
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "estimated_cost_usd": cost,
            "approximate": self.approximate,
        }


@dataclass(frozen=True)
class Proposal:
    """A candidate message: a body, a subject for emails, and what it took to make it."""

    text: str
    subject: str | None = None
    usage: Usage | None = None
    prompt_hash: str | None = None
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class DraftRequest:
    """What a backend is asked to write; `previous` and `findings` ask for a repair."""

    notes: Notes
    person: Interviewer
    kind: MessageKind
    now: datetime
    variant: int = 0
    guidance: Guidance = DEFAULT_GUIDANCE
    previous: Proposal | None = None
    findings: tuple[Finding, ...] = field(default=())
    instruction: str | None = None  # e.g. "make it shorter" (the app's rewrite actions)


class BackendError(Exception):
    """A backend could not draft: a message that says what happened and how to fix it.

    `fatal` errors (a bad key, an unknown model) will fail every later request too.
    """

    def __init__(self, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


class Backend(Protocol):
    """Anything that proposes drafts: the offline composer, or a language model.

    `can_repair`: the drafting loop may re-ask it with the checker's findings.
    """

    name: str
    model: str | None
    can_repair: bool

    def execute(self, request: DraftRequest) -> list[Proposal]:
        """Candidate drafts for the request, best first (at least one), or BackendError."""
        ...
