"""Many plausible notes files, made deterministically (for batch tests and benchmarks)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

FIRST = [
    "Dana",
    "Priya",
    "Marcus",
    "Zoë",
    "José",
    "Aisha",
    "Ben",
    "Lena",
    "Noah",
    "Mei",
    "Tomás",
    "Claire",
    "Siobhán",
    "D'Arcy",
    "Jean-Luc",
    "Oluwaseun",
]
LAST = ["Lee", "Raman", "O'Neill", "Müller", "García", "Bello", "Carter", "Fischer", "Park"]
TOPICS = [
    "migrating the fleet telemetry pipeline to Kafka",
    "how the team runs code review",
    "the roadmap for the mobile app",
    "event sourcing for robot state",
    "reconciling trade data across booking systems",
    "accessibility audits",
    "scaling the search index",
    "running usability tests with volunteers",
]
RELATIONS = ["hiring_manager", "team_member", "executive", "recruiter", "other"]


def notes_data(index: int, interviewers: int = 3) -> dict[str, Any]:
    rng = random.Random(index)
    people = []
    for i in range(interviewers):
        name = f"{FIRST[(index + i) % len(FIRST)]} {LAST[(index * 7 + i) % len(LAST)]}"
        people.append(
            {
                "name": name,
                "relation": RELATIONS[(index + i) % len(RELATIONS)],
                "rapport": rng.choice(["strong", "some", "minimal"]),
                "topics": rng.sample(TOPICS, rng.randint(1, 3)),
            }
        )
    return {
        "candidate": {"name": "Alex Kim", "linkedin_tier": rng.choice(["free", "premium"])},
        "company": f"Company {index}",
        "role": rng.choice(["Backend Engineer", "Data Analyst", "Product Designer"]),
        "interview": {
            "start": "2026-11-20T14:00:00-05:00",
            "end": "2026-11-20T15:00:00-05:00",
            "went": rng.choice(["well", "mixed"]),
        },
        "culture": rng.choice(["formal", "neutral", "casual"]),
        "interviewers": people,
    }


def write_notes(folder: Path, count: int, interviewers: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"notes-{index:04d}.yaml"
        path.write_text(
            yaml.safe_dump(notes_data(index, interviewers), allow_unicode=True), "utf-8"
        )
        paths.append(path)
    return paths
