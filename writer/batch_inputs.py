"""What a batch reads: the notes files that files, folders and globs name, found lazily."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

NOTES_SUFFIXES = (".yaml", ".yml", ".json")


class Inputs:
    """The notes files that files, folders and globs name, in a stable order, each once.
    Each pass walks them afresh and holds one folder's names at a time, never every path,
    so a batch of any size starts at once and its memory does not grow with it."""

    def __init__(self, items: Iterable[str]) -> None:
        self.items = list(items)

    def __iter__(self) -> Iterator[Path]:
        if len(self.items) == 1:  # nothing to repeat: no need to remember what was seen
            yield from _named(self.items[0])
            return
        seen: set[Path] = set()
        for item in self.items:
            for path in _named(item):
                if path not in seen:
                    seen.add(path)
                    yield path

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None


def expand(inputs: Iterable[str]) -> Inputs:
    return Inputs(inputs)


def _named(item: str) -> Iterator[Path]:
    path = Path(item)
    try:
        if path.is_dir():
            yield from _walk(path)
            return
        if any(c in item for c in "*?["):
            yield from sorted(Path(p) for p in glob.glob(item, recursive=True))
            return
    except OSError:
        pass  # reading it fails too, and says why, as that input's entry
    yield path


def _walk(folder: Path) -> Iterator[Path]:
    """Notes files under `folder` in the order of their sorted paths (what sorting all of
    them would give), not following links to folders; a folder that cannot be listed holds
    none, as for `Path.rglob`."""
    try:
        with os.scandir(folder) as found:
            entries = sorted((entry.name, _is_folder(entry)) for entry in found)
    except OSError:
        return
    for name, is_folder in entries:
        path = folder / name
        if os.path.splitext(name)[1].lower() in NOTES_SUFFIXES:
            yield path
        if is_folder:
            yield from _walk(path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir() and not entry.is_symlink()
    except OSError:
        return False
