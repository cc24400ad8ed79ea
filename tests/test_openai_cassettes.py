"""The openai backend against a real OpenAI-compatible server (llama-cpp-python serving
SmolLM2-135M on loopback), replayed from cassettes. The tiny model writes badly: its drafts
must be re-asked and, where still broken, shown with their findings and ok false."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import RECORDED_BASE_URL, RECORDED_MODEL, ROOT
from writer.backends import BackendError, DraftRequest
from writer.backends.openai import OpenAIBackend
from writer.config import Settings
from writer.drafting import draft_all
from writer.kinds import MessageKind
from writer.loader import load_notes
from writer.planner import plan_for
from writer.prompt_files import prompt_hash

NOTES = load_notes(ROOT / "examples" / "brightleaf-casual-accepted.yaml")
NOW = NOTES.interview.ends.replace(day=21, hour=18)
FAKE_KEY = "sk-test-cassette-0123456789abcdef"


def backend() -> OpenAIBackend:
    settings = Settings(
        base_url=RECORDED_BASE_URL,
        model=RECORDED_MODEL,
        api_key=FAKE_KEY,
        max_retries=0,
        timeout=600,
        repair_attempts=2,
    )
    return OpenAIBackend(settings)


def test_drafts_every_planned_message(cassette: Any) -> None:
    plan = plan_for(NOTES, NOW)
    result = draft_all(NOTES, plan, backend())
    planned = [(m.person.name, m.kind) for m in plan.messages(NOTES)]
    assert len(result.drafts) == len(planned)
    assert result.backend == "openai" and result.model == RECORDED_MODEL
    for draft in result.drafts:
        assert draft.error is None, draft.error
        has_error = any(f.severity == "error" for f in draft.report.findings)
        assert draft.ok == (not has_error), "never ok with an error finding"
        if not draft.ok:
            assert draft.attempts == 3, "a broken draft is re-asked twice before giving up"
        assert draft.usage is not None and draft.usage.prompt_tokens > 0
        assert draft.prompt_hash is not None and len(draft.prompt_hash) == 12
    assert not result.ok, "SmolLM2-135M does not write sendable messages"
    assert len(cassette.requests) == sum(d.attempts for d in result.drafts)


def test_repair_requests_carry_the_findings(cassette: Any) -> None:
    plan = plan_for(NOTES, NOW)
    result = draft_all(
        NOTES, plan, backend(), kinds=[MessageKind.connection_note, MessageKind.follow_up_message]
    )
    repaired = [d for d in result.drafts if d.attempts > 1]
    assert repaired
    bodies = [r.body.decode() if isinstance(r.body, bytes) else r.body for r in cassette.requests]
    assert any("Your draft above breaks these rules" in body for body in bodies)
    assert all("<notes>" in body for body in bodies)


def test_streaming(cassette: Any) -> None:
    person = NOTES.interviewers[0]
    request = DraftRequest(NOTES, person, MessageKind.follow_up_message, NOW)
    pieces: list[str] = []
    proposals = backend().stream(request, pieces.append)
    assert len(pieces) > 3 and pieces[-1] == proposals[0].text.strip()
    assert proposals[0].text.strip()


def test_json_for_the_drafts_carries_backend_model_hash_and_usage(cassette: Any) -> None:
    plan = plan_for(NOTES, NOW)
    payload = draft_all(NOTES, plan, backend(), kinds=[MessageKind.follow_up_message]).to_json()
    assert (payload["backend"], payload["model"]) == ("openai", RECORDED_MODEL)
    draft = payload["drafts"][0]
    assert draft["prompt_hash"] == prompt_hash(["system.md", "follow_up_message.md"]) or (
        draft["attempts"] > 1
    )
    assert set(draft["usage"]) == {
        "prompt_tokens",
        "completion_tokens",
        "estimated_cost_usd",
        "approximate",
    }
    assert draft["usage"]["estimated_cost_usd"] is None, "a local model has no price"
    assert payload["usage"]["prompt_tokens"] >= draft["usage"]["prompt_tokens"]


def test_import_validates_or_says_why(cassette: Any) -> None:
    from writer.importer import import_notes

    text = (ROOT / "tests" / "data" / "free-form-notes.txt").read_text()
    try:
        yaml_text = import_notes(text, backend())
    except BackendError as error:
        assert "still invalid after a second try" in str(error)
        assert len(cassette.requests) == 2
    else:
        assert yaml_text.startswith("# Imported by `writer import`")


@pytest.mark.parametrize(
    "path", sorted((ROOT / "tests" / "cassettes").rglob("*.yaml")), ids=lambda p: p.name
)
def test_cassettes_hold_no_secrets(path: Any) -> None:
    text = path.read_text().lower()
    for secret in (
        "authorization",
        "api-key",
        "set-cookie",
        "cookie:",
        "openai-organization",
        FAKE_KEY.lower(),
        "bearer ",
    ):
        assert secret not in text, f"{path.name} holds {secret!r}"
