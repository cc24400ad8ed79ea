"""The rough edges a new user met in the app (issue 18), each driven as that user would."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.pilot_wait import notes_tab, until
from tests.test_tui import app_for, index_of, notes_file, open_danas_note
from writer.backends import OfflineBackend
from writer.tui.app import WriterApp, make_app

__all__ = ["notes_file"]  # the fixture, shared with test_tui

LONG_AFTER = datetime.fromisoformat("2027-07-20T18:00:00-05:00")


def messages(app: WriterApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def entry(app: WriterApp, index: int) -> str:
    options = app.query_one("#draft-list", OptionList)
    return str(options.get_option_at_index(index).prompt)


async def test_drafts_list_shows_each_decision_and_window(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        drafts = app.session.drafts
        assert {d.decision for d in drafts} >= {"do", "wait"}, "the example has both"
        shown = {"do": "DO", "wait": "WAIT", "optional": "OPT"}
        for index, draft in enumerate(drafts):
            first, second = entry(app, index).split("\n")
            assert first.split()[0] == shown[draft.decision]
            assert draft.interviewer.split()[0] in first
            assert second.strip().startswith("✓" if draft.ok else "✗")
        email = entry(app, index_of(app, "Dana Lee", "thank_you_email"))
        assert "due 22 h" in email
        waiting = next(i for i, d in enumerate(drafts) if d.decision == "wait")
        assert "opens" in entry(app, waiting) or "on hold" in entry(app, waiting)


async def test_the_timeline_has_a_legend(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        plan = str(app.query_one("#plan-text").render())
        assert "E email" in plan and "C connect" in plan and "M follow-up" in plan
        assert "│ now" in plan and " wait " in plan and " optional " in plan


async def test_escape_closes_the_keys_panel(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_fix_on_a_finding_without_a_fix_says_so(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        note, area = await open_danas_note(app, pilot)
        area.insert(" It was a pleasure to talk about the whole migration plan.", area.document.end)

        def over() -> bool:
            return any(
                f.rule == "length.max_chars" for f in app.session.drafts[note].report.findings
            )

        # A loaded machine can take more than one turn to deliver the TextArea's Changed
        # (10 s of waiting ran out once under load 11).
        await until(pilot, over, "the edit re-checked")
        findings = app.session.drafts[note].report.findings
        length = next(i for i, f in enumerate(findings) if f.rule == "length.max_chars")
        assert findings[length].replacement is None
        options = app.query_one("#draft-findings", OptionList)
        options.focus()
        options.highlighted = length
        before = app.session.drafts[note].text
        await pilot.press("ctrl+f")
        await pilot.pause()
        said = messages(app)[-1]
        assert "length.max_chars has no automatic fix" in said
        assert "Pick a finding" not in said
        assert app.session.drafts[note].text == before, "nothing was changed"


async def test_fix_with_nothing_highlighted_takes_the_fixable_finding(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        note, area = await open_danas_note(app, pilot)
        area.select_span(3, 7)  # "Dana"
        await pilot.press(*"Dnaa")
        await until(pilot, lambda: app.session.drafts[note].report.findings, "rechecked")
        assert app.query_one("#draft-findings", OptionList).highlighted is None
        await pilot.press("ctrl+f")
        await until(pilot, lambda: app.session.drafts[note].text.startswith("Hi Dana,"), "fixed")
        assert any("Fixed greet.by_name" in m for m in messages(app))


async def test_mark_sent_says_what_was_recorded_and_whether_to_save(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        app.show_draft(index_of(app, "Dana Lee", "thank_you_email"))
        await pilot.press("f8")
        await pilot.pause()
        said = messages(app)[-1]
        assert "thank-you email recorded in the ledger" in said and "Nothing to save" in said
        assert not app.session.dirty
        app.show_draft(index_of(app, "Priya Raman", "connection_note"))
        await pilot.press("f8")
        await pilot.pause()
        said = messages(app)[-1]
        assert "connection request recorded as pending" in said and "ctrl+s saves" in said
        assert app.session.dirty


async def test_markdown_export_carries_windows_and_decisions(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
    exported = notes_file.with_suffix(".drafts.md").read_text("utf-8")
    section = exported.split("## Dana Lee — thank-you email")[1].split("## ")[0]
    assert "**Decision:** do · **Window:** Fri 20 Nov 16:00 -05:00 → Sat 21 Nov 16:00" in section
    assert "**Decision:** wait" in exported


async def enter_through(app: WriterApp, pilot: Pilot[None], start: str, stop: str) -> set[str]:
    """Focus `start`, press Enter until the focus reaches `stop`; the fields passed through."""
    app.query_one(f"#{start}").focus()
    seen: set[str] = set()
    for _ in range(20):
        await pilot.press("enter")
        seen.add(str(app.focused.id if app.focused else None))
        if stop in seen:
            break
    return seen


# Each Enter repaints the form: the default run walks the interviewer's part (the topics
# box is the field that could add a line), the slow run the interview's part before it.
@pytest.mark.parametrize(
    "whole", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["person", "whole"]
)
async def test_enter_moves_through_the_notes_form_without_editing(
    notes_file: Path, whole: bool
) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        await pilot.pause()
        topics = app.query_one("#p-topics")
        before = topics.text  # type: ignore[attr-defined]
        if whole:
            seen = await enter_through(app, pilot, "f-candidate-name", "people")
            assert {"f-company", "f-interview-went", "f-culture", "people"} <= seen
        seen = await enter_through(app, pilot, "p-name", "p-linkedin-requested-on")
        assert {"p-relation", "p-topics", "p-linkedin-requested-on"} <= seen
        await pilot.pause()
        assert topics.text == before  # type: ignore[attr-defined]
        assert not app.session.dirty


async def test_enter_after_a_topic_still_starts_a_new_one(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        await pilot.pause()
        topics = app.query_one("#p-topics")
        topics.focus()
        topics.move_cursor(topics.document.end)  # type: ignore[attr-defined]
        await pilot.press("enter", *"team rituals")
        await pilot.pause()
        dana = app.session.notes.interviewers[0]  # type: ignore[union-attr]
        assert dana.topics[-1] == "team rituals"


async def test_an_interview_long_past_opens_on_a_summary(notes_file: Path) -> None:
    app = make_app(notes_file, OfflineBackend(), LONG_AFTER)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plan = str(app.query_one("#plan-text").render())
        top = plan.split("\n")[2]
        assert top.startswith("Long past:") and "days ago" in top and "closed" in top
        assert "plan.long_past" in plan
        assert " h ago" not in plan and "closed 5" not in plan
        await pilot.press("f3")
        await pilot.pause()
        assert all("long past" in entry(app, i) for i in range(len(app.session.drafts)))


async def test_first_frame_shows_the_plan_before_the_drafts(notes_file: Path) -> None:
    app = app_for(notes_file)
    assert app.session.plan is not None and app.session.drafts == [], "planned, not drafted"
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.session.drafts, "drafted right after the first frame"
        assert not app.query("NotesForm"), "the Notes tab is built when first shown"
        await notes_tab(app, pilot)
        assert app.query_one("#f-company").value == "Acme Robotics"  # type: ignore[attr-defined]


async def test_notes_edited_behind_the_drafts_tab_show_when_it_is_shown_again(
    notes_file: Path,
) -> None:
    """Typing in the Notes form no longer redrafts at each key; the Drafts tab, shown again,
    still lists and shows the drafts of the notes as they are now."""
    from writer.tui.widgets.draft_editor import DraftEditor

    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        email = index_of(app, "Dana Lee", "thank_you_email")
        app.show_draft(email)
        await until(pilot, lambda: app.query_one(DraftEditor).index == email, "Dana's email")
        assert "Kafka" in app.query_one(DraftEditor).text
        await notes_tab(app, pilot)
        yaml_area = app.query_one("#yaml")
        yaml_area.text = yaml_area.text.replace("to Kafka", "to Pulsar")  # type: ignore[attr-defined]
        await until(pilot, lambda: "to Pulsar" in app.session.text, "the notes changed")
        await pilot.press("f3")
        await until(pilot, lambda: "Pulsar" in app.query_one(DraftEditor).text, "redrafted")
        assert "Kafka" not in app.query_one(DraftEditor).text
        assert "Pulsar" in app.session.drafts[email].text
