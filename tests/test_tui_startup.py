"""What the app does before its first frame (issue 18): the plan alone. The hidden tabs'
widgets load when first shown, and the garbage collector, held while the app starts, runs
as usual once the first drafts are made (benchmarks/startup.py measures the times)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

NOW = "2026-11-20T18:00:00-05:00"
ACME = ROOT / "examples" / "acme-final-round.yaml"

# Runs the app headless; writes what was loaded at its first frame with the plan in it, and
# the collector's thresholds before the app was imported and once its drafts were made.
_APP = """
import gc, json, sys
from datetime import datetime
from pathlib import Path
before = gc.get_threshold()
from writer.backends import OfflineBackend
from writer.tui.app import make_app
app = make_app(Path(sys.argv[2]), OfflineBackend(), datetime.fromisoformat(sys.argv[3]))
found = {}
display = app._display

def on_display(screen, renderable):
    display(screen, renderable)
    if "modules" not in found and renderable is not None:
        plan = app.screen.query("#plan-text")
        if plan and str(plan.first().render()).strip():
            found["modules"] = sorted(sys.modules)

app._display = on_display

async def watch(pilot):
    while "modules" not in found or app.session.deferred:
        await pilot.pause(0.01)
    await pilot.pause()
    found["after"] = gc.get_threshold()
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=watch)
found["before"] = before
with open(sys.argv[1], "w") as out:
    json.dump(found, out)
"""


def _first_frame(tmp_path: Path) -> dict[str, list[object]]:
    out = tmp_path / "found.json"
    done = subprocess.run(
        [sys.executable, "-c", _APP, str(out), str(ACME), NOW],
        cwd=ROOT,
        env={"WRITER_HOME": str(tmp_path / "home"), "PATH": "", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, list[object]] = json.loads(out.read_text("utf-8"))
    return found


def test_the_first_frame_loads_no_widget_of_the_hidden_tabs_and_the_collector_comes_back(
    tmp_path: Path,
) -> None:
    found = _first_frame(tmp_path)
    loaded = set(found["modules"])
    assert "writer.planner" in loaded  # the plan is on the frame
    hidden = (
        "writer.tui.widgets.draft_editor",
        "writer.tui.widgets.notes_form",
        "textual.widgets._text_area",
        "tree_sitter",
        "writer.checker",
        "writer.drafting",
    )
    assert sorted(m for m in hidden if m in loaded) == []
    assert found["after"] == found["before"]  # collecting as usual once started


_TWO_APPS = """
import asyncio, gc, json, sys
from datetime import datetime
from pathlib import Path
from writer.backends import OfflineBackend
from writer.tui.app import make_app
from writer.tui.widgets.plan_view import PlanView

async def one() -> tuple[int, int]:
    app = make_app(Path(sys.argv[1]), OfflineBackend(), datetime.fromisoformat(sys.argv[2]))
    async with app.run_test() as pilot:
        while app.session.deferred:
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        frozen = gc.get_freeze_count()
    return frozen, gc.get_freeze_count()

first = asyncio.run(one())
gc.collect()
left = sum(isinstance(o, PlanView) for o in gc.get_objects())
print(json.dumps({"first": first, "plan_views_left": left}))
"""


def test_an_app_that_ended_leaves_nothing_frozen_for_the_next_one_in_the_process() -> None:
    """The app freezes what exists once started; when it ends, that goes back to the
    collector, so an ended app's widgets and caches can be freed (the test run starts
    hundreds of apps in one process)."""
    done = subprocess.run(
        [sys.executable, "-c", _TWO_APPS, str(ACME), NOW],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    while_running, after = found["first"]
    assert while_running > 0  # started: frozen
    assert after == 0  # ended: thawed
    assert found["plan_views_left"] == 0  # and the ended app's widgets were freed
