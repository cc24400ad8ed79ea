"""Drafting in worker processes, for a backend that drafts on this machine's own CPU (the
offline composer): one process per usable core, so a batch uses every core, while this
process reads the next inputs and writes the results exactly as it does alone.

The workers are forked when the batch starts, before it starts any thread, and end with it
(or with this process, however it ends: a kill must not leave them holding `--out`)."""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.batch_summary import InputOutcome

if TYPE_CHECKING:
    from writer.batch import Batch

PR_SET_PDEATHSIG = 1
_batch: Batch | None = None
_loop: asyncio.AbstractEventLoop | None = None


def usable(backend_name: str, wanted: int | None) -> int:
    """How many worker processes to draft in: none (draft here) unless drafting is CPU work
    and more than one core is there to share it."""
    if wanted is not None:
        return wanted
    if backend_name != "offline" or sys.platform != "linux":
        return 0
    cores = len(os.sched_getaffinity(0))
    return cores if cores > 1 else 0


class Processes:
    """The worker processes of one batch."""

    def __init__(self, batch: Batch, count: int) -> None:
        self.executor = ProcessPoolExecutor(
            count,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start,
            initargs=(batch, os.getpid()),  # handed over by the fork, not pickled
        )
        self.executor.submit(os.getpid).result()  # fork them all now, while no thread runs

    async def drafted(self, source: Path, name: str) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, _drafted, source, name)

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _start(batch: Batch, parent: int) -> None:
    global _batch, _loop
    # End with the batch's process even when it is killed (its queue alone would not say).
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)
    _close_the_lock(batch.out)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c is the batch's to handle
    _batch, _loop = batch, asyncio.new_event_loop()


def _close_the_lock(out: Path) -> None:
    """The fork copied the descriptor of `--out`'s lock; the batch alone holds it."""
    from writer.batch_guard import LOCK_NAME

    lock = os.path.realpath(out / LOCK_NAME)
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == lock:
                os.close(int(fd))
        except OSError:
            continue


def _drafted(source: Path, name: str) -> Any:
    """What `Batch.drafted` gives, or the input's failed entry (sent back as plain data)."""
    from writer.batch import failure
    from writer.reading import shown_path

    assert _batch is not None and _loop is not None
    try:
        return _loop.run_until_complete(_batch.drafted(source, name))
    except Exception as error:
        outcome: InputOutcome = failure(shown_path(source), error)
        return outcome
