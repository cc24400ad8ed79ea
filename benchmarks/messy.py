"""Messy-notes figures (issue 14). Run `python benchmarks/messy.py [FOLDER]` (default: the
messy cases of the gate folder, evals/golden/06-messy-*.yaml): the offline eval's headline
metrics, then what the metrics do not show — how many must / must-not mentions fail, which
private or jotted words leak most, and how many sentences are shared verbatim between two
interviewers' drafts of one panel or repeated across the whole set. Prints JSON."""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from writer.backends import OfflineBackend
from writer.evals import evaluate, load_cases

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if len(s.split()) >= 4]


def _mentions(folder: Path, result: dict[str, Any]) -> dict[str, Any]:
    expected = {(c.id, m.to, m.kind): m for c in load_cases(folder) for m in c.messages}
    missed, leaked = Counter[str](), Counter[str]()
    clean = 0
    for run in result["runs"]:
        for scored in run["messages"]:
            wanted = expected[(run["id"], scored["to"], scored["kind"])]
            text = (scored["text"] or "").casefold()
            miss = [w for w in wanted.must_mention if w.casefold() not in text]
            leak = [w for w in wanted.must_not_mention if w.casefold() in text]
            missed.update(miss)
            leaked.update(leak)
            clean += not miss and not leak and scored["found"]
    return {
        "messages": len(expected),
        "messages_with_every_assertion": clean,
        "must_mention_missed": sum(missed.values()),
        "must_not_mentioned": sum(leaked.values()),
        "most_leaked": dict(leaked.most_common(12)),
    }


def _shared(result: dict[str, Any]) -> dict[str, Any]:
    within, overall = 0, Counter[str]()
    for run in result["runs"]:
        by_kind: dict[str, list[set[str]]] = {}
        for draft in run["drafts"]:
            mine = set(_sentences(draft["text"]))
            overall.update(mine)
            by_kind.setdefault(draft["kind"], []).append(mine)
        for drafts in by_kind.values():
            seen: Counter[str] = Counter(s for d in drafts for s in d)
            within += sum(1 for count in seen.values() if count > 1)
    return {
        "sentences_shared_within_a_panel": within,
        "most_repeated_across_the_set": {s: n for s, n in overall.most_common(5) if n > 1},
    }


def main() -> None:
    if len(sys.argv) > 1:
        report(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as scratch:
        for path in (ROOT / "evals" / "golden").glob("06-messy-*.yaml"):
            shutil.copy(path, scratch)
        report(Path(scratch))


def report(folder: Path) -> None:
    result = evaluate(folder, OfflineBackend())
    figures = {
        "folder": str(folder),
        "cases": result["cases"],
        "drafts": result["drafts"],
        "metrics": result["metrics"],
        **_mentions(folder, result),
        **_shared(result),
    }
    print(json.dumps(figures, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
