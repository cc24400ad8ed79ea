"""The openai backend's settings: which endpoint and model, how it samples, what it costs.

`writer.config.Settings` reads them (with the backend choice) from the environment and the
config file; the backend needs only these."""

from __future__ import annotations

from pydantic import AliasChoices, BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings

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


class OpenAISettings(BaseSettings):
    """How the openai backend reaches a model."""

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
    prompt_token_budget: int = Field(default=3000, ge=500)
    max_output_tokens: int = Field(default=600, ge=50)
    prices: dict[str, Price] = Field(default_factory=lambda: dict(DEFAULT_PRICES))

    def price_for(self, model: str) -> Price | None:
        return {**DEFAULT_PRICES, **self.prices}.get(model)
