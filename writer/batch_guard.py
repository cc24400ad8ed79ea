"""What keeps a batch going and its `--out` to itself: one batch per folder (a lock that
says who holds it), and a backend whose strange answers are failed drafts, not crashes."""

from __future__ import annotations

import fcntl
import json
import os
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from writer.backends import Backend, BackendError, DraftRequest, Proposal
from writer.errors import UsageError

LOCK_NAME = ".writer-batch.lock"


class OutLock:
    """An exclusive `flock` on `--out`/.writer-batch.lock for the whole run. The kernel
    drops it when the process ends, however it ends, so a crash never leaves it stale."""

    def __init__(self, out: Path) -> None:
        self.out, self.path = out, out / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> OutLock:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            raise UsageError(f"--out {self.out}: cannot be used: {error.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise UsageError(
                f"--out {self.out} is in use by another batch ({holder}); wait for it to "
                "finish, or give another --out"
            ) from None
        since = datetime.now().astimezone().isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, since {since}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            os.close(self.fd)  # closing releases the lock
            self.fd = None


def unexpected(error: BaseException) -> str:
    """A sentence for an error nobody foresaw: what it was, without a traceback."""
    detail = str(error)
    detail = detail if len(detail) <= 200 else detail[:200] + "…"
    return f"unexpected {type(error).__name__}" + (f": {detail}" if detail else "")


class _Guarded:
    """The backend, with any error but `BackendError` (an answer of an unexpected shape,
    say) turned into one, so the drafting loop fails that draft and keeps the rest."""

    def __init__(self, inner: Backend) -> None:
        self.inner = inner
        self.name, self.model, self.can_repair = inner.name, inner.model, inner.can_repair
        self.can_stream, self.can_complete = inner.can_stream, inner.can_complete
        self.can_emit = inner.can_emit

    @property
    def endpoint(self) -> str | None:
        return self.inner.endpoint

    def execute(self, request: DraftRequest) -> list[Proposal]:
        try:
            return self.inner.execute(request)
        except BackendError:
            raise
        except Exception as error:
            raise BackendError(_malformed(error)) from None

    async def aexecute(
        self, request: DraftRequest, gate: AbstractAsyncContextManager[Any] | None = None
    ) -> list[Proposal]:
        try:
            proposals = await self.inner.aexecute(request, gate)
        except BackendError:
            raise
        except Exception as error:
            raise BackendError(_malformed(error)) from None
        if not isinstance(proposals, list) or not all(
            isinstance(p, Proposal) and isinstance(p.text, str) for p in proposals
        ):
            raise BackendError("the model's answer could not be read (not a draft)")
        return proposals

    async def aclose(self) -> None:
        await self.inner.aclose()


def _malformed(error: BaseException) -> str:
    return f"the model's answer could not be read ({unexpected(error)})"


def guarded(backend: Backend) -> Backend:
    return cast(Backend, _Guarded(backend))


def results_record(raw: bytes) -> dict[str, Any] | None:
    """One line of results.jsonl as a draft record, or None for a torn, undecodable or
    foreign line."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return record if is_draft(record) and isinstance(record.get("source"), str) else None


def is_draft(record: Any) -> bool:
    return (
        isinstance(record, dict)
        and isinstance(record.get("interviewer"), str)
        and isinstance(record.get("kind"), str)
        and isinstance(record.get("ok"), bool)
    )


def record_key(record: dict[str, Any]) -> tuple[Any, ...]:
    variant = record.get("variant")
    return (record["source"], record["interviewer"], record["kind"], repr(variant))
