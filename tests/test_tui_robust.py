"""The app loses nothing and never dies: a broken stream, quitting with unsaved work, saving
through a symlink, marking as sent while the YAML is broken."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.pilot_wait import notes_tab, until
from tests.test_tui import StreamingBackend, app_for, index_of, open_danas_note
from writer.backends import DraftRequest, Proposal
from writer.ledger import load_sent
from writer.tui.app import WriterApp
from writer.tui.widgets.draft_editor import DraftEditor


class BreakingStream(StreamingBackend):
    """Streams the first words of its answer, then fails the way a broken connection does."""

    def __init__(self, streamed: str, failure: Exception) -> None:
        super().__init__(streamed)
        self.failure = failure

    def stream(self, request: DraftRequest, piece: Callable[[str], None]) -> list[Proposal]:
        words = self.streamed.split(" ")[:4]
        for count in range(1, len(words) + 1):
            piece(" ".join(words[:count]))
        raise self.failure


def messages(app: WriterApp) -> list[str]:
    return [n.message for n in app._notifications]


def notified(app: WriterApp, text: str) -> Callable[[], bool]:
    return lambda: any(text in m for m in messages(app))


async def test_a_stream_that_breaks_keeps_the_app_and_the_draft(notes_file: Path) -> None:
    dropped = ConnectionResetError("peer closed the connection mid-stream")
    backend = BreakingStream("Hi Dana, this rewrite never finishes: the line drops.", dropped)
    app = app_for(notes_file, backend.enqueue(*(["Hi"] * 40)))
    async with app.run_test(size=(120, 40)) as pilot:
        note, area = await open_danas_note(app, pilot)
        area.insert("Thanks again. ", area.document.end)
        await until(pilot, lambda: "Thanks again." in app.session.drafts[note].text, "edited")
        edited = app.session.drafts[note].text
        not_utf8 = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
        for failure, said in [(dropped, "broke off"), (not_utf8, "not valid UTF-8")]:
            backend.failure = failure
            await pilot.press("f9")
            await app.workers.wait_for_complete()
            await until(pilot, notified(app, said), said)
            assert app.is_running
            assert any(m.startswith("Drafting failed") and said in m for m in messages(app))
            assert app.query_one(DraftEditor).text == edited, "the editor shows the old draft"
            assert app.session.drafts[note].text == edited


async def test_quit_asks_for_edited_drafts_and_again_after_a_new_change(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_danas_note(app, pilot)
        await pilot.press("ctrl+end", "!")
        await until(pilot, lambda: app._drafts_unsaved, "the draft was edited")
        assert not app.session.dirty, "the notes are unchanged; only a draft was edited"
        await pilot.press("ctrl+q")
        assert app.is_running
        assert any("edited drafts" in m and "ctrl+o" in m for m in messages(app))
        await notes_tab(app, pilot)
        yaml_area = app.query_one("#yaml")
        yaml_area.text = yaml_area.text.replace("Acme Robotics", "Acme")  # type: ignore[attr-defined]
        await until(pilot, lambda: app.session.dirty, "the notes changed")
        await pilot.press("ctrl+q")
        assert app.is_running, "a change after the warning is warned about again"
        assert any("the changes to the notes and the edited drafts" in m for m in messages(app))
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_quit_without_changes_does_not_ask(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_save_writes_through_a_symlink_and_keeps_the_mode(
    notes_file: Path, tmp_path: Path
) -> None:
    os.chmod(notes_file, 0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(notes_file)
    app = app_for(link)
    async with app.run_test(size=(120, 40)) as pilot:
        await notes_tab(app, pilot)
        yaml_area = app.query_one("#yaml")
        yaml_area.text = yaml_area.text.replace("Acme Robotics", "Acme Robotics Inc")  # type: ignore[attr-defined]
        await until(pilot, lambda: app.session.dirty, "the notes changed")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.session.dirty, "saved")
    assert link.is_symlink() and link.resolve() == notes_file.resolve()
    assert "Acme Robotics Inc" in notes_file.read_text("utf-8")
    assert stat.S_IMODE(notes_file.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


async def _break_the_yaml(app: WriterApp, pilot: Pilot[None]) -> str:
    await notes_tab(app, pilot)
    yaml_area = app.query_one("#yaml")
    broken = yaml_area.text.replace("company: Acme Robotics", "company: [Acme Robotics")  # type: ignore[attr-defined]
    yaml_area.text = broken  # type: ignore[attr-defined]
    await until(pilot, lambda: app.session.problems, "the YAML no longer parses")
    return str(broken)


async def test_mark_sent_with_broken_yaml_says_why_and_writes_nothing(notes_file: Path) -> None:
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        broken = await _break_the_yaml(app, pilot)
        await pilot.press("f3")
        app.show_draft(index_of(app, "Dana Lee", "connection_note"))
        await pilot.press("f8")
        await until(pilot, lambda: any("Cannot mark" in m for m in messages(app)), "refused")
        assert app.is_running
        assert any("Cannot mark as sent" in m and "line" in m for m in messages(app))
        assert app.session.text == broken and app.session.dirty, "the text being fixed stays"
        assert app.query_one("#yaml").text == broken  # type: ignore[attr-defined]
    assert load_sent() == [], "no ledger row for a record the notes could not take"


async def test_leaving_the_notes_tab_with_broken_yaml_lands_on_the_drafts_at_once(
    notes_file: Path,
) -> None:
    # A focus message from the Notes form arrived after F3 had left it: the tabs then handed
    # the keyboard back and forth between Notes and Drafts, thousands of times (the app spun
    # a core for seconds to minutes, repainting, before the user could type).
    from textual.widgets import TabbedContent

    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _break_the_yaml(app, pilot)
        tabs = app.query_one(TabbedContent)
        shown: list[str] = []
        app.watch(tabs, "active", lambda active: shown.append(active), init=False)
        await pilot.press("f3")
        for _ in range(5):
            await pilot.pause(0.05)
        assert tabs.active == "drafts"
        assert shown == ["drafts"], f"the tabs changed {len(shown)} times: {shown[:6]}"
        assert app.focused is not None and app.focused.id == "draft-list"


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    from tests.helpers import ROOT

    target = tmp_path / "notes.yaml"
    target.write_text((ROOT / "examples" / "acme-final-round.yaml").read_text("utf-8"), "utf-8")
    return target


def test_mark_sent_finds_a_name_written_with_spaces_around_it(tmp_path: Path) -> None:
    # The notes model trims '  Dana Lee  '; the raw YAML keeps the spaces: F8 must still find
    # her (it raised StopIteration, losing the user's unsaved edits).
    from datetime import date, datetime

    from tests.helpers import ROOT
    from writer.backends import OfflineBackend
    from writer.kinds import MessageKind
    from writer.tui.session import Session

    path = tmp_path / "notes.yaml"
    text = (ROOT / "examples" / "acme-final-round.yaml").read_text("utf-8")
    path.write_text(text.replace("- name: Dana Lee", '- name: "  Dana Lee  "'), "utf-8")
    now = datetime.fromisoformat("2026-11-21T17:00:00-05:00")
    session = Session.open(path, OfflineBackend(), now)
    index = next(
        i
        for i, d in enumerate(session.drafts)
        if (d.interviewer == "Dana Lee" and d.kind == MessageKind.follow_up_message)
        or (d.interviewer == "Dana Lee" and d.kind == MessageKind.connection_note)
    )
    said = session.mark_sent(index, date(2026, 11, 21))
    assert "recorded" in said
    assert [s.interviewer for s in load_sent()] == ["Dana Lee"]


async def test_keys_typed_the_moment_a_draft_opens_are_kept(notes_file: Path) -> None:
    """The candidate types before the editor's next frame: the draft still takes the edit."""
    app = app_for(notes_file)
    async with app.run_test(size=(120, 40)) as pilot:
        note, area = await open_danas_note(app, pilot)
        other = index_of(app, "Dana Lee", "thank_you_email")
        app.show_draft(other)
        area.insert("P.S. ", (0, 0))  # no pause between opening and typing
        await until(pilot, lambda: app.session.drafts[other].text.startswith("P.S. "), "kept")
        assert app.session.drafts[note].text == app.session.drafts[note].text.lstrip()
