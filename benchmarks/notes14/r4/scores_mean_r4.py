"""Means of the reader's scores in r4/SCORES.md.

Run: python benchmarks/notes14/r4/scores_mean_r4.py
"""

from __future__ import annotations

from pathlib import Path

_FILE = Path(__file__).with_name("SCORES.md")


def main() -> None:
    section, header = "", list[str]()
    scores: dict[tuple[str, str], list[int]] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
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
