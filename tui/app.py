"""The `writer` terminal app: notes → plan → checked, copy-ready drafts, in one place."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, TabbedContent, TabPane

from writer.backends import Backend, BackendBase, BackendError, DraftRequest, Proposal
from writer.kinds import spec
from writer.render import relative_window
from writer.tui import collector
from writer.tui.session import Session
from writer.tui.widgets.keys_footer import KeysFooter
from writer.tui.widgets.plan_view import PlanView

if TYPE_CHECKING:  # the checker and the drafter load with the first draft, after the plan
    # The widgets of the Drafts and Notes tabs (and the editors, the lists, tree-sitter)
    # load when their tab is first shown: the first frame is the plan alone.
    from textual.widgets import OptionList, TextArea

    from writer.checker import Finding
    from writer.drafting import Draft
    from writer.tui.widgets.draft_editor import DraftEditor
    from writer.tui.widgets.notes_form import NotesForm


class _Tabs(TabbedContent):
    """Textual's tabs, except that focus never switches them: the user does (a tab, F2-F4),
    and each tab then focuses where its work starts. Textual shows the pane of any widget
    that gets the focus; a focus the Notes form took just before F3 left it arrived after,
    switched back to Notes, whose own focus then raced the Drafts tab's: the two handed the
    keyboard back and forth, repainting, for seconds or minutes."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        event.stop()
        event.prevent_default()  # the base class's handler would switch to the pane


REWRITES = {
    "shorter": "Make it noticeably shorter, keeping the greeting, the thanks and one topic.",
    "warmer": "Make it a little warmer and more personal, without flattery.",
    "formal": "Make it more formal, as for a conservative company.",
}
_FOCUS = {"plan": "PlanView", "drafts": "#draft-list", "notes": "#form Input"}


