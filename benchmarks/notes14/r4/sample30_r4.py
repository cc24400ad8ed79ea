"""30 drafts drawn at random (seed 14) from the messy golden set, offline, for a read as the
recipient. Run: python benchmarks/notes14/r4/sample30_r4.py"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

from writer.backends import OfflineBackend
from writer.evals import evaluate

ROOT = Path(__file__).resolve().parents[3]


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    for path in sorted((ROOT / "evals" / "golden").glob("06-messy-*.yaml")):
        shutil.copy(path, folder)
    result = evaluate(folder, OfflineBackend())
    drafts = [(run["id"], d) for run in result["runs"] for d in run["drafts"]]
    for number, (case, draft) in enumerate(random.Random(14).sample(drafts, 30), 1):
        print(f"## {number}. {case} · {draft['interviewer']} · {draft['kind']} · ok={draft['ok']}")
        print(draft["text"].strip(), end="\n\n")
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
