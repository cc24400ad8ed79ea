"""More of issue 18's rough edges, as a new user meets them: an old interview opened without
--now, Enter and Tab moving through the draft's fields without editing them, ctrl+f on a
draft with nothing to fix, and the stored snapshots showing each draft's decision."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.helpers import ROOT
from tests.pilot_wait import notes_tab
from tests.test_tui import app_for, index_of, notes_file
from writer.backends import OfflineBackend
from writer.tui.app import WriterApp, make_app
from writer.tui.widgets.draft_editor import FindingsArea

__all__ = ["notes_file"]  # the fixture, shared with test_tui

SNAPSHOTS = ROOT / "tests" / "__snapshots__" / "test_tui"
EXAMPLE_START, EXAMPLE_END = "2026-11-20T14:00:00-05:00", "2026-11-20T16:00:00-05:00"


def messages(app: WriterApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def focused_id(app: WriterApp) -> str | None:
    return app.focused.id if app.focused else None


async def test_an_old_interview_opened_without_now_says_the_loop_is_long_past(
    notes_file: Path,
) -> None:
    # As `writer tui NOTES` without --now: the app reads the clock, whatever day it is.
    start = (datetime.now().astimezone() - timedelta(days=236)).replace(microsecond=0)
    text = notes_file.read_text("utf-8")
    text = text.replace(EXAMPLE_START, start.isoformat())
    text = text.replace(EXAMPLE_END, (start + timedelta(hours=2)).isoformat())
    notes_file.write_text(text, "utf-8")
    app = make_app(notes_file, OfflineBackend())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plan = str(app.query_one("#plan-text").render())
        summary = next(line for line in plan.splitlines() if line.startswith("Long past:"))
        assert re.search(r"\b23[56] days ago\b", summary) and "nothing is due" in summary
        assert " h ago" not in plan and "closed 56" not in plan


async def test_enter_and_tab_move_from_the_subject_through_the_body_unchanged(
    notes_file: Path,
) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        app.show_draft(index_of(app, "Dana Lee", "thank_you_email"))
        await pilot.pause()
        draft = app.session.drafts[app.current]
        subject, body = app.query_one("#draft-subject", Input), app.query_one(FindingsArea)
        subject.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(app) == "draft-text"
        await pilot.press("tab")
        await pilot.pause()
        assert focused_id(app) != "draft-text", "Tab leaves the body rather than typing a tab"
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert focused_id(app) == "draft-subject"
        assert (body.text, subject.value) == (draft.text, draft.subject)
        assert app.session.drafts[app.current].text == draft.text
        assert not app._drafts_unsaved


async def test_tab_moves_through_the_notes_form_without_editing(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        await pilot.pause()
        topics = app.query_one("#p-topics")
        before = topics.text  # type: ignore[attr-defined]
        topics.focus()
        await pilot.press("tab")
        await pilot.pause()
        assert focused_id(app) != "p-topics"
        await pilot.press("shift+tab")
        assert focused_id(app) == "p-topics"
        assert topics.text == before  # type: ignore[attr-defined]
        assert not app.session.dirty


async def test_fix_on_a_draft_with_no_findings_says_there_is_nothing_to_fix(
    notes_file: Path,
) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        clean = next(i for i, d in enumerate(app.session.drafts) if not d.report.findings)
        app.show_draft(clean)
        await pilot.pause()
        before = app.session.drafts[clean].text
        await pilot.press("ctrl+f")
        await pilot.pause()
        said = messages(app)[-1]
        assert said.startswith("Nothing to fix: the checker found nothing")
        assert "Pick a finding" not in said
        assert app.session.drafts[clean].text == before


def drafts_list_rows(svg: Path) -> list[str]:
    """The text of the drafts list's rows in a stored snapshot, top to bottom."""
    rows: dict[float, list[str]] = {}
    for y, text in re.findall(r'<text[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg.read_text()):
        rows.setdefault(float(y), []).append(html.unescape(re.sub("<[^>]+>", "", text)))
    lines = ["".join(parts).replace("\xa0", " ") for _, parts in sorted(rows.items())]
    return [line.split("│")[1] for line in lines if line.startswith("│")]


@pytest.mark.parametrize("size", ["80x24", "120x40"])
def test_the_drafts_snapshots_show_each_decision_and_window(size: str) -> None:
    rows = drafts_list_rows(SNAPSHOTS / f"test_snapshot_drafts_{size}.svg")
    entries = list(zip(rows[::2], rows[1::2], strict=False))
    decisions = {first.split()[0] for first, _ in entries}
    assert {"DO", "WAIT", "OPT"} <= decisions
    for first, second in entries:
        word = first.split()[0]
        assert word in {"DO", "WAIT", "OPT"}, first
        window = second.split(maxsplit=2)[-1]
        assert window.startswith(("due ", "opens ", "on hold", "any time")), second
        if word == "WAIT":
            assert not window.startswith("due "), "a message on hold is never shown as due"


async def test_the_footer_keeps_its_keys_through_the_notes_form(
    notes_file: Path,
) -> None:
    from textual.widgets._footer import FooterKey

    def footer() -> list[str]:
        return [key.key for key in app.query(FooterKey)]

    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        app.query_one("#f-candidate-name").focus()
        await pilot.pause()
        keys = list(app.query(FooterKey))
        assert footer()[:4] == ["ctrl+q", "f2", "f3", "f4"] and footer()[-1] == "ctrl+p"
        await pilot.press(*["tab"] * 12)
        await pilot.pause()
        assert focused_id(app) not in (None, "f-candidate-name")
        # The same key widgets: rebuilding them laid out the whole form on every Tab.
        assert list(app.query(FooterKey)) == keys
