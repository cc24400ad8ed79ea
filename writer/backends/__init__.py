"""Backends: who drafts. `offline` is built in; `openai` is any OpenAI-compatible endpoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from writer.backends.base import Backend, BackendError, DraftRequest, Proposal, Usage
from writer.backends.offline import OfflineBackend

if TYPE_CHECKING:
    from writer.config import Settings

BACKENDS = ("auto", "offline", "openai")


def make_backend(choice: str, settings: Settings) -> Backend:
    """The backend for `choice`; `auto` is `openai` when a key or base URL is configured."""
    if choice not in BACKENDS:
        raise BackendError(f"unknown backend {choice!r}; one of {', '.join(BACKENDS)}")
    if choice == "auto":
        choice = (
            "openai" if settings.model_backend_configured and not settings.offline else "offline"
        )
    if choice == "offline":
        return OfflineBackend()
    if settings.offline:
        raise BackendError(
            "--backend openai needs the network, but offline mode is on (WRITER_OFFLINE=1 or "
            "--offline): unset it, or use --backend offline",
            fatal=True,
        )
    from writer.backends.openai_backend import OpenAIBackend, resolve_key

    resolve_key(settings)  # a missing key is reported before any drafting starts
    return OpenAIBackend(settings)


__all__ = [
    "BACKENDS",
    "Backend",
    "BackendError",
    "DraftRequest",
    "OfflineBackend",
    "Proposal",
    "Usage",
    "make_backend",
]
