"""Settings for model backends: one pydantic-settings class, read from the environment
(`WRITER_*`, plus the standard `OPENAI_API_KEY` / `OPENAI_BASE_URL`) and a TOML file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

# Where the config file is, and its checker [rules] table, live in a module without
# pydantic so that `writer check` can read them without importing pydantic-settings.
from writer.config_file import config_path, rule_levels

__all__ = ["Settings", "config_path", "data_dir", "load_settings", "rule_levels"]

DEFAULT_MODEL = "gpt-4o-mini"


class Price(BaseModel):
    """US dollars per million tokens."""

    input: float
    output: float


# Public list prices (USD per 1M tokens) when this table was written; edit or extend them in
# the config file under [prices."MODEL"]. A model not listed has no cost estimate.
DEFAULT_PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(input=0.15, output=0.60),
    "gpt-4o": Price(input=2.50, output=10.00),
    "gpt-4.1-mini": Price(input=0.40, output=1.60),
    "gpt-4.1": Price(input=2.00, output=8.00),
    "gpt-4.1-nano": Price(input=0.10, output=0.40),
}


def data_dir() -> Path:
    """Where the ledger and logs live: `WRITER_HOME`, else the platform's user data dir."""
    explicit = os.environ.get("WRITER_HOME")
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_data_path

    return user_data_path("writer")


class Settings(BaseSettings):
    """How `writer` reaches a model. Environment beats the config file beats defaults."""

    model_config = SettingsConfigDict(env_prefix="WRITER_", extra="forbid", populate_by_name=True)

    backend: str = "auto"
    model: str = DEFAULT_MODEL
    api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("WRITER_API_KEY", "OPENAI_API_KEY", "api_key")
    )
    base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WRITER_BASE_URL", "OPENAI_BASE_URL", "base_url"),
    )
    temperature: float = Field(default=0.4, ge=0, le=2)
    timeout: float = Field(default=60.0, gt=0)
    max_retries: int = Field(default=2, ge=0, le=10)
    repair_attempts: int = Field(default=2, ge=0, le=5)
    prompt_token_budget: int = Field(default=3000, ge=500)
    max_output_tokens: int = Field(default=600, ge=50)
    offline: bool = False
    prices: dict[str, Price] = Field(default_factory=lambda: dict(DEFAULT_PRICES))
    # The checker's [rules] table; read and checked by rule_levels, not by the backends.
    rules: dict[str, str] = Field(default_factory=dict)

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

    def price_for(self, model: str) -> Price | None:
        return {**DEFAULT_PRICES, **self.prices}.get(model)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment and the config file, with command-line `overrides`."""
    given = {key: value for key, value in overrides.items() if value is not None}
    _warn_if_key_is_exposed(config_path())
    return Settings(**given)


def _warn_if_key_is_exposed(path: Path) -> None:
    """A config file that holds a key should be readable by its owner only (mode 600)."""
    try:
        if path.stat().st_mode & 0o077 and "api_key" in path.read_text("utf-8"):
            import sys

            print(
                f"writer: {path} holds an API key and others can read it: chmod 600 {path}",
                file=sys.stderr,
            )
    except OSError:
        return
