"""The garbage collector waits while the app starts.

Starting allocates tens of thousands of objects that live as long as the app: Textual's and
pydantic's classes, the notes models, the widgets. At the default thresholds the collector
walks them again and again (about 160 young and 15 middle collections and one full one before
the first frame, some 40 ms of a start-up of 300 ms) and frees nothing: the start-up makes no
garbage cycles. So importing the app raises the thresholds, and once the app has shown its
plan and drafted, what exists then is frozen (the collector no longer walks it, which also
shortens the full collections while typing) and the usual thresholds come back. When the app
ends, `thaw` gives what was frozen back to the collector: a frozen widget that has become
garbage is never freed, and neither is all it refers to, so a process that runs one app after
another (the tests run hundreds) would keep every earlier app's caches and walk them in every
full collection."""

from __future__ import annotations

import gc

_WHILE_STARTING = (100_000, 50, 100)
_held: tuple[int, int, int] | None = None
_frozen = False


def hold() -> None:
    """Collect rarely until `release`."""
    global _held
    if _held is None:
        _held = gc.get_threshold()
        gc.set_threshold(*_WHILE_STARTING)


def release() -> None:
    """The app has started: freeze what exists and collect as usual again (once; later
    calls do nothing)."""
    global _held, _frozen
    if _held is not None:
        gc.freeze()
        _frozen = True
        gc.set_threshold(*_held)
        _held = None


def thaw() -> None:
    """The app has ended: what `release` froze can be collected again."""
    global _frozen
    if _frozen:
        gc.unfreeze()
        _frozen = False
