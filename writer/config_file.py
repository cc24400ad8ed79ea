"""Where the config file is, and the checker's `[rules]` table in it: no pydantic here, so
`writer check` reads the user's rule levels without importing pydantic-settings (a quarter
of a second of CPU at start-up)."""

from __future__ import annotations

import os
from pathlib import Path


def config_path() -> Path:
    """The settings file: `WRITER_CONFIG`, else the platform's user config dir."""
    explicit = os.environ.get("WRITER_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_path

    return user_config_path("writer") / "config.toml"


RULE_LEVELS = ("off", "warning", "error")


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
