"""Any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp, LM Studio)
through the official `openai` SDK: sync for the CLI, async for batch, streaming for the app."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from typing import TYPE_CHECKING, Any

import httpx
import openai

from writer.backends.base import (
    BackendBase,
    BackendError,
    DraftRequest,
    Proposal,
    RequestBody,
    Usage,
)
from writer.backends.openai.prompting import Prompt, build_prompt
from writer.backends.openai.settings import OpenAISettings
from writer.kinds import MessageKind, spec

if TYPE_CHECKING:
    from writer.config import Settings

# The SDK raises its own errors, but a body that is not JSON comes through as JSONDecodeError.
_SDK_ERRORS = (openai.OpenAIError, json.JSONDecodeError)
LOCAL_KEY = "not-needed"  # local servers ignore the key, but the SDK insists on one
_FENCE = re.compile(r"^```[a-z]*\n|\n?```$")
_REFUSAL = re.compile(r"^\s*(i'?m sorry|i cannot|i can'?t|i am unable|as an ai)\b", re.I)


def resolve_key(settings: OpenAISettings) -> str:
    """The API key, in a fixed order: WRITER_API_KEY, OPENAI_API_KEY, the config file.

    A local server (a base URL and no key) gets a placeholder; otherwise a missing key is an
    error that says how to fix it."""
    if settings.api_key is not None:
        return settings.api_key.get_secret_value()
    if settings.base_url:
        return LOCAL_KEY
    raise BackendError(
        "no API key: set OPENAI_API_KEY (or WRITER_API_KEY, or api_key in the config file), "
        "set OPENAI_BASE_URL for a local server, or use --backend offline",
        fatal=True,
    )


class OpenAIBackend(BackendBase):
    """Drafts with a chat-completions model; the drafting loop re-asks it with findings."""

    name = "openai"
    can_repair = can_stream = can_complete = can_emit = True

    @classmethod
    def from_settings(cls, settings: Settings, *, sending: bool = True) -> OpenAIBackend:
        """The backend for `settings`. One that sends needs the network and a key, and a
        missing key is reported before any drafting starts."""
        if sending and settings.offline:
            raise BackendError(
                "--backend openai needs the network, but offline mode is on (WRITER_OFFLINE=1 "
                "or --offline): unset it, or use --backend offline",
                fatal=True,
            )
        if sending:
            resolve_key(settings)
        return cls(settings)

    def __init__(self, settings: OpenAISettings, client: openai.OpenAI | None = None) -> None:
        self.settings = settings
        self.model: str | None = settings.model
        self._client = client
        self._async_client: openai.AsyncOpenAI | None = None
        self._async_loop: asyncio.AbstractEventLoop | None = None
        self._fatal: str | None = None

    @property
    def endpoint(self) -> str:
        return self.settings.base_url or "https://api.openai.com/v1"

    def _options(self) -> dict[str, Any]:
        return {
            "api_key": resolve_key(self.settings),
            "base_url": self.settings.base_url,
            "timeout": self.settings.timeout,
            "max_retries": self.settings.max_retries,
        }

    @property
    def client(self) -> openai.OpenAI:
        if self._client is None:
            self._client = openai.OpenAI(**self._options())
        return self._client

    @property
    def async_client(self) -> openai.AsyncOpenAI:
        """The client for the running event loop, on aiohttp: the SDK's transport for many
        requests at once (a 300-request batch used about a fifth less CPU than on httpx's
        own, and that CPU is what delays reading the answers)."""
        loop = asyncio.get_running_loop()
        if self._async_client is None or self._async_loop is not loop:
            http_client = openai.DefaultAioHttpClient()
            self._async_client = openai.AsyncOpenAI(**self._options(), http_client=http_client)
            self._async_loop = loop
        return self._async_client

    async def aclose(self) -> None:
        """Close the async client's connections (a batch calls this when it ends)."""
        client, self._async_client, self._async_loop = self._async_client, None, None
        if client is not None:
            await client.close()

    def prompt(self, request: DraftRequest) -> Prompt:
        previous = request.previous
        return build_prompt(
            request.notes,
            request.person,
            request.kind,
            model=self.settings.model,
            budget=self.settings.prompt_token_budget,
            previous=None if previous is None else _as_text(previous),
            findings=request.findings,
            guidance=request.guidance,
        )

    def _arguments(self, prompt: Prompt) -> dict[str, Any]:
        """The one request body: execute, aexecute, stream and a Batch API line send it."""
        return {
            "model": self.settings.model,
            "messages": prompt.messages,
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_output_tokens,
        }

    def request_body(self, request: DraftRequest) -> RequestBody:
        prompt = self.prompt(request)
        return RequestBody(self._arguments(prompt), prompt.hash)

    def read_reply(
        self, kind: MessageKind, content: str, usage: Usage, prompt_hash: str | None
    ) -> Proposal:
        empty = Prompt(messages=[], hash=prompt_hash or "", model="", counted=0)
        return parse_reply(content, kind, usage, empty)

    def execute(self, request: DraftRequest) -> list[Proposal]:
        if self._fatal:
            raise BackendError(self._fatal, fatal=True)
        prompt = self.prompt(request)
        try:
            raw = self.client.post(
                "/chat/completions", body=self._arguments(prompt), cast_to=httpx.Response
            )
            data = raw.json()
        except _SDK_ERRORS as error:
            raise self._explain(error) from None
        return [self._proposal(request.kind, prompt, data)]

    def complete(self, messages: list[dict[str, str]], *, json_mode: bool = False) -> str:
        """One plain completion (used by `writer import`); the reply's text."""
        if self._fatal:
            raise BackendError(self._fatal, fatal=True)
        arguments: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": 2000,
        }
        if json_mode:
            arguments["response_format"] = {"type": "json_object"}
        try:
            response = self.client.chat.completions.create(**arguments)
        except _SDK_ERRORS as error:
            raise self._explain(error) from None
        if not getattr(response, "choices", None) or not response.choices[0].message.content:
            raise BackendError("the model sent an empty reply; try again or another model")
        return str(response.choices[0].message.content)

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        """`execute` for asyncio callers (batch runs many at once); `gate` is held from
        sending the request to reading the answer, retries included."""
        if self._fatal:
            raise BackendError(self._fatal, fatal=True)
        prompt = self.prompt(request)
        body = self._arguments(prompt)
        try:
            # The body goes as built and the answer comes back as plain JSON: the SDK's
            # parameter transform and response models cost ~3 ms of CPU per request, which
            # is what limits a batch at high concurrency.
            async with gate or nullcontext():
                raw = await self.async_client.post(
                    "/chat/completions", body=body, cast_to=httpx.Response
                )
                data = raw.json()
        except _SDK_ERRORS as error:
            raise self._explain(error) from None
        return [self._proposal(request.kind, prompt, data)]

    def stream(self, request: DraftRequest, piece: Callable[[str], None]) -> list[Proposal]:
        """The draft as it is written, each piece handed to `piece` (for the terminal app);
        then the whole text as a proposal, like `execute`'s."""
        prompt = self.prompt(request)
        text = ""
        try:
            chunks = self.client.chat.completions.create(**self._arguments(prompt), stream=True)
            for chunk in chunks:
                if chunk.choices and chunk.choices[0].delta.content:
                    text += chunk.choices[0].delta.content
                    piece(text)
        except _SDK_ERRORS as error:
            raise self._explain(error) from None
        return [parse_reply(text, request.kind, Usage(), prompt)]

    def _proposal(self, kind: str, prompt: Prompt, data: Any) -> Proposal:
        """A chat-completions answer (as JSON) as a proposal, or the BackendError it is."""
        choices = data.get("choices") if isinstance(data, dict) else None
        if not choices or not isinstance(choices[0], dict):
            raise BackendError(f"{self.endpoint} answered without any choices")
        message = choices[0].get("message") or {}
        refusal = message.get("refusal")
        content = (message.get("content") or "").strip()
        if refusal:
            raise BackendError(f"the model refused: {refusal}")
        if not content:
            raise BackendError("the model sent an empty reply; try again or another model")
        if _REFUSAL.match(content) and len(content) < 300:
            raise BackendError(f"the model refused: {content[:120]}")
        return parse_reply(content, kind, self._usage(prompt, data.get("usage")), prompt)

    def _usage(self, prompt: Prompt, reported: Any) -> Usage:
        reported = reported if isinstance(reported, dict) else {}
        prompt_tokens = reported.get("prompt_tokens") or prompt.tokens
        completion = reported.get("completion_tokens") or 0
        price = self.settings.price_for(self.settings.model)
        cost = None
        if price is not None:
            cost = (prompt_tokens * price.input + completion * price.output) / 1_000_000
        approximate = not reported and prompt.approximate
        return Usage(prompt_tokens, completion, cost, approximate)

    def _explain(self, error: Exception) -> BackendError:
        """An SDK error as a sentence that says what happened and what to do."""
        where, model = self.endpoint, self.settings.model
        if isinstance(error, openai.AuthenticationError):
            self._fatal = f"{where} refused the API key (401): check OPENAI_API_KEY"
            return BackendError(self._fatal, fatal=True)
        if isinstance(error, openai.NotFoundError):
            self._fatal = f"model '{model}' was not found at {where} (404): check --model"
            return BackendError(self._fatal, fatal=True)
        if isinstance(error, openai.RateLimitError):
            return BackendError(
                f"{where} is rate limiting (429) and retries ran out: wait a "
                "minute, or lower --concurrency"
            )
        if isinstance(error, openai.APITimeoutError) and not _refused(error):
            return BackendError(
                f"{where} did not answer within {self.settings.timeout:g} s: "
                "raise the timeout or try again"
            )
        if isinstance(error, openai.APIConnectionError):
            return BackendError(f"cannot reach {where}: is the server running?")
        if isinstance(error, openai.APIStatusError):
            return BackendError(f"{where} failed with HTTP {error.status_code}: try again later")
        if isinstance(error, openai.APIResponseValidationError | json.JSONDecodeError):
            return BackendError(f"{where} sent a reply that is not valid JSON")
        return BackendError(f"{where}: {type(error).__name__}: {error}")


