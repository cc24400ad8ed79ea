"""One model call under a deadline, retried within it, every failure a sentence.

The SDK's own retries are off (its Retry-After wait can reach a minute and its sleeps cannot
be bounded); this module retries instead, within the draft's `Budget`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import httpx
import openai

from writer.backends.base import BackendError
from writer.backends.openai.limits import CLOCK, Clock, ServerMisbehaved
from writer.backends.openai.redact import mask_credentials
from writer.backends.openai.retrying import Budget, Failure, retry_after, should_retry

T = TypeVar("T")
# What one attempt may raise: the SDK's errors, and (from a stream, which the SDK does not
# wrap) httpx's, ours, and what a malformed event does to the SDK's JSON parsing.
ATTEMPT_ERRORS = (openai.OpenAIError, httpx.HTTPError, ServerMisbehaved, ValueError, RecursionError)


@dataclass(frozen=True)
class Endpoint:
    """Where the requests go, as shown to the user (credentials masked)."""

    url: str
    host: str
    model: str
    timeout: float
    retries: int


def call(fn: Callable[[], T], where: Endpoint) -> T:
    """`fn()` (one request), retried within the budget; or the BackendError that ends it."""
    budget, first = Budget(where.timeout, where.retries), None
    while True:
        clock = budget.clock()
        token = CLOCK.set(clock)
        try:
            return fn()
        except ATTEMPT_ERRORS as error:
            failure = explain(error, where, clock)
        finally:
            CLOCK.reset(token)
        first = first or failure
        delay = budget.wait(failure)
        if isinstance(delay, str):
            raise ended(first if failure.retry else failure, delay)
        time.sleep(delay)


async def acall(fn: Callable[[], Awaitable[T]], where: Endpoint) -> T:
    """`call` for asyncio: each attempt is cancelled at its deadline."""
    budget, first = Budget(where.timeout, where.retries), None
    while True:
        clock = budget.clock()
        token = CLOCK.set(clock)
        try:
            async with asyncio.timeout(clock.seconds):
                return await fn()
        except TimeoutError:
            failure = Failure(clock.what_happened(where.host), retry=True)
        except ATTEMPT_ERRORS as error:
            failure = explain(error, where, clock)
        finally:
            CLOCK.reset(token)
        first = first or failure
        delay = budget.wait(failure)
        if isinstance(delay, str):
            raise ended(first if failure.retry else failure, delay)
        await asyncio.sleep(delay)


def ended(failure: Failure, why: str) -> BackendError:
    """The error that ends a draft: what the server did (on the first try, which had the
    full timeout, when every try failed alike), then why there was no further try."""
    message = f"{failure.message}; {why}" if why else failure.message
    return BackendError(mask_credentials(message), fatal=failure.fatal)


def _under(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    cause: BaseException | None = error
    for _ in range(10):
        if cause is None or isinstance(cause, kind):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def explain(error: BaseException, where: Endpoint, clock: Clock) -> Failure:
    """An attempt's error as a sentence that says what the server did, and what to do."""
    url, host = where.url, where.host
    misbehaved = _under(error, ServerMisbehaved)
    if misbehaved is not None:
        return Failure(str(misbehaved))
    redirects = _under(error, httpx.TooManyRedirects)
    if redirects is not None:
        return Failure(
            f"the server at {host} redirected request after request in a loop (over 20 "
            "redirects): check OPENAI_BASE_URL"
        )
    if isinstance(error, openai.APIStatusError):
        return _status(error, where)
    if isinstance(error, openai.APITimeoutError | httpx.TimeoutException) and not _refused(error):
        return Failure(clock.what_happened(host), retry=True)
    if isinstance(error, openai.APIConnectionError | httpx.ConnectError) and _refused(error):
        return Failure(f"cannot reach {url}: is the server running?", retry=True)
    if isinstance(error, openai.APIConnectionError | httpx.TransportError):
        return Failure(
            f"the server at {host} broke off the connection before its answer was complete",
            retry=True,
        )
    if isinstance(error, RecursionError):
        return Failure(f"the server at {host} sent JSON nested too deeply to read")
    if isinstance(error, UnicodeDecodeError):
        return Failure(f"the server at {host} sent an answer that is not valid UTF-8")
    if isinstance(error, ValueError | openai.APIResponseValidationError):
        return Failure(f"{url} sent a reply that is not valid JSON")
    return Failure(f"{url}: {type(error).__name__}: {str(error)[:200]}")


def _status(error: openai.APIStatusError, where: Endpoint) -> Failure:
    url, status, headers = where.url, error.status_code, error.response.headers
    if status == 401:
        return Failure(f"{url} refused the API key (401): check OPENAI_API_KEY", fatal=True)
    if status == 404:
        return Failure(
            f"model '{where.model}' was not found at {url} (404): check --model", fatal=True
        )
    retry, wait = should_retry(status, headers), retry_after(headers)
    if status == 429:
        return Failure(
            f"{url} is rate limiting (429): wait a minute, or lower --concurrency",
            retry=retry,
            retry_after=wait,
        )
    return Failure(
        f"{url} failed with HTTP {status}: try again later", retry=retry, retry_after=wait
    )


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