class WriterApp(App[None]):
    """The terminal app; build it with `make_app`."""

    CSS_PATH = "writer.tcss"
    TITLE = "writer"
    # Keys the editors (TextArea, Input) leave free, so they work wherever the focus is.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "show('plan')", "Plan"),
        Binding("f3", "show('drafts')", "Drafts"),
        Binding("f4", "show('notes')", "Notes"),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+t", "copy", "Copy", priority=True),
        Binding("ctrl+f", "fix", "Fix", priority=True),
        Binding("ctrl+r", "regenerate", "Redraft", priority=True),
        Binding("ctrl+n", "variants", "Variants", show=False, priority=True),
        Binding("f8", "mark_sent", "Sent", show=False),
        Binding("ctrl+o", "export", "Export", show=False, priority=True),
        Binding("f7", "open_mail", "Mail", show=False),
        Binding("f9", "rewrite('shorter')", "Shorter", show=False),
        Binding("f10", "rewrite('warmer')", "Warmer", show=False),
        Binding("f12", "rewrite('formal')", "Formal", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    class DraftReady(Message):
        """A worker finished a draft (regenerate or rewrite)."""

        def __init__(self, index: int, draft: Draft) -> None:
            super().__init__()
            self.index, self.draft = index, draft

    class DraftFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.current = 0
        self._quit_armed = False
        # Draft edits live only in memory until exported (ctrl+o): quitting asks first.
        self._drafts_unsaved = False
        # Replaced in tests, which must never start a browser or mail program.
        self.open_link: Callable[[str], bool] = _open_link
        self.mail_link: str | None = None
        self._built: set[str] = set()
        self._building: set[str] = set()
        # The notes changed while the Drafts tab was hidden: its list is redone when shown.
        self._drafts_behind = False

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        # Only the plan is built before the first frame; the other tabs when first shown.
        with _Tabs(initial="plan"):
            with TabPane("Plan", id="plan"):
                yield PlanView()
            yield TabPane("Drafts", id="drafts")
            yield TabPane("Notes", id="notes")
        yield KeysFooter()

    def on_mount(self) -> None:
        backend = self.session.backend
        self.sub_title = (
            "offline composer" if backend.name == "offline" else f"{backend.name} · {backend.model}"
        )
        self.refresh_views()
        # The plan is the first frame; the drafts (the slow part) come right after it, queued
        # behind whatever else waits for that frame so that none of it waits for the drafts.
        self.call_after_refresh(self.call_later, self._started)

    def on_unmount(self) -> None:
        collector.thaw()  # ended: see writer.tui.collector

    def _started(self) -> None:
        """After the first frame: the first drafts, and then the collector as usual."""
        self._first_drafts()
        collector.release()

    def _first_drafts(self) -> None:
        """Draft now if that has not happened yet (a key pressed before the first frame)."""
        if self.session.deferred:
            self.session.redraft()
            self.refresh_draft_list()

    async def _build(self, pane: TabPane) -> None:
        """Fill a tab the first time it is shown; the views count it as built once mounted."""
        if pane.id in self._building or pane.id not in ("drafts", "notes"):
            return
        self._building.add(pane.id)
        from textual.containers import Horizontal, Vertical
        from textual.widgets import Label, OptionList, TextArea

        from writer.tui.widgets.draft_editor import DraftEditor
        from writer.tui.widgets.notes_form import NotesForm

        if pane.id == "drafts":
            await pane.mount(Horizontal(OptionList(id="draft-list"), DraftEditor(id="editor")))
            self._built.add(pane.id)
            self.refresh_draft_list()
            return
        yaml_area = TextArea.code_editor(
            self.session.text, language="yaml", id="yaml", soft_wrap=True
        )
        pane_yaml = Vertical(yaml_area, Label("", id="yaml-problems"), id="yaml-pane")
        await pane.mount(Horizontal(NotesForm(id="form"), pane_yaml))
        self._built.add(pane.id)
        self.refresh_views()

    # -- keeping the views in step with the session ----------------------------------------

    def refresh_views(self, *, from_yaml: bool = False, from_form: bool = False) -> None:
        session = self.session
        notes = session.notes
        end = notes.interview.ends.astimezone(session.now.tzinfo) if notes else None
        views = self.query(PlanView)
        if not views:  # the app is closing under a late message: nothing left to show
            return
        views.first().show(session.plan if not session.problems else None, end)
        if "notes" in self._built:
            self._refresh_notes(from_yaml=from_yaml, from_form=from_form)
        self.refresh_draft_list()
        title = f"{session.source}{' *' if session.dirty else ''}"
        self.title = f"writer — {title}"

    def _refresh_notes(self, *, from_yaml: bool, from_form: bool) -> None:
        from textual.widgets import Label, TextArea

        from writer.tui.widgets.notes_form import NotesForm
        from writer.tui.widgets.shown import show_text

        session = self.session
        problems = "\n".join(str(p) for p in session.problems)
        show_text(self.query_one("#yaml-problems", Label), Text(problems, style="bold red"))
        if not from_yaml:
            yaml_area = self.query_one("#yaml", TextArea)
            if yaml_area.text != session.text:
                yaml_area.load_text(session.text)
        if not from_form:
            self.query_one(NotesForm).load(session.data(), session.problems)
        else:
            self.query_one(NotesForm).show_problems(session.problems)

    def refresh_draft_list(self) -> None:
        if "drafts" not in self._built:
            return
        if self.query_one(TabbedContent).active != "drafts":
            # Redrafting at each keystroke in the Notes form (and laying out a list nobody
            # sees) made typing lag; the session drafts when the drafts are next read.
            self._drafts_behind = True
            return
        self._drafts_behind = False
        from textual.widgets.option_list import Option

        drafts = self.session.drafts
        options = self._draft_list()
        options.clear_options()
        options.add_options([Option(self._draft_label(d)) for d in drafts])
        if drafts:
            self.show_draft(min(self.current, len(drafts) - 1))

    def _draft_list(self) -> OptionList:
        from textual.widgets import OptionList

        return self.query_one("#draft-list", OptionList)

    def _draft_label(self, draft: Draft) -> Text:
        """Two lines: what to do with it and whether it passes; when, and its length."""
        from writer.tui.widgets.draft_editor import draft_label

        return draft_label(draft, self._when(draft))

    def _when(self, draft: Draft) -> str:
        if self.session.long_past:
            return "long past"
        if draft.not_before is None and draft.not_after is None:
            return "on hold" if draft.decision == "wait" else "any time"
        shown = relative_window(draft.not_before, draft.not_after, self.session.now)
        # "opens 22 h", "due 4 h": the list is narrow at 80 columns.
        return shown.replace("opens in ", "opens ").replace("due in ", "due ")

    def show_draft(self, index: int) -> None:
        self.current = index  # shown when the Drafts tab is built, if it is not yet
        if not self.session.drafts or "drafts" not in self._built:
            return
        if not self.query("#draft-list"):  # a late highlight while the app closes
            return
        options = self._draft_list()
        if options.highlighted != index:
            options.highlighted = index
        draft = self.session.drafts[index]
        editor = self._editor()
        assert editor is not None  # built with the list
        editor.show(index, draft, self._timing(draft))

    def _timing(self, draft: Draft) -> str:
        if self.session.long_past:
            return "the interview is long past (see Plan)"
        start, end = draft.not_before, draft.not_after
        if start is None and end is None:
            return "when the plan says (see Plan)" if draft.decision == "wait" else ""
        moment = start if start and self.session.now < start else end
        when = f" ({moment:%a %d %b %H:%M})" if moment else ""
        return relative_window(start, end, self.session.now) + when

    # -- events ----------------------------------------------------------------------------

    # The handlers below go by their names (on_<widget>_<message>), not by `@on(Widget.Message)`,
    # which would import the widgets of the hidden tabs before the first frame.

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "yaml":
            self._yaml_changed(event)

    def _yaml_changed(self, event: TextArea.Changed) -> None:
        # The area as it is now: the same text as the session's is the echo of a load (however
        # late its event comes), any other text the candidate's edit. (A flag cleared after
        # the next refresh dropped an edit typed just after the Notes tab opened.)
        if event.text_area.text == self.session.text:
            return
        self._quit_armed = False
        self.session.set_text(event.text_area.text)
        self.refresh_views(from_yaml=True)

    def on_notes_form_changed(self, event: NotesForm.Changed) -> None:
        self._quit_armed = False
        self.session.set_data(event.data)
        self.refresh_views(from_form=True)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "draft-list" and event.option_index != self.current:
            self.show_draft(event.option_index)

    def on_draft_editor_edited(self, event: DraftEditor.Edited) -> None:
        before = self.session.drafts[event.index]
        if (event.text, event.subject) == (before.text, before.subject):
            return  # a late echo of loading the draft, not a change
        self._drafts_unsaved, self._quit_armed = True, False
        report = self.session.edit(event.index, event.text, event.subject)
        editor = self._editor()
        assert editor is not None  # the message came from it
        editor.show_report(report)
        options = self._draft_list()
        options.replace_option_prompt_at_index(
            event.index, self._draft_label(self.session.drafts[event.index])
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "draft-findings":
            return
        draft = self.session.drafts[self.current]
        editor = self._editor()
        assert editor is not None  # the list is in it
        editor.jump_to(draft.report.findings[event.option_index])

    # -- actions ---------------------------------------------------------------------------

    def action_show(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    @on(TabbedContent.TabActivated)
    async def _focus_tab(self, event: TabbedContent.TabActivated) -> None:
        """Each tab puts the keyboard where work starts: the list, the form."""
        await self._build(event.pane)
        if event.pane.id != self.query_one(TabbedContent).active:
            return  # the user went on to another tab while this one was built
        if event.pane.id == "drafts" and self._drafts_behind:
            self.refresh_draft_list()
        target = self.query(_FOCUS.get(event.pane.id or "", "PlanView"))
        if target:
            # Each target is at the top of its tab. Scrolling it into view would run a turn
            # later and, when the pane is not laid out yet (a busy machine), scroll the form.
            target.first().focus(scroll_visible=False)

    def action_save(self) -> None:
        try:
            path = self.session.save()
        except OSError as error:
            self.notify(f"Could not save: {error.strerror}", severity="error")
            return
        self.notify(f"Saved {path}")
        self.refresh_views()

    def _draft(self) -> Draft | None:
        self._first_drafts()
        drafts = self.session.drafts
        return drafts[self.current] if drafts else None

    def action_copy(self) -> None:
        draft = self._draft()
        if draft is None or draft.error:
            self.notify("Nothing to copy.", severity="warning")
            return
        text = draft.text if draft.subject is None else f"Subject: {draft.subject}\n\n{draft.text}"
        self.copy_to_clipboard(text)
        self.notify(
            f"Copied {draft.interviewer}'s {spec(draft.kind).short} "
            f"({len(draft.text)} characters) to the clipboard."
        )

    def action_fix(self) -> None:
        editor = self._editor()
        draft = self._draft()
        if editor is None or draft is None:
            self.notify("Open a draft first (Drafts, F3).", severity="warning")
            return
        findings = draft.report.findings
        chosen = editor.highlighted_finding
        if chosen is None:
            # Nothing highlighted: the first finding that has a fix is the obvious one.
            chosen = next((i for i, f in enumerate(findings) if _fixable(f)), None)
        if chosen is None:
            self.notify(_no_fix(findings), severity="warning")
            return
        if not self.session.apply_fix(self.current, chosen):
            self.notify(_no_fix([findings[chosen]]), severity="warning")
            return
        self._drafts_unsaved, self._quit_armed = True, False
        self.show_draft(self.current)
        self.notify(f"Fixed {findings[chosen].rule}.")

    def _editor(self) -> DraftEditor | None:
        found = self.query("DraftEditor")
        if not found:
            return None
        from writer.tui.widgets.draft_editor import DraftEditor

        return found.first(DraftEditor)

    def action_mark_sent(self) -> None:
        draft = self._draft()
        if draft is None:
            return
        if self.session.problems:
            # The record goes into the notes too, and broken notes cannot take it: nothing is
            # written (not even the ledger row) and the text being fixed stays as it is.
            first = self.session.problems[0]
            self.notify(
                f"Cannot mark as sent while the notes have problems: {first}. "
                "Fix them (Notes, F4), then press F8 again.",
                severity="error",
                timeout=10,
            )
            return
        done = self.session.mark_sent(self.current, self.session.now.date())
        keep = (
            " The notes changed: ctrl+s saves them."
            if self.session.dirty
            else " Nothing to save: the ledger keeps it."
        )
        self.notify(f"{draft.interviewer}: {done}.{keep}")
        self.refresh_views()

    def action_export(self) -> None:
        self._first_drafts()
        target = (self.session.path or Path("interview-notes.yaml")).with_suffix(".drafts.md")
        try:
            target.write_text(self.session.markdown(), "utf-8")
        except OSError as error:
            self.notify(f"Could not export: {error.strerror}", severity="error")
            return
        self._drafts_unsaved = False
        self.notify(f"Drafts exported to {target}")

    def action_open_mail(self) -> None:
        """The email draft as a `mailto:` link, to the desktop's mail program (or shown)."""
        from writer.handoff import mailto_for

        draft = self._draft()
        link = mailto_for(self.session.notes, draft) if draft is not None else None
        if link is None:
            self.notify("Open in mail needs an email draft: pick one in Drafts (F3).")
            return
        self.mail_link = link
        if self.open_link(link):
            self.notify(f"Opened in your mail program: {draft.interviewer if draft else ''}.")
        else:
            self.notify(f"No mail program took the link; open it yourself: {link}", timeout=30)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_quit(self) -> None:  # type: ignore[override]
        unsaved = self._unsaved()
        if unsaved and not self._quit_armed:
            self._quit_armed = True
            self.notify(
                f"Quit without saving {unsaved}? ctrl+s saves the notes, ctrl+o exports the "
                "drafts; ctrl+q again quits and loses them.",
                title="Unsaved changes",
                severity="warning",
                timeout=10,
            )
            return
        self.exit()

    def _unsaved(self) -> str:
        """What quitting now would lose, in words ("" when nothing)."""
        lost = ["the changes to the notes"] if self.session.dirty else []
        if self._drafts_unsaved:
            lost.append("the edited drafts")
        return " and ".join(lost)

    def _needs_model(self, what: str) -> bool:
        if self.session.backend.name == "offline":
            self.notify(
                f"{what} needs a language model: set OPENAI_API_KEY or "
                "OPENAI_BASE_URL and start writer again.",
                severity="warning",
            )
            return True
        return False

    def action_regenerate(self) -> None:
        if self.session.backend.name == "offline":
            self._offline_variant()
            return
        self._run_draft(self.current, None)

    def action_variants(self) -> None:
        if self.session.backend.name == "offline":
            self._offline_variant()
        else:
            self.session.redraft(variants=3)
            self.refresh_views()

    def _offline_variant(self) -> None:
        draft, notes = self._draft(), self.session.notes
        if draft is None or notes is None or draft.person is None or draft.action is None:
            return
        from writer.drafting import draft_one

        fresh = draft_one(
            notes,
            draft.person,
            draft.action,
            self.session.backend,
            self.session.now,
            variant=draft.variant + 1,
        )
        self.session.drafts[self.current] = fresh
        self.session.edited.discard((draft.interviewer, draft.kind))
        self.refresh_draft_list()
        self.notify("Another phrasing.")

    def action_cancel(self) -> None:
        """Close the keys panel if it is open, else stop a draft the model is still writing
        (the previous draft stays)."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
            return
        cancelled = self.workers.cancel_group(self, "draft")
        if cancelled:
            self.notify("Stopped.")
            self.show_draft(self.current)

    def action_rewrite(self, how: str) -> None:
        if not self._needs_model(f"Rewriting {how}"):
            self._run_draft(self.current, REWRITES[how])

    @work(thread=True, exclusive=True, group="draft")
    def _run_draft(self, index: int, instruction: str | None) -> None:
        """Ask the model in a worker; whatever the model or the connection does, the app stays
        up: a failure is shown and the draft in the editor is kept."""
        try:
            self._ask_model(index, instruction)
        except Exception as error:  # an exception leaving a worker would end the app
            self.post_message(self.DraftFailed(_broken_answer(error)))

    def _ask_model(self, index: int, instruction: str | None) -> None:
        """Ask the model (streaming into the editor when it can); post the result."""
        session = self.session
        draft = session.drafts[index]
        notes, person, action = session.notes, draft.person, draft.action
        if notes is None or person is None or action is None:
            return
        request = DraftRequest(
            notes,
            person,
            draft.kind,
            session.now,
            instruction=instruction,
            previous=None if instruction is None else _proposal(draft),
            late=action.late,
            not_before=action.not_before,
            not_after=action.not_after,
        )
        editor = self._editor()
        preview = editor.stream_preview if editor is not None else (lambda text: None)
        try:
            streamed: list[Proposal] | None = None
            if session.backend.can_stream:
                # The streamed text is the first attempt: check it rather than ask again.
                streamed = session.backend.stream(
                    request, lambda text: self.call_from_thread(preview, text)
                )
            backend = _FirstAnswer(session.backend, request, streamed)
            from writer.drafting import draft_one

            fresh = draft_one(notes, person, action, backend, session.now)
        except BackendError as error:
            self.post_message(self.DraftFailed(str(error)))
            return
        self.post_message(self.DraftReady(index, fresh))

    @on(DraftReady)
    def _draft_ready(self, event: DraftReady) -> None:
        self.session.drafts[event.index] = event.draft
        self.refresh_draft_list()
        self.notify("New draft ready." if event.draft.ok else "New draft: it needs changes.")

    @on(DraftFailed)
    def _draft_failed(self, event: DraftFailed) -> None:
        self.notify(f"Drafting failed: {event.error}", severity="error")
        self.show_draft(self.current)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for key, title, help_text in [
            ("save", "Save notes", "Write the notes file"),
            ("copy", "Copy draft", "Copy the current draft to the clipboard (OSC 52)"),
            ("fix", "Apply fix", "Apply the selected finding's fix"),
            ("regenerate", "Regenerate draft", "Draft this message again"),
            ("variants", "More variants", "Three drafts per message, best first"),
            ("export", "Export drafts to Markdown", "Write every draft to a .md file"),
            ("open_mail", "Open in mail", "This email draft in your mail program (mailto:)"),
            ("mark_sent", "Mark as sent", "Record this message as sent in the notes"),
            ("toggle_theme", "Toggle light/dark", "Switch between light and dark"),
        ]:
            yield SystemCommand(title, help_text, getattr(self, f"action_{key}"))
        for how in REWRITES:
            yield SystemCommand(
                f"Rewrite {how}", REWRITES[how], lambda how=how: self.action_rewrite(how)
            )


def _open_link(link: str) -> bool:
    from writer.mail import open_link  # the email package, only when a link is opened

    return open_link(link)


def _fixable(finding: Finding) -> bool:
    return finding.replacement is not None and finding.field == "text"


def _no_fix(findings: list[Finding]) -> str:
    """Why ctrl+f did nothing, and what to do instead."""
    if not findings:
        return "Nothing to fix: the checker found nothing in this draft."
    if len(findings) == 1:
        finding = findings[0]
        todo = finding.suggestion or "edit the text yourself"
        return f"{finding.rule} has no automatic fix: {todo}."
    return "None of these findings has an automatic fix: edit the text as each → says."


def _broken_answer(error: Exception) -> str:
    """What went wrong with a model's answer, in a sentence rather than a traceback."""
    if isinstance(error, UnicodeError):
        return "the model's answer was not valid UTF-8; try again, or another model"
    detail = str(error) or type(error).__name__
    return f"the model's answer broke off ({detail}); try again"


def _proposal(draft: Draft) -> Proposal:
    return Proposal(text=draft.text, subject=draft.subject)


class _FirstAnswer(BackendBase):
    """A backend whose first answer is fixed: the rewrite request, or text already streamed.
    Later requests (the checker's re-asks) go to the real backend."""

    def __init__(
        self, backend: Backend, request: DraftRequest, answer: list[Proposal] | None = None
    ) -> None:
        self.backend, self.request, self.answer = backend, request, answer
        self.name, self.model, self.can_repair = backend.name, backend.model, backend.can_repair
        self.first = True

    def execute(self, request: DraftRequest) -> list[Proposal]:
        if not self.first:
            return self.backend.execute(request)
        self.first = False
        return self.answer if self.answer is not None else self.backend.execute(self.request)


def make_app(path: Path | None, backend: Backend, now: datetime | None = None) -> WriterApp:
    """The app for one notes file (or a new one), with settings chosen by the caller."""
    moment = now or datetime.now().astimezone()
    return WriterApp(Session.open(path, backend, moment, draft=False))


__all__ = ["WriterApp", "make_app"]
