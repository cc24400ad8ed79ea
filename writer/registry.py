"""Which backends exist, by name: the CLI's `--backend` choices and `make_backend` both read
this table. Standard library only, so building the command line loads no backend."""

from __future__ import annotations

# name → (module, class); the class has `from_settings(settings, *, sending=True)`.
BACKENDS: dict[str, tuple[str, str]] = {
    "offline": ("writer.backends.offline", "OfflineBackend"),
    "openai": ("writer.backends.openai", "OpenAIBackend"),
}
AUTO = "auto"  # `openai` when a key or base URL is configured, else `offline`
CHOICES: tuple[str, ...] = (AUTO, *BACKENDS)
