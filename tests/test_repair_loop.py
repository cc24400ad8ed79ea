"""The draft → check → repair loop, with a scripted backend."""

from __future__ import annotations

from tests.fakes import ScriptedBackend
from tests.helpers import EVENING, notes_from
from writer.backends import BackendError, Proposal
from writer.drafting import draft_all, draft_one
from writer.kinds import MessageKind
from writer.plan import ActionKind
from writer.planner import plan_for

NOTES = notes_from()
PLAN = plan_for(NOTES, EVENING)
NOTE_ACTION = PLAN.interviewers[0].action(ActionKind.connection_request)
BAD = "Hey, I'd like to add you to my professional network. When I join, we'll crush it!!!!"
WORSE = BAD + " What is the salary?"
GOOD = "Hi Dana, thank you for the talk about the Kafka telemetry pipeline. Glad to connect."


def one(backend: ScriptedBackend, repairs: int = 2):  # type: ignore[no-untyped-def]
    assert NOTE_ACTION is not None
    return draft_one(NOTES, NOTES.interviewers[0], NOTE_ACTION, backend, EVENING, repairs=repairs)


def test_a_broken_first_draft_is_fixed_after_one_re_ask() -> None:
    backend = ScriptedBackend().enqueue(BAD, GOOD)
    draft = one(backend)
    assert draft.ok and draft.text == GOOD and draft.attempts == 2
    repair = backend.requests[1]
    assert repair.previous is not None and repair.previous.text.startswith("Hey")
    rules = {f.rule for f in repair.findings}
    assert {"generic.default_invite", "presumptuous", "greet.by_name"} <= rules
    assert all(f.severity == "error" for f in repair.findings)


def test_never_fixed_stops_after_two_re_asks_with_the_best_attempt() -> None:
    backend = ScriptedBackend().enqueue(WORSE, BAD, WORSE)
    draft = one(backend)
    assert draft.attempts == 3 and len(backend.requests) == 3
    assert not draft.ok
    assert draft.text.startswith("Hey") and "salary" not in draft.text, "the best, not the last"
    assert {"generic.default_invite", "presumptuous"} <= {f.rule for f in draft.report.findings}


def test_repairs_are_configurable() -> None:
    backend = ScriptedBackend().enqueue(BAD)
    assert one(backend, repairs=0).attempts == 1


def test_usage_adds_up_over_attempts() -> None:
    draft = one(ScriptedBackend().enqueue(BAD, GOOD))
    assert draft.usage is not None
    assert (draft.usage.prompt_tokens, draft.usage.completion_tokens) == (200, 40)
    assert draft.usage.cost_usd is not None and abs(draft.usage.cost_usd - 0.002) < 1e-9
    assert draft.prompt_hash == "abc123"


def test_safe_fixes_are_applied_before_re_asking() -> None:
    fixable = GOOD.replace("Dana", "Dnaa") + " 🙂"
    draft = one(ScriptedBackend().enqueue(fixable))
    assert draft.ok and draft.attempts == 1
    assert draft.text.startswith("Hi Dana,") and "🙂" not in draft.text


def test_a_backend_error_becomes_a_per_draft_error() -> None:
    draft = one(ScriptedBackend().enqueue(BackendError("the endpoint failed with HTTP 500")))
    assert not draft.ok and draft.error == "the endpoint failed with HTTP 500"
    assert draft.report.findings[0].rule == "backend.error"
    assert draft.to_json()["error"] == "the endpoint failed with HTTP 500"


def test_an_error_during_repair_keeps_the_best_attempt() -> None:
    draft = one(ScriptedBackend().enqueue(BAD, BackendError("timeout")))
    assert draft.text.startswith("Hey,") and draft.error is None and draft.attempts == 1
    assert draft.text.endswith("crush it."), "the safe fix for '!!!!' is applied"


def test_other_drafts_complete_when_one_fails() -> None:
    backend = ScriptedBackend().enqueue(
        BackendError("the endpoint failed with HTTP 500"),  # Dana's email
        GOOD,  # Dana's connection note
        "Hi Dana, thanks for connecting and for the Kafka telemetry pipeline talk.",
    )
    result = draft_all(NOTES, PLAN, backend, repairs=0)
    assert [d.ok for d in result.drafts] == [False, True, True]
    assert not result.ok
    assert result.to_json()["usage"]["prompt_tokens"] == 200


def test_variants_are_ranked_by_findings() -> None:
    backend = ScriptedBackend().enqueue(BAD, GOOD, WORSE)
    result = draft_all(
        NOTES, PLAN, backend, kinds=[MessageKind.connection_note], variants=3, repairs=0
    )
    assert [d.text[:8] for d in result.drafts] == [GOOD[:8], BAD[:8], WORSE[:8]]
    assert "salary" in result.drafts[2].text
    assert [d.variant for d in result.drafts] == [0, 1, 2]
    assert [r.variant for r in backend.requests] == [0, 1, 2]


def test_email_subject_is_checked_and_repaired() -> None:
    body = (
        "Hi Dana,\n\nThank you for the conversation about the Kafka telemetry pipeline "
        "migration and the Senior Backend Engineer role at Acme Robotics. " * 3
    )
    backend = ScriptedBackend().enqueue(
        Proposal(text=body), Proposal(text=body, subject="Thank you - Senior Backend Engineer")
    )
    email = PLAN.interviewers[0].action(ActionKind.thank_you_email)
    assert email is not None
    draft = draft_one(NOTES, NOTES.interviewers[0], email, backend, EVENING)
    assert draft.attempts == 2 and draft.ok and draft.subject
    assert backend.requests[1].findings[0].rule == "subject.present"
