"""The offline backend: the built-in composer, with no model and no network."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from writer.backends.base import BackendBase, DraftRequest, Proposal

if TYPE_CHECKING:
    from writer.config import Settings


class OfflineBackend(BackendBase):
    name = "offline"
    # can_repair stays False: its candidates are already checked; a re-ask changes nothing.

    @classmethod
    def from_settings(cls, settings: Settings, *, sending: bool = True) -> OfflineBackend:
        return cls()

    def execute(self, request: DraftRequest) -> list[Proposal]:
        # Here: the composer (and the topic stage) load with the first draft, not with the
        # app's first frame.
        from writer.backends.offline.composer import compose

        return compose(
            request.notes,
            request.person,
            request.kind,
            request.now,
            request.variant,
            request.guidance,
            late=request.late,
            not_before=request.not_before,
            not_after=request.not_after,
        )

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        return self.execute(request)  # no I/O to wait on, so no request slot to hold


__all__ = ["OfflineBackend"]
