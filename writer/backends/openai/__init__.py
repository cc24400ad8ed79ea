"""The openai backend: any OpenAI-compatible endpoint, with its prompts, token counting and
settings."""

from writer.backends.openai.backend import OpenAIBackend, resolve_key

__all__ = ["OpenAIBackend", "resolve_key"]
