"""Thirty drafts drawn at random (seed 14) from the offline run over the messy golden cases
(evals/golden/06-messy-*.yaml), printed for reading as their recipients would. Run
`python benchmarks/notes14/struct/struct_sample.py [COUNT]`."""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

from writer.backends import OfflineBackend
from writer.evals import evaluate

ROOT = Path(__file__).resolve().parents[3]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted((ROOT / "evals/golden").glob("06-messy-*.yaml")):
            shutil.copy(path, scratch)
        result = evaluate(Path(scratch), OfflineBackend())
    drafts = [(run["id"], d) for run in result["runs"] for d in run["drafts"]]
    for number, (case, draft) in enumerate(random.Random(14).sample(drafts, count), 1):
        who = draft.get("to") or draft.get("interviewer")
        print(f"### {number}. {case} · {draft['kind']} · {who}")
        print(draft["text"], "\n")


if __name__ == "__main__":
    main()
