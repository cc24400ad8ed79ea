"""The openai backend: any OpenAI-compatible endpoint, with its prompts, token counting and
settings.

The SDK costs about a second to import, so the backend loads on first use: `writer.config`
reads this package's settings on every command, offline ones included."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from writer.backends.openai.backend import OpenAIBackend, resolve_key

__all__ = ["OpenAIBackend", "resolve_key"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from writer.backends.openai import backend

        return getattr(backend, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
