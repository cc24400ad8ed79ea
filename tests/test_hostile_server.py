"""Against a server that attacks its client: every behaviour ends its draft within the
deadline, with a sentence saying what the server did, and the other drafts complete; through
the sync client, the async one (aiohttp, as batch uses), and streaming."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest

from tests.helpers import EVENING, notes_from
from tests.hostile_server import BEHAVIOURS, HostileServer, hostile_server
from writer.backends import BackendError, DraftRequest
from writer.backends.openai import OpenAIBackend
from writer.config import Settings
from writer.drafting import Draft, adraft_one
from writer.kinds import MessageKind
from writer.plan import Decision
from writer.planner import plan_for

PEOPLE = [
    {"name": "Dana Lee", "relation": "hiring_manager", "topics": ["Kafka migrations"]},
    {"name": "Priya Raman", "relation": "team_member", "topics": ["Kafka streams"]},
]
NOTES = notes_from({"interviewers": PEOPLE})
TIMEOUT = 0.4
# One retry where it changes what happens (a broken answer is retried, a Retry-After weighed
# against the time left); none elsewhere, to keep the default run short.
RETRIED = ("broken_stream", "retry_after_59")
SLACK = 1.0  # scheduling on a loaded shared machine, and the checker's own time

# What the user reads for each behaviour (a part of the sentence); None: the draft succeeds.
SAYS: dict[str, tuple[str, ...] | None] = {
    "drip": ("still sending after", "and then stalled"),
    "silence": ("did not answer within", "did not answer; gave up after"),
    "huge": ("sent an answer over 1 MB",),
    "gzip_bomb": ("a compressed answer that expands to over 1 MB",),
    "broken_stream": ("broke off the connection before its answer was complete",),
    "invalid_utf8": ("sent an answer that is not valid UTF-8",),
    "content_list": ("sent the reply's content as a list, not text",),
    "content_dict": ("sent the reply's content as an object, not text",),
    "usage_strings": None,
    "usage_huge": None,
    "deep_json": ("sent JSON nested too deeply to read",),
    "huge_int": ("sent JSON with a number too long to read",),
    "redirect_loop": ("redirected request after request in a loop",),
    "retry_after_59": ("asked to retry after 59 s, more than the",),
}


def streamed(model: OpenAIBackend, request: DraftRequest) -> str:
    """The text the app would see, piece by piece, joined."""
    pieces: list[str] = []
    model.stream(request, pieces.append)
    return pieces[-1] if pieces else ""


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        # The first prompt loads the token encoding, and the first stream the SDK's chunk
        # types (0.8 s): the client's time, not the server's, so not on the tests' clocks.
        request = DraftRequest(NOTES, NOTES.interviewers[0], MessageKind.connection_note, EVENING)
        assert streamed(backend(running), request).startswith("Hi Dana,")
        # Likewise the first async draft (the async client and its transport: 3 s once in a
        # loaded CI run, charged to whichever behaviour came first).
        assert all(draft.ok for draft, _ in drafts_timed(running, "async", 0))
        yield running


def backend(server: HostileServer, retries: int = 0) -> OpenAIBackend:
    settings = Settings(
        base_url=server.base_url,
        api_key="sk-test",
        model="test-model",
        max_retries=retries,
        timeout=TIMEOUT,
        repair_attempts=0,
    )
    return OpenAIBackend(settings)


def drafts_timed(server: HostileServer, client: str, retries: int) -> list[tuple[Draft, float]]:
    """Both connection notes, one after the other, each with the time it took."""
    model = backend(server, retries)
    plan = plan_for(NOTES, EVENING)
    jobs = [
        (person, action)
        for person_plan, person in zip(plan.interviewers, NOTES.interviewers, strict=True)
        for action in person_plan.actions
        if action.decision != Decision.skip
        and action.message_kind is not None
        and action.message_kind.value == "connection_note"
    ]

    async def in_order() -> list[tuple[Draft, float]]:
        out = []
        try:
            for person, action in jobs:
                started = time.monotonic()
                draft = await adraft_one(NOTES, person, action, model, plan.now, repairs=0)
                out.append((draft, time.monotonic() - started))
        finally:
            await model.aclose()
        return out

    if client == "async":
        return asyncio.run(in_order())
    out = []
    from writer.drafting import draft_one

    for person, action in jobs:
        started = time.monotonic()
        out.append(
            (
                draft_one(NOTES, person, action, model, plan.now, repairs=0),
                time.monotonic() - started,
            )
        )
    return out


def assert_says(draft: Draft, behaviour: str) -> None:
    expected = SAYS[behaviour]
    if expected is None:
        assert draft.error is None and draft.usage is not None, draft.error
        assert 0 <= draft.usage.prompt_tokens < 10_000_000
        assert 0 <= draft.usage.completion_tokens < 10_000_000
        return
    assert draft.error is not None and not draft.ok
    assert any(part in draft.error for part in expected), draft.error
    assert "127.0.0.1" in draft.error and "Traceback" not in draft.error
    assert draft.error.count(". ") == 0, "one sentence"


@pytest.mark.parametrize("client", ["sync", "async"])
@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_each_behaviour_ends_in_time_and_says_what_happened(
    server: HostileServer, behaviour: str, client: str
) -> None:
    server.against = {"Dana": behaviour}
    retries = 1 if behaviour in RETRIED else 0
    [(dana, took), (priya, _)] = drafts_timed(server, client, retries)
    deadline = TIMEOUT * (1 + retries)  # what `writer.backends.openai.retrying.Budget` promises
    assert took <= deadline + SLACK, f"{behaviour} took {took:.2f} s"
    assert_says(dana, behaviour)
    assert priya.ok and priya.error is None and priya.text.startswith("Hi Priya,")


STREAM_SAYS = {
    "drip": "still sending after",
    "silence": "did not answer within 0.4 s",
    "broken_stream": "broke off its streamed answer before it was complete",
    "invalid_utf8": "not valid UTF-8",
    "content_list": "streamed a piece of the reply as a list, not text",
    "deep_json": "nested too deeply",
    "gzip_bomb": "expands to over 1 MB",
    "redirect_loop": "in a loop",
}


@pytest.mark.parametrize("behaviour", sorted(STREAM_SAYS))
def test_streaming_ends_in_time_and_says_what_happened(
    server: HostileServer, behaviour: str
) -> None:
    server.against = {"Dana": behaviour}
    model = backend(server)
    request = DraftRequest(NOTES, NOTES.interviewers[0], MessageKind.connection_note, EVENING)
    started = time.monotonic()
    with pytest.raises(BackendError) as raised:
        streamed(model, request)
    assert time.monotonic() - started <= TIMEOUT + SLACK
    assert STREAM_SAYS[behaviour] in str(raised.value)
    other = DraftRequest(NOTES, NOTES.interviewers[1], MessageKind.connection_note, EVENING)
    assert streamed(model, other).startswith("Hi Priya,")
