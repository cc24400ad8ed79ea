"""Secrets never shown: credentials in an endpoint URL, and API keys a model echoes back."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

MASK = "***"
KEY_REMOVED = "[API key removed]"  # a placeholder: the checker flags it, so the draft is too
# OpenAI-style keys (sk-..., sk-proj-...), and the bearer-token shapes other servers use.
_KEY_SHAPED = re.compile(r"\b(?:sk|rk|pk)-[A-Za-z0-9_\-]{16,}")
_SECRET_QUERY = re.compile(r"(?i)((?:api[-_]?key|key|token|secret|sig|signature|password)=)[^&#]*")


def mask_url(url: str) -> str:
    """`url` with any user name, password and secret-looking query values masked."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
    except ValueError:
        return MASK
    if "@" in netloc:
        credentials, _, host = netloc.rpartition("@")
        user = credentials.partition(":")[0]
        netloc = f"{user}:{MASK}@{host}" if ":" in credentials else f"{MASK}@{host}"
    query = _SECRET_QUERY.sub(lambda m: m.group(1) + MASK, parts.query)
    return urlunsplit(SplitResult(parts.scheme, netloc, parts.path, query, parts.fragment))


_USERINFO = re.compile(r"//[^/\s@]+@")


def mask_credentials(text: str) -> str:
    """Any URL's user name and password in free text (an error message) masked."""
    return _USERINFO.sub(f"//{MASK}@", text)


def host_of(url: str) -> str:
    """The host (and port) of `url`, without credentials."""
    try:
        return urlsplit(url).netloc.rpartition("@")[2] or url
    except ValueError:
        return MASK


def mask_keys(text: str, key: str | None = None) -> tuple[str, bool]:
    """`text` with key-shaped strings (and `key` itself) replaced; whether any were."""
    found = False
    if key and len(key) >= 8 and key in text:
        text, found = text.replace(key, KEY_REMOVED), True
    masked, count = _KEY_SHAPED.subn(KEY_REMOVED, text)
    return masked, found or count > 0
