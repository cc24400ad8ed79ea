"""How fast `writer` starts, each figure as a ratio to a floor measured in the same run.

Against `python -c pass`: `writer draft examples/acme-final-round.yaml`, `writer --help`,
`writer check` (a connection note given as text). The app's first plan (launch to the first
frame with the plan in it, headless, 120x40) against a Textual hello world's first frame.
Each figure is the median of 10 paired runs: floor and command run back to back, and the
ratio is taken per pair, so a busy machine slows both sides of a ratio alike.

Run `python benchmarks/startup.py` (`--runs N` for more or fewer pairs). The issue's targets:
draft <= 5x, --help and check <= 2.5x, the app's first plan <= 1.6x hello world. It also prints
the CPU seconds (user + system, the median of the runs) of `writer draft` on a notes file of
three interviewers (issue 14: under 0.5 s), which the machine's load disturbs less than wall time.

The package's bytecode is compiled first, as `pip install` does: an editable install run
under PYTHONDONTWRITEBYTECODE (as on this machine) would otherwise compile every `writer`
module from source on every run, which no installed copy does. `--as-is` skips that."""

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


def first_frame(which: str) -> float:
    """Seconds from launch to the first frame of `which` (app or hello), as the child saw it."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, __file__, "--child", which, repr(start)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def child(which: str, launched: float) -> None:
    """Start the app (or a hello world), wait for its first frame showing the plan, exit."""
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
    seen: list[float] = []

    async def watch(pilot: Pilot[object]) -> None:
        plan = app.query_one("#plan-text", Static)
        while not str(plan.render()).strip():
            await asyncio.sleep(0.001)
        painted = asyncio.Event()
        app.call_after_refresh(painted.set)
        await painted.wait()
        seen.append(time.time() - launched)
        app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=watch)
    print(seen[0])


def compile_package() -> str:
    """Write the bytecode of `writer` (and its app) beside the sources, as pip does."""
    import compileall

    import writer
    import writer.tui

    folders = {Path(writer.__file__).parent, Path(writer.tui.__file__).resolve().parent}
    done = all(compileall.compile_dir(str(f), quiet=1) for f in sorted(folders))
    return "compiled, as pip install does" if done else "some modules did not compile"


def measure(runs: int) -> dict[str, object]:
    commands = {
        "draft": [*WRITER, "draft", str(EXAMPLE), "--now", NOW],
        "help": [*WRITER, "--help"],
        "check": [*WRITER, "check", "--kind", "connection_note", "--to", "Dana Lee", NOTE],
    }
    ratios: dict[str, list[float]] = {name: [] for name in [*commands, "app_first_plan"]}
    floors: dict[str, list[float]] = {"python_pass": [], "hello_world": []}
    three_cpu: list[float] = []
    for _ in range(runs):
        three_cpu.append(cpu([*WRITER, "draft", str(THREE), "--now", NOW]))
        for name, command in commands.items():
            floor = wall([sys.executable, "-c", "pass"])
            floors["python_pass"].append(floor)
            ratios[name].append(wall(command) / floor)
        hello = first_frame("hello")
        floors["hello_world"].append(hello)
        ratios["app_first_plan"].append(first_frame("app") / hello)
    targets = {"draft": 5.0, "help": 2.5, "check": 2.5, "app_first_plan": 1.6}
    return {
        "runs": runs,
        "floor_ms_median": {k: round(statistics.median(v) * 1000, 1) for k, v in floors.items()},
        "ratio_median": {k: round(statistics.median(v), 2) for k, v in ratios.items()},
        "target": targets,
        "met": {k: statistics.median(v) <= targets[k] for k, v in ratios.items()},
        "draft_3_interviewers_cpu_s_median": round(statistics.median(three_cpu), 3),
        "draft_3_interviewers_cpu_s_max": round(max(three_cpu), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--as-is", action="store_true", help="do not compile the bytecode first")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "LAUNCHED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], float(args.child[1]))
        return
    os.environ.setdefault("NO_COLOR", "1")
    bytecode = "as found" if args.as_is else compile_package()
    print(json.dumps({"bytecode": bytecode, **measure(args.runs)}, indent=2))


if __name__ == "__main__":
    main()
