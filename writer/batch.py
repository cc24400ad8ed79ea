"""`writer batch`: many notes files, drafted concurrently, resumable after any crash.

Per input it writes `<name>.md`, then `<name>.json` (written last: its presence means the
input is done), then appends the input's lines to `results.jsonl`. A rerun first repairs
`results.jsonl` (drops a torn last line, lines of inputs that did not finish, duplicates,
and re-adds lines of finished inputs that are missing), then drafts only what is not done.
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
from writer.backends import Backend
from writer.drafting import Draft, DraftSet, adraft_one, check_distinct
from writer.errors import InputError
from writer.guidance import DEFAULT_GUIDANCE
from writer.ledger import DraftLog
from writer.loader import load_notes
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
        if path.is_dir():
            matches = sorted(p for p in path.rglob("*") if p.suffix.lower() in NOTES_SUFFIXES)
        elif any(c in item for c in "*?["):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
        else:
            matches = [path]
        for match in matches:
            found.setdefault(match, None)
    return list(found)


def output_name(source: Path) -> str:
    """A file name per input that two inputs with one name cannot share."""
    digest = hashlib.sha256(str(source.resolve()).encode()).hexdigest()[:8]
    return f"{source.stem}-{digest}"


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

    def repair_results(self, sources: list[Path]) -> None:
        """Make results.jsonl hold each finished input's lines exactly once."""
        results = self.out / RESULTS
        lines = results.read_text("utf-8").split("\n") if results.exists() else []
        done = {str(s): self.done_path(s) for s in sources if self.done_path(s).exists()}
        kept, seen = [], set()
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a torn last line, or nothing
            key = (
                record.get("source"),
                record.get("interviewer"),
                record.get("kind"),
                record.get("variant"),
            )
            if record.get("source") in done and key not in seen:
                seen.add(key)
                kept.append(line)
        for source, path in done.items():
            result = json.loads(path.read_text("utf-8"))
            for line in draft_lines(result, source):
                record = json.loads(line)
                key = (source, record["interviewer"], record["kind"], record["variant"])
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
                f"[{len(outcomes)}/{total}] {outcome.status:<7} {source}"
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
        order = {str(s): i for i, s in enumerate(sources)}
        return sorted(outcomes, key=lambda o: order[o.source])

    async def input(self, source: Path) -> InputOutcome:
        async with self.inputs:
            return await self._input(source)

    async def _input(self, source: Path) -> InputOutcome:
        if self.done_path(source).exists():
            result = json.loads(self.done_path(source).read_text("utf-8"))
            return outcome_of(str(source), "skipped", result)
        # Reading, planning and rendering take well under a millisecond for a JSON input
        # and run here; only the writes (fsync) go to a thread. Python work in a thread
        # would hold the interpreter lock while responses wait to be read.
        try:
            notes = load_notes(source)
        except InputError as error:
            return InputOutcome(str(source), "failed", error=str(error.problems[0]))
        plan = plan_for(notes, self.now, sent=self.sent)
        result = await self.draft(notes, plan)
        files = rendered(self.out, source, notes, result)
        await asyncio.to_thread(store, files)
        if self.log is not None:
            self.logging.submit(self.log, result, str(source))
        return outcome_of(str(source), "done", result.to_json())

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
        return await adraft_one(
            notes, person, action, self.backend, now, gate=self.limit, repairs=self.repairs
        )


@dataclass(frozen=True)
class Rendered:
    """One input's outputs as text, ready to store."""

    markdown: tuple[Path, str]
    done: tuple[Path, str]  # the JSON, whose presence marks the input as done
    results: Path
    lines: list[str]


def rendered(out: Path, source: Path, notes: Notes, result: DraftSet) -> Rendered:
    name = output_name(source)
    payload = {"source": str(source), **result.to_json()}
    return Rendered(
        markdown=(out / f"{name}.md", _markdown(notes, result, source)),
        done=(out / f"{name}.json", json.dumps(payload, ensure_ascii=False, indent=1)),
        results=out / RESULTS,
        lines=draft_lines(payload, str(source)),
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
    return InputOutcome(
        source,
        status,
        drafts=len(drafts),
        ok=sum(1 for d in drafts if d["ok"]),
        usage=result.get("usage", {}),
    )


def _markdown(notes: Notes, result: DraftSet, source: Path) -> str:
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
            tokens[key] += int(o.usage.get(key) or 0)
        cost += float(o.usage.get("estimated_cost_usd") or 0)
    return {
        "inputs": len(outcomes),
        "done": sum(o.status in ("done", "skipped") for o in outcomes),
        "resumed_from_earlier_run": sum(o.status == "skipped" for o in outcomes),
        "failed": [
            {"source": o.source, "error": o.error} for o in outcomes if o.status == "failed"
        ],
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
