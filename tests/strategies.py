"""Hypothesis strategies for realistic notes: every enum value, names with accents and
apostrophes, long and empty topic lists."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from writer.notes import Culture, LinkedInStatus, Notes, Outcome, Rapport, Relation, Tier, Went

FIRST = [
    "Dana",
    "Zoë",
    "José",
    "Siobhán",
    "D'Arcy",
    "Jean-Luc",
    "Ana María",
    "Björn",
    "Łukasz",
    "Nguyễn",
    "Mei",
    "Oluwaseun",
    "Renée",
    "François",
    "Åsa",
    "Li",
    "Bo",
]
LAST = [
    "Lee",
    "O'Brien",
    "D'Angelo",
    "van der Berg",
    "Müller",
    "García-López",
    "Nakamura",
    "Ødegaard",
    "Smith",
    "Ng",
    "St. John",
    "Kowalczyk",
]
HONORIFIC = ["", "", "", "Dr. ", "Ms. ", "Mr. "]
COMPANIES = [
    "Acme Robotics",
    "O'Reilly Media",
    "Müller & Söhne",
    "Café Société",
    "Northwind",
    "Blue Yonder Labs",
    "AT&T",
    "Zeta",
]
ROLES = [
    "Senior Backend Engineer",
    "Data Analyst",
    "UX Researcher",
    "Head of Growth",
    "Product Designer role",
    "Site Reliability Engineer (SRE)",
    "Staff Engineer, Payments",
]
STAGES = [None, "final round", "phone screen", "onsite", "panel interview", "Second Round"]
PHRASES = [
    "migrating the fleet telemetry pipeline to Kafka",
    "how the team splits on-call between the two sites",
    "the trade-offs of event sourcing for robot state",
    "her favourite debugging story from the warehouse pilot",
    "his move from consulting into product",
    "Rust in the firmware team",
    "what good code review looks like",
    "the roadmap for the mobile app",
    "reconciling trade data across three booking systems",
    "She showed me the new design system",
    "running usability tests with volunteers",
    "why they chose PostgreSQL over MongoDB",
    "the onboarding programme for new analysts",
    "GraphQL federation",
    "accessibility audits",
    "scaling the search index to a billion documents",
]
JOINERS = [", ", " and ", "; ", " — ", " which led to ", " because of "]


@st.composite
def topics(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=8))
    text = parts[0]
    for part in parts[1:]:
        text += draw(st.sampled_from(JOINERS)) + part
    return text[0].upper() + text[1:] if draw(st.booleans()) else text


@st.composite
def interviewers(draw: st.DrawFn) -> dict[str, Any]:
    name = draw(st.sampled_from(HONORIFIC)) + draw(st.sampled_from(FIRST)) + " "
    name += draw(st.sampled_from(LAST))
    status = draw(st.sampled_from(list(LinkedInStatus)))
    linkedin: dict[str, Any] = {"status": status.value}
    if status != LinkedInStatus.none:
        linkedin["requested_on"] = "2026-11-21"
    if status == LinkedInStatus.accepted:
        linkedin["accepted_on"] = "2026-11-22"
        if draw(st.booleans()):
            linkedin["messaged_on"] = "2026-11-23"
    return {
        "name": name,
        "title": draw(st.sampled_from([None, "Engineering Manager", "Staff Engineer"])),
        "relation": draw(st.sampled_from(list(Relation))).value,
        "rapport": draw(st.sampled_from(list(Rapport))).value,
        "topics": draw(st.lists(topics(), max_size=4)),
        "mutual_connections": draw(st.sampled_from([None, 0, 1, 5])),
        "linkedin": linkedin,
    }


@st.composite
def notes(draw: st.DrawFn) -> Notes:
    offset = timezone(timedelta(hours=draw(st.sampled_from([-8, -5, 0, 1, 5.5, 9]))))
    start = datetime(2026, 11, 20, draw(st.integers(8, 17)), 0, tzinfo=offset)
    people = draw(st.lists(interviewers(), min_size=1, max_size=7, unique_by=lambda p: p["name"]))
    data = {
        "candidate": {
            "name": draw(st.sampled_from(FIRST)) + " " + draw(st.sampled_from(LAST)),
            "linkedin_tier": draw(st.sampled_from(list(Tier))).value,
            "signature": draw(st.sampled_from([None, "Alex Kim\nalex@example.com"])),
        },
        "company": draw(st.sampled_from(COMPANIES)),
        "role": draw(st.sampled_from(ROLES)),
        "interview": {
            "start": start.isoformat(),
            "end": (start + timedelta(hours=draw(st.sampled_from([0.5, 1, 3])))).isoformat(),
            "stage": draw(st.sampled_from(STAGES)),
            "went": draw(st.sampled_from(list(Went))).value,
        },
        "culture": draw(st.sampled_from(list(Culture))).value,
        "outcome": draw(st.sampled_from(list(Outcome))).value,
        "interviewers": people,
    }
    return Notes.model_validate(data)


def moments(after: datetime) -> st.SearchStrategy[datetime]:
    return st.sampled_from([-2, 2, 20, 30, 50, 100, 300]).map(
        lambda hours: after + timedelta(hours=hours)
    )
