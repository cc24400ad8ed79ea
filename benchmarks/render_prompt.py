"""Print the full model prompt (system + user) for every planned message of one eval case:
what a model would be sent for it. Usage: python benchmarks/render_prompt.py CASE_ID [KIND]"""

from __future__ import annotations

import sys
from pathlib import Path

from writer.backends import BackendBase, DraftRequest, Proposal
from writer.backends.openai.prompt_parts import When
from writer.backends.openai.prompting import build_prompt
from writer.drafting import draft_all
from writer.evals import load_cases

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


def main(argv: list[str]) -> int:
    cases = [c for f in ("evals/messy", "evals/golden") for c in load_cases(ROOT / f)]
    case = next((c for c in cases if c.id == argv[0]), None)
    if case is None:
        print(f"no case {argv[0]!r} in evals/messy or evals/golden", file=sys.stderr)
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
