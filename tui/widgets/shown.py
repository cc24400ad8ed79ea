"""Showing text in a Static or Label without needless work."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


def show_text(widget: Static, content: str | Text) -> None:
    """Put `content` in `widget` unless it is there already: every update lays out the whole
    screen (a label may change height), and the app re-shows its labels on each keystroke."""
    if widget.content != content:
        widget.update(content)
