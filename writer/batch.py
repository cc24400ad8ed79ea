"""`writer batch`: many notes files, drafted concurrently, resumable after any crash.

Per input it writes `<name>.md`, then `<name>.json` (written last: its presence means the
input is done), then appends the input's lines to `results.jsonl`. A rerun first repairs
`results.jsonl` (drops torn, undecodable or foreign lines, lines of inputs that did not
finish, duplicates, and re-adds lines of finished inputs that are missing), then drafts only
what is not done; a done `.json` that cannot be read means its input is drafted again.
Anything wrong with one input (unreadable, invalid, a model answer that makes no sense) is a
failed entry in `summary.json`; the others finish. One batch at a time holds `--out`.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from writer.atomic import replacing, write_atomic
from writer.backends import Backend, BackendError
from writer.batch_guard import OutLock, guarded, is_draft, record_key, results_record, unexpected
from writer.batch_inputs import NOTES_SUFFIXES, Inputs, expand
from writer.batch_procs import Processes, usable
from writer.batch_summary import InputOutcome, Tally, outcome_of, summarise
from writer.drafting import Draft, DraftSet, adraft_one, check_distinct, draft_steps
from writer.errors import InputError
from writer.guidance import DEFAULT_GUIDANCE
from writer.ledger import DraftLog
from writer.loader import load_notes, shown_path
from writer.notes import Interviewer, Notes
from writer.plan import Action, Plan, Sent
from writer.planner import plan_for

RESULTS, SUMMARY = "results.jsonl", "summary.json"
__all__ = ["NOTES_SUFFIXES", "Batch", "InputOutcome", "Inputs", "expand", "outcome_of"]
__all__ += ["run_batch", "summarise", "write_outputs"]


def output_name(source: Path) -> str:
    """A file name per input that two inputs with one name cannot share (and that fits in
    any file system, whatever the input's name)."""
    try:
        where = source.resolve()
    except (OSError, RuntimeError):  # a symlink loop; the input then fails to read
        where = Path(os.path.abspath(source))
    digest = hashlib.sha256(os.fsencode(where)).hexdigest()[:8]
    stem = source.stem
    if len(os.fsencode(stem)) > 100:
        stem = os.fsencode(stem)[:100].decode("utf-8", "ignore")
    return f"{stem}-{digest}"


def draft_lines(result: dict[str, Any], source: str) -> list[str]:
    return [json.dumps({**d, "source": source}, ensure_ascii=False) for d in result["drafts"]]


class Batch:
    """One batch run into `out`."""

    def __init__(
        self,
        out: Path,
        backend: Backend,
        *,
        now: datetime,
        concurrency: int = 4,
        repairs: int = 2,
        sent: list[Sent] | None = None,
        progress: Callable[[str], None] | None = None,
        log: DraftLog | None = None,
        processes: int | None = None,
    ) -> None:
        """`processes`: how many worker processes draft (0: all here); by default one per
        core when the backend drafts on this machine's CPU (see `writer.batch_procs`)."""
        self.out, self.backend, self.now = out, backend, now
        self.processes = usable(backend.name, processes)
        self.pool: Processes | None = None
        self.log = log
        # The draft log writes from a thread of its own (SQLite connections stay in the
        # thread that opened them); nothing waits for it until the run ends.
        self.logging = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft-log")
        self.rows: list[tuple[Any, ...]] = []  # journaled, handed to that thread in groups
        self.handed = time.monotonic()
        self.repairs, self.sent = repairs, sent or []
        self.limit = asyncio.Semaphore(max(concurrency, 1))
        # Inputs in progress at once: enough to keep `concurrency` drafts in flight, few
        # enough that reading and planning them never holds up the requests.
        self.workers = max(concurrency, self.processes, 1) + 2
        self.progress = progress or (lambda line: None)

    def done_path(self, source: Path) -> Path:
        return self.out / f"{output_name(source)}.json"

    def finished(self, source: Path, done: Path | None = None) -> dict[str, Any] | None:
        """The done `.json` of an input, or None when there is none or it is damaged
        (then the input is drafted again)."""
        try:
            raw = (done or self.done_path(source)).read_bytes()
            result = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(result, dict):
            return None
        drafts = result.get("drafts")
        if not isinstance(drafts, list) or not all(is_draft(d) for d in drafts):
            return None
        return dict(result)

    def repair_results(self, sources: Iterable[Path]) -> int:
        """Make results.jsonl hold each finished input's lines exactly once; how many
        inputs there are. Holds the names of finished inputs, not their results."""
        results, total = self.out / RESULTS, 0
        done: set[str] = set()
        for source in sources:
            total += 1
            if self.finished(source) is not None:
                done.add(shown_path(source))
        seen: set[tuple[Any, ...]] = set()
        with atomic_lines(results) as keep:
            if done and results.exists():
                with open(results, "rb") as lines:
                    for record in filter(None, map(results_record, lines)):
                        if record["source"] in done and (key := record_key(record)) not in seen:
                            seen.add(key)
                            keep(json.dumps(record, ensure_ascii=False))
            for source in sources if done else ():
                result = self.finished(source)
                if result is None:
                    continue
                for line in draft_lines(result, shown_path(source)):
                    if (key := record_key(json.loads(line))) not in seen:
                        seen.add(key)
                        keep(line)
        return total

    async def run(self, sources: Iterable[Path]) -> Tally:
        """Draft every input with a fixed set of workers, each taking the next input as
        it finishes one: the inputs are read as they are drafted, never all held."""
        self.out.mkdir(parents=True, exist_ok=True)
        total = self.repair_results(sources)
        started, tally = time.monotonic(), Tally()
        feed = enumerate(sources)
        if self.processes:
            self.pool = Processes(self, self.processes)

        async def worker() -> None:
            for place, source in feed:  # one event loop: each input goes to one worker
                outcome = await self.input(source)
                tally.add(outcome, place)
                left = total - tally.inputs
                eta = (time.monotonic() - started) / tally.inputs * left
                self.progress(
                    f"[{tally.inputs}/{total}] {outcome.status:<7} {outcome.source}"
                    + (f": {outcome.error}" if outcome.error else "")
                    + (f"  (about {eta:.0f} s left)" if left > 0 else "")
                )

        try:
            await asyncio.gather(*(worker() for _ in range(self.workers)))
        finally:
            if self.pool is not None:
                await asyncio.to_thread(self.pool.close)
                self.pool = None
            await self.backend.aclose()
            if self.log is not None:
                self.logging.submit(self.log.commit, self.rows)
                self.logging.submit(self.log.close)
            await asyncio.to_thread(self.logging.shutdown)
        return tally

    async def input(self, source: Path) -> InputOutcome:
        """How one input went; whatever goes wrong with it is its failed entry."""
        label = shown_path(source)
        try:
            return await self._input(source, label)
        except Exception as error:  # one input must never stop the batch
            return failure(label, error)

    async def _input(self, source: Path, label: str) -> InputOutcome:
        name = output_name(source)
        finished = self.finished(source, self.out / f"{name}.json")
        if finished is not None:
            return outcome_of(label, "skipped", finished)
        if self.pool is not None:
            done = await self.pool.drafted(source, name)
            if isinstance(done, InputOutcome):
                return done
        else:
            done = await self.drafted(source, name)
        result, files, payload = done
        # Journaled before the input is marked done, so no kill can lose its log rows.
        if self.log is not None:
            self.rows += self.log.note(result, label)
        await asyncio.to_thread(store, files)
        self.hand_rows()
        return outcome_of(label, "done", payload)

    async def drafted(self, source: Path, name: str) -> tuple[DraftSet, Rendered, dict[str, Any]]:
        """One input read, planned, drafted and rendered, nothing written. Reading,
        planning and rendering take a few milliseconds and run in the event loop's thread:
        Python work in another thread would hold the interpreter lock while responses wait
        to be read."""
        notes = load_notes(source)
        plan = plan_for(notes, self.now, sent=self.sent)
        result = await self.draft(notes, plan)
        return result, rendered(self.out, source, notes, result, name), result.to_json()

    def hand_rows(self) -> None:
        """Journaled rows go to the draft log's thread in groups, not one hop per input."""
        if self.log is None or not self.rows:
            return
        if len(self.rows) >= DraftLog.FLUSH_ROWS or time.monotonic() - self.handed >= 1.0:
            self.logging.submit(self.log.commit, self.rows)
            self.rows, self.handed = [], time.monotonic()

    async def draft(self, notes: Notes, plan: Plan) -> DraftSet:
        jobs = [
            self.bounded(notes, message.person, message.action, plan.now)
            for message in plan.messages(notes)
        ]
        drafts: list[Draft] = list(await asyncio.gather(*jobs))
        check_distinct(drafts, DEFAULT_GUIDANCE)
        return DraftSet(
            backend=self.backend.name, model=self.backend.model, plan=plan, drafts=drafts
        )

    async def bounded(
        self, notes: Notes, person: Interviewer, action: Action, now: datetime
    ) -> Draft:
        # At most `concurrency` requests in flight; the gate is held only while one is.
        try:
            return await adraft_one(
                notes,
                person,
                action,
                guarded(self.backend),
                now,
                gate=self.limit,
                repairs=self.repairs,
            )
        except Exception as error:  # the draft fails, not the batch
            steps = draft_steps(notes, person, action, self.backend, now)
            next(steps)
            try:
                steps.send(BackendError(unexpected(error)))
            except StopIteration as failed:
                return failed.value  # type: ignore[no-any-return]
            raise


def failure(label: str, error: Exception) -> InputOutcome:
    """An input's failed entry, saying what went wrong with it."""
    if isinstance(error, InputError):
        return InputOutcome(label, "failed", error=str(error.problems[0]))
    if isinstance(error, OSError):
        why = error.strerror or str(error)
        return InputOutcome(label, "failed", error=f"{label}: cannot write its results: {why}")
    return InputOutcome(label, "failed", error=f"{label}: {unexpected(error)}")


@dataclass(frozen=True)
class Rendered:
    """One input's outputs as text, ready to store."""

    markdown: tuple[Path, str]
    done: tuple[Path, str]  # the JSON, whose presence marks the input as done
    results: Path
    lines: list[str]


def rendered(
    out: Path, source: Path, notes: Notes, result: DraftSet, name: str | None = None
) -> Rendered:
    name, label = name or output_name(source), shown_path(source)
    payload = {"source": label, **result.to_json()}
    return Rendered(
        markdown=(out / f"{name}.md", _markdown(notes, result, label)),
        done=(out / f"{name}.json", json.dumps(payload, ensure_ascii=False, indent=1)),
        results=out / RESULTS,
        lines=draft_lines(payload, label),
    )


def store(files: Rendered) -> None:
    """The Markdown, then the JSON (the mark that the input is done), then its lines."""
    write_atomic(*files.markdown)
    write_atomic(*files.done)
    with open(files.results, "a", encoding="utf-8") as handle:
        for line in files.lines:
            handle.write(line + "\n")
            handle.flush()
        os.fsync(handle.fileno())


@contextlib.contextmanager
def atomic_lines(path: Path) -> Iterator[Callable[[str], object]]:
    """Lines written one by one to a file that replaces `path` whole, or not at all."""
    with replacing(path) as handle:
        yield lambda line: handle.write(line.encode("utf-8") + b"\n")


def write_outputs(out: Path, source: Path, notes: Notes, result: DraftSet) -> None:
    """Render and store one input's outputs in one call (for `--collect`)."""
    store(rendered(out, source, notes, result))


def _markdown(notes: Notes, result: DraftSet, source: str) -> str:
    from writer.render import drafts_markdown

    model = f" ({result.model})" if result.model else ""
    return drafts_markdown(
        f"{notes.company} — {notes.role}",
        result.drafts,
        f"From `{source}`, drafted by {result.backend}{model}.",
    )


def run_batch(
    sources: Iterable[Path],
    out: Path,
    backend: Backend,
    *,
    now: datetime,
    concurrency: int,
    repairs: int,
    sent: list[Sent],
) -> dict[str, Any]:
    """Draft every input into `out`; write and return the summary."""
    tty = sys.stderr.isatty()

    def progress(line: str) -> None:
        if tty:
            sys.stderr.write("\r\x1b[2K" + line[:200])
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def warn(line: str) -> None:
        sys.stderr.write(("\n" if tty else "") + line + "\n")

    with OutLock(out):
        batch = Batch(
            out,
            backend,
            now=now,
            concurrency=concurrency,
            repairs=repairs,
            sent=sent,
            progress=progress,
            log=DraftLog(warn),
        )
        started = time.monotonic()
        tally = asyncio.run(batch.run(sources))
        if tty:
            sys.stderr.write("\n")
        summary = tally.summary(time.monotonic() - started)
        write_atomic(out / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=1))
    return summary
