"""One draft: an editor that underlines the checker's findings, a live counter against the
limit, and the findings list (select one to jump to its words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Selection

from writer.kinds import label, spec
from writer.tui.widgets.shown import show_text

if TYPE_CHECKING:
    from writer.checker import Finding, Report
    from writer.drafting import Draft

_UNDERLINES = {
    "finding.error": Style(underline=True, color="red", bold=True),
    "finding.warning": Style(underline=True, color="yellow"),
}


def location(text: str, offset: int) -> tuple[int, int]:
    """A character offset as a (row, column) location in the text."""
    before = text[:offset]
    row = before.count("\n")
    return row, offset - (before.rfind("\n") + 1)


class FindingsArea(TextArea):
    """A TextArea that underlines the spans of the checker's findings."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(soft_wrap=True, **kwargs)  # type: ignore[arg-type]
        self.spans: list[tuple[int, int, str]] = []

    def show_findings(self, findings: list[Finding]) -> None:
        whole = (0, len(self.text))
        self.spans = [
            (f.start, f.end, f"finding.{f.severity}")
            for f in findings
            if f.field == "text" and f.end > f.start and (f.start, f.end) != whole
        ]
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        theme = getattr(self, "_theme", None)
        if theme is not None:
            theme.syntax_styles.update(_UNDERLINES)
        lines = self.text.split("\n")
        for start, end, name in getattr(self, "spans", []):
            (row_a, col_a), (row_b, col_b) = location(self.text, start), location(self.text, end)
            for row in range(row_a, min(row_b, len(lines) - 1) + 1):
                line = lines[row]
                first = col_a if row == row_a else 0
                last = col_b if row == row_b else len(line)
                self._highlights[row].append(
                    (len(line[:first].encode()), len(line[:last].encode()), name)
                )

    def select_span(self, start: int, end: int) -> None:
        self.selection = Selection(location(self.text, start), location(self.text, end))
        self.scroll_cursor_visible(center=True)


def finding_label(finding: Finding, text: str) -> Text:
    shown = Text()
    shown.append(
        f"{finding.severity:<7}", style="bold red" if finding.severity == "error" else "yellow"
    )
    shown.append(f" {finding.rule}: ", style="bold")
    shown.append(finding.message)
    if finding.replacement is not None:
        shown.append("  [ctrl+f: fix]", style="green")
    elif finding.suggestion:
        shown.append(f"  → {finding.suggestion}", style="dim")
    return shown


# The plan's badges, so a draft on hold never looks like one ready to send.
DECISIONS = {
    "do": ("DO", "black on green"),
    "wait": ("WAIT", "black on yellow"),
    "optional": ("OPT", "black on cyan"),
    "skip": ("SKIP", "white on grey37"),
}


def draft_label(draft: Draft, when: str) -> Text:
    """The drafts list's entry: the decision and the checker's verdict, then the window."""
    word, style = DECISIONS.get(draft.decision, (draft.decision.upper(), "bold"))
    report = draft.report
    shown = Text()
    shown.append(f" {word:<4} ", style=style)
    shown.append(f" {draft.interviewer.split()[0]} · {spec(draft.kind).short}")
    if draft.variant:
        shown.append(f" #{draft.variant + 1}")
    # Kept within the list's 23 columns at 80x24.
    shown.append("\n")
    shown.append("✓ " if draft.ok else "✗ ", style="green" if draft.ok else "red")
    value = report.chars if report.unit == "chars" else report.words
    shown.append(f"{value}/{report.limit} ", style="dim")
    shown.append(when, style="italic")
    return shown


def counter(report: Report) -> Text:
    value = report.chars if report.unit == "chars" else report.words
    over = value > report.limit
    text = Text(f"{value}/{report.limit} {report.unit}", style="bold red" if over else "bold")
    text.append("  ·  ")
    text.append("ok" if report.ok else "needs changes", style="green" if report.ok else "red")
    if report.findings:
        text.append(f"  ·  {report.errors} errors, {report.warnings} warnings", style="dim")
    return text


class DraftEditor(Vertical):
    """Edit one draft; every change is checked again by the app."""

    class Edited(Message):
        """The candidate changed the draft's text or subject."""

        def __init__(self, index: int, text: str, subject: str | None) -> None:
            super().__init__()
            self.index, self.text, self.subject = index, text, subject

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.index: int | None = None
        # What the editor holds that the session already knows (loaded, or posted as an
        # edit): a Changed event is the candidate's edit only when the text differs from it.
        # (A flag cleared after the next refresh lost the first keystrokes on a busy machine.)
        self._known: tuple[str, str | None] = ("", None)
        # A model's text being streamed in is not the candidate's edit, however late its
        # Changed events arrive; the next `show` (the checked draft, or the old one) ends it.
        self._streaming = False

    def compose(self) -> ComposeResult:
        yield Label("", id="draft-title")
        yield Input(placeholder="Subject", id="draft-subject")
        yield FindingsArea(id="draft-text")
        yield Label("", id="draft-counter")
        yield OptionList(id="draft-findings")

    def show(self, index: int, draft: Draft, timing: str) -> None:
        """Load a draft into the editor (without it counting as an edit)."""
        self.index, self._streaming = index, False
        title = f"{draft.interviewer} · {label(draft.kind)} · {draft.decision}"
        show_text(self.query_one("#draft-title", Label), f"{title}   {timing}".rstrip())
        subject = self.query_one("#draft-subject", Input)
        subject.display = spec(draft.kind).has_subject
        subject.value = draft.subject or ""
        area = self.query_one(FindingsArea)
        area.load_text((draft.error and f"(not drafted: {draft.error})") or draft.text)
        area.read_only = draft.error is not None
        self._known = (self.text, self.subject)
        self.show_report(draft.report)

    def stream_preview(self, text: str) -> None:
        """Show a draft as the model writes it (not yet checked, not an edit)."""
        self._streaming = True
        self.query_one(FindingsArea).load_text(text)

    def show_report(self, report: Report) -> None:
        area = self.query_one(FindingsArea)
        area.show_findings(report.findings)
        show_text(self.query_one("#draft-counter", Label), counter(report))
        options = self.query_one("#draft-findings", OptionList)
        options.clear_options()
        options.add_options([Option(finding_label(f, area.text)) for f in report.findings])

    @property
    def text(self) -> str:
        return self.query_one(FindingsArea).text

    @property
    def subject(self) -> str | None:
        field = self.query_one("#draft-subject", Input)
        return field.value if field.display else None

    @on(TextArea.Changed, "#draft-text")
    @on(Input.Changed, "#draft-subject")
    def _changed(self) -> None:
        now = (self.text, self.subject)
        if self.index is not None and not self._streaming and now != self._known:
            self._known = now
            self.post_message(self.Edited(self.index, *now))

    @on(Input.Submitted, "#draft-subject")
    def _to_body(self, event: Input.Submitted) -> None:
        """Enter after the subject moves to the body without touching it."""
        event.stop()
        self.query_one(FindingsArea).focus()

    def jump_to(self, finding: Finding) -> None:
        area = self.query_one(FindingsArea)
        if finding.field == "text":
            area.select_span(finding.start, finding.end)
            area.focus()
        else:
            self.query_one("#draft-subject", Input).focus()

    @property
    def highlighted_finding(self) -> int | None:
        return self.query_one("#draft-findings", OptionList).highlighted
