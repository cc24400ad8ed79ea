"""Backends: who drafts. `offline` is built in; `openai` is any OpenAI-compatible endpoint.
Each lives in its own subpackage; `writer.registry` names them."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from writer.backends.base import (
    Backend,
    BackendBase,
    BackendError,
    DraftRequest,
    Proposal,
    RequestBody,
    Usage,
)
from writer.backends.offline import OfflineBackend
from writer.registry import AUTO, BACKENDS, CHOICES

if TYPE_CHECKING:
    from writer.config import Settings


def make_backend(choice: str, settings: Settings, *, sending: bool = True) -> Backend:
    """The backend for `choice`; `auto` is `openai` when a key or base URL is configured.

    `sending=False` is for a backend whose requests are only written out (`--emit-batch`)
    or whose replies are only read back (`--collect`): it needs no key and no network."""
    if choice not in CHOICES:
        raise BackendError(f"unknown backend {choice!r}; one of {', '.join(CHOICES)}")
    if choice == AUTO:
        configured = settings.model_backend_configured and not settings.offline
        choice = "openai" if configured else "offline"
    module, name = BACKENDS[choice]
    backend_class = getattr(importlib.import_module(module), name)
    backend: Backend = backend_class.from_settings(settings, sending=sending)
    return backend


__all__ = [
    "Backend",
    "BackendBase",
    "BackendError",
    "DraftRequest",
    "OfflineBackend",
    "Proposal",
    "RequestBody",
    "Usage",
    "make_backend",
]
