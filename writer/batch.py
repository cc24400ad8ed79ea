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
import glob
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from writer.atomic import write_atomic
from writer.backends import Backend, BackendError
from writer.batch_guard import OutLock, guarded, is_draft, record_key, results_record, unexpected
from writer.drafting import Draft, DraftSet, adraft_one, check_distinct, draft_steps
from writer.errors import InputError
from writer.guidance import DEFAULT_GUIDANCE
from writer.ledger import DraftLog
from writer.loader import load_notes, shown_path
from writer.notes import Interviewer, Notes
from writer.plan import Action, Plan, Sent
from writer.planner import plan_for

NOTES_SUFFIXES = (".yaml", ".yml", ".json")
RESULTS, SUMMARY = "results.jsonl", "summary.json"


def expand(inputs: Iterable[str]) -> list[Path]:
    """Files, directories (their notes files) and globs, in a stable order, each once."""
    found: dict[Path, None] = {}
    for item in inputs:
        path = Path(item)
        try:
            if path.is_dir():
                matches = sorted(p for p in path.rglob("*") if p.suffix.lower() in NOTES_SUFFIXES)
            elif any(c in item for c in "*?["):
                matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
            else:
                matches = [path]
        except OSError:
            matches = [path]  # reading it fails too, and says why, as that input's entry
        for match in matches:
            found.setdefault(match, None)
    return list(found)


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


