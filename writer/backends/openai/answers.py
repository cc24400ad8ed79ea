"""A chat-completions answer read defensively: whatever shape a server sends, either the
reply's text and usage, or a one-sentence ServerMisbehaved saying what the server did."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from writer.backends.openai.limits import ServerMisbehaved

MOST_TOKENS = 10_000_000  # no request is near this; larger reported numbers are nonsense


@dataclass(frozen=True)
class Reply:
    content: str | None
    refusal: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    usage_reported: bool


def parse_json(body: bytes, host: str) -> Any:
    """The answer's body as JSON, or what was wrong with it."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ServerMisbehaved(
            f"the server at {host} sent an answer that is not valid UTF-8 (at byte {error.start})"
        ) from None
    return parse_json_text(text, host)


def parse_json_text(text: str, host: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ServerMisbehaved(
            f"the server at {host} sent JSON nested too deeply to read"
        ) from None
    except json.JSONDecodeError:
        raise ServerMisbehaved(
            f"the server at {host} sent a reply that is not valid JSON"
        ) from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise ServerMisbehaved(
            f"the server at {host} sent JSON with a number too long to read"
        ) from None


def tokens(value: Any) -> int | None:
    """A reported token count, or None when it is not a plausible whole number."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value <= MOST_TOKENS else None


def _kind(value: Any) -> str:
    return {list: "a list", dict: "an object", bool: "a boolean"}.get(type(value), "a number")


def reply_of(data: Any, host: str) -> Reply:
    """The first choice's text, refusal and usage, checked for shape."""
    choices = data.get("choices") if isinstance(data, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise ServerMisbehaved(f"the server at {host} answered without any choices")
    message = choices[0].get("message")
    if message is None:
        message = {}
    if not isinstance(message, dict):
        raise ServerMisbehaved(
            f"the server at {host} sent a message that is {_kind(message)}, not an object"
        )
    content, refusal = message.get("content"), message.get("refusal")
    for name, value in (("content", content), ("refusal", refusal)):
        if value is not None and not isinstance(value, str):
            raise ServerMisbehaved(
                f"the server at {host} sent the reply's {name} as {_kind(value)}, not text"
            )
    usage = data.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    prompt_tokens = tokens(usage.get("prompt_tokens"))
    completion = tokens(usage.get("completion_tokens"))
    # Only a plausible reported count replaces our own (approximate) one.
    return Reply(content, refusal, prompt_tokens, completion, prompt_tokens is not None)


def stream_piece(chunk: Any, host: str) -> tuple[str, bool]:
    """The text one streamed chunk adds, and whether it is the last (it carries a finish
    reason), checked for shape (the SDK does not validate chunks)."""
    choices = getattr(chunk, "choices", None)
    if not choices:
        return "", False
    delta = getattr(choices[0], "delta", None)
    last = bool(getattr(choices[0], "finish_reason", None))
    content = getattr(delta, "content", None)
    if content is None or isinstance(content, str):
        return content or "", last
    raise ServerMisbehaved(
        f"the server at {host} streamed a piece of the reply as {_kind(content)}, not text"
    )


def cut_off(host: str) -> ServerMisbehaved:
    """A stream that stopped before its last chunk (one with a finish reason)."""
    return ServerMisbehaved(
        f"the server at {host} broke off its streamed answer before it was complete"
    )
