"""`writer eval`: plan and draft golden cases, score them, compare with a saved baseline."""

from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from writer.atomic import write_atomic
from writer.backends import Backend, BackendBase, DraftRequest, Proposal, Usage
from writer.drafting import Draft, draft_all
from writer.errors import InputError, Problem
from writer.notes import Notes
from writer.planner import plan_for
from writer.text import words

# How far a metric may fall below the baseline before the gate fails (absolute).
TOLERANCE = 0.02
HIGHER_IS_BETTER = (
    "plan_accuracy",
    "clean_share",
    "first_try_clean_share",
    "topic_coverage",
    "length_compliance",
    "assertions_passed",
    "reference_rouge_l",
)
LOWER_IS_BETTER = ("mean_attempts", "grounding_warnings_per_draft")


class Expected(BaseModel):
    """A reference message and what a draft for it must and must not say."""

    model_config = ConfigDict(extra="forbid")

    to: str
    kind: str
    reference: str
    must_mention: list[str] = Field(default_factory=list)
    must_not_mention: list[str] = Field(default_factory=list)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    about: str
    now: datetime
    notes: Notes
    plan: dict[str, dict[str, str]] = Field(default_factory=dict)  # person -> action -> decision
    messages: list[Expected] = Field(default_factory=list)


# libyaml's loader when PyYAML has it: the pure-Python one took ~0.2 s of CPU per read of
# the golden set, which `writer eval` and the tests read again and again.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_cases(folder: Path) -> list[Case]:
    """Every case in the folder's YAML files (a file holds a list of cases)."""
    cases: list[Case] = []
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError([Problem(str(folder), 0, "no golden case files (*.yaml) here")])
    for path in files:
        try:
            for entry in yaml.load(path.read_text("utf-8"), Loader=_LOADER) or []:
                cases.append(Case.model_validate(entry))
        except (yaml.YAMLError, ValidationError) as error:
            raise InputError([Problem(str(path), 0, f"not a valid case file: {error}")]) from None
    return cases


def rouge_l(candidate: str, reference: str) -> float:
    """ROUGE-L F1 over lower-cased words (longest common subsequence)."""
    a = [w.lower() for w in words(candidate)]
    b = [w.lower() for w in words(reference)]
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    lcs = previous[-1]
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(b)
    return 2 * precision * recall / (precision + recall)


def run_case(case: Case, backend: Backend) -> dict[str, Any]:
    """Plan and draft one case; what happened, ready to be scored."""
    plan = plan_for(case.notes, case.now)
    started = time.perf_counter()
    result = draft_all(case.notes, plan, backend)
    seconds = time.perf_counter() - started
    decisions = {
        (p.name, a.kind.value): a.decision.value for p in plan.interviewers for a in p.actions
    }
    expected = [
        (person, action, decision)
        for person, actions in case.plan.items()
        for action, decision in actions.items()
    ]
    plan_hits = [
        decisions.get((person, action)) == decision for person, action, decision in expected
    ]
    messages = [_score_message(m, result.drafts) for m in case.messages]
    return {
        "id": case.id,
        "about": case.about,
        "plan_hits": plan_hits,
        "drafts": [_draft_facts(d, case.notes) for d in result.drafts],
        "messages": messages,
        "seconds": seconds,
        "usage": result.usage.to_json(),
    }


def _draft_facts(draft: Draft, notes: Notes) -> dict[str, Any]:
    person = notes.interviewer(draft.interviewer)
    rules = [f.rule for f in draft.report.findings]
    return {
        "interviewer": draft.interviewer,
        "kind": draft.kind,
        "ok": draft.ok,
        "attempts": draft.attempts,
        "rules": rules,
        "errors": [f.rule for f in draft.report.findings if f.severity == "error"],
        "has_topics": bool(person and person.topics),
        "within_limit": draft.report.measured <= draft.report.limit
        and not any(rule.startswith("length.") for rule in rules),
        "subject": draft.subject,
        "text": draft.text,
    }


def _score_message(expected: Expected, drafts: list[Draft]) -> dict[str, Any]:
    draft = next(
        (
            d
            for d in drafts
            if d.interviewer == expected.to and d.kind == expected.kind and d.variant == 0
        ),
        None,
    )
    if draft is None:
        return {
            "to": expected.to,
            "kind": expected.kind,
            "found": False,
            "rouge_l": 0.0,
            "assertions": [False],
            "reference": expected.reference,
            "text": None,
        }
    text = draft.text.casefold()
    checks = [m.casefold() in text for m in expected.must_mention]
    checks += [m.casefold() not in text for m in expected.must_not_mention]
    return {
        "to": expected.to,
        "kind": expected.kind,
        "found": True,
        "rouge_l": round(rouge_l(draft.text, expected.reference), 4),
        "assertions": checks,
        "reference": expected.reference,
        "text": draft.text,
        "findings": [f.rule for f in draft.report.findings],
    }


