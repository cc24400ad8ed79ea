"""How fast `writer` starts, each figure as a ratio to a floor measured in the same run.

Against `python -c pass`: `writer draft examples/acme-final-round.yaml`, `writer --help`,
`writer check` (a connection note given as text). The app's first plan (launch to the first
frame with the plan in it handed to the terminal, headless, 120x40) against a Textual hello
world's first frame, and (not a target) the app's drafts ready against the same floor: the
app drafts right after its first frame, so a check that waited for the next turn of the event
loop counted the drafting too (on one loaded machine: 3.19x that way, 2.13x this way).
Each figure is the median of 10 paired runs: floor and command run back to back, and the
ratio is taken per pair, so a busy machine slows both sides of a ratio alike.

Run `python benchmarks/startup.py` (`--runs N` for more or fewer pairs). The issue's targets:
draft <= 5x, --help and check <= 2.5x, the app's first plan <= 1.6x hello world. It also prints
the CPU seconds (user + system, the median of the runs) of `writer draft` on a notes file of
three interviewers (issue 14: under 0.5 s), which the machine's load disturbs less than wall time.

The package's bytecode is compiled first, as `pip install` does: an editable install run
under PYTHONDONTWRITEBYTECODE (as on this machine) would otherwise compile every `writer`
module from source on every run, which no installed copy does. `--as-is` skips that.
`--app-only` measures the app's pairs alone; `--only check` (or draft, help) that pair alone."""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "acme-final-round.yaml"
THREE = ROOT / "examples" / "northwind-formal-bank.yaml"  # three interviewers
NOW = "2026-11-20T18:00:00-05:00"
NOTE = "Hi Dana, thank you for the talk about the telemetry pipeline today. Glad to connect."
WRITER = [str(Path(sys.executable).with_name("writer"))]


def wall(command: list[str]) -> float:
    """Seconds from launch to exit."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cpu(command: list[str]) -> float:
    """CPU seconds (user + system) the command took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def first_frame(which: str) -> tuple[float, float | None]:
    """Seconds from launch to the first frame of `which` (app or hello) that shows the plan,
    as the child saw it, and (the app only) to its drafts being ready."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", which, repr(start)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    shown, drafted = done.stdout.strip().splitlines()[-1].split()
    return float(shown), None if drafted == "-" else float(drafted)


def child(which: str, launched: float) -> None:
    """Start the app (or a hello world), note when the first frame showing the plan leaves
    it for the terminal, and (the app) when the drafts are ready; exit."""
    import asyncio

    from textual.app import App, ComposeResult
    from textual.pilot import Pilot
    from textual.widgets import Static

    class Hello(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Hello, world", id="plan-text")

    if which == "app":
        from datetime import datetime

        from writer.backends import OfflineBackend
        from writer.tui.app import make_app

        app: App[None] = make_app(EXAMPLE, OfflineBackend(), datetime.fromisoformat(NOW))
    else:
        app = Hello()
    shown: list[float] = []
    display = app._display

    def on_display(screen: Any, renderable: Any) -> None:
        # The moment a frame is handed to the terminal's writer; what runs after it in the
        # same turn (the app's first drafts) no longer holds the frame back from the user.
        display(screen, renderable)
        if not shown and renderable is not None and _plan_on_screen(app):
            shown.append(time.time() - launched)

    app._display = on_display  # type: ignore[method-assign]
    drafted: list[float] = []

    async def watch(pilot: Pilot[object]) -> None:
        session = getattr(app, "session", None)
        while not shown or (session is not None and session.deferred):
            await asyncio.sleep(0.001)
        if session is not None:
            drafted.append(time.time() - launched)
        app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=watch)
    print(shown[0], drafted[0] if drafted else "-")


def _plan_on_screen(app: Any) -> bool:
    """The plan's text is laid out on the screen (the frame being shown includes it)."""
    from textual.widgets import Static

    found = app.screen.query("#plan-text")
    plan = found.first(Static) if found else None
    return plan is not None and plan.region.area > 0 and bool(str(plan.render()).strip())


def compile_package() -> str:
    """Write the bytecode of `writer` (and its app) beside the sources, as pip does."""
    import compileall

    import writer
    import writer.tui

    folders = {Path(writer.__file__).parent, Path(writer.tui.__file__).resolve().parent}
    done = all(compileall.compile_dir(str(f), quiet=1) for f in sorted(folders))
    return "compiled, as pip install does" if done else "some modules did not compile"


def measure(runs: int, app_only: bool = False, only: str | None = None) -> dict[str, object]:
    commands = {
        "draft": [*WRITER, "draft", str(EXAMPLE), "--now", NOW],
        "help": [*WRITER, "--help"],
        "check": [*WRITER, "check", "--kind", "connection_note", "--to", "Dana Lee", NOTE],
    }
    if app_only:
        commands = {}
    if only:
        commands = {only: commands[only]}
    app = [] if only else ["app_first_plan", "app_drafts_ready"]
    ratios: dict[str, list[float]] = {name: [] for name in [*commands, *app]}
    floors: dict[str, list[float]] = {"python_pass": [], "hello_world": []}
    three_cpu: list[float] = []
    for _ in range(runs):
        if commands and not only:
            three_cpu.append(cpu([*WRITER, "draft", str(THREE), "--now", NOW]))
        for name, command in commands.items():
            floor = wall([sys.executable, "-c", "pass"])
            floors["python_pass"].append(floor)
            ratios[name].append(wall(command) / floor)
        if only:
            continue
        hello, _ = first_frame("hello")
        floors["hello_world"].append(hello)
        plan, drafted = first_frame("app")
        ratios["app_first_plan"].append(plan / hello)
        ratios["app_drafts_ready"].append((drafted or 0.0) / hello)
    targets = {"draft": 5.0, "help": 2.5, "check": 2.5, "app_first_plan": 1.6}
    targets = {k: v for k, v in targets.items() if ratios.get(k)}
    result: dict[str, object] = {
        "runs": runs,
        "floor_ms_median": {
            k: round(statistics.median(v) * 1000, 1) for k, v in floors.items() if v
        },
        "ratio_median": {k: round(statistics.median(v), 2) for k, v in ratios.items()},
        "target": targets,
        "met": {k: statistics.median(ratios[k]) <= target for k, target in targets.items()},
    }
    if three_cpu:
        result["draft_3_interviewers_cpu_s_median"] = round(statistics.median(three_cpu), 3)
        result["draft_3_interviewers_cpu_s_max"] = round(max(three_cpu), 3)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--app-only", action="store_true", help="the app's pairs alone")
    parser.add_argument("--only", choices=["draft", "help", "check"], help="that pair alone")
    parser.add_argument("--as-is", action="store_true", help="do not compile the bytecode first")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "LAUNCHED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]))
        return
    os.environ.setdefault("NO_COLOR", "1")
    bytecode = "as found" if args.as_is else compile_package()
    figures = measure(args.runs, args.app_only, args.only)
    print(json.dumps({"bytecode": bytecode, **figures}, indent=2))


if __name__ == "__main__":
    main()
