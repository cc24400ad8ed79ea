"""What the offline composer itself costs: every kind for every interviewer of a notes file,
with the topic stage's cache cleared each round (so its cost counts too). Prints the best of
five rounds. Run `python benchmarks/compose_time.py [NOTES] [NOW]`."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

from writer.backends.offline.composer import compose
from writer.loader import load_notes
from writer.topics import analyse

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("thank_you_email", "connection_note", "follow_up_message")


def main() -> None:
    path = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks/notes14/a-startup-panel.yaml"
    )
    now = datetime.fromisoformat(sys.argv[2] if len(sys.argv) > 2 else "2026-11-17T18:30:00-08:00")
    loaded = load_notes(path)
    notes = loaded[0] if isinstance(loaded, tuple) else loaded
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(20):
            analyse.cache_clear()
            for person in notes.interviewers:
                for kind in KINDS:
                    compose(notes, person, kind, now)
        best = min(best, (time.perf_counter() - start) / 20)
    drafts = len(notes.interviewers) * len(KINDS)
    print(f"{path.name}: {drafts} drafts composed in {best * 1000:.1f} ms (best of 5)")


if __name__ == "__main__":
    main()
