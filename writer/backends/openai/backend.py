"""Any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp, LM Studio)
through the official `openai` SDK: sync for the CLI, async for batch, streaming for the app.

Every request is bounded in time and size (`limits`, `retrying`, `calls`), every answer read
defensively (`answers`), and no credential or key-shaped string is shown (`redact`)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
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
from writer.backends.openai.answers import cut_off, parse_json, reply_of, stream_piece
from writer.backends.openai.calls import ATTEMPT_ERRORS, Endpoint, acall, call, ended, explain
from writer.backends.openai.limits import (
    CLOCK,
    AsyncCappedTransport,
    CappedTransport,
    Clock,
    ServerMisbehaved,
)
from writer.backends.openai.prompt_parts import When
from writer.backends.openai.prompting import Prompt, build_prompt
from writer.backends.openai.redact import host_of, mask_keys, mask_url
from writer.backends.openai.settings import OpenAISettings
from writer.kinds import MessageKind, spec

if TYPE_CHECKING:
    from writer.config import Settings

LOCAL_KEY = "not-needed"  # local servers ignore the key, but the SDK insists on one
_FENCE = re.compile(r"^```[a-z]*\n|\n?```$")
_REFUSAL = re.compile(r"^\s*(i'?m sorry|i cannot|i can'?t|i am unable|as an ai)\b", re.I)
KEY_NOTICE = "the model's reply held an API key (or something shaped like one); it was masked"


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
        raw = settings.base_url or "https://api.openai.com/v1"
        self.where = Endpoint(
            mask_url(raw), host_of(raw), settings.model, settings.timeout, settings.max_retries
        )

    @property
    def endpoint(self) -> str:
        """The endpoint's URL as shown anywhere: credentials in it masked."""
        return self.where.url

    def _options(self) -> dict[str, Any]:
        # Retries are ours (`calls`), bounded by the draft's deadline; the SDK's are not.
        return {
            "api_key": resolve_key(self.settings),
            "base_url": self.settings.base_url,
            "timeout": self.settings.timeout,
            "max_retries": 0,
        }

    @property
    def client(self) -> openai.OpenAI:
        if self._client is None:
            http = httpx.Client(transport=CappedTransport(), follow_redirects=True)
            self._client = openai.OpenAI(**self._options(), http_client=http)
        return self._client

    @property
    def async_client(self) -> openai.AsyncOpenAI:
        """The client for the running event loop, on aiohttp: the SDK's transport for many
        requests at once (a 300-request batch used about a fifth less CPU than on httpx's
        own, and that CPU is what delays reading the answers)."""
        loop = asyncio.get_running_loop()
        if self._async_client is None or self._async_loop is not loop:
            http = httpx.AsyncClient(transport=AsyncCappedTransport(), follow_redirects=True)
            self._async_client = openai.AsyncOpenAI(**self._options(), http_client=http)
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
            previous=None if previous is None else _quoted(previous, request),
            findings=request.findings,
            guidance=request.guidance,
            instruction=request.instruction,
            when=When(request.now, request.not_before, request.not_after, request.late),
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

    def _check_fatal(self) -> None:
        if self._fatal:
            raise BackendError(self._fatal, fatal=True)

    def _remember(self, error: BackendError) -> BackendError:
        if error.fatal:
            self._fatal = str(error)
        return error

    def _post(self, body: dict[str, Any]) -> Any:
        """One chat-completions request, sync, within the deadline; its answer as JSON."""
        self._check_fatal()
        client = self.client

        def attempt() -> bytes:
            raw = client.post("/chat/completions", body=body, cast_to=httpx.Response)
            return raw.content

        try:
            return parse_json(call(attempt, self.where), self.where.host)
        except BackendError as error:
            raise self._remember(error) from None
        except ServerMisbehaved as error:
            raise BackendError(str(error)) from None

    def execute(self, request: DraftRequest) -> list[Proposal]:
        prompt = self.prompt(request)
        data = self._post(self._arguments(prompt))
        return [self._proposal(request.kind, prompt, data)]

    def complete(self, messages: list[dict[str, str]], *, json_mode: bool = False) -> str:
        """One plain completion (used by `writer import`); the reply's text."""
        arguments: dict[str, Any] = {
            "model": self.settings.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": 2000,
        }
        if json_mode:
            arguments["response_format"] = {"type": "json_object"}
        reply = self._reply(self._post(arguments))
        if not reply.content:
            raise BackendError("the model sent an empty reply; try again or another model")
        return mask_keys(reply.content, self._key())[0]

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        """`execute` for asyncio callers (batch runs many at once); `gate` is held from
        sending the request to reading the answer, retries included."""
        self._check_fatal()
        prompt = self.prompt(request)
        body = self._arguments(prompt)

        client = self.async_client

        async def attempt() -> bytes:
            # The body goes as built and the answer comes back as plain JSON: the SDK's
            # parameter transform and response models cost ~3 ms of CPU per request, which
            # is what limits a batch at high concurrency.
            raw = await client.post("/chat/completions", body=body, cast_to=httpx.Response)
            return raw.content

        try:
            async with gate or nullcontext():
                answer = await acall(attempt, self.where)
            data = parse_json(answer, self.where.host)
        except BackendError as error:
            raise self._remember(error) from None
        except ServerMisbehaved as error:
            raise BackendError(str(error)) from None
        return [self._proposal(request.kind, prompt, data)]

    def stream(self, request: DraftRequest, piece: Callable[[str], None]) -> list[Proposal]:
        """The draft as it is written, the text so far handed to `piece` after each piece
        (for the terminal app); then the whole text as a proposal, like `execute`'s."""
        prompt = self.prompt(request)
        text = ""
        for part in self._pieces(prompt):
            text += part
            piece(text)
        return [parse_reply(text, request.kind, Usage(), prompt)]

    def _pieces(self, prompt: Prompt) -> Iterator[str]:
        """The draft as it is written, piece by piece; the whole stream within one
        request's deadline."""
        self._check_fatal()
        completions = self.client.chat.completions  # its first use imports; not on the clock
        clock = Clock(self.settings.timeout)
        token = CLOCK.set(clock)
        try:
            chunks = iter(completions.create(**self._arguments(prompt), stream=True))
        except ATTEMPT_ERRORS as error:
            raise self._remember(ended(explain(error, self.where, clock), "")) from None
        finally:
            CLOCK.reset(token)
        finished = False
        while True:
            token = CLOCK.set(clock)
            try:
                chunk = next(chunks, None)
                if chunk is None and not finished:
                    raise cut_off(self.where.host)
                piece, last = ("", True) if chunk is None else stream_piece(chunk, self.where.host)
            except ATTEMPT_ERRORS as error:
                raise self._stream_error(error, clock) from None
            finally:
                CLOCK.reset(token)
            if chunk is None:
                return
            finished = finished or last
            if piece:
                yield mask_keys(piece, self._key())[0]

    def _stream_error(self, error: BaseException, clock: Clock) -> BackendError:
        failure = explain(error, self.where, clock)
        why = f"gave up after {clock.seconds:g} s" if failure.retry else ""
        return self._remember(ended(failure, why))

    def _key(self) -> str | None:
        key = self.settings.api_key
        return None if key is None else key.get_secret_value()

    def _reply(self, data: Any) -> Any:
        try:
            return reply_of(data, self.where.host)
        except ServerMisbehaved as error:
            raise BackendError(str(error)) from None

    def _proposal(self, kind: MessageKind, prompt: Prompt, data: Any) -> Proposal:
        """A chat-completions answer (as JSON) as a proposal, or the BackendError it is."""
        reply = self._reply(data)
        key = self._key()
        content = mask_keys((reply.content or "").strip(), key)[0]
        if reply.refusal:
            raise BackendError(f"the model refused: {mask_keys(reply.refusal[:300], key)[0]}")
        if not content:
            raise BackendError("the model sent an empty reply; try again or another model")
        if _REFUSAL.match(content) and len(content) < 300:
            raise BackendError(f"the model refused: {content[:120]}")
        proposal = parse_reply(content, kind, self._usage(prompt, reply), prompt)
        if mask_keys(reply.content or "", key)[1]:
            return Proposal(
                text=proposal.text,
                subject=proposal.subject,
                usage=proposal.usage,
                prompt_hash=proposal.prompt_hash,
                notices=(*proposal.notices, KEY_NOTICE),
            )
        return proposal

    def _usage(self, prompt: Prompt, reply: Any) -> Usage:
        # Reported numbers that are not plausible counts were dropped by `reply_of`.
        prompt_tokens = reply.prompt_tokens or prompt.tokens
        completion = reply.completion_tokens or 0
        price = self.settings.price_for(self.settings.model)
        cost = None
        if price is not None:
            cost = (prompt_tokens * price.input + completion * price.output) / 1_000_000
        approximate = not reply.usage_reported and prompt.approximate
        return Usage(prompt_tokens, completion, cost, approximate)


def _quoted(proposal: Proposal, request: DraftRequest) -> str:
    """The previous draft for a repair prompt, cut to the message's allowed length: a model
    that sent 10 MB is not sent its 10 MB back."""
    from writer.checker import limit_for

    limit, unit = limit_for(request.kind, request.notes.tier.value, request.guidance)
    most = limit if unit == "chars" else limit * 12  # a generous bound on a word's length
    text = _as_text(proposal)
    return text if len(text) <= most else text[:most]


def _as_text(proposal: Proposal) -> str:
    if proposal.subject is None:
        return proposal.text
    return f"Subject: {proposal.subject}\n\n{proposal.text}"


def parse_reply(content: str, kind: MessageKind, usage: Usage, prompt: Prompt) -> Proposal:
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
