"""Errors that reach the user: what is wrong, where, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass

# The command line's exit codes: done; done but a draft or check is flagged (or an input
# failed); bad input or usage.
EXIT_OK, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a line."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


class InputError(Exception):
    """Bad input: every problem found, each with its file, line and a fix."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def one(cls, source: str, line: int, message: str) -> InputError:
        return cls([Problem(source, line, message)])


class UsageError(Exception):
    """Bad usage or set-up: a message saying what is wrong and how to fix it."""
