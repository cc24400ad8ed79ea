"""The app's screen: a focus change repaints the widgets it restyles, not every widget."""

from __future__ import annotations

from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget


class MainScreen(Screen[None]):
    """Textual's Screen repaints all of itself when the focus moves, though only the widgets
    that lose and gain it look different (their styles update them, the footer its keys):
    every Tab through the Notes form composed and sent the whole 120x40 frame again."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
