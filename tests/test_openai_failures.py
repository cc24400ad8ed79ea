"""Every failure of an OpenAI-compatible endpoint becomes a clear per-draft error; the
other drafts still complete; nothing raises. Against a misbehaving server on loopback,
through both clients: the sync one (CLI, app) and the async one on aiohttp (batch)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.flaky_server import FlakyServer, flaky_server
from tests.helpers import EVENING, notes_from
from writer.backends.openai import OpenAIBackend
from writer.config import Settings
from writer.drafting import DraftSet, adraft_one, draft_all
from writer.kinds import MessageKind
from writer.plan import Decision
from writer.planner import plan_for

PEOPLE = [
    {"name": "Dana Lee", "relation": "hiring_manager", "topics": ["Kafka migrations"]},
    {"name": "Priya Raman", "relation": "team_member", "topics": ["Kafka streams"]},
]
NOTES = notes_from({"interviewers": PEOPLE})


@pytest.fixture
def server() -> Iterator[FlakyServer]:
    with flaky_server() as running:
        yield running


@pytest.fixture(params=["sync", "async"])
def client(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def run(server: FlakyServer | str, client: str, retries: int = 0, timeout: float = 5.0) -> DraftSet:
    """Both connection notes, one after the other, with the sync or the async client."""
    settings = Settings(
        base_url=server if isinstance(server, str) else server.base_url,
        api_key="sk-test",
        model="test-model",
        max_retries=retries,
        timeout=timeout,
        repair_attempts=0,
    )
    backend = OpenAIBackend(settings)
    plan = plan_for(NOTES, EVENING)
    if client == "sync":
        return draft_all(NOTES, plan, backend, kinds=[MessageKind.connection_note], repairs=0)

    async def in_order() -> DraftSet:
        result = DraftSet(backend=backend.name, model=backend.model, plan=plan)
        try:
            for person_plan, person in zip(plan.interviewers, NOTES.interviewers, strict=True):
                for action in person_plan.actions:
                    kind = action.message_kind
                    if (
                        action.decision != Decision.skip
                        and kind
                        and kind.value == "connection_note"
                    ):
                        draft = await adraft_one(
                            NOTES, person, action, backend, plan.now, repairs=0
                        )
                        result.drafts.append(draft)
        finally:
            await backend.aclose()
        return result

    return asyncio.run(in_order())


def errors(result: DraftSet) -> list[str | None]:
    return [d.error for d in result.drafts]


def test_all_good(server: FlakyServer, client: str) -> None:
    result = run(server, client)
    assert errors(result) == [None, None] and result.ok
    assert result.drafts[0].text.startswith("Hi Dana,")
    assert result.drafts[1].text.startswith("Hi Priya,")
    assert result.drafts[0].usage is not None and result.drafts[0].usage.prompt_tokens == 50


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        ("500", "failed with HTTP 500: try again later"),
        ("empty", "the model sent an empty reply"),
        ("refusal", "the model refused: I can't help with that."),
        ("bad_json", "sent a reply that is not valid JSON"),
        ("429", "is rate limiting (429): wait a minute"),
    ],
)
def test_one_failure_fails_one_draft(
    server: FlakyServer, client: str, behaviour: str, message: str
) -> None:
    server.then(behaviour)
    result = run(server, client)
    [first, second] = result.drafts
    assert first.error is not None and message in first.error
    assert not first.ok and first.report.findings[0].rule == "backend.error"
    assert second.ok and second.error is None


def test_timeout(server: FlakyServer, client: str) -> None:
    server.then("timeout")
    result = run(server, client, timeout=0.3)
    assert "did not answer within 0.3 s" in (result.drafts[0].error or "")
    assert result.drafts[1].ok


def test_429_honours_retry_after_and_then_succeeds(server: FlakyServer, client: str) -> None:
    server.then("429", "ok")
    result = run(server, client, retries=2)
    assert result.ok and server.seen[:2] == ["429", "ok"]


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [("404", "model 'test-model' was not found"), ("401", "refused the API key (401)")],
)
def test_fatal_errors_stop_asking(
    server: FlakyServer, client: str, behaviour: str, message: str
) -> None:
    server.then(behaviour)
    result = run(server, client)
    assert all(message in (e or "") for e in errors(result))
    assert len(server.seen) == 1, "after a bad key or model, no more requests"


def test_unreachable_endpoint(client: str) -> None:
    result = run("http://127.0.0.1:9/v1", client, timeout=2)
    assert len(result.drafts) == 2
    assert all("cannot reach http://127.0.0.1:9/v1" in (e or "") for e in errors(result))


def test_cli_exit_code_says_a_draft_failed(
    server: FlakyServer,
    tmp_path: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from writer.cli import main

    server.then("500")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("WRITER_MAX_RETRIES", "0")
    code = main(
        [
            "draft",
            "examples/acme-final-round.yaml",
            "--kind",
            "connection_note",
            "--now",
            "2026-11-20T18:00:00-05:00",
            "--json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err
    assert "drafting with" in captured.err and server.base_url in captured.err


def test_async_and_streaming_share_the_error_handling(server: FlakyServer) -> None:
    from writer.backends import BackendError, DraftRequest

    settings = Settings(
        base_url=server.base_url, api_key="sk-test", model="test-model", max_retries=0
    )
    backend = OpenAIBackend(settings)
    request = DraftRequest(NOTES, NOTES.interviewers[1], MessageKind.connection_note, EVENING)

    async def twice() -> None:
        try:
            [proposal] = await backend.aexecute(request)
            assert proposal.text.startswith("Hi Priya,")
            server.then("500")
            with pytest.raises(BackendError, match="HTTP 500"):
                await backend.aexecute(request)
        finally:
            await backend.aclose()

    asyncio.run(twice())
