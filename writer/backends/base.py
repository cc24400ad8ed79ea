"""The one interface every drafter implements, and what flows through it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from writer.guidance import DEFAULT_GUIDANCE, Guidance
from writer.kinds import MessageKind

if TYPE_CHECKING:  # annotations only: `from writer.backends import OfflineBackend` stays light
    from writer.checker import Finding
    from writer.notes import Interviewer, Notes


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Usage:
        """What `to_json` wrote (or an eval cache entry's older `cost_usd` spelling)."""
        cost = data.get("estimated_cost_usd", data.get("cost_usd"))
        return cls(
            int(data.get("prompt_tokens") or 0),
            int(data.get("completion_tokens") or 0),
            None if cost is None else float(cost),
            bool(data.get("approximate", False)),
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
    late: bool = False  # a thank-you email past its day (email.late): own the delay
    # When the message may be sent: time words ("yesterday") must hold all through it.
    not_before: datetime | None = None
    not_after: datetime | None = None


class BackendError(Exception):
    """A backend could not draft: a message that says what happened and how to fix it.

    `fatal` errors (a bad key, an unknown model) will fail every later request too.
    """

    def __init__(self, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


@dataclass(frozen=True)
class RequestBody:
    """The exact chat-completions body a backend would send for a request, and the hash of
    the prompt files in it (for a Batch API file, and the eval cache's key)."""

    body: dict[str, Any]
    prompt_hash: str


class Backend(Protocol):
    """Anything that proposes drafts: the offline composer, or a language model.

    Every capability is declared here; a front end tests the flag, never the type:
    `can_repair`: the drafting loop may re-ask it with the checker's findings;
    `can_stream`: `stream` shows the draft as it is written (the app);
    `can_complete`: `complete` answers a plain chat (`writer import`);
    `can_emit`: `request_body` and `read_reply` write its requests out and read the answers
    back (`--emit-batch`, `--collect`, the eval cache).
    `execute` is the one method every backend has; `BackendBase` gives the rest.
    """

    name: str
    model: str | None
    can_repair: bool
    can_stream: bool
    can_complete: bool
    can_emit: bool

    @property
    def endpoint(self) -> str | None:
        """Where the notes are sent; None when they stay on this machine."""
        ...

    def execute(self, request: DraftRequest) -> list[Proposal]:
        """Candidate drafts for the request, best first (at least one), or BackendError."""
        ...

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        """`execute`, awaited. `gate` (a semaphore) is held around the network exchange
        only, so building the prompt and checking the answer never hold a request slot."""
        ...

    async def aclose(self) -> None:
        """Release what `aexecute` opened (connections), in the same event loop."""
        ...

    def stream(self, request: DraftRequest, piece: Callable[[str], None]) -> list[Proposal]:
        """`execute`, handing the text so far to `piece` as each piece arrives."""
        ...

    def complete(self, messages: list[dict[str, str]], *, json_mode: bool = False) -> str:
        """One plain chat completion: the reply's text."""
        ...

    def request_body(self, request: DraftRequest) -> RequestBody:
        """What `execute` would send for `request`, without sending it."""
        ...

    def read_reply(
        self, kind: MessageKind, content: str, usage: Usage, prompt_hash: str | None
    ) -> Proposal:
        """A reply's text (from a batch results file) as the proposal `execute` makes of it."""
        ...


class BackendBase:
    """Defaults for `Backend`: a backend that only executes (a fake is `execute` and a name).

    Each capability it lacks says so in a BackendError rather than an AttributeError."""

    name = "backend"
    model: str | None = None
    can_repair = False
    can_stream = False
    can_complete = False
    can_emit = False

    @property
    def endpoint(self) -> str | None:
        return None

    def execute(self, request: DraftRequest) -> list[Proposal]:
        raise NotImplementedError

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        # Executes in the loop's thread: right for backends that do no I/O.
        async with gate or nullcontext():
            return self.execute(request)

    async def aclose(self) -> None:
        """Nothing to release."""

    def stream(self, request: DraftRequest, piece: Callable[[str], None]) -> list[Proposal]:
        proposals = self.execute(request)  # no pieces: the whole draft at once
        piece(proposals[0].text)
        return proposals

    def complete(self, messages: list[dict[str, str]], *, json_mode: bool = False) -> str:
        raise BackendError(f"the {self.name} backend is not a language model: it cannot chat")

    def request_body(self, request: DraftRequest) -> RequestBody:
        raise BackendError(f"the {self.name} backend has no requests to write out")

    def read_reply(
        self, kind: MessageKind, content: str, usage: Usage, prompt_hash: str | None
    ) -> Proposal:
        raise BackendError(f"the {self.name} backend has no replies to read")