def _share(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 1.0


def score(runs: list[dict[str, Any]], backend: str, model: str | None) -> dict[str, Any]:
    """Headline metrics, and breakdowns per message kind and per checker rule."""
    drafts = [d for r in runs for d in r["drafts"]]
    messages = [m for r in runs for m in r["messages"]]
    latencies = sorted(r["seconds"] for r in runs)
    per_kind: dict[str, Any] = {}
    for kind in sorted({d["kind"] for d in drafts}):
        mine = [d for d in drafts if d["kind"] == kind]
        per_kind[kind] = {
            "drafts": len(mine),
            "clean_share": _share([d["ok"] for d in mine]),
            "mean_attempts": round(statistics.mean(d["attempts"] for d in mine), 3),
        }
    rules = Counter(rule for d in drafts for rule in d["rules"])
    usage = {
        key: sum(int(r["usage"].get(key) or 0) for r in runs)
        for key in ("prompt_tokens", "completion_tokens")
    }
    metrics = {
        "plan_accuracy": _share([hit for r in runs for hit in r["plan_hits"]]),
        "clean_share": _share([d["ok"] for d in drafts]),
        "first_try_clean_share": _share([d["ok"] and d["attempts"] == 1 for d in drafts]),
        "mean_attempts": round(statistics.mean(d["attempts"] for d in drafts), 3)
        if drafts
        else 0.0,
        "topic_coverage": _share(
            ["specific.topic" not in d["rules"] for d in drafts if d["has_topics"]]
        ),
        "grounding_warnings_per_draft": round(
            sum(d["rules"].count("grounded.details") for d in drafts) / max(len(drafts), 1), 4
        ),
        "length_compliance": _share([d["within_limit"] for d in drafts]),
        "assertions_passed": _share([c for m in messages for c in m["assertions"]]),
        "reference_rouge_l": round(statistics.mean(m["rouge_l"] for m in messages), 4)
        if messages
        else 0.0,
    }
    return {
        "backend": backend,
        "model": model,
        "cases": len(runs),
        "drafts": len(drafts),
        "metrics": metrics,
        "per_kind": per_kind,
        "per_rule": dict(rules.most_common()),
        "tokens": usage,
        "latency_seconds": {
            "p50": round(latencies[len(latencies) // 2], 4) if latencies else 0,
            "p95": round(latencies[int(len(latencies) * 0.95)], 4) if latencies else 0,
        },
        "runs": runs,
    }


def run_problem(data: Any) -> str | None:
    """What makes `data` unusable as a saved run (a baseline), or None."""
    metrics = data.get("metrics") if isinstance(data, dict) else None
    if not isinstance(metrics, dict):
        return "it has no metrics"
    known = [name for name in (*HIGHER_IS_BETTER, *LOWER_IS_BETTER) if name in metrics]
    if not known:
        return "it has none of the metrics " + ", ".join((*HIGHER_IS_BETTER, *LOWER_IS_BETTER))
    for name in known:
        value = metrics[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"metric {name} is {value!r}, not a number"
    return None


def regressions(
    current: dict[str, Any], baseline: dict[str, Any], tolerance: float = TOLERANCE
) -> list[str]:
    """Each metric that fell beyond the tolerance, as a sentence."""
    found = []
    for name in HIGHER_IS_BETTER:
        now, then = current["metrics"].get(name), baseline["metrics"].get(name)
        if now is not None and then is not None and now < then - tolerance:
            found.append(f"{name} fell from {then} to {now} (tolerance {tolerance})")
    for name in LOWER_IS_BETTER:
        now, then = current["metrics"].get(name), baseline["metrics"].get(name)
        if now is not None and then is not None and now > then + tolerance * max(then, 1):
            found.append(f"{name} rose from {then} to {now}")
    return found


def evaluate(folder: Path, backend: Backend, limit: int | None = None) -> dict[str, Any]:
    """Run every case (or the first `limit`) with `backend` and score the drafts."""
    cases = load_cases(folder)[:limit]
    return score([run_case(case, backend) for case in cases], backend.name, backend.model)


class CachedBackend(BackendBase):
    """Answers a request seen before from disk, so rerunning an eval costs nothing.

    The key is the backend, the model, its sampling settings and the exact messages (which
    carry the prompt files' text and the case's notes): the body it would send."""

    def __init__(self, inner: Backend, folder: Path) -> None:
        self.inner, self.folder = inner, folder
        self.name, self.model, self.can_repair = inner.name, inner.model, inner.can_repair

    def _key(self, request: DraftRequest) -> str:
        import hashlib

        body = self.inner.request_body(request).body
        material = json.dumps(
            [self.name, self.model, body["temperature"], body["max_tokens"], body["messages"]],
            ensure_ascii=False,
        )
        return hashlib.sha256(material.encode()).hexdigest()

    def execute(self, request: DraftRequest) -> list[Proposal]:
        path = self.folder / f"{self._key(request)}.json"
        cached = _cached(path)
        if cached is not None:
            return [cached]
        proposals = self.inner.execute(request)
        first = proposals[0]
        entry = {
            "text": first.text,
            "subject": first.subject,
            "prompt_hash": first.prompt_hash,
            "usage": (first.usage or Usage()).to_json(),
        }
        _store(path, json.dumps(entry, ensure_ascii=False))
        return proposals


def _cached(path: Path) -> Proposal | None:
    """The proposal saved at `path`, or None: missing, or damaged (an empty file left by a
    full disk, a torn write) is a miss, answered again and saved anew."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        usage = Usage.from_json(data["usage"])
        text, subject, prompt_hash = data["text"], data["subject"], data["prompt_hash"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if not isinstance(text, str) or not isinstance(subject, str | None):
        return None
    return Proposal(text=text, subject=subject, usage=usage, prompt_hash=prompt_hash)


def _store(path: Path, text: str) -> None:
    """Write a cache entry atomically; a cache that cannot be written (a full disk) only
    means the next run asks again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text)
    except OSError:
        return
