"""One pass for many literal phrases: pyahocorasick (what writer/checker/phrases.py uses)
against one compiled alternation, on the offline drafts of the examples, with the rules'
own phrases plus N more (half of them words the drafts use, so there are real hits).
Prints JSON; run `python benchmarks/phrases.py [--phrases N]`."""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from writer.backends import OfflineBackend
from writer.checker import rules
from writer.checker.phrases import Phrase, PhraseIndex
from writer.drafting import draft_all
from writer.loader import load_notes
from writer.planner import plan_for
from writer.text import words

ROOT = Path(__file__).resolve().parent.parent


def drafts() -> list[str]:
    out = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        notes = load_notes(path)
        plan = plan_for(notes, notes.interview.ends + timedelta(hours=30))
        out += [d.text for d in draft_all(notes, plan, OfflineBackend()).drafts]
    return out


def phrases(texts: list[str], extra: int) -> list[str]:
    """The rules' tokens, then word pairs from the drafts and pairs that never occur."""
    found = [p.text for r in rules() for p in r.phrases]
    pairs = sorted(
        {
            " ".join(w[i : i + 2]).lower()
            for t in texts
            for w in [words(t)]
            for i in range(len(w) - 1)
        }
    )
    found += pairs[: extra // 2]
    found += [f"zq{i} never {i}" for i in range(extra - extra // 2)]
    return list(dict.fromkeys(found))


def rate(find: Callable[[str], object], texts: list[str], seconds: float = 1.0) -> float:
    best = 0.0
    for _ in range(5):
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / 5:
            for text in texts:
                find(text)
            count += len(texts)
        best = max(best, count / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phrases", type=int, default=1000, help="phrases beyond the rules'")
    args = parser.parse_args()
    texts = drafts()
    listed = phrases(texts, args.phrases)
    index = PhraseIndex(Phrase("r", p) for p in listed)
    body = "|".join(re.escape(p) for p in sorted(listed, key=len, reverse=True))
    alternation = re.compile(rf"\b(?:{body})\b", re.IGNORECASE)

    def regex(text: str) -> object:
        return [m.span() for m in alternation.finditer(text)]

    aho = rate(index.find, texts)
    alt = rate(regex, texts)
    print(
        json.dumps(
            {
                "phrases": len(listed),
                "drafts": len(texts),
                "hits_per_draft": round(
                    sum(len(index.find(t)[0].get("r", [])) for t in texts) / len(texts), 1
                ),
                "pyahocorasick_messages_per_second": round(aho),
                "alternation_messages_per_second": round(alt),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
