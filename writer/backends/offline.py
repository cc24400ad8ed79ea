"""The built-in composer as a backend: no model, no network, always available."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

from writer.backends.base import DraftRequest, Proposal


class OfflineBackend:
    name = "offline"
    model: str | None = None
    can_repair = False  # its candidates are already checked; a re-ask would change nothing

    def execute(self, request: DraftRequest) -> list[Proposal]:
        from writer.composer import compose  # the composer imports Proposal from backends

        return compose(
            request.notes,
            request.person,
            request.kind,
            request.now,
            request.variant,
            request.guidance,
        )

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        return self.execute(request)  # no I/O to wait on, so no request slot to hold

    async def aclose(self) -> None:
        """Nothing to release: the composer opens no connections."""
