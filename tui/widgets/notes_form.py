"""A form over the notes: the interview, and the interviewers (add, remove, reorder)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, OptionList, Select, TextArea

from writer.errors import Problem
from writer.tui.widgets.shown import show_text

TOP_INPUTS = [
    ("candidate.name", "Your name"),
    ("company", "Company"),
    ("role", "Role"),
    ("interview.start", "Start (2026-11-20T14:00:00-05:00)"),
    ("interview.end", "End"),
    ("interview.stage", "Stage (e.g. final round)"),
]
# Choices list the default first: a missing key shows (and means) the default.
TOP_CHOICES = [
    ("interview.went", "How it went", ["mixed", "well", "poorly"]),
    ("culture", "Culture", ["neutral", "formal", "casual"]),
    ("outcome", "Outcome", ["pending", "offer", "rejected", "withdrew"]),
    ("candidate.linkedin_tier", "LinkedIn", ["free", "premium"]),
]
PERSON_INPUTS = [
    ("name", "Name"),
    ("title", "Title"),
    ("email", "Email"),
    ("linkedin.requested_on", "Request sent on (date)"),
    ("linkedin.accepted_on", "Accepted on (date)"),
    ("linkedin.messaged_on", "Messaged on (date)"),
]
PERSON_CHOICES = [
    (
        "relation",
        "Relation",
        ["hiring_manager", "team_member", "executive", "recruiter", "hr_coordinator", "other"],
    ),
    ("rapport", "Rapport", ["strong", "some", "minimal"]),
    ("linkedin.status", "LinkedIn", ["none", "pending", "accepted", "declined", "withdrawn"]),
]


def get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


def put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    if value in ("", None):
        data.pop(last, None)
    else:
        data[last] = value


def _fields(
    prefix: str,
    inputs: Sequence[tuple[str, str]],
    choices: Sequence[tuple[str, str, Sequence[str]]],
) -> ComposeResult:
    """A labelled text input per `inputs` entry, then a labelled choice per `choices` entry."""
    for path, title in inputs:
        yield Label(title, classes="field-label")
        yield Input(id=_id(prefix, path), classes="field")
    for path, title, values in choices:
        yield Label(title, classes="field-label")
        yield FormSelect(
            [(v, v) for v in values], id=_id(prefix, path), allow_blank=False, classes="field"
        )


def _id(prefix: str, path: str) -> str:
    return f"{prefix}-{path.replace('.', '-').replace('_', '-')}"


class TopicsArea(TextArea):
    """The topics, one per line. Enter adds a line only after some text; at the start of a
    line or on a blank one it moves to the next field, so moving through the form with Enter
    never adds blank topics."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            row, column = self.cursor_location
            line = self.document.get_line(row)
            if column == 0 or not line.strip():
                event.stop()
                event.prevent_default()
                self.screen.focus_next()
                return
        await super()._on_key(event)


