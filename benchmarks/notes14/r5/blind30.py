"""30 drafts drawn at random from the messy golden set, offline, each beside the notes it was
written from, for a blind read as the recipient. Run:
python benchmarks/notes14/r5/blind30.py [SEED]   (default seed 15)"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from writer.backends import OfflineBackend
from writer.evals import evaluate

ROOT = Path(__file__).resolve().parents[3]


def _context(case: dict[str, Any], who: str) -> str:
    notes = case["notes"]
    person = next(p for p in notes["interviewers"] if p["name"] == who)
    shown = {k: v for k, v in notes.items() if k not in ("interviewers",)}
    return yaml.safe_dump(
        {"now": str(case["now"]), **shown, "interviewer": person},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    folder = Path(tempfile.mkdtemp())
    cases: dict[str, dict[str, Any]] = {}
    for path in sorted((ROOT / "evals" / "golden").glob("06-messy-*.yaml")):
        shutil.copy(path, folder)
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases[case["id"]] = case
    result = evaluate(folder, OfflineBackend())
    drafts = [(run["id"], d) for run in result["runs"] for d in run["drafts"]]
    for number, (case, draft) in enumerate(random.Random(seed).sample(drafts, 30), 1):
        print(f"## {number}. {draft['kind']} to {draft['interviewer']}")
        print("Notes:\n" + _context(cases[case], draft["interviewer"]))
        print("Draft:\n" + draft["text"].strip(), end="\n\n")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
