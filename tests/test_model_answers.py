"""Model answers read defensively, and what a repair sends back bounded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import EVENING, notes_from
from tests.hostile_server import HostileServer, hostile_server
from writer.backends import DraftRequest, Proposal
from writer.backends.openai import OpenAIBackend
from writer.backends.openai.answers import parse_json, reply_of, tokens
from writer.backends.openai.limits import ServerMisbehaved
from writer.backends.openai.retrying import Budget, Failure, retry_after
from writer.cli import main
from writer.config import Settings
from writer.kinds import MessageKind

ROOT = Path(__file__).resolve().parent.parent
NOTES = notes_from()


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with hostile_server() as running:
        yield running


def test_a_repair_quotes_at_most_the_allowed_length() -> None:
    backend = OpenAIBackend(Settings(api_key="sk-test", model="gpt-4o-mini"))
    huge = Proposal(text="word " * 2_000_000)  # the 10 MB answer of issue 15
    request = DraftRequest(
        NOTES, NOTES.interviewers[0], MessageKind.connection_note, EVENING, previous=huge
    )
    prompt = backend.prompt(request)
    quoted = [m["content"] for m in prompt.messages if m["role"] == "assistant"]
    assert quoted and len(quoted[0]) <= 300  # a free account's note: 200 characters


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"choices": [{"message": {"content": "\xff"}}]}', r"not valid UTF-8 \(at byte 38\)"),
        (b"[" * 50_000, "nested too deeply"),
        (b'{"n": ' + b"1" * 5000 + b"}", "a number too long to read"),
        (b'{"choices": [', "not valid JSON"),
    ],
)
def test_unreadable_bodies_are_one_sentence(body: bytes, says: str) -> None:
    with pytest.raises(ServerMisbehaved, match=says):
        parse_json(body, "h:1")


def test_malformed_shapes_and_usage() -> None:
    with pytest.raises(ServerMisbehaved, match="content as a list, not text"):
        reply_of({"choices": [{"message": {"content": [1]}}]}, "h:1")
    with pytest.raises(ServerMisbehaved, match="message that is a list"):
        reply_of({"choices": [{"message": []}]}, "h:1")
    with pytest.raises(ServerMisbehaved, match="without any choices"):
        reply_of({"choices": {"0": 1}}, "h:1")
    assert [tokens(v) for v in ("12", 10**30, -1, True, 1.5, 40)] == [None] * 5 + [40]


def test_retry_after_beyond_the_deadline_ends_now() -> None:
    budget = Budget(timeout=2, retries=2)
    budget.clock()
    why = budget.wait(Failure("slow down", retry=True, retry_after=59))
    assert isinstance(why, str) and "asked to retry after 59 s" in why
    assert budget.wait(Failure("slow down", retry=True, retry_after=0.1)) == 0.1
    assert retry_after({"retry-after-ms": "250"}) == 0.25
    assert retry_after({"retry-after": "soon"}) is None


def test_absurd_usage_does_not_reach_the_draft_log(
    server: HostileServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server.against = {"Dana": "usage_huge"}
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    notes = ROOT / "examples" / "acme-final-round.yaml"
    code = main(["draft", str(notes), "--now", "2026-11-20T18:00:00-05:00", "--json"])
    drafted = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and drafted["drafts"]
    assert main(["ledger", "--drafts", "--json"]) == 0
    logged = capsys.readouterr().out
    assert "1000000000000000000000000000000" not in logged and len(logged) > 10
