"""Where the config file is, and the checker's `[rules]` table in it: no pydantic here, so
`writer check` reads the user's rule levels without importing pydantic-settings (a quarter
of a second of CPU at start-up)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _linux_config_home() -> Path | None:
    """platformdirs' user config dir on plain Linux (`$XDG_CONFIG_HOME` when absolute, else
    `~/.config`), without importing it: platformdirs.unix imports tempfile and random, a
    tenth of `writer check`'s start-up. None elsewhere (Android, a relative or missing HOME,
    macOS, Windows): platformdirs decides those."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system":
        return None
    xdg = os.environ.get("XDG_CONFIG_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg)
    home = os.environ.get("HOME", "")
    return Path(home) / ".config" if os.path.isabs(home) else None


def config_path() -> Path:
    """The settings file: `WRITER_CONFIG`, else the platform's user config dir."""
    explicit = os.environ.get("WRITER_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    home = _linux_config_home()
    if home is not None:
        return home / "writer" / "config.toml"
    from platformdirs import user_config_path

    return user_config_path("writer") / "config.toml"


def data_dir() -> Path:
    """Where the ledger and logs live: `WRITER_HOME`, else the platform's user data dir."""
    explicit = os.environ.get("WRITER_HOME")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_data_path

    return user_data_path("writer")


RULE_LEVELS = ("off", "warning", "error")
DEFAULT_REPAIR_ATTEMPTS = 2
# Variables named WRITER_* that are not settings (Settings reads every other WRITER_* name).
_NOT_SETTINGS = frozenset({"WRITER_CONFIG", "WRITER_HOME", "WRITER_RECORD"})
_STANDARD = frozenset({"OPENAI_API_KEY", "OPENAI_BASE_URL"})


def settings_untouched() -> bool:
    """Every setting is its default: no config file, and no variable Settings reads. Then a
    command that needs only the defaults skips pydantic-settings (and the asyncio it
    imports), a fifth of `writer draft`'s start-up."""
    for name in os.environ:
        upper = name.upper()  # pydantic-settings reads the environment case-insensitively
        if upper in _STANDARD or (upper.startswith("WRITER_") and upper not in _NOT_SETTINGS):
            return False
    return not config_path().exists()


def rule_levels(path: Path | None = None) -> dict[str, str]:
    """The `[rules]` table of the config file: checker rule id -> "off", "warning" or
    "error" (e.g. `"ai.tells" = "off"`). No file, no table: no changes."""
    from writer.errors import UsageError

    path = path or config_path()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise UsageError(f"cannot read the config file {path}: {error.strerror}") from None
    import tomllib  # only when there is a file: `writer check` starts faster without

    try:
        table = tomllib.loads(data.decode("utf-8")).get("rules", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"cannot read the config file {path}: {error}") from None
    if not isinstance(table, dict):
        raise UsageError(f'{path}: [rules] must be a table, e.g. "ai.tells" = "off"')
    for key, value in table.items():
        if value not in RULE_LEVELS:
            raise UsageError(
                f"{path}: [rules] {key!r} = {value!r}: use one of {', '.join(RULE_LEVELS)}"
            )
    return dict(table)
