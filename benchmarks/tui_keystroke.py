"""How long the app takes from a keystroke to re-checked findings, on a 300-word email.

Prints JSON: the median of the check itself (session.edit: checker + cross-draft check)
of the app's handler for an edit (check, findings list, counter, underlines), and of a whole
keystroke driven by Pilot (which adds Pilot's own waiting for the app to be idle); and for 20
Tabs through the Notes form, the CPU seconds and how many times the screen was laid out and
painted whole (Textual's Footer laid out the whole screen, the form with it, on every focus
change, and its Screen repainted every widget).
Run `python benchmarks/tui_keystroke.py`."""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from datetime import datetime
from pathlib import Path

from writer.backends import OfflineBackend
from writer.tui.app import make_app
from writer.tui.widgets.draft_editor import DraftEditor, FindingsArea

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime.fromisoformat("2026-11-20T18:00:00-05:00")
SENTENCE = (
    "I enjoyed our conversation about migrating the fleet telemetry pipeline to Kafka "
    "and how the team splits on-call between the two sites. "
)


async def measure(keys: int = 60) -> dict[str, float]:
    app = make_app(ROOT / "examples" / "acme-final-round.yaml", OfflineBackend(), NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f3")
        session = app.session
        email = next(i for i, d in enumerate(session.drafts) if d.kind == "thank_you_email")
        app.show_draft(email)
        body = session.drafts[email].text + "\n\n" + SENTENCE * 10
        area = app.query_one(FindingsArea)
        area.load_text(body)
        await pilot.pause()
        words = len(body.split())
        checks = []
        for _ in range(200):
            start = time.perf_counter()
            session.edit(email, body, session.drafts[email].subject)
            checks.append(time.perf_counter() - start)
        handler_times = []
        subject = session.drafts[email].subject
        for i in range(100):
            # Each a real change: the handler skips an event with the draft's own text (an echo).
            event = DraftEditor.Edited(email, body + "x" * (i % 2), subject)
            start = time.perf_counter()
            app.on_draft_editor_edited(event)  # what the app does for every edit
            handler_times.append(time.perf_counter() - start)
        area.focus()
        strokes = []
        for _ in range(keys):
            before = session.drafts[email].text
            start = time.perf_counter()
            await pilot.press("x")
            while session.drafts[email].text == before:
                await asyncio.sleep(0)
            strokes.append(time.perf_counter() - start)
    return {
        "email_words": words,
        "check_ms_median": round(statistics.median(checks) * 1000, 3),
        "check_ms_p95": round(sorted(checks)[int(len(checks) * 0.95)] * 1000, 3),
        "app_handler_ms_median": round(statistics.median(handler_times) * 1000, 2),
        "keystroke_to_findings_ms_median": round(statistics.median(strokes) * 1000, 2),
        "keystroke_to_findings_ms_p95": round(sorted(strokes)[int(len(strokes) * 0.95)] * 1000, 2),
    }


async def tab_through_form(tabs: int = 20) -> dict[str, float]:
    """CPU, layouts and whole-screen paints of `tabs` Tabs through the Notes form."""
    from textual._compositor import Compositor

    app = make_app(ROOT / "examples" / "acme-final-round.yaml", OfflineBackend(), NOW)
    counts = {"layouts": 0, "full_paints": 0}
    full_paint = Compositor.render_full_update

    def counted_paint(self: Compositor, simplify: bool = False) -> object:
        counts["full_paints"] += 1
        return full_paint(self, simplify=simplify)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        while "notes" not in app._built:
            await pilot.pause(0.05)
        app.query_one("#f-candidate-name").focus()
        await pilot.pause()
        screen = app.screen
        layout = screen._refresh_layout

        def counted_layout(*args: object, **kwargs: object) -> None:
            counts["layouts"] += 1
            layout(*args, **kwargs)  # type: ignore[arg-type]

        screen._refresh_layout = counted_layout  # type: ignore[method-assign]
        Compositor.render_full_update = counted_paint  # type: ignore[method-assign,assignment]
        try:
            start = time.process_time()
            for _ in range(tabs):
                await pilot.press("tab")
            await pilot.pause()
            cpu = time.process_time() - start
        finally:
            Compositor.render_full_update = full_paint  # type: ignore[method-assign]
    return {"tabs": tabs, "cpu_s": round(cpu, 3), **counts}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(measure()), indent=2))
    print(json.dumps({"tab_through_notes_form": asyncio.run(tab_through_form())}, indent=2))
