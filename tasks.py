"""Set-up and checks in two commands, with nothing but Python 3.11 on the machine.

    python3 tasks.py demo   # make .venv, install writer with its dev tools, draft the example
    python3 tasks.py test   # exactly what CI runs (`.ci/run` calls it)

A Python script rather than a Makefile because make is not on every fresh machine, and this
needs only the interpreter the project needs anyway. Each step says what it runs; the first
failure stops the run with its exit code.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXAMPLE = "examples/acme-final-round.yaml"
# CI never talks to a model: the openai backend's tests replay recorded cassettes, and the
# eval gate and example drafts must use the offline composer whatever the shell has set.
API_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "WRITER_API_KEY", "WRITER_BASE_URL")


def bin_path(env: Path, name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    return env / folder / (f"{name}.exe" if os.name == "nt" else name)


def run(*command: str | Path, cwd: Path = ROOT, quiet: bool = False) -> None:
    """Run one step; stop everything, with its exit code, when it fails."""
    shown = " ".join(str(c) for c in command)
    print(f"$ {shown}", flush=True)
    environment = {k: v for k, v in os.environ.items() if k not in API_VARIABLES}
    done = subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        env=environment,
        check=False,
        stdout=subprocess.DEVNULL if quiet else None,
    )
    if done.returncode != 0:
        sys.exit(f"tasks.py: failed ({done.returncode}): {shown}")


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def make_venv(env: Path) -> None:
    """A fresh virtualenv with pip; says how to fix a Python built without `venv` support."""
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
    except (OSError, subprocess.CalledProcessError) as error:
        sys.exit(
            f"tasks.py: could not create {env}: {error}\n"
            "On Debian or Ubuntu install the venv module first: apt-get install python3-venv"
        )
    run(bin_path(env, "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")


def install() -> Path:
    """`.venv` with the project installed as the README says (`pip install -e ".[dev]"`);
    done again only when pyproject.toml has changed since the last install."""
    stamp = VENV / ".installed-from"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = bin_path(VENV, "python")
    if python.exists() and stamp.exists() and stamp.read_text() == wanted:
        return python
    step(f'install into {VENV.name} (README: pip install -e ".[dev]")')
    if not python.exists():
        make_venv(VENV)
    run(python, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    stamp.write_text(wanted)
    return python


def demo() -> None:
    """Install, then plan and draft the README's example notes."""
    install()
    step(f"writer draft {EXAMPLE}")
    run(bin_path(VENV, "writer"), "draft", EXAMPLE)
    print(f"\nNext: . {VENV.name}/bin/activate, then `writer tui {EXAMPLE}` opens the app.")


def test() -> None:
    """Everything CI checks, in CI's order."""
    python = install()
    writer = bin_path(VENV, "writer")
    step("ruff")
    run(python, "-m", "ruff", "check", ".")
    run(python, "-m", "ruff", "format", "--check", ".")
    step("mypy (strict)")
    run(python, "-m", "mypy")
    step("tests (README: pytest)")
    run(python, "-m", "pytest")
    step("slow tests (fuzzing at 10,000 examples per property, the SIGKILL trial)")
    # In one process, as CI ran them before the default run went parallel: the SIGKILL trial
    # times its kills against the run it watches, which another worker's load would skew.
    # The timed hostile-server trials in a process of their own: run after the 10,000-example
    # fuzz run in one process, their in-process test server answers seconds late (not yet
    # understood; a user's `writer draft` is a fresh process and keeps its deadline).
    timed = "tests/test_hostile_deadlines.py"
    run(python, "-m", "pytest", "-m", "slow", "-n", "0", timed)
    run(
        python,
        "-m",
        "pytest",
        "-m",
        "slow",
        "-n",
        "0",
        "--hypothesis-show-statistics",
        "--ignore",
        timed,
    )
    step("offline eval against the saved baseline")
    run(writer, "eval", "--baseline", "evals/baseline-offline.json")
    step("the README's run command on every example")
    for notes in sorted((ROOT / "examples").glob("*.yaml")):
        run(writer, "draft", notes.relative_to(ROOT), quiet=True)
    wheel_check(python)


def wheel_check(python: Path) -> None:
    """The wheel alone, in its own virtualenv, away from the sources: it drafts, and the
    prompts, the rules and the app's stylesheet ship inside it."""
    step("the wheel, installed on its own")
    with tempfile.TemporaryDirectory(prefix="writer-wheel-") as scratch:
        where = Path(scratch)
        run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", where / "dist", ".")
        [wheel] = (where / "dist").glob("writer-*.whl")
        names = zipfile.ZipFile(wheel).namelist()
        shipped = {
            "prompts": [n for n in names if "/prompts/" in n and n.endswith(".md")],
            "rules": [n for n in names if "/checker/rules/" in n and n.endswith(".yaml")],
            "the rules' stamp": [n for n in names if n.endswith("rules.checked.json")],
            "stylesheet": [n for n in names if n.endswith(".tcss")],
        }
        missing = [what for what, found in shipped.items() if not found]
        if any(n.startswith("tui/") for n in names):
            sys.exit(f"tasks.py: the wheel installs a top-level 'tui' package: {wheel.name}")
        if missing or len(shipped["prompts"]) < 5:
            sys.exit(f"tasks.py: the wheel lacks {', '.join(missing) or 'prompts'}: {wheel.name}")
        make_venv(where / "venv")
        run(bin_path(where / "venv", "python"), "-m", "pip", "install", "--quiet", wheel)
        run(bin_path(where / "venv", "writer"), "draft", ROOT / EXAMPLE, cwd=where, quiet=True)
        run(bin_path(where / "venv", "writer"), "rules", cwd=where, quiet=True)
    print("ok  wheel: writer draft and rules from the installed wheel; prompts, rules, stylesheet")


TASKS = {"demo": demo, "test": test}


def main(argv: list[str]) -> None:
    if len(argv) != 1 or argv[0] not in TASKS:
        lines = "\n".join(f"  python3 tasks.py {n:<5} {f.__doc__}" for n, f in TASKS.items())
        sys.exit(f"usage:\n{lines}")
    # Run by whatever `python3` a fresh machine has: say so rather than fail in pip.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit(f"tasks.py: writer needs Python 3.11 or later; this is {sys.version.split()[0]}")
    TASKS[argv[0]]()


if __name__ == "__main__":
    main(sys.argv[1:])
