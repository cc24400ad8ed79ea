"""A scripted backend fed from a queue, for the drafting loop, batch and eval tests."""

from __future__ import annotations

from collections import deque

from writer.backends import BackendBase, BackendError, DraftRequest, Proposal, Usage


class ScriptedBackend(BackendBase):
    """Answers each request with the next queued reply: a text, a Proposal or an error."""

    name = "scripted"
    can_repair = True

    def __init__(self, model: str = "scripted-1") -> None:
        self.model: str | None = model
        self.queue: deque[str | Proposal | BackendError] = deque()
        self.requests: list[DraftRequest] = []

    def enqueue(self, *replies: str | Proposal | BackendError) -> ScriptedBackend:
        self.queue.extend(replies)
        return self

    def execute(self, request: DraftRequest) -> list[Proposal]:
        self.requests.append(request)
        if not self.queue:
            raise AssertionError(f"unexpected request #{len(self.requests)} for {request.kind}")
        reply = self.queue.popleft()
        if isinstance(reply, BackendError):
            raise reply
        if isinstance(reply, str):
            reply = Proposal(text=reply, usage=Usage(100, 20, 0.001), prompt_hash="abc123")
        return [reply]
