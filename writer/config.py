"""Settings: which backend drafts, and its own settings, in one pydantic-settings class read
from the environment (`WRITER_*`, plus the standard `OPENAI_API_KEY` / `OPENAI_BASE_URL`)
and a TOML file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from writer.backends.openai.settings import DEFAULT_MODEL, DEFAULT_PRICES, OpenAISettings, Price

# Where the config file is, and its checker [rules] table, live in a module without
# pydantic so that `writer check` can read them without importing pydantic-settings.
from writer.config_file import DEFAULT_REPAIR_ATTEMPTS, config_path, data_dir, rule_levels

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_PRICES",
    "Price",
    "Settings",
    "config_path",
    "data_dir",
    "load_settings",
    "rule_levels",
]


class Settings(OpenAISettings):
    """How `writer` reaches a model: which backend, and the openai backend's own settings
    (one flat file and one env prefix). Environment beats the config file beats defaults."""

    model_config = SettingsConfigDict(env_prefix="WRITER_", extra="forbid", populate_by_name=True)

    backend: str = "auto"
    repair_attempts: int = Field(default=DEFAULT_REPAIR_ATTEMPTS, ge=0, le=5)
    offline: bool = False
    me: str | None = None  # the candidate's address: `writer new` leaves it out of the people
    # `writer draft --imap`: the candidate's own mailbox, for drafts only (never sent).
    imap_host: str | None = None
    imap_port: int = Field(default=993, ge=1, le=65535)
    imap_user: str | None = None
    imap_password: SecretStr | None = None
    imap_folder: str | None = None  # default: the folder the server marks \Drafts
    imap_ca_file: str | None = None  # a CA bundle for a self-hosted server's certificate
    # The checker's [rules] table; read and checked by rule_levels, not by the backends.
    rules: dict[str, str] = Field(default_factory=dict)
    # `writer today` with no PATH: these notes files and folders (else the current folder).
    today: list[str] = Field(default_factory=list)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_path())
        return (init_settings, env_settings, toml)

    @property
    def model_backend_configured(self) -> bool:
        """A key or a base URL is set: `auto` means the model backend."""
        return self.api_key is not None or bool(self.base_url)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment and the config file, with command-line `overrides`."""
    given = {key: value for key, value in overrides.items() if value is not None}
    _warn_if_key_is_exposed(config_path())
    return Settings(**given)


def _warn_if_key_is_exposed(path: Path) -> None:
    """A config file that holds a key should be readable by its owner only (mode 600)."""
    try:
        secret = ("api_key", "imap_password")
        if path.stat().st_mode & 0o077 and any(k in path.read_text("utf-8") for k in secret):
            import sys

            print(
                f"writer: {path} holds a key or password and others can read it: chmod 600 {path}",
                file=sys.stderr,
            )
    except OSError:
        return
