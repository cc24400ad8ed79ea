"""Print the full model prompt (system + user) for every planned message of one eval case:
what a model would be sent for it; with --sizes, the token counts of every eval prompt.
Usage: python benchmarks/render_prompt.py CASE_ID [KIND] | --sizes"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from writer.backends import BackendBase, DraftRequest, Proposal
from writer.backends.openai.prompt_parts import When
from writer.backends.openai.prompting import build_prompt
from writer.drafting import draft_all
from writer.evals import load_cases
from writer.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent


class Spy(BackendBase):
    """Keeps each request and proposes nothing usable: only the prompts are wanted."""

    name = "spy"
    model: str | None = None

    def __init__(self) -> None:
        self.requests: list[DraftRequest] = []

    def execute(self, request: DraftRequest) -> list[Proposal]:
        self.requests.append(request)
        return [Proposal(text="-", subject="-")]


def sizes(cases: list[Any]) -> int:
    """Tokens (gpt-4o-mini's encoding) of every interviewer's prompt of every kind."""
    counts: list[int] = []
    start = time.perf_counter()
    for case in cases:
        for person in case.notes.interviewers:
            for kind in KINDS:
                prompt = build_prompt(case.notes, person, kind, model="gpt-4o-mini", budget=3000)
                counts.append(prompt.tokens)
    ms = (time.perf_counter() - start) * 1000 / len(counts)
    counts.sort()
    print(
        f"{len(counts)} prompts: tokens min {counts[0]}, median {counts[len(counts) // 2]}, "
        f"max {counts[-1]} (budget 3000); {ms:.2f} ms per prompt, counting included"
    )
    return 0


def main(argv: list[str]) -> int:
    cases = load_cases(ROOT / "evals" / "golden")
    if argv[:1] == ["--sizes"]:
        return sizes(cases)
    case = next((c for c in cases if c.id == argv[0]), None)
    if case is None:
        print(f"no case {argv[0]!r} in evals/golden", file=sys.stderr)
        return 2
    from writer.planner import plan_for

    spy = Spy()
    draft_all(case.notes, plan_for(case.notes, case.now), spy, repairs=0)
    for request in spy.requests:
        if len(argv) > 1 and request.kind != argv[1]:
            continue
        when = When(request.now, request.not_before, request.not_after, request.late)
        prompt = build_prompt(
            request.notes,
            request.person,
            request.kind,
            model="gpt-4o-mini",
            budget=3000,
            when=when,
        )
        print(f"===== {request.person.name} / {request.kind} ({prompt.tokens} tokens)")
        for message in prompt.messages:
            print(f"--- {message['role']}\n{message['content']}")
        for notice in prompt.notices:
            print(f"notice: {notice}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
