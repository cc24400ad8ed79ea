"""The terminal app, driven with Pilot as a person would: read the plan, edit a topic, push a
note over its limit, apply a fix, copy, save, quit."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.fakes import ScriptedBackend
from tests.helpers import ROOT
from tests.pilot_wait import notes_tab, until
from writer.backends import DraftRequest, OfflineBackend, Proposal
from writer.tui.app import WriterApp, make_app
from writer.tui.widgets.draft_editor import DraftEditor, FindingsArea

NOW = datetime.fromisoformat("2026-11-20T18:00:00-05:00")
EXAMPLE = Path("examples/acme-final-round.yaml")


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    target = tmp_path / "notes.yaml"
    shutil.copy(ROOT / EXAMPLE, target)
    return target


def app_for(path: Path | None, backend: object = None) -> WriterApp:
    return make_app(path, backend or OfflineBackend(), NOW)  # type: ignore[arg-type]


def index_of(app: WriterApp, who: str, kind: str) -> int:
    return next(
        i for i, d in enumerate(app.session.drafts) if d.interviewer == who and d.kind == kind
    )


async def test_opens_on_the_plan(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plan_text = str(app.query_one("#plan-text").render())
        assert "Acme Robotics · Senior Backend Engineer" in plan_text
        assert "connect.not_hr" in plan_text and "opens in 22 h" in plan_text
        assert not app.session.dirty and app.session.problems == []


async def test_editing_a_topic_moves_plan_and_drafts(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        topics = app.query_one("#p-topics")
        topics.focus()
        await pilot.press("ctrl+a")
        await pilot.press(*"rust in the robot firmware")
        await until(pilot, lambda: "rust in the robot firmware" in app.session.text, "typed")
        dana = app.session.notes.interviewers[0]  # type: ignore[union-attr]
        assert dana.topics[0].startswith("rust in the robot")
        email = app.session.drafts[index_of(app, "Dana Lee", "thank_you_email")]
        assert "robot firmware" in email.text
        assert "rust in the robot firmware" in app.query_one("#yaml").text  # type: ignore[attr-defined]
        assert app.session.dirty


async def open_danas_note(app: WriterApp, pilot: Pilot[None]) -> tuple[int, FindingsArea]:
    """The Drafts tab, Dana's connection note in the editor, the editor focused."""
    await pilot.press("f3")
    note = index_of(app, "Dana Lee", "connection_note")
    app.show_draft(note)

    def shown() -> bool:
        editors = app.query(DraftEditor)
        return bool(editors) and editors.first().index == note

    await until(pilot, shown, "the draft in the editor")
    area = app.query_one(FindingsArea)
    area.focus()
    return note, area


