"""The app's first screen in a folder of loops: what every loop owes whom (the same list as
`writer today`). Enter on an entry picks its loop; the caller then opens it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from writer.kinds import label
from writer.today import Entry, Queue, State, window_text
from writer.tui import collector

_STYLE = {State.overdue: "bold red", State.due: "bold", State.next: "dim"}
_TITLE = {State.overdue: "overdue", State.due: "due now", State.next: "next"}


def entry_text(entry: Entry) -> Text:
    """One row: state, window, company, person, kind."""

    row = Text()
    row.append(f"{_TITLE[entry.state]:<8} ", style=_STYLE[entry.state])
    row.append(f"{window_text(entry.action):<36} ")
    row.append(f"{entry.company} · {entry.person} · {label(entry.action.kind.value)}")
    return row


class TodayApp(App[str]):
    """Every loop's due, overdue and next actions; Enter returns the chosen loop's file."""

    CSS = "#today-list { height: 1fr; } #today-foot { color: $text-muted; padding: 0 1; }"
    TITLE = "writer · today"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("escape", "quit", "Quit", show=False),
    ]

    def __init__(self, queue: Queue) -> None:
        super().__init__()
        self.queue = queue

    def compose(self) -> ComposeResult:
        yield Header()
        options = [Option(entry_text(e), id=f"entry-{i}") for i, e in enumerate(self.queue.entries)]
        yield OptionList(*options, id="today-list")
        yield Label(self._foot(), id="today-foot")
        yield Footer()

    def _foot(self) -> str:
        lines = [f"{self.queue.loops} loop(s) · Enter opens the loop"]
        if not self.queue.entries:
            lines.insert(0, "Nothing is due across these loops.")
        lines += [f"cold: {company} ({file})" for file, company in self.queue.cold]
        lines += [f"skipped {file}: {why}" for file, why in self.queue.problems]
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.call_after_refresh(collector.release)  # started: see writer.tui.collector

    def on_unmount(self) -> None:
        collector.thaw()  # ended

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.exit(self.queue.entries[event.option_index].file)
