"""Means of the reader's scores in a SCORES file's tables.

python benchmarks/notes14/scores_mean.py [SCORES.md]   (default: SCORES-r3.md here)
"""

from __future__ import annotations

import sys
from pathlib import Path

_FILE = Path(__file__).with_name("SCORES-r3.md")


def main() -> None:
    section, header = "", list[str]()
    scores: dict[tuple[str, str], list[int]] = {}
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else _FILE
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section, header = line[3:], []
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not header:
            header = cells
            continue
        for name, cell in zip(header, cells, strict=False):
            if cell.isdigit():
                scores.setdefault((section, name), []).append(int(cell))
    for (where, name), values in scores.items():
        mean = sum(values) / len(values)
        low = sum(v < 3 for v in values)
        print(f"{where} | {name}: {len(values)} drafts, mean {mean:.2f}, {low} below 3")


if __name__ == "__main__":
    main()
