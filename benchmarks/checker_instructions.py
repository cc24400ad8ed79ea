"""Instructions the checker executes per message (valgrind's cachegrind), on the examples'
offline drafts as benchmarks/core.py checks them: a count that a loaded, shared machine
does not disturb at all, unlike any timing. Needs valgrind. Prints JSON; run
`python benchmarks/checker_instructions.py`; PYTHONPATH=/other/checkout compares another.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROUNDS = 8


def _child(rounds: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from core import _corpus

    from writer.checker import check

    corpus = _corpus()
    for _ in range(rounds + 1):  # the first round warms every cache
        for notes, d in corpus:
            check(d.kind, d.text, subject=d.subject, to=d.interviewer, notes=notes)
    print(len(corpus))


def _instructions(rounds: int) -> tuple[int, int]:
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
    command += ["--cachegrind-out-file=/dev/null", sys.executable, __file__, str(rounds)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if refs is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-500:]}")
    return int(refs.group(1).replace(",", "")), int(done.stdout.split()[-1])


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    base, _ = _instructions(0)
    total, messages = _instructions(ROUNDS)
    per_check = (total - base) // (ROUNDS * messages)
    print(json.dumps({"messages": messages, "instructions_per_check": per_check}))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        _child(int(sys.argv[1]))
    else:
        main()