async def test_note_over_its_limit_shows_the_error_at_the_right_span(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        note, area = await open_danas_note(app, pilot)
        # One paste rather than 58 keystrokes: this test is about the span, not the typing
        # (test_editing_a_topic_moves_plan_and_drafts types key by key).
        area.insert(" It was a pleasure to talk about the whole migration plan.", area.document.end)
        await until(pilot, lambda: not app.session.drafts[note].ok, "rechecked")
        draft = app.session.drafts[note]
        [length] = [f for f in draft.report.findings if f.rule == "length.max_chars"]
        assert length.start == 200 and length.end == len(draft.text) > 200
        assert not draft.ok
        counter = str(app.query_one("#draft-counter").render())
        assert f"{len(draft.text)}/200 chars" in counter and "needs changes" in counter
        assert any(name == "finding.error" for row in area._highlights.values() for *_, name in row)


async def test_apply_a_suggestion_with_one_key(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        note, area = await open_danas_note(app, pilot)
        area.select_span(3, 7)  # "Dana"
        await pilot.press(*"Dnaa")
        await until(pilot, lambda: app.session.drafts[note].report.findings, "rechecked")
        findings = app.session.drafts[note].report.findings
        assert findings[0].rule == "greet.by_name"
        options = app.query_one("#draft-findings")
        options.focus()
        options.highlighted = 0  # type: ignore[attr-defined]
        await pilot.press("enter")  # jump to the span
        assert area.selected_text == "Dnaa"
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert app.session.drafts[note].text.startswith("Hi Dana,")
        assert app.session.drafts[note].ok


async def test_copy_save_and_quit(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.press("ctrl+t")
        first = app.session.drafts[0]
        assert app.clipboard == f"Subject: {first.subject}\n\n{first.text}"
        assert any("Copied Dana Lee's email" in n.message for n in app._notifications)
        await notes_tab(app, pilot)  # the YAML editor is built when its tab is first shown
        yaml_area = app.query_one("#yaml")
        yaml_area.text = yaml_area.text.replace("Acme Robotics", "Acme Robotics Inc")  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.session.dirty
        await pilot.press("ctrl+q")
        assert app.is_running, "unsaved changes: the first ctrl+q only warns"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Acme Robotics Inc" in notes_file.read_text()
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_broken_yaml_is_shown_not_raised(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        yaml_area = app.query_one("#yaml")
        yaml_area.text = yaml_area.text.replace("went: well", "went: brilliantly")  # type: ignore[attr-defined]
        await until(pilot, lambda: app.session.problems and app.query("#yaml-problems"), "read")
        problems = str(app.query_one("#yaml-problems").render())
        assert "interview.went: 'brilliantly' is not one of" in problems
        assert "notes have problems" in str(app.query_one("#plan-text").render())
        assert app.session.drafts, "the last good drafts stay"
        await pilot.pause(0.5)  # the form's late events from showing the broken notes
        assert "went: brilliantly" in app.session.text, "the form never rewrites the YAML"


async def test_start_from_empty_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_for(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.session.problems == [] and app.session.drafts
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert (tmp_path / "interview-notes.yaml").exists()


async def test_add_and_remove_an_interviewer(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        app.query_one("#people-buttons").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#person-add")
        await pilot.pause()
        assert len(app.session.notes.interviewers) == 5  # type: ignore[union-attr]
        assert app.session.notes.interviewers[-1].name == "Interviewer 5"  # type: ignore[union-attr]
        await pilot.click("#person-up")
        await pilot.pause()
        assert app.session.notes.interviewers[3].name == "Interviewer 5"  # type: ignore[union-attr]
        await pilot.click("#person-remove")
        await pilot.pause()
        assert len(app.session.notes.interviewers) == 4  # type: ignore[union-attr]


async def test_mark_sent_updates_the_plan(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        app.show_draft(index_of(app, "Dana Lee", "connection_note"))
        await pilot.press("f8")

        def request() -> Any:
            dana = app.session.plan.interviewers[0]  # type: ignore[union-attr]
            return next(a for a in dana.actions if a.kind.value == "connection_request")

        await until(pilot, lambda: request().decision.value == "skip", "the request skipped")
        assert request().reasons[0].rule == "connect.never_repeat"


async def test_offline_regenerate_gives_another_phrasing_and_rewrite_says_why(
    notes_file: Path,
) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        before = app.session.drafts[0].text
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.session.drafts[0].text != before and app.session.drafts[0].ok
        await pilot.press("f9")
        assert any("needs a language model" in n.message for n in app._notifications)


async def _model_redraft(
    notes_file: Path, key: str, reply: str
) -> tuple[WriterApp, ScriptedBackend]:
    """Open the app on a scripted model, press `key` on Dana's note, let the worker finish.
    Opening drafts everything once, after the first frame (answered "Hi"); then the queue
    holds only `reply`."""
    backend = ScriptedBackend()
    app = app_for(notes_file, backend.enqueue(*(["Hi"] * 40)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        backend.queue.clear()
        backend.requests.clear()
        backend.enqueue(reply)
        await pilot.press("f3")
        app.show_draft(index_of(app, "Dana Lee", "connection_note"))
        await pilot.press(key)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(DraftEditor).text == reply
    return app, backend


async def test_rewrite_with_a_model_backend_runs_in_a_worker(notes_file: Path) -> None:
    shorter = "Hi Dana, thank you for the talk about the Kafka telemetry migration."
    app, backend = await _model_redraft(notes_file, "f9", shorter)
    note = app.session.drafts[index_of(app, "Dana Lee", "connection_note")]
    assert note.text == shorter and note.ok
    assert "shorter" in (backend.requests[0].instruction or "")


async def test_regenerate_with_a_model_backend(notes_file: Path) -> None:
    fresh = "Hi Dana, thanks again for the Kafka telemetry migration conversation."
    app, backend = await _model_redraft(notes_file, "ctrl+r", fresh)
    assert app.session.drafts[index_of(app, "Dana Lee", "connection_note")].text == fresh
    assert backend.requests[0].instruction is None


class StreamingBackend(ScriptedBackend):
    """A scripted model that streams its answer in pieces, like the openai backend."""

    def __init__(self, streamed: str) -> None:
        super().__init__()
        self.streamed = streamed

    can_stream = True

    def stream(self, request: DraftRequest, piece: Callable[[str], None]) -> list[Proposal]:
        text = ""
        for word in self.streamed.split(" "):
            text = f"{text} {word}" if text else word
            piece(text)
        return [Proposal(text=text, prompt_hash="stream123")]


async def test_a_streamed_rewrite_is_checked_not_asked_again(notes_file: Path) -> None:
    text = "Hi Dana, thank you for the conversation about the Kafka telemetry migration."
    backend = StreamingBackend(text)
    app = app_for(notes_file, backend.enqueue(*(["Hi"] * 40)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()  # the first drafts
        backend.requests.clear()
        await pilot.press("f3")
        note = index_of(app, "Dana Lee", "connection_note")
        app.show_draft(note)
        await pilot.press("f9")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert backend.requests == [], "the streamed text was the answer"
        assert app.session.drafts[note].text == text and app.session.drafts[note].ok
        assert app.session.drafts[note].prompt_hash == "stream123"


def settled(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys, then let highlighting and layout settle before the snapshot (a loaded
    machine is slower to paint the YAML's syntax colours)."""

    async def run_before(pilot: Pilot[None]) -> None:
        for key in keys:
            await pilot.press(key)
        for widget in pilot.app.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]  # a blink is a coin toss
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()

    return run_before


def test_snapshot_plan_80x24(snap_compare: object) -> None:
    assert snap_compare(app_for(EXAMPLE), run_before=settled(), terminal_size=(80, 24))  # type: ignore[operator]


def test_snapshot_drafts_120x40(snap_compare: object) -> None:
    assert snap_compare(app_for(EXAMPLE), run_before=settled("f3"), terminal_size=(120, 40))  # type: ignore[operator]


def test_snapshot_notes_120x40(snap_compare: object) -> None:
    assert snap_compare(app_for(EXAMPLE), run_before=settled("f4"), terminal_size=(120, 40))  # type: ignore[operator]


def test_snapshot_drafts_80x24(snap_compare: object) -> None:
    assert snap_compare(app_for(EXAMPLE), run_before=settled("f3"), terminal_size=(80, 24))  # type: ignore[operator]
