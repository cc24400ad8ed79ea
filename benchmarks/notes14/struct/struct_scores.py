"""Means of the reader scores in SCORES.md: per table, before and after, per kind, and how
many messages score below 3. Run `python benchmarks/notes14/struct/struct_scores.py`."""

from __future__ import annotations

import re
from pathlib import Path

_ROW = re.compile(r"^\| [^|]+ \| [^|]+ \| ([\d/-]+) \| ([\d/-]+) \|", re.M)
KINDS = ("email", "note", "follow-up", "loop email")


def _scores(cell: str) -> list[int | None]:
    return [None if s == "-" else int(s) for s in cell.split("/")]


def main() -> None:
    text = (Path(__file__).parent / "SCORES.md").read_text()
    for title, table in re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, re.M | re.S):
        for side in (0, 1):
            rows = [_scores(m[side]) for m in _ROW.findall(table)]
            flat = [s for r in rows for s in r if s is not None]
            per = [
                round(sum(k) / len(k), 2)
                for i in range(4)
                if (k := [s for r in rows if len(r) > i and (s := r[i]) is not None])
            ]
            label = "before" if side == 0 else "after"
            if not flat:
                continue  # a table scored after only
            low = sum(s < 3 for s in flat)
            mean = round(sum(flat) / len(flat), 2)
            print(f"{title[:24]:24} {label:6} n={len(flat):3} mean={mean} below3={low} {per}")


if __name__ == "__main__":
    main()
