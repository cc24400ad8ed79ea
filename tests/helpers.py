"""Builders the tests share: notes from a few overrides, a fixed clock, the example files, and
the recorded-HTTP settings. Fixtures live in conftest.py; these are plain values and functions,
imported where they are used."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from writer.notes import Notes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# The interview in `BASE` ends at 16:00 -05:00 on Friday 20 November 2026.
END = datetime.fromisoformat("2026-11-20T16:00:00-05:00")
EVENING = datetime.fromisoformat("2026-11-20T18:00:00-05:00")

BASE: dict[str, Any] = {
    "candidate": {"name": "Alex Kim", "linkedin_tier": "free"},
    "company": "Acme Robotics",
    "role": "Senior Backend Engineer",
    "interview": {
        "start": "2026-11-20T14:00:00-05:00",
        "end": "2026-11-20T16:00:00-05:00",
        "went": "well",
    },
    "culture": "neutral",
    "outcome": "pending",
    "interviewers": [
        {
            "name": "Dana Lee",
            "relation": "hiring_manager",
            "topics": ["migrating the fleet telemetry pipeline to Kafka"],
            "rapport": "strong",
        }
    ],
}


def notes_from(overrides: dict[str, Any] | None = None, **person: Any) -> Notes:
    """The base notes with top-level `overrides` and the one interviewer's fields changed."""
    data = copy.deepcopy(BASE)
    for key, value in (overrides or {}).items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    data["interviewers"][0].update(person)
    return Notes.model_validate(data)


# -- recorded HTTP (vcrpy) -----------------------------------------------------------------
# Cassettes live in tests/cassettes/<module>/<test>.yaml. CI replays them (record mode
# "none"); to record again, start the local server described in the README and run
#   WRITER_RECORD=1 pytest tests/test_openai_cassettes.py
CASSETTES = Path(__file__).parent / "cassettes"
SECRET_HEADERS = [
    "authorization",
    "api-key",
    "cookie",
    "set-cookie",
    "openai-organization",
    "openai-project",
    "x-api-key",
]
RECORDED_BASE_URL = "http://127.0.0.1:8012/v1"
RECORDED_MODEL = "smollm2"


def scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    """A recorded answer without the headers that could carry a secret."""
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response
