"""Waiting in a Pilot test for what the user would see, however busy the machine is."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Let the app handle its messages until `condition` holds (a busy machine is slower to
    deliver a TextArea's Changed), at most 60 s of the clock."""
    given_up = time.monotonic() + 60
    while time.monotonic() < given_up:
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"the app never got there: {what}")


async def notes_tab(app: Any, pilot: Pilot[None]) -> None:
    """F4, then wait until the Notes tab is built and shows the notes (typing sooner would
    go into a form that its first load then overwrites)."""
    await pilot.press("f4")
    await until(pilot, lambda: "notes" in app._built, "the Notes tab built")
