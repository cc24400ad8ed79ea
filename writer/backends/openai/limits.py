"""Bounds on what one model request may cost: a total deadline (connect, headers, body,
stream) and a byte cap on the answer before and after decompression.

httpx's timeouts are per read, so a server that drips a byte every half second never trips
them. The sync client gets a network backend whose every connect, read and write is given at
most the time left before the request's deadline; the async client (aiohttp) is bounded by
`asyncio.timeout` around the request. Both go through a transport that decodes gzip/deflate
itself, with a cap, so that a small compressed answer cannot grow memory without bound."""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

MAX_ANSWER_BYTES = 1_000_000  # a draft is a few kB; a streamed one a few hundred kB of SSE


class ServerMisbehaved(Exception):
    """The server did something no answer should do; the message is the sentence to show."""


@dataclass
class Clock:
    """One request's deadline, and what the server sent before it (for the message)."""

    seconds: float
    full: bool = True  # False: a retry given only what was left of the draft's deadline
    started: float = field(default_factory=time.monotonic)
    received: int = 0
    last_byte: float | None = None

    @property
    def until(self) -> float:
        return self.started + self.seconds

    def left(self) -> float:
        return self.until - time.monotonic()

    def bound(self, timeout: float | None) -> float:
        """`timeout`, shortened to the time left; past the deadline, a timeout now."""
        left = self.left()
        if left <= 0:
            raise httpcore.ReadTimeout(f"the {self.seconds:g} s deadline passed")
        return left if timeout is None else min(timeout, left)

    def got(self, count: int) -> None:
        if count:
            self.received += count
            self.last_byte = time.monotonic()

    def what_happened(self, host: str) -> str:
        """What the server did before the deadline, as the start of a sentence."""
        spent = time.monotonic() - self.started
        if not self.received or self.last_byte is None:
            within = f" within {self.seconds:.2g} s" if self.full else ""
            return f"the server at {host} did not answer{within}"
        sent_for = self.last_byte - self.started
        if spent - sent_for > 1.0:
            return (
                f"the server at {host} sent {self.received} bytes in {sent_for:.2g} s "
                "and then stalled"
            )
        return (
            f"the server at {host} was still sending after {spent:.2g} s "
            f"({self.received} bytes, far too slowly)"
        )


CLOCK: ContextVar[Clock | None] = ContextVar("writer_request_clock", default=None)


def _bound(timeout: float | None) -> float | None:
    clock = CLOCK.get()
    return timeout if clock is None else clock.bound(timeout)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._inner.read(max_bytes, _bound(timeout))
        clock = CLOCK.get()
        if clock is not None:
            clock.got(len(data))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bound(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bound(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineNetwork(httpcore.NetworkBackend):
    """httpcore's socket backend, each operation given at most the time left."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _bound(timeout), local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_unix_socket(path, _bound(timeout), socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Decoder:
    """The answer's bytes as sent, decoded and counted; past the cap, ServerMisbehaved."""

    def __init__(self, encoding: str, host: str, limit: int) -> None:
        self.host, self.limit, self.raw, self.size = host, limit, 0, 0
        wbits = {"gzip": 31, "x-gzip": 31, "deflate": 15}.get(encoding)
        if wbits is None and encoding not in ("", "identity"):
            raise ServerMisbehaved(
                f"the server at {host} sent its answer in the '{encoding[:20]}' encoding, "
                "which was not asked for"
            )
        self._zlib = None if wbits is None else zlib.decompressobj(wbits)

    def feed(self, chunk: bytes) -> bytes:
        self.raw += len(chunk)
        if self.raw > self.limit:
            raise self._too_large("an answer")
        if self._zlib is None:
            out = chunk
        else:
            try:
                out = self._zlib.decompress(chunk, self.limit - self.size + 1)
            except zlib.error:
                raise ServerMisbehaved(
                    f"the server at {self.host} sent a compressed answer that is corrupt"
                ) from None
            if self._zlib.unconsumed_tail:
                raise self._too_large("a compressed answer that expands to")
        self.size += len(out)
        if self.size > self.limit:
            raise self._too_large("an answer")
        return out

    def _too_large(self, what: str) -> ServerMisbehaved:
        return ServerMisbehaved(
            f"the server at {self.host} sent {what} over {self.limit // 1_000_000} MB "
            "(far more than any draft); gave up reading it"
        )


def _decoded_response(
    response: httpx.Response, stream: Any, request: httpx.Request
) -> httpx.Response:
    headers = [
        (k, v)
        for k, v in response.headers.multi_items()
        if k.lower() not in ("content-encoding", "content-length")
    ]
    return httpx.Response(
        response.status_code,
        headers=headers,
        stream=stream,
        request=request,
        extensions=response.extensions,
    )


def _decoder_for(response: httpx.Response, request: httpx.Request, limit: int) -> _Decoder:
    host = request.url.netloc.decode("ascii", "replace")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _Decoder("", host, limit)._too_large("an answer")
    return _Decoder(response.headers.get("content-encoding", "").strip().lower(), host, limit)


class _CappedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream, decoder: _Decoder) -> None:
        self._inner, self._decoder = inner, decoder

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            yield self._decoder.feed(chunk)

    def close(self) -> None:
        self._inner.close()


class _AsyncCappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, decoder: _Decoder) -> None:
        self._inner, self._decoder = inner, decoder

    async def __aiter__(self) -> AsyncIterator[bytes]:
        clock = CLOCK.get()
        async for chunk in self._inner:
            if clock is not None:
                clock.got(len(chunk))
            yield self._decoder.feed(chunk)

    async def aclose(self) -> None:
        await self._inner.aclose()


class CappedTransport(httpx.BaseTransport):
    """A sync transport bounded in time (see `Clock`) and in answer size."""

    def __init__(self, limit: int = MAX_ANSWER_BYTES) -> None:
        self._inner = httpx.HTTPTransport()
        # httpx has no parameter for httpcore's network backend; the pool reads this one.
        self._inner._pool._network_backend = _DeadlineNetwork()
        self.limit = limit

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["accept-encoding"] = "gzip, deflate"
        response = self._inner.handle_request(request)
        try:
            decoder = _decoder_for(response, request, self.limit)
        except ServerMisbehaved:
            response.close()
            raise
        assert isinstance(response.stream, httpx.SyncByteStream)
        return _decoded_response(response, _CappedStream(response.stream, decoder), request)

    def close(self) -> None:
        self._inner.close()


class AsyncCappedTransport(httpx.AsyncBaseTransport):
    """The aiohttp transport, bounded in answer size (time: `asyncio.timeout` around it)."""

    def __init__(self, limit: int = MAX_ANSWER_BYTES) -> None:
        from httpx_aiohttp import AiohttpTransport

        self._inner = AiohttpTransport()
        self.limit = limit

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["accept-encoding"] = "gzip, deflate"
        response = await self._inner.handle_async_request(request)
        clock = CLOCK.get()
        if clock is not None:  # the sync client counts these bytes as they come
            clock.got(sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 17)
        try:
            decoder = _decoder_for(response, request, self.limit)
        except ServerMisbehaved:
            await response.aclose()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        stream = _AsyncCappedStream(response.stream, decoder)
        return _decoded_response(response, stream, request)

    async def aclose(self) -> None:
        await self._inner.aclose()
