"""`FILL IN`: what `writer new` writes where it could not know a value. The loader refuses
a file that still has one, saying what to write there."""

from __future__ import annotations

from typing import Any

PLACEHOLDER = "FILL IN"

# What each key wants, said the way the refusal says it.
_WANTED = {
    "candidate.name": "your name as you sign your emails",
    "company": "the name of the company you interviewed with",
    "role": "the job title you interviewed for",
    "interview.start": "when the interview started, e.g. 2026-11-20T14:00:00-05:00",
    "interview.end": "when it ended, e.g. 2026-11-20T15:00:00-05:00 (or delete the line)",
    "name": "the interviewer's full name (or delete the entry)",
}


def unfilled(root: Any) -> list[tuple[tuple[Any, ...], str]]:
    """Where `root` still holds the placeholder, each with what to write there."""
    found: list[tuple[tuple[Any, ...], str]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), root)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(((*loc, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*loc, i), v) for i, v in enumerate(value))
        elif isinstance(value, str) and value.strip().upper() == PLACEHOLDER:
            found.append((loc, _message(loc)))
    return sorted(found, key=lambda item: str(item[0]))


def _message(loc: tuple[Any, ...]) -> str:
    dotted = ".".join(str(p) for p in loc if not isinstance(p, int))
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    wanted = _WANTED.get(dotted) or _WANTED.get(str(loc[-1]), "a value")
    return f"{where} is still '{PLACEHOLDER}' (left by `writer new`): write {wanted}"
