"""A regular expression compiled the first time it is used, for the few whose compiling costs
every command's start-up more than most commands ever use them (the topic stage's left-out
reasons: 18 ms, needed only when a message has notes to read)."""

from __future__ import annotations

import re
from typing import Any, cast

# What callers use of a pattern; each is bound once, so a later call costs what it would on
# the compiled pattern itself.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for a name not set yet: the first use compiles and binds them all.
        if name.startswith("_"):
            raise AttributeError(name)
        compiled = re.compile(self._source, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        for value in ("pattern", "flags", "groups", "groupindex"):
            setattr(self, value, getattr(compiled, value))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r}, {self._flags!r})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done on first use. Use its methods (`.search`, …); it is
    not a `re.Pattern` to `re.sub(pattern, …)` or `isinstance`."""
    return cast("re.Pattern[str]", _Lazy(source, flags))
