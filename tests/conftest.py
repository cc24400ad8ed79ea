"""Shared builders: notes from a few overrides, and a fixed clock."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from writer.notes import Notes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# The interview in `base_notes` ends at 16:00 -05:00 on Friday 20 November 2026.
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


@pytest.fixture
def base_data() -> dict[str, Any]:
    return copy.deepcopy(BASE)
