"""Draft-log rows not yet committed to the ledger, kept in a file of this process's own.

Rows are appended here before they are committed, so a process that is killed loses none
of them (the kernel keeps what was written; an fsync whenever a commit has to wait bounds
what a power cut can take to the last second). The file only grows during a run and is
removed when the run ends; it is `flock`ed while its process lives. The next draft log to
start takes over the files of processes that died and commits their rows, which carry a
key each, so a row that was committed already is stored once."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

PREFIX, SUFFIX = "draft-log.pending.", ".jsonl"


class Journal:
    """This process's pending rows."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"{PREFIX}{os.getpid()}{SUFFIX}"
        self.handle: IO[str] | None = None

    def append(self, rows: list[tuple[Any, ...]]) -> None:
        if self.handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - kept open
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX)
        self.handle.write("".join(json.dumps(list(row), ensure_ascii=False) + "\n" for row in rows))
        self.handle.flush()

    def sync(self) -> None:
        if self.handle is not None:
            os.fsync(self.handle.fileno())

    def keep(self) -> None:
        """Close, leaving the file for the next run to commit."""
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def close(self) -> None:
        """Close and remove: every row is committed."""
        if self.handle is not None:
            self.path.unlink(missing_ok=True)
            self.handle.close()  # releases the lock
            self.handle = None


@contextlib.contextmanager
def orphans(folder: Path, own: Path) -> Iterator[list[tuple[Path, list[tuple[Any, ...]]]]]:
    """The rows of journals whose process is gone (their lock is free), each file held
    until the block ends and removed when it ends without an error."""
    held: list[tuple[Path, IO[str]]] = []
    found: list[tuple[Path, list[tuple[Any, ...]]]] = []
    try:
        for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}")):
            if path == own:
                continue
            try:
                handle: IO[str] = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
            except OSError:
                continue
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()  # its process is still running
                continue
            held.append((path, handle))
            found.append((path, _rows(handle.read())))
        yield found
        for path, _ in held:
            path.unlink(missing_ok=True)
    finally:
        for _, handle in held:
            handle.close()


def _rows(text: str) -> list[tuple[Any, ...]]:
    rows = []
    for line in text.splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue  # the torn last line of a killed process
        if isinstance(row, list) and len(row) == 13:
            rows.append(tuple(row))
    return rows
