"""Text for a terminal with its control characters made visible: notes, model replies and
file names can carry escape sequences (an OSC 52 clipboard write, a screen clear, a title
change), and whatever the program prints passes through here first.

C0 controls other than newline and tab become their Unicode control pictures (ESC -> ␛,
BEL -> ␇), DEL -> ␡, and C1 controls a JSON-safe `\\u009b`. The one exception is the program's
own colour codes (SGR), and only when writing to a terminal."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Exactly the SGR codes `writer.render.Style` emits: colours and weights, nothing that moves
# the cursor, clears the screen or talks to the terminal.
_OWN_COLOUR = re.compile(r"\x1b\[(?:0|1|2|31|32|33|36)m")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"\\u{code:04x}"


def visible(text: str, *, colour: bool = False) -> str:
    """`text` with control characters shown, not obeyed (`colour`: keep our SGR codes)."""
    if not _CONTROL.search(text):
        return text
    if not colour:
        return _CONTROL.sub(_picture, text)
    pieces = _OWN_COLOUR.split(text)
    codes = _OWN_COLOUR.findall(text)
    out = [_CONTROL.sub(_picture, pieces[0])]
    for code, piece in zip(codes, pieces[1:], strict=True):
        out += [code, _CONTROL.sub(_picture, piece)]
    return "".join(out)


class VisibleWriter:
    """A text stream that shows control characters before passing text on."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner
        try:
            self._colour = inner.isatty()
        except (AttributeError, ValueError):
            self._colour = False

    def write(self, text: str) -> int:
        self._inner.write(visible(text, colour=self._colour))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextmanager
def visible_output() -> Iterator[None]:
    """Standard output and error, for the duration, with control characters shown."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleWriter(out), VisibleWriter(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