def _refused(error: BaseException) -> bool:
    """Whether the connection itself failed (refused, no such host) under the error.

    On aiohttp, a refused connection reaches the SDK as a timeout: httpx-aiohttp maps
    aiohttp's ClientConnectorError to httpx.ConnectTimeout (noted in openai-python PR
    #3594). The OSError underneath says what really happened."""
    cause, depth = error.__cause__ or error.__context__, 0
    while cause is not None and depth < 8:
        if isinstance(cause, OSError) and not isinstance(cause, TimeoutError):
            return True
        cause, depth = cause.__cause__ or cause.__context__, depth + 1
    return False


def _as_text(proposal: Proposal) -> str:
    if proposal.subject is None:
        return proposal.text
    return f"Subject: {proposal.subject}\n\n{proposal.text}"


def parse_reply(content: str, kind: str, usage: Usage, prompt: Prompt) -> Proposal:
    """A model's reply as a proposal: fences and quotes off; an email's subject split out."""
    text = _FENCE.sub("", content.strip()).strip().strip('"“”').strip()
    subject = None
    if spec(kind).has_subject:
        first, _, rest = text.partition("\n")
        if first.lower().startswith("subject:"):
            subject, text = first.split(":", 1)[1].strip(), rest.strip()
    return Proposal(
        text=text, subject=subject, usage=usage, prompt_hash=prompt.hash, notices=prompt.notices
    )
