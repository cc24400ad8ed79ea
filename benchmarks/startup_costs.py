"""Where `writer draft` and `writer check` spend their start-up: the instructions (valgrind's
cachegrind, which a loaded machine does not disturb) of each stage, as a ratio to `python -c
pass` in the same run. Each row runs the stages up to and including it in a fresh interpreter;
its cost is the difference from the row before. Needs valgrind.

Run `python benchmarks/startup_costs.py` (`--only draft` or `--only check`; `--root DIR` measures
the checkout in DIR instead, e.g. an older revision from `git archive`). The timed figures
that the issue's targets name come from benchmarks/startup.py; these say where they go.
"""

from __future__ import annotations

import argparse
import compileall
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_root = ROOT  # `python -c` imports `writer` from the folder it runs in: this one, or --root
NOW = "2026-11-20T18:00:00-05:00"
NOTE = "Hi Dana, thank you for the talk about the telemetry pipeline today. Glad to connect."
KINDS = "('thank_you_email', 'connection_note', 'follow_up_message')"

# Each stage as the command runs it; later stages may use what earlier ones bound.
STAGES: dict[str, list[tuple[str, str]]] = {
    "draft": [
        ("the command line (argparse, errors, kinds)", "from writer import cli, commands"),
        ("PyYAML", "import yaml"),
        ("pydantic (the package)", "import pydantic"),
        ("pydantic BaseModel", "from pydantic import BaseModel"),
        ("the notes models (pydantic's field machinery)", "import writer.notes"),
        ("the loader", "import writer.loader"),
        ("the checker's modules", "import writer.checker"),
        ("the plan models and the drafting loop", "import writer.plan, writer.drafting"),
        ("planner and renderer", "import writer.planner, writer.render"),
        ("the offline composer and the topic stage", "import writer.backends.offline.composer"),
        ("reading and validating the notes", "notes = commands._load('examples/acme.yaml')"),
        ("the plan", "plan = writer.planner.plan_for(notes, now)"),
        ("the rules in force", "import writer.checker.loading as L; L.active_rules()"),
        ("three kinds' phrase indexes", f"[L.for_kind(k) for k in {KINDS}]"),
        ("composing and checking 10 drafts", "writer.drafting.draft_all(notes, plan, B())"),
    ],
    "check": [
        ("the command line (argparse, errors, kinds)", "from writer import cli, commands"),
        ("argparse's parsers", "cli.build_parser()"),
        ("the checker's modules", "import writer.checker"),
        ("the rules in force", "import writer.checker.loading as L; L.active_rules()"),
        ("the connection note's phrase index", "L.for_kind('connection_note')"),
        # The note's 'the talk about ...' asks the grammar rule for the topic stage's
        # is_clause, and importing it runs the whole topic package.
        ("the topic stage (for is_clause)", "import writer.topics"),
        ("one check", "writer.checker.check_text('connection_note', NOTE, to='Dana Lee')"),
    ],
}
PRELUDE = (
    "from datetime import datetime; now = datetime.fromisoformat(NOW_TEXT)\n"
    "NOTE = NOTE_TEXT\n"
    "import writer\n"
)


def _script(which: str, upto: int) -> str:
    lines = [PRELUDE.replace("NOW_TEXT", repr(NOW)).replace("NOTE_TEXT", repr(NOTE))]
    for _, statement in STAGES[which][:upto]:
        statement = statement.replace("examples/acme.yaml", "examples/acme-final-round.yaml")
        if "B()" in statement:
            lines.append("from writer.backends import OfflineBackend as B")
        lines.append(statement)
    return "\n".join(lines)


def instructions(command: list[str]) -> int:
    run = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    done = subprocess.run([*run, *command], cwd=_root, capture_output=True, text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{' '.join(command)} failed under valgrind:\n{done.stderr[-800:]}")
    return int(found.group(1).replace(",", ""))


def breakdown(which: str, floor: int) -> dict[str, object]:
    rows, before = [], instructions([sys.executable, "-c", _script(which, 0)])
    for upto, (name, _) in enumerate(STAGES[which], start=1):
        total = instructions([sys.executable, "-c", _script(which, upto)])
        rows.append({"stage": name, "x_python_pass": round((total - before) / floor, 2)})
        before = total
    return {"total_x_python_pass": round(before / floor, 2), "stages": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(STAGES))
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure")
    args = parser.parse_args()
    global _root
    _root = args.root.resolve()
    # As pip install does: under PYTHONDONTWRITEBYTECODE (this machine) a module edited since
    # its bytecode was written would otherwise be compiled from source in every run.
    compileall.compile_dir(str(_root / "writer"), quiet=1)
    floor = instructions([sys.executable, "-c", "pass"])
    chosen = [args.only] if args.only else list(STAGES)
    out = {"python_pass_instructions": floor, **{w: breakdown(w, floor) for w in chosen}}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
