"""The footer of key bindings, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer rebuilds all its keys whenever the bindings may have changed, which is
    every focus change; rebuilding mounts a dozen widgets and lays out the whole screen, the
    Notes form with it. Moving through the form keeps the same keys, so nothing changes here."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._composed: tuple[object, ...] | None = None

    def _keys(self) -> tuple[object, ...]:
        """Everything `Footer.compose` reads to build its keys."""
        active = self.screen.active_bindings
        shown = tuple(
            (binding, enabled, tooltip)
            for _, binding, enabled, tooltip in active.values()
            if binding.show
        )
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        palette_key = palette[1:] if palette is not None else None
        return (
            self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE,
            palette_key,
            shown,
        )

    def compose(self) -> ComposeResult:
        # Before the bindings are ready the footer is empty, and the first rebuild must run.
        self._composed = self._keys() if self._bindings_ready else None
        yield from super().compose()

    async def recompose(self) -> None:
        if self.is_attached and self._composed is not None and self._keys() == self._composed:
            return
        await super().recompose()
