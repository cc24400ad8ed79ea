"""Whether a change to the checker keeps its findings: every finding (rule, severity, span,
message, suggestion, fix) on a large, fixed set of texts, saved once and compared after.

The texts: the offline drafts of the examples, the eval cases (evals/golden, the messy ones
among them) and the holdout notes, those drafts in lower case, the corpus messages (raw and
filled), each text quoted in the tests checked as every kind (with and without notes, with a
send window), every notes file's own text checked as a message, and small hostile texts. The
inputs are saved with the findings, so the comparison checks the very same texts even where the
composer (which the checker steers) would now draft others.

    python benchmarks/findings_diff.py --save /tmp/before.json   # on the old code
    python benchmarks/findings_diff.py --compare /tmp/before.json  # on the new code

Prints JSON: how many texts and findings, how many differ, and the first differences.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from writer.backends import OfflineBackend
from writer.checker import Window, check_text
from writer.drafting import draft_all
from writer.evals import load_cases
from writer.kinds import KINDS, MessageKind
from writer.loader import load_notes
from writer.notes import Notes
from writer.planner import plan_for

ROOT = Path(__file__).resolve().parent.parent
EVALS = ("golden",)  # case files (the messy ones too); evals/holdout holds notes files
Input = dict[str, Any]


@cache
def notes_for(ref: str) -> Notes:
    """The notes an input names: 'examples/x.yaml' or 'evals/golden#3' (a case's notes)."""
    if "#" in ref:
        folder, index = ref.split("#")
        return load_cases(ROOT / folder)[int(index)].notes
    return load_notes(ROOT / ref)


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _drafts(ref: str, now: datetime) -> list[Input]:
    notes = notes_for(ref)
    out: list[Input] = []
    for d in draft_all(notes, plan_for(notes, now), OfflineBackend()).drafts:
        base = {"kind": d.kind.value, "subject": d.subject, "to": d.interviewer, "notes": ref}
        window = {"not_before": _when(d.not_before), "not_after": _when(d.not_after)}
        out.append({**base, "text": d.text, "window": window})
        out.append({**base, "text": d.text})
        out.append({**base, "text": d.text.lower(), "window": window})
    return out


def _note_refs() -> list[tuple[str, datetime]]:
    refs = []
    paths = [*(ROOT / "examples").glob("*.yaml"), *(ROOT / "evals/holdout").glob("*.yaml")]
    for path in sorted(paths):
        ref = str(path.relative_to(ROOT))
        refs.append((ref, notes_for(ref).interview.ends + timedelta(hours=30)))
    for folder in EVALS:
        for i, case in enumerate(load_cases(ROOT / "evals" / folder)):
            refs.append((f"evals/{folder}#{i}", case.now))
    return refs


def _corpus() -> list[Input]:
    data = yaml.safe_load((ROOT / "tests/data/corpus/messages.yaml").read_text("utf-8"))
    out: list[Input] = []
    for item in data["messages"]:
        for text in filter(None, (item["text"], item.get("filled"))):
            pasted = f"Subject: {item['subject']}\n{text}" if item.get("subject") else text
            out.append({"kind": item["kind"], "text": pasted, "to": item.get("to")})
    return out


def _quoted_in_tests() -> list[str]:
    """Every string of eight characters or more with a space that a test file quotes."""
    found: dict[str, None] = {}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and 8 <= len(value) < 5000 and " " in value:
                found[value] = None
    return list(found)


def _from_tests(ref: str) -> list[Input]:
    notes = notes_for(ref)
    person = notes.interviewers[0].name
    start = notes.interview.start
    window = {"not_before": _when(start + timedelta(days=1)), "not_after": None}
    out: list[Input] = []
    for text in _quoted_in_tests():
        for kind in KINDS:
            out.append({"kind": kind, "text": text, "to": "Dana Lee"})
            out.append({"kind": kind, "text": text, "to": person, "notes": ref, "window": window})
    return out


def _notes_texts(refs: list[str]) -> list[Input]:
    out: list[Input] = []
    for ref in refs:
        notes = notes_for(ref)
        text = "\n".join(notes.texts())
        for kind in KINDS:
            out.append({"kind": kind, "text": text, "to": notes.interviewers[0].name, "notes": ref})
    return out


def _hostile(ref: str) -> list[Input]:
    size = 3000
    units = ("a.", "<a ", "www.", "Dana Lee ", "\U0001f600", "i ", "-> ", "the ", "Hi, ")
    texts = [(u * (size // len(u) + 1))[:size] for u in units] + ["a." * 1500 + "@x.com"]
    return [{"kind": k, "text": t, "to": "Dana Lee", "notes": ref} for t in texts for k in KINDS]


def inputs() -> list[Input]:
    refs = _note_refs()
    out: list[Input] = []
    for ref, now in refs:
        out += _drafts(ref, now)
    out += _corpus()
    out += _from_tests(refs[0][0])
    out += _notes_texts([r for r, _ in refs])
    out += _hostile(refs[0][0])
    return out


def findings(item: Input) -> list[list[Any]]:
    window = item.get("window")
    when = None
    if window is not None:
        bounds = {k: datetime.fromisoformat(v) if v else None for k, v in window.items()}
        when = Window(bounds["not_before"], bounds["not_after"])
    notes = notes_for(item["notes"]) if item.get("notes") else None
    report = check_text(
        MessageKind(item["kind"]),
        item["text"],
        subject=item.get("subject"),
        to=item.get("to"),
        notes=notes,
        window=when,
    )
    return [
        [f.rule, f.severity, f.start, f.end, f.message, f.suggestion, f.replacement, f.field]
        for f in report.findings
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="check the texts and save inputs and findings")
    mode.add_argument("--compare", type=Path, help="recheck a saved file's texts and compare")
    args = parser.parse_args()
    if args.save:
        items = inputs()
        saved = [{"input": item, "findings": findings(item)} for item in items]
        args.save.write_text(json.dumps(saved, ensure_ascii=False), "utf-8")
        count = sum(len(s["findings"]) for s in saved)
        print(json.dumps({"saved": str(args.save), "texts": len(saved), "findings": count}))
        return 0
    saved = json.loads(args.compare.read_text("utf-8"))
    differ = []
    for entry in saved:
        now = findings(entry["input"])
        if now != entry["findings"]:
            differ.append({"input": entry["input"], "before": entry["findings"], "after": now})
    summary = {
        "texts": len(saved),
        "findings": sum(len(s["findings"]) for s in saved),
        "rules_seen": len({f[0] for s in saved for f in s["findings"]}),
        "texts_differing": len(differ),
        "first_differences": differ[:5],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1)[:20000])
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
