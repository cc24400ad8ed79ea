"""The app started with no file in a folder of loops: it opens on what is due (the list
`writer today` prints), and Enter opens the chosen loop. Driven with Pilot."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tests.test_today import NOW, folder  # noqa: F401  (the six-loop folder fixture)
from writer.backends import OfflineBackend
from writer.commands import _loops_queue
from writer.tui.app import make_app
from writer.tui.today_app import TodayApp

MOMENT = datetime.fromisoformat(NOW)


def queue_for(where: Path) -> object:
    return _loops_queue(argparse.Namespace(now=MOMENT), [str(where)])


async def test_the_list_shows_the_due_actions_and_enter_opens_the_loop(
    folder: Path,  # noqa: F811
) -> None:
    queue = queue_for(folder)
    app = TodayApp(queue)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        options = app.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert len(rows) == 7
        assert rows[0].startswith("overdue") and "Late Co · Rita Gomez · status email" in rows[0]
        assert "due now" in rows[2] and "Fresh Co · Dana Lee · thank-you email" in rows[2]
        assert rows[-1].startswith("next") and "Fresh Co · Dana Lee · status email" in rows[-1]
        foot = str(app.query_one("#today-foot").render())
        assert "6 loop(s)" in foot and "cold: Cold Co" in foot
        await pilot.press("down", "enter")
        await pilot.pause()
    picked = app.return_value
    assert picked is not None and Path(picked).name == "offer.yaml"
    loop = make_app(Path(picked), OfflineBackend(), MOMENT)
    async with loop.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        plan_text = str(loop.query_one("#plan-text").render())
        assert "Offer Co · Data Engineer" in plan_text and "reply to an offer" in plan_text


async def test_escape_leaves_the_list_without_a_loop(folder: Path) -> None:  # noqa: F811
    app = TodayApp(queue_for(folder))  # type: ignore[arg-type]
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("escape")
    assert app.return_value is None


def test_a_folder_without_loops_opens_a_new_notes_file(tmp_path: Path) -> None:
    assert queue_for(tmp_path) is None
    (tmp_path / "broken.yaml").write_text("company: [\n", "utf-8")
    assert queue_for(tmp_path) is None  # nothing loads: the app starts on new notes


@pytest.fixture(autouse=True)
def _quiet_ledger(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
