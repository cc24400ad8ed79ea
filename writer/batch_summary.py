"""How a batch went: each input's outcome, and the summary they add up to, counted as
they arrive (a batch of any size holds only what failed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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


class Tally:
    """The summary's figures, added to as each input ends, in whatever order they end;
    what failed is listed in the order of the inputs."""

    def __init__(self) -> None:
        self.inputs = self.done = self.resumed = self.drafts = self.ok = 0
        self.tokens = {"prompt_tokens": 0, "completion_tokens": 0}
        self.cost = 0.0
        self.failed: list[tuple[int, dict[str, Any]]] = []
        self.draft_errors: list[tuple[int, dict[str, Any]]] = []

    def add(self, outcome: InputOutcome, place: int | None = None) -> None:
        place = self.inputs if place is None else place
        self.inputs += 1
        self.done += outcome.status in ("done", "skipped")
        self.resumed += outcome.status == "skipped"
        if outcome.status == "failed":
            self.failed.append((place, {"source": outcome.source, "error": outcome.error}))
        self.draft_errors += [(place, e) for e in outcome.draft_errors]
        self.drafts += outcome.drafts
        self.ok += outcome.ok
        for key in self.tokens:
            self.tokens[key] += int(_number(outcome.usage.get(key)))
        self.cost += _number(outcome.usage.get("estimated_cost_usd"))

    def summary(self, seconds: float) -> dict[str, Any]:
        return {
            "inputs": self.inputs,
            "done": self.done,
            "resumed_from_earlier_run": self.resumed,
            "failed": _in_order(self.failed),
            "draft_errors": _in_order(self.draft_errors),
            "drafts": self.drafts,
            "ok": self.ok,
            "flagged": self.drafts - self.ok,
            "tokens": dict(self.tokens),
            "estimated_cost_usd": round(self.cost, 6),
            "wall_seconds": round(seconds, 3),
        }


def _in_order(entries: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [entry for _, entry in sorted(entries, key=lambda placed: placed[0])]


def summarise(outcomes: list[InputOutcome], seconds: float) -> dict[str, Any]:
    tally = Tally()
    for outcome in outcomes:
        tally.add(outcome)
    return tally.summary(seconds)