@dataclass
class InputOutcome:
    """How one input went."""

    source: str
    status: str  # done | skipped (already done) | failed
    drafts: int = 0
    ok: int = 0
    error: str | None = None
    usage: dict[str, Any] = field(default_factory=dict)
    draft_errors: list[dict[str, Any]] = field(default_factory=list)


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
    ) -> None:
        self.out, self.backend, self.now = out, backend, now
        self.log = log
        # The draft log writes from a thread of its own (SQLite connections stay in the
        # thread that opened them); nothing waits for it until the run ends.
        self.logging = ThreadPoolExecutor(max_workers=1, thread_name_prefix="draft-log")
        self.repairs, self.sent = repairs, sent or []
        self.limit = asyncio.Semaphore(max(concurrency, 1))
        # Inputs in progress at once: enough to keep `concurrency` drafts in flight, few
        # enough that reading and planning them never holds up the requests.
        self.inputs = asyncio.Semaphore(max(concurrency, 1) + 2)
        self.progress = progress or (lambda line: None)

    def done_path(self, source: Path) -> Path:
        return self.out / f"{output_name(source)}.json"

    def finished(self, source: Path) -> dict[str, Any] | None:
        """The done `.json` of an input, or None when there is none or it is damaged
        (then the input is drafted again)."""
        try:
            result = json.loads(self.done_path(source).read_bytes().decode("utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
        if not isinstance(result, dict):
            return None
        drafts = result.get("drafts")
        if not isinstance(drafts, list) or not all(is_draft(d) for d in drafts):
            return None
        return dict(result)

    def repair_results(self, sources: list[Path]) -> None:
        """Make results.jsonl hold each finished input's lines exactly once."""
        results = self.out / RESULTS
        raw = results.read_bytes().split(b"\n") if results.exists() else []
        done = {shown_path(s): r for s in sources if (r := self.finished(s)) is not None}
        kept, seen = [], set()
        for record in filter(None, map(results_record, raw)):
            key = record_key(record)
            if record.get("source") in done and key not in seen:
                seen.add(key)
                kept.append(json.dumps(record, ensure_ascii=False))
        for source, result in done.items():
            for line in draft_lines(result, source):
                key = record_key(json.loads(line))
                if key not in seen:
                    seen.add(key)
                    kept.append(line)
        write_atomic(results, "".join(f"{line}\n" for line in kept))

    async def run(self, sources: list[Path]) -> list[InputOutcome]:
        self.out.mkdir(parents=True, exist_ok=True)
        self.repair_results(sources)
        started, total = time.monotonic(), len(sources)
        outcomes: list[InputOutcome] = []

        async def one(source: Path) -> None:
            outcome = await self.input(source)
            outcomes.append(outcome)
            elapsed = time.monotonic() - started
            eta = elapsed / len(outcomes) * (total - len(outcomes))
            self.progress(
                f"[{len(outcomes)}/{total}] {outcome.status:<7} {outcome.source}"
                + (f": {outcome.error}" if outcome.error else "")
                + (f"  (about {eta:.0f} s left)" if len(outcomes) < total else "")
            )

        try:
            await asyncio.gather(*(one(source) for source in sources))
        finally:
            await self.backend.aclose()
            if self.log is not None:
                self.logging.submit(self.log.close)
            await asyncio.to_thread(self.logging.shutdown)
        order = {shown_path(s): i for i, s in enumerate(sources)}
        return sorted(outcomes, key=lambda o: order[o.source])

    async def input(self, source: Path) -> InputOutcome:
        """How one input went; whatever goes wrong with it is its failed entry."""
        label = shown_path(source)
        async with self.inputs:
            try:
                return await self._input(source, label)
            except InputError as error:
                return InputOutcome(label, "failed", error=str(error.problems[0]))
            except OSError as error:
                why = error.strerror or str(error)
                return InputOutcome(
                    label, "failed", error=f"{label}: cannot write its results: {why}"
                )
            except Exception as error:  # one input must never stop the batch
                return InputOutcome(label, "failed", error=f"{label}: {unexpected(error)}")

    async def _input(self, source: Path, label: str) -> InputOutcome:
        finished = self.finished(source)
        if finished is not None:
            return outcome_of(label, "skipped", finished)
        # Reading, planning and rendering take well under a millisecond for a JSON input
        # and run here; only the writes (fsync) go to a thread. Python work in a thread
        # would hold the interpreter lock while responses wait to be read.
        notes = load_notes(source)
        plan = plan_for(notes, self.now, sent=self.sent)
        result = await self.draft(notes, plan)
        files = rendered(self.out, source, notes, result)
        # Journaled before the input is marked done, so no kill can lose its log rows.
        rows = self.log.note(result, label) if self.log is not None else []
        await asyncio.to_thread(store, files)
        if self.log is not None:
            self.logging.submit(self.log.commit, rows)
        return outcome_of(label, "done", result.to_json())

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


@dataclass(frozen=True)
class Rendered:
    """One input's outputs as text, ready to store."""

    markdown: tuple[Path, str]
    done: tuple[Path, str]  # the JSON, whose presence marks the input as done
    results: Path
    lines: list[str]


def rendered(out: Path, source: Path, notes: Notes, result: DraftSet) -> Rendered:
    name, label = output_name(source), shown_path(source)
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


def write_outputs(out: Path, source: Path, notes: Notes, result: DraftSet) -> None:
    """Render and store one input's outputs in one call (for `--collect`)."""
    store(rendered(out, source, notes, result))


def outcome_of(source: str, status: str, result: dict[str, Any]) -> InputOutcome:
    drafts = result.get("drafts", [])
    usage = result.get("usage")
    return InputOutcome(
        source,
        status,
        drafts=len(drafts),
        ok=sum(1 for d in drafts if d["ok"] is True),
        usage=usage if isinstance(usage, dict) else {},
        draft_errors=[
            {"source": source, "interviewer": d["interviewer"], "kind": d["kind"], "error": e}
            for d in drafts
            if isinstance(e := d.get("error"), str)
        ],
    )


def _number(value: Any) -> float:
    """A usage figure as a number; anything else (a damaged file) counts as nothing."""
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e15:
        return float(value)
    return 0.0


def _markdown(notes: Notes, result: DraftSet, source: str) -> str:
    from writer.render import drafts_markdown

    model = f" ({result.model})" if result.model else ""
    return drafts_markdown(
        f"{notes.company} — {notes.role}",
        result.drafts,
        f"From `{source}`, drafted by {result.backend}{model}.",
    )


def summarise(outcomes: list[InputOutcome], seconds: float) -> dict[str, Any]:
    drafts = sum(o.drafts for o in outcomes)
    ok = sum(o.ok for o in outcomes)
    tokens = {"prompt_tokens": 0, "completion_tokens": 0}
    cost = 0.0
    for o in outcomes:
        for key in tokens:
            tokens[key] += int(_number(o.usage.get(key)))
        cost += _number(o.usage.get("estimated_cost_usd"))
    return {
        "inputs": len(outcomes),
        "done": sum(o.status in ("done", "skipped") for o in outcomes),
        "resumed_from_earlier_run": sum(o.status == "skipped" for o in outcomes),
        "failed": [
            {"source": o.source, "error": o.error} for o in outcomes if o.status == "failed"
        ],
        "draft_errors": [e for o in outcomes for e in o.draft_errors],
        "drafts": drafts,
        "ok": ok,
        "flagged": drafts - ok,
        "tokens": tokens,
        "estimated_cost_usd": round(cost, 6),
        "wall_seconds": round(seconds, 3),
    }


def run_batch(
    sources: list[Path],
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
        outcomes = asyncio.run(batch.run(sources))
        if tty:
            sys.stderr.write("\n")
        summary = summarise(outcomes, time.monotonic() - started)
        write_atomic(out / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=1))
    return summary
