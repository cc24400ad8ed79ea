"""Scale-out: write the requests for OpenAI's Batch API (or vLLM's `run-batch`), and turn
their results back into the same outputs as a direct `writer batch` run."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from writer.atomic import write_atomic
from writer.backends import Backend, BackendBase, BackendError, DraftRequest, Proposal, Usage
from writer.batch import SUMMARY, InputOutcome, outcome_of, summarise, write_outputs
from writer.drafting import Draft, DraftSet, check_distinct, draft_one
from writer.errors import InputError, Problem
from writer.guidance import DEFAULT_GUIDANCE
from writer.kinds import MessageKind
from writer.loader import load_notes
from writer.plan import Sent
from writer.planner import plan_for

MANIFEST = "batch-manifest.json"
ENDPOINT = "/v1/chat/completions"


def emit(
    sources: Iterable[Path],
    out: Path,
    target: Path,
    backend: Backend,
    *,
    now: datetime,
    sent: list[Sent],
) -> dict[str, Any]:
    """Write one request line per planned message to `target`, and a manifest into `out`.
    `backend` writes the requests (`can_emit`); none is sent."""
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "now": now.isoformat(),
        "model": backend.model,
        # What the ledger said at emit time, so that `collect` plans exactly as `emit` did.
        "sent": [s.to_json() for s in sent],
        "requests": {},
        "failed": [],
    }
    lines = []
    for number, source in enumerate(sources):
        try:
            notes = load_notes(source)
        except InputError as error:
            manifest["failed"].append({"source": str(source), "error": str(error.problems[0])})
            continue
        plan = plan_for(notes, now, sent=sent)
        for message in plan.messages(notes):
            custom_id = f"w{number}-{message.position}-{message.kind.value}"
            request = backend.request_body(
                DraftRequest(
                    notes,
                    message.person,
                    message.kind,
                    plan.now,
                    late=message.action.late,
                    not_before=message.action.not_before,
                    not_after=message.action.not_after,
                )
            )
            lines.append(
                json.dumps(
                    {
                        "custom_id": custom_id,
                        "method": "POST",
                        "url": ENDPOINT,
                        "body": request.body,
                    },
                    ensure_ascii=False,
                )
            )
            manifest["requests"][custom_id] = {
                "source": str(source),
                "person": message.position,
                "kind": message.kind.value,
                "prompt_hash": request.prompt_hash,
            }
    write_atomic(target, "".join(f"{line}\n" for line in lines))
    write_atomic(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
    return {"requests": len(lines), "file": str(target), "failed": manifest["failed"]}


class _Answer(BackendBase):
    """A backend that answers one request with its batch result (a batch cannot be re-asked)."""

    def __init__(self, name: str, model: str | None, answer: Proposal | str | None):
        self.name, self.model = name, model
        self.answer = answer

    def execute(self, request: DraftRequest) -> list[Proposal]:
        answer = self.answer
        if answer is None:
            raise BackendError("no result for this request in the batch results file")
        if isinstance(answer, str):
            raise BackendError(answer)
        return [answer]


def _proposal(
    backend: Backend, record: dict[str, Any], kind: str, prompt_hash: str
) -> Proposal | str:
    """A batch output line as a proposal, or the error it reports."""
    if record.get("error"):
        return f"the batch reported an error: {json.dumps(record['error'])[:200]}"
    response = record.get("response") or {}
    if response.get("status_code") != 200:
        return f"the batch request failed with HTTP {response.get('status_code')}"
    body = response.get("body") or {}
    try:
        content = body["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        return "the batch result has no message"
    if not content.strip():
        return "the model sent an empty reply"
    usage = body.get("usage") or {}
    counted = Usage(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))
    return backend.read_reply(MessageKind(kind), content, counted, prompt_hash)


def collect(results: Path, out: Path, backend: Backend) -> dict[str, Any]:
    """Check every result and write the same files a direct run writes; `backend` (the one
    whose requests were emitted) reads the replies."""
    manifest_path = out / MANIFEST
    if not manifest_path.exists():
        raise InputError(
            [
                Problem(
                    str(manifest_path),
                    0,
                    "no batch manifest here: collect into "
                    "the --out directory that --emit-batch wrote",
                )
            ]
        )
    manifest = json.loads(manifest_path.read_text("utf-8"))
    now = datetime.fromisoformat(manifest["now"])
    # Per source, the answer to each listed request: (interviewer's position, kind) → answer.
    by_source: dict[str, dict[tuple[int, str], Proposal | str | None]] = {}
    for meta in manifest["requests"].values():
        by_source.setdefault(meta["source"], {})[(meta["person"], meta["kind"])] = None
    answered: set[str] = set()
    for number, line in enumerate(results.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            meta = manifest["requests"][record["custom_id"]]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise InputError(
                [
                    Problem(
                        str(results),
                        number,
                        "not a batch result line for this manifest (custom_id unknown or bad JSON)",
                    )
                ]
            ) from None
        answer = _proposal(backend, record, meta["kind"], meta["prompt_hash"])
        by_source[meta["source"]][(meta["person"], meta["kind"])] = answer
        answered.add(meta["source"])
    sent = [Sent.from_json(s) for s in manifest.get("sent", [])]
    outcomes = [InputOutcome(f["source"], "failed", error=f["error"]) for f in manifest["failed"]]
    for source, answers in by_source.items():
        if source not in answered:
            continue
        notes = load_notes(source)
        plan = plan_for(notes, now, sent=sent)
        model = manifest.get("model")
        drafts: list[Draft] = [
            draft_one(
                notes,
                m.person,
                m.action,
                _Answer(backend.name, model, answers[key]),
                plan.now,
                repairs=0,
            )
            for m in plan.messages(notes)
            if (key := (m.position, m.kind.value)) in answers
        ]
        check_distinct(drafts, DEFAULT_GUIDANCE)
        result = DraftSet(
            backend=backend.name, model=manifest.get("model"), plan=plan, drafts=drafts
        )
        write_outputs(out, Path(source), notes, result)
        outcomes.append(outcome_of(source, "done", result.to_json()))
    summary = summarise(outcomes, 0.0)
    write_atomic(out / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=1))
    return summary
