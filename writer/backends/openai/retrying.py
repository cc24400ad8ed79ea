"""How long one draft may wait on a model, retries included, and when to retry.

Each request gets at most WRITER_TIMEOUT seconds from connecting to the last byte; the
whole call, with WRITER_MAX_RETRIES retries and the waits between them, at most
WRITER_TIMEOUT x (1 + WRITER_MAX_RETRIES), capped at MOST_SECONDS. A server's Retry-After is
honoured only if it fits in what is left; otherwise the draft ends now and says why."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

from writer.backends.openai.limits import Clock

MOST_SECONDS = 600.0
_RETRY_STATUSES = (408, 409, 429)


@dataclass
class Failure:
    """One attempt's failure: the sentence to show, and whether another try could help."""

    message: str
    retry: bool = False
    retry_after: float | None = None
    fatal: bool = False


@dataclass
class Budget:
    """The deadline of one draft's request, across its retries."""

    timeout: float
    retries: int
    started: float = field(default_factory=time.monotonic)
    tries: int = 0

    @property
    def total(self) -> float:
        return min(self.timeout * (1 + self.retries), MOST_SECONDS)

    def left(self) -> float:
        return self.started + self.total - time.monotonic()

    def clock(self) -> Clock:
        """The clock for the next attempt: WRITER_TIMEOUT, or less if less is left."""
        self.tries += 1
        if self.tries == 1:
            return Clock(self.timeout)
        return Clock(max(min(self.timeout, self.left()), 0.001), full=False)

    def wait(self, failure: Failure) -> float | str:
        """Seconds to wait before the next try, or why there is none (a closing clause)."""
        spent = time.monotonic() - self.started
        given_up = f"gave up after {spent:.2g} s"
        if self.tries > 1:
            given_up = f"gave up after {self.tries} tries in {spent:.2g} s"
        if not failure.retry:
            return ""
        if self.tries > self.retries:
            return given_up
        left = self.left()
        if failure.retry_after is not None and failure.retry_after > left:
            return (
                f"it asked to retry after {failure.retry_after:g} s, more than the "
                f"{max(left, 0):.2g} s left of the draft's {self.total:g} s deadline"
            )
        delay = failure.retry_after
        if delay is None:
            delay = min(0.5 * 2 ** (self.tries - 1), 8.0) * (1 - 0.25 * random.random())
        if delay >= left - 0.05:
            return given_up
        return max(delay, 0.0)


def retry_after(headers: Any) -> float | None:
    """The server's Retry-After (or retry-after-ms), in seconds, if it sent one."""
    try:
        millis = headers.get("retry-after-ms")
        if millis is not None:
            return max(float(millis) / 1000, 0.0)
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            return max(float(value), 0.0)
        except ValueError:
            moment = parsedate_to_datetime(value)
            return max(moment.timestamp() - time.time(), 0.0)
    except (TypeError, ValueError, OverflowError):
        return None


def should_retry(status: int, headers: Any) -> bool:
    """The SDK's rule: the server's x-should-retry if it says, else 408, 409, 429, 5xx."""
    told = str(headers.get("x-should-retry", "")).lower()
    if told in ("true", "false"):
        return told == "true"
    return status in _RETRY_STATUSES or status >= 500
