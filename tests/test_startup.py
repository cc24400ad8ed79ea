"""What each command imports: the start-up gains of issue 18 stay (benchmarks/startup.py
measures the times; these say which heavy packages a command must not load at all)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

NOTE = "Hi Dana, thank you for the talk about the telemetry pipeline today. Glad to connect."
NOW = "2026-11-20T18:00:00-05:00"
ACME = ROOT / "examples" / "acme-final-round.yaml"

# Runs a command line in a fresh interpreter, then writes the names of the modules it loaded.
_RUN = """
import json, sys
from writer.cli import main
try:
    code = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w") as out:
        json.dump(sorted(sys.modules), out)
sys.exit(code)
"""

# Builds the app as `writer tui` does and writes what was loaded before its first frame.
_APP = """
import json, sys
from datetime import datetime
from pathlib import Path
from writer.backends import OfflineBackend
from writer.tui.app import make_app
make_app(Path(sys.argv[2]), OfflineBackend(), datetime.fromisoformat(sys.argv[3]))
with open(sys.argv[1], "w") as out:
    json.dump(sorted(sys.modules), out)
"""


def _env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user with no settings: no key, no config file."""
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("WRITER_", "OPENAI_"))}
    env["WRITER_CONFIG"] = str(tmp_path / "no-config.toml")
    env["WRITER_HOME"] = str(tmp_path / "home")
    return env


def _loaded(tmp_path: Path, script: str, *args: str) -> set[str]:
    found = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", script, str(found), *args],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return set(json.loads(found.read_text("utf-8")))


def _heavy(loaded: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(p for p in packages if p in loaded)


def test_writer_check_loads_no_pydantic_no_yaml_and_no_model_client(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, _RUN, "check", "--kind", "connection_note", "--to", "Dana Lee", NOTE)
    assert "writer.checker" in loaded  # it did check
    heavy = ("pydantic", "pydantic_settings", "yaml", "writer.notes", "asyncio", "openai")
    assert _heavy(loaded, (*heavy, "importlib.resources", "importlib.metadata")) == []


def test_writer_help_loads_no_checker(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, _RUN, "--help")
    assert _heavy(loaded, ("writer.checker", "writer.commands", "pydantic", "yaml")) == []


def test_offline_draft_loads_no_settings_library_no_event_loop_no_model_client(
    tmp_path: Path,
) -> None:
    notes = str(ACME)
    loaded = _loaded(tmp_path, _RUN, "draft", notes, "--now", NOW)
    assert "writer.drafting" in loaded  # it did draft
    heavy = ("pydantic_settings", "asyncio", "openai", "httpx", "aiohttp")
    # Nor the app's toolkit, nor the model path's token counter: the offline composer drafts.
    assert _heavy(loaded, (*heavy, "textual", "rich", "tiktoken", "writer.tui")) == []


def test_the_app_loads_no_checker_or_drafter_before_its_first_frame(tmp_path: Path) -> None:
    notes = str(ACME)
    loaded = _loaded(tmp_path, _APP, notes, NOW)
    assert "writer.planner" in loaded  # the plan is there to show
    heavy = ("writer.checker", "writer.drafting", "writer.topics", "ruamel", "email", "openai")
    # email may come with pydantic's plugin lookup (importlib.metadata); the app's own
    # mail module must not bring it.
    assert _heavy(loaded, heavy) in ([], ["email"])
    assert "writer.mail" not in loaded


@pytest.mark.parametrize("variable", ["WRITER_REPAIR_ATTEMPTS", "writer_repair_attempts"])
def test_a_setting_in_the_environment_is_still_read_and_checked_by_draft(
    tmp_path: Path, variable: str
) -> None:
    """Skipping pydantic-settings is only for a user with no settings: a bad one is still
    refused, however the variable is cased."""
    env = _env(tmp_path) | {variable: "9"}
    done = subprocess.run(
        [sys.executable, "-m", "writer", "draft", str(ACME)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "repair_attempts" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_config_file_is_still_read_by_draft(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('backend = "nonesuch"\n', "utf-8")
    env = _env(tmp_path) | {"WRITER_CONFIG": str(config)}
    done = subprocess.run(
        [sys.executable, "-m", "writer", "draft", str(ACME)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "nonesuch" in done.stderr


def _user_env(tmp_path: Path, **more: str) -> dict[str, str]:
    """A user whose config file is where platformdirs looks (no WRITER_CONFIG)."""
    env = {k: v for k, v in _env(tmp_path).items() if k not in ("WRITER_CONFIG", "XDG_CONFIG_HOME")}
    return env | {"HOME": str(tmp_path / "user")} | more


def test_writer_check_loads_no_platformdirs_tempfile_shutil_or_difflib(tmp_path: Path) -> None:
    """The config file's place is found without platformdirs (which imports tempfile and
    random), argparse's width without shutil (bz2, lzma), and one message is never compared
    with others (difflib)."""
    found = tmp_path / "modules.json"
    args = ["check", "--kind", "connection_note", "--to", "Dana Lee", NOTE]
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(found), *args],
        cwd=ROOT,
        env=_user_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(found.read_text("utf-8")))
    assert "writer.config_file" in loaded  # it did look for the user's rule levels
    removed = ("platformdirs", "tempfile", "random", "shutil", "bz2", "lzma", "difflib")
    assert _heavy(loaded, removed) == []


@pytest.mark.parametrize("xdg", [None, "absolute", "relative"])
def test_writer_check_reads_the_rule_levels_where_platformdirs_puts_the_config(
    tmp_path: Path, xdg: str | None
) -> None:
    """`"grammar.doubled_words" = "off"` in the user's config file silences that rule; the
    file is where platformdirs says (a relative XDG_CONFIG_HOME is ignored, as it says)."""
    home = tmp_path / "user" / ".config"
    more = (
        {}
        if xdg is None
        else {"XDG_CONFIG_HOME": {"absolute": str(tmp_path / "xdg"), "relative": "xdg"}[xdg]}
    )
    env = _user_env(tmp_path, **more)
    place = tmp_path / "xdg" if xdg == "absolute" else home
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "from platformdirs import user_config_path as p; print(p('writer'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert where.stdout.strip() == str(place / "writer")
    (place / "writer").mkdir(parents=True)
    (place / "writer" / "config.toml").write_text('[rules]\n"grammar.doubled_words" = "off"\n')
    text = "Hi Dana, thank you for the the talk about the telemetry pipeline today."
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "writer",
            "check",
            "--kind",
            "connection_note",
            "--to",
            "Dana Lee",
            text,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "doubled_words" not in done.stdout