class FormSelect(Select[str]):
    """A choice whose menu opens with space or the arrows; Enter moves to the next field, as
    in the rest of the form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,space,up", "show_overlay", "Show menu", show=False),
        Binding("enter", "next_field", "Next field", show=False),
    ]

    def action_next_field(self) -> None:
        self.screen.focus_next()


_UNSHOWN = object()  # a field loading never set


class NotesForm(VerticalScroll):
    """Edits the notes as a mapping; posts Changed with the whole new mapping."""

    class Changed(Message):
        def __init__(self, data: dict[str, Any]) -> None:
            super().__init__()
            self.data = data

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.data: dict[str, Any] = {}
        self.person = 0
        # What loading (or the candidate's last change) put in each field: a Changed event
        # whose field still holds it is the echo of a load, however late it comes; only
        # another value is an edit. A value the notes have but a choice lacks shows as the
        # first choice, and that must never rewrite the notes.
        self._shown: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield Label("Interview", classes="form-heading")
        yield from _fields("f", TOP_INPUTS, TOP_CHOICES)
        yield Label("Interviewers", classes="form-heading")
        yield OptionList(id="people")
        with Horizontal(id="people-buttons"):
            yield Button("Add", id="person-add")
            yield Button("Remove", id="person-remove")
            yield Button("Up", id="person-up")
            yield Button("Down", id="person-down")
        yield from _fields("p", PERSON_INPUTS[:3], PERSON_CHOICES)
        yield Label("Topics (one per line, in your words)", classes="field-label")
        yield TopicsArea(id="p-topics", classes="field topics")
        yield from _fields("p", PERSON_INPUTS[3:], [])
        yield Label("", id="form-problems")

    # -- loading ---------------------------------------------------------------------------

    def load(self, data: dict[str, Any], problems: list[Problem]) -> None:
        """Show `data` (the parsed YAML) without posting Changed.

        The fields' own Changed events arrive later; each handler reads the field as it is
        then and stores only a value the mapping does not have, so a late event from loading
        is no change while a keystroke is, however soon after loading it comes. (A flag
        cleared after the next refresh dropped the first keystrokes on a busy machine.)"""
        self.data = copy.deepcopy(data)
        for path, _ in TOP_INPUTS:
            self._set_input(_id("f", path), get(self.data, path))
        for path, _, values in TOP_CHOICES:
            self._set_select(_id("f", path), get(self.data, path), values)
        self._load_people()
        self.show_problems(problems)

    def _people(self) -> list[dict[str, Any]]:
        people = self.data.setdefault("interviewers", [])
        if not isinstance(people, list):
            people = self.data["interviewers"] = []
        return people

    def _load_people(self) -> None:
        people = self._people()
        self.person = min(self.person, max(len(people) - 1, 0))
        options = self.query_one("#people", OptionList)
        options.clear_options()
        options.add_options(
            [str(p.get("name") or "(no name)") for p in people if isinstance(p, dict)]
        )
        if people:
            options.highlighted = self.person
        person = people[self.person] if people and isinstance(people[self.person], dict) else {}
        for path, _ in PERSON_INPUTS:
            self._set_input(_id("p", path), get(person, path))
        for path, _, values in PERSON_CHOICES:
            self._set_select(_id("p", path), get(person, path), values)
        topics = person.get("topics") or []
        area = self.query_one("#p-topics", TextArea)
        wanted = "\n".join(str(t) for t in topics) if isinstance(topics, list) else ""
        self._shown["p-topics"] = wanted
        if area.text != wanted:
            area.load_text(wanted)

    def _set_input(self, widget_id: str, value: Any) -> None:
        field = self.query_one(f"#{widget_id}", Input)
        text = "" if value is None else str(value)
        self._shown[widget_id] = text
        if field.value != text:
            field.value = text

    def _set_select(self, widget_id: str, value: Any, values: list[str]) -> None:
        select: Select[str] = self.query_one(f"#{widget_id}", Select)
        chosen = value if value in values else values[0]
        self._shown[widget_id] = chosen
        if select.value != chosen:
            select.value = chosen

    def show_problems(self, problems: list[Problem]) -> None:
        for widget in self.query(".field"):
            widget.remove_class("-invalid")
        for problem in problems:
            for path, *_ in TOP_INPUTS + TOP_CHOICES:
                if problem.message.startswith(path):
                    self.query_one(f"#{_id('f', path)}").add_class("-invalid")
            prefix = f"interviewers[{self.person}]."
            for path, *_ in PERSON_INPUTS + PERSON_CHOICES:
                if problem.message.startswith(prefix + path):
                    self.query_one(f"#{_id('p', path)}").add_class("-invalid")
        text = "\n".join(f"line {p.line}: {p.message}" if p.line else p.message for p in problems)
        show_text(self.query_one("#form-problems", Label), text)

    # -- editing ---------------------------------------------------------------------------

    def _emit(self) -> None:
        self.post_message(self.Changed(copy.deepcopy(self.data)))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        widget_id = event.input.id or ""
        if not widget_id.startswith(("f-", "p-")):
            return
        self._edited(widget_id, event.input.value)  # as it is now, not as it was then

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        """Enter in a field moves on, as in a paper form (Tab does too)."""
        event.stop()
        self.screen.focus_next()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if event.select.id:
            self._edited(event.select.id, event.select.value)

    @on(TextArea.Changed, "#p-topics")
    def _topics_changed(self, event: TextArea.Changed) -> None:
        people = self._people()
        text = event.text_area.text
        if not people or self._shown.get("p-topics") == text:
            return  # the echo of loading them, however late it comes, as for the other fields
        self._shown["p-topics"] = text
        topics = [line.strip() for line in text.split("\n") if line.strip()]
        if topics != (people[self.person].get("topics") or []):
            people[self.person]["topics"] = topics
            self._emit()

    def _edited(self, widget_id: str, value: Any) -> None:
        if self._shown.get(widget_id, _UNSHOWN) == value:
            return  # the echo of loading it
        self._shown[widget_id] = value
        self._store(widget_id, value)

    def _store(self, widget_id: str, value: Any) -> None:
        """Put a field's new value in the mapping; a value the mapping already has (or the
        default it stands for) is not a change, so loading the form never edits the notes."""
        for path, *rest in TOP_INPUTS + TOP_CHOICES + PERSON_INPUTS + PERSON_CHOICES:
            person = widget_id == _id("p", path)
            if widget_id != _id("f", path) and not person:
                continue
            if person and not self._people():
                return
            target = self._people()[self.person] if person else self.data
            current = get(target, path)
            default = rest[1][0] if len(rest) == 2 else ""
            if str(value) == str(current if current is not None else default):
                return
            put(target, path, value)
            if person and path == "name":
                self.query_one("#people", OptionList).replace_option_prompt_at_index(
                    self.person, str(value) or "(no name)"
                )
            self._emit()
            return

    @on(OptionList.OptionSelected, "#people")
    def _pick_person(self, event: OptionList.OptionSelected) -> None:
        self.person = event.option_index
        self._load_people()

    @on(Button.Pressed, "#person-add")
    def _add(self) -> None:
        people = self._people()
        people.append({"name": f"Interviewer {len(people) + 1}", "relation": "other", "topics": []})
        self.person = len(people) - 1
        self._reload_and_emit()

    @on(Button.Pressed, "#person-remove")
    def _remove(self) -> None:
        people = self._people()
        if len(people) > 1:
            people.pop(self.person)
            self.person = max(self.person - 1, 0)
            self._reload_and_emit()
        else:
            self.notify("The notes need at least one interviewer.", severity="warning")

    @on(Button.Pressed, "#person-up")
    def _up(self) -> None:
        self._move(-1)

    @on(Button.Pressed, "#person-down")
    def _down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        people, here = self._people(), self.person
        there = here + step
        if 0 <= there < len(people):
            people[here], people[there] = people[there], people[here]
            self.person = there
            self._reload_and_emit()

    def _reload_and_emit(self) -> None:
        self._load_people()
        self._emit()
