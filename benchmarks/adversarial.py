"""Time the checker on hostile texts of 100 KB: repeated `a.`, `<a `, `www.`, a name said
10,000 times, and 50,000 emoji (issue 13: any 100 KB text checks in under 200 ms).
Prints JSON; run `python benchmarks/adversarial.py [--kb N]`."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

from writer.checker import check_text
from writer.loader import load_notes

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts(size: int) -> dict[str, str]:
    """Each hostile text, cut to `size` characters (the name and emoji ones keep their counts)."""
    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {
        "a.": fill("a."),
        "a.@": fill("a.")[: size - 1] + "@",
        "<a ": fill("<a "),
        "www.": fill("www."),
        "name x 10000": "Hi Dana, " + "Dana Lee " * 10_000,
        "emoji x 50000": "\U0001f600" * 50_000,
    }


def timed(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kb", type=int, default=100, help="size of the repeated texts")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    notes = load_notes(sorted((ROOT / "examples").glob("*.yaml"))[0])
    to = notes.interviewers[0].name
    out: dict[str, float] = {}
    for label, text in texts(args.kb * 1000).items():
        for kind in ("thank_you_email", "connection_note"):

            def run(kind: str = kind, text: str = text) -> object:
                return check_text(kind, text, to=to, notes=notes)

            out[f"{label} / {kind}"] = round(timed(run, args.rounds) * 1000, 1)
    print(json.dumps({"milliseconds_best": out, "kb": args.kb}, indent=2))


if __name__ == "__main__":
    main()
