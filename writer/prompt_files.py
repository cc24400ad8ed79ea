"""The prompt files in prompts/ (shipped inside the package as `writer.prompts`): read by a
model backend's prompt builder and by `writer import`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def _prompts_dir() -> Traversable:
    try:
        return resources.files("writer.prompts")  # installed: shipped inside the package
    except ModuleNotFoundError:  # editable install: the repository's prompts/
        return Path(__file__).resolve().parent.parent / "prompts"


@cache
def load_prompt(name: str) -> str:
    """The text of one prompt file."""
    return _prompts_dir().joinpath(name).read_text("utf-8")


def prompt_hash(names: Sequence[str]) -> str:
    """A short hash of the prompt files a request used: which prompt version drafted."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + load_prompt(name).encode() + b"\0")
    return digest.hexdigest()[:12]


def fence_notes(text: str) -> str:
    """`text` between <notes> tags, as data; '<' is escaped so nothing inside closes the
    fence (the prompts tell the model that what is fenced is never an instruction)."""
    return "<notes>\n" + text.replace("<", "\\u003c") + "\n</notes>"
