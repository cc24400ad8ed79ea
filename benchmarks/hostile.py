"""How long each hostile-server behaviour takes to end a draft, and what the user reads.

Runs `writer draft` (in this process) on notes naming one attacked interviewer and one the
server answers well, with WRITER_TIMEOUT=2 and the default retries (2): each draft's deadline
is 2 s x 3 = 6 s. Prints one line per behaviour; run `python benchmarks/hostile.py`.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile_server import BEHAVIOURS, hostile_server  # noqa: E402
from tests.test_hostile_deadlines import NOW, hostile_name, notes_file  # noqa: E402
from writer.cli import main  # noqa: E402


def one(notes: Path) -> tuple[float, dict[str, object]]:
    out = io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["draft", str(notes), "--now", NOW, "--kind", "connection_note", "--json"])
    took = time.monotonic() - started
    drafts = json.loads(out.getvalue())["drafts"]
    return took, drafts[0]


def run() -> None:
    with tempfile.TemporaryDirectory() as folder, hostile_server() as server:
        server.against = {hostile_name(b): b for b in BEHAVIOURS}
        os.environ |= {
            "OPENAI_BASE_URL": server.base_url,
            "WRITER_TIMEOUT": "2",
            "WRITER_HOME": folder,
            "WRITER_CONFIG": str(Path(folder) / "none.toml"),
        }
        os.environ.pop("WRITER_MAX_RETRIES", None)
        one(notes_file(Path(folder), "none"))  # first-use imports, off the figures
        for behaviour in BEHAVIOURS:
            took, draft = one(notes_file(Path(folder), behaviour))
            said = draft["error"] or f"(drafted; usage {draft['usage']})"
            print(f"{behaviour:15} {took:5.1f} s  {said}")


if __name__ == "__main__":
    run()
