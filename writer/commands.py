"""What each `writer` command does: thin shells over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from writer.errors import EXIT_FLAGGED, EXIT_OK, InputError, Problem, UsageError
from writer.kinds import KINDS, SENT_KINDS, ActionKind, MessageKind, message_kind, sent_kind

if TYPE_CHECKING:
    from writer.backends import Backend
    from writer.config import Settings
    from writer.notes import Interviewer, Notes


def _now(args: argparse.Namespace, notes: Notes | None = None) -> datetime:
    """`--now`, or the clock; without an offset, `--now` is read in the notes' offset (each
    file's own, in a batch: the planner does that), and stderr says so."""
    now: datetime | None = args.now
    if now is None:
        return datetime.now().astimezone()
    if now.utcoffset() is not None:
        return now
    if notes is None:
        print(
            f"writer: --now {now.isoformat()} has no UTC offset; reading it in each notes "
            "file's interview offset",
            file=sys.stderr,
        )
        return now
    moment = now.replace(tzinfo=notes.interview.start.tzinfo)
    print(
        f"writer: --now {now.isoformat()} has no UTC offset; reading it in the notes' "
        f"offset (interview.start): {moment.isoformat()}",
        file=sys.stderr,
    )
    return moment


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    if args.json:
        import json  # here: `writer check` without --json starts without it

        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text())


def _load(path: str) -> Notes:
    from writer.loader import load_notes, name_warnings
    from writer.reading import shown_path

    notes = load_notes(path)
    for line in name_warnings(notes, shown_path(path)):
        print(f"writer: warning: {line}", file=sys.stderr)
    return notes


def _interviewer(notes: Notes, name: str, path: str) -> Interviewer:
    """The interviewer `--to NAME` means, or a usage error that lists who the notes name."""
    person = notes.interviewer(name)
    if person is None:
        names = ", ".join(p.name for p in notes.interviewers)
        raise UsageError(f"--to {name!r} is not in {path}; the notes name: {names}")
    return person


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a temporary file beside the target, then a rename."""
    from writer.atomic import write_atomic

    try:
        write_atomic(path, data)
    except OSError as error:
        raise InputError([Problem(str(path), 0, f"cannot write: {error.strerror}")]) from None


def settings_for(args: argparse.Namespace) -> Settings:
    """Settings from the environment and config file, with this command's flags on top."""
    from pydantic import ValidationError

    from writer.config import config_path, load_settings

    offline = True if getattr(args, "offline", False) else None
    try:
        return load_settings(model=getattr(args, "model", None), offline=offline)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            f"settings ({config_path()} or WRITER_* variables): {where}: {first['msg']}"
        ) from None
    except (OSError, ValueError) as error:
        raise UsageError(f"cannot read the config file {config_path()}: {error}") from None


def backend_for(args: argparse.Namespace, settings: Settings) -> Backend:
    from writer.backends import BackendError, make_backend

    choice = args.backend or settings.backend
    try:
        backend = make_backend(choice, settings)
    except BackendError as error:
        raise UsageError(str(error)) from None
    if backend.endpoint is not None:
        print(
            f"writer: drafting with {backend.model} at {backend.endpoint}; "
            "the notes are sent there",
            file=sys.stderr,
        )
    return backend


def run_plan(args: argparse.Namespace) -> int:
    from writer.planner import plan_for
    from writer.render import Style, render_plan

    notes = _load(args.notes)
    plan = plan_for(notes, _now(args, notes), sent=_sent())
    left_out = 0
    if args.ics:
        from writer.ics import closed, plan_to_ics

        _write(Path(args.ics), plan_to_ics(plan))
        left_out = closed(plan)
    _emit(args, plan.model_dump(mode="json"), lambda: render_plan(plan, Style()))
    if args.ics:
        gone = {0: "", 1: " (1 'do' action left out: its window has closed)"}.get(
            left_out, f" ({left_out} 'do' actions left out: their windows have closed)"
        )
        print(f"Calendar written to {args.ics}{gone}", file=sys.stderr)
    return EXIT_OK


def run_today(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from writer.today import build_queue, queue_to_ics, render_queue

    paths = args.paths or settings_for(args).today or ["."]
    now = args.now or datetime.now(UTC).astimezone()
    if now.utcoffset() is None:
        now = now.astimezone()
    queue = build_queue(paths, now, _sent())
    if args.ics:
        _write(Path(args.ics), queue_to_ics(queue))
    _emit(args, queue.to_json(), lambda: render_queue(queue))
    if args.ics:
        print(f"Calendar written to {args.ics} ({len(queue.entries)} events)", file=sys.stderr)
    return EXIT_OK


def _kinds(values: list[str] | None) -> list[MessageKind] | None:
    if not values:
        return None
    out = []
    for value in values:
        kind = message_kind(value)
        if kind is None:
            raise UsageError(f"--kind {value!r}: use one of {', '.join(KINDS)}")
        out.append(kind)
    return out


def run_draft(args: argparse.Namespace) -> int:
    from writer.drafting import draft_all
    from writer.planner import plan_for
    from writer.render import Style, render_drafts

    kinds = _kinds(args.kinds)
    notes = _load(args.notes)
    settings = None if _offline_defaults(args) else settings_for(args)
    if settings is None:
        from writer.backends import OfflineBackend
        from writer.config_file import DEFAULT_REPAIR_ATTEMPTS

        backend: Backend = OfflineBackend()
        repairs = DEFAULT_REPAIR_ATTEMPTS
    else:
        backend, repairs = backend_for(args, settings), settings.repair_attempts
    plan = plan_for(notes, _now(args, notes), sent=_sent())
    result = draft_all(notes, plan, backend, kinds=kinds, variants=args.variants, repairs=repairs)
    _emit(args, result.to_json(), lambda: render_drafts(result, Style()))
    sys.stdout.flush()  # the drafts first: logging them may wait for a lock
    _log(result, args.notes)
    if args.eml:
        from writer.handoff import export_eml

        export_eml(notes, result, Path(args.eml), args.notes)
    if args.imap:
        from writer.handoff import export_imap

        export_imap(notes, result, settings or settings_for(args))
    return EXIT_OK if result.ok else EXIT_FLAGGED


def _offline_defaults(args: argparse.Namespace) -> bool:
    """The offline composer drafts with every setting at its default: nothing configures a
    model or a setting, and the flags ask for no model and no mailbox."""
    from writer.config_file import settings_untouched

    wanted = args.backend or "auto"
    return wanted in ("auto", "offline") and not args.imap and settings_untouched()


def run_check(args: argparse.Namespace) -> int:
    from writer.checker import check_text

    kind = _kinds([args.kind])
    text = _stdin_text() if args.text == "-" else args.text
    _not_too_long(text)
    notes = _load(args.notes) if args.notes else None
    if notes is not None and args.to:
        _interviewer(notes, args.to, args.notes)
    assert kind is not None
    report = check_text(
        kind[0],
        text.rstrip("\n"),
        subject=args.subject,
        to=args.to,
        notes=notes,
        tier=args.tier,
        context=args.context,
    )

    def readable() -> str:
        from writer.render import Style, render_report

        return render_report(report, Style())

    _emit(args, report.to_json(), readable)
    return EXIT_OK if report.ok else EXIT_FLAGGED


MAX_CHECK_BYTES = 100_000  # a message is a few KB; more is a file pasted by mistake


def _not_too_long(text: str) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_CHECK_BYTES:
        raise UsageError(
            f"the text is {size // 1000} KB; writer check takes at most "
            f"{MAX_CHECK_BYTES // 1000} KB (one message is a few KB): check one message at a time"
        )


def _stdin_text() -> str:
    # One byte more than the limit is enough to tell the text is too long.
    data = sys.stdin.buffer.read(MAX_CHECK_BYTES + 1)
    if len(data) > MAX_CHECK_BYTES:
        raise UsageError(
            f"standard input holds more than {MAX_CHECK_BYTES // 1000} KB; writer check takes "
            f"at most {MAX_CHECK_BYTES // 1000} KB (one message is a few KB): check one message "
            "at a time"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError([Problem("<stdin>", line, "not UTF-8 text; send UTF-8")]) from None


def run_rules(args: argparse.Namespace) -> int:
    from writer.checker import rules

    def readable() -> str:
        from writer.render import Style, render_rules

        return render_rules(rules(), Style())

    _emit(args, [r.to_json() for r in rules()], readable)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from writer.backends import BackendError
    from writer.importer import import_notes
    from writer.loader import read_text

    text = read_text(Path(args.source))
    out = Path(args.out) if args.out else None
    if out is not None and (out.exists() or out.is_symlink()) and not args.force:
        raise UsageError(
            f"--out {args.out} exists; pass --force to overwrite it, or give another file"
        )
    settings = settings_for(args)
    backend = backend_for(args, settings)
    if not backend.can_complete:
        raise UsageError(
            "import needs a language model, and the offline composer is not one: set "
            "OPENAI_API_KEY (or OPENAI_BASE_URL for a local server) and run it again; or copy "
            "an example from examples/ and fill it in by hand"
        )
    try:
        yaml_text = import_notes(text, backend)
    except BackendError as error:
        print(f"writer: import failed: {error}", file=sys.stderr)
        return EXIT_FLAGGED
    if out is not None:
        _write(out, yaml_text.encode("utf-8"))
        print(
            f"Notes written to {args.out}: review them, then `writer draft {args.out}`",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(yaml_text)
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    from writer.handoff import run_new as start_notes

    return start_notes(args, settings_for(args).me)


def run_tui(args: argparse.Namespace) -> int:
    path = Path(args.notes) if args.notes else None
    if path is not None and path.exists():
        from writer.loader import read_text

        read_text(path)  # a directory, a huge or a non-UTF-8 file: say so before the app
    settings = settings_for(args)
    backend = backend_for(args, settings)
    from writer.tui.app import make_app  # the app, and textual, only when asked for

    if path is None:
        paths = settings.today or ["."]
        queue = _loops_queue(args, paths)
        if queue is not None:
            # In a folder of loops the app opens on what is due; quitting a loop comes back.
            from writer.tui.today_app import TodayApp

            while (picked := TodayApp(queue).run()) is not None:
                make_app(Path(picked), backend, _tui_now(args, Path(picked))).run()
                queue = _loops_queue(args, paths) or queue
            return EXIT_OK
    make_app(path, backend, _tui_now(args, path)).run()
    return EXIT_OK


def _loops_queue(args: argparse.Namespace, paths: list[str]) -> Any:
    """What is due across the loops in `paths`, or None when no notes file there loads."""
    from datetime import UTC

    from writer.today import build_queue, notes_files

    if not notes_files(paths)[0]:
        return None
    now = args.now or datetime.now(UTC).astimezone()
    queue = build_queue(paths, now if now.utcoffset() is not None else now.astimezone(), _sent())
    return queue if queue.loops else None


def _tui_now(args: argparse.Namespace, path: Path | None) -> datetime | None:
    """The app needs an aware moment: the notes' offset when they load, else local time."""
    now = args.now
    if now is None or now.utcoffset() is not None:
        return cast("datetime | None", now)
    try:
        notes = _load(str(path)) if path is not None and path.exists() else None
    except InputError:
        notes = None
    return _now(args, notes) if notes is not None else cast("datetime", now.astimezone())


def _sent() -> list[Any]:
    """What the ledger says was sent; a broken ledger is reported, not fatal."""
    import sqlite3

    from writer.ledger import load_sent

    try:
        return list(load_sent(on_wait=_say))
    except (sqlite3.Error, OSError) as error:
        print(
            f"writer: the ledger could not be read ({error}); planning without it", file=sys.stderr
        )
        return []


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _log(result: Any, source: str) -> None:
    from writer.ledger import DraftLog

    log = DraftLog(lambda line: print(line, file=sys.stderr))
    log(result, source)
    log.close()


def run_sent(args: argparse.Namespace) -> int:
    from contextlib import closing

    from writer.ledger import Ledger

    notes = _load(args.notes)
    person = _interviewer(notes, args.to, args.notes)
    kind = sent_kind(args.kind)
    if kind is None:
        raise UsageError(f"--kind {args.kind!r}: use one of {', '.join(SENT_KINDS)}")
    at = args.at or datetime.now().astimezone()
    with closing(Ledger.open(on_wait=_say)) as ledger:
        ledger.record(notes.company, person.name, kind, at)
    what = (
        f"a reply from {person.name}"
        if kind == ActionKind.heard_back
        else f"{kind.replace('_', ' ')} to {person.name}"
    )
    print(f"Recorded: {what} ({notes.company}) on {at:%a %d %b %Y %H:%M}")
    return EXIT_OK


def run_ledger(args: argparse.Namespace) -> int:
    from contextlib import closing

    from writer.ledger import Ledger, default_path

    with closing(Ledger.open(on_wait=_say)) as ledger:
        if args.purge:
            ledger.purge()
            print(f"Everything in {default_path()} was deleted.")
            return EXIT_OK
        if args.forget:
            gone = ledger.forget(args.forget)
            print(f"Forgot {args.forget}: {gone} entries deleted.")
            return EXIT_OK
        if args.drafts:
            log = list(ledger.draft_log())
            _emit(
                args,
                log,
                lambda: (
                    "".join(
                        f"{e['at'][:16]}  {e['source']}  {e['interviewer']} · {e['kind']}  "
                        f"{e['backend']}/{e['model'] or '-'}  {'ok' if e['ok'] else 'flagged'}  "
                        f"{', '.join(e['rules'])}\n"
                        for e in log
                    )
                    or "No draft runs logged yet.\n"
                ),
            )
            return EXIT_OK
        sent = ledger.sent()
    _emit(
        args,
        [s.to_json() for s in sent],
        lambda: (
            "".join(
                f"{s.at:%Y-%m-%d %H:%M}  {s.company}  {s.interviewer}  {s.kind.replace('_', ' ')}\n"
                for s in sent
            )
            or "Nothing recorded yet: `writer sent NOTES --to NAME --kind K`.\n"
        ),
    )
    return EXIT_OK


def run_batch(args: argparse.Namespace) -> int:
    from writer.batch import expand

    out = Path(args.out)
    if args.collect:
        from writer.backends import make_backend
        from writer.batch_api import collect

        # The Batch API's replies are the openai backend's to read; nothing is sent.
        reader = make_backend("openai", settings_for(args), sending=False)
        summary = collect(Path(args.collect), out, reader)
        return _batch_done(args, summary, out)
    sources = expand(args.inputs)
    if not sources:
        raise UsageError("no notes files found in the inputs; give files, folders or globs")
    settings = settings_for(args)
    backend = backend_for(args, settings)
    now = _now(args)
    if args.emit_batch:
        from writer.backends import make_backend
        from writer.batch_api import emit

        if not backend.can_emit:  # the Batch API's format is the openai backend's
            backend = make_backend("openai", settings, sending=False)
        done = emit(sources, out, Path(args.emit_batch), backend, now=now, sent=_sent())
        print(
            f"{done['requests']} requests written to {done['file']}; after the batch "
            f"finishes: writer batch --collect RESULTS.jsonl --out {out}",
            file=sys.stderr,
        )
        for failed in done["failed"]:
            print(f"writer: {failed['error']}", file=sys.stderr)
        return EXIT_FLAGGED if done["failed"] else EXIT_OK
    from writer.batch import run_batch as run

    summary = run(
        sources,
        out,
        backend,
        now=now,
        concurrency=args.concurrency,
        repairs=settings.repair_attempts,
        sent=_sent(),
    )
    return _batch_done(args, summary, out)


def _batch_done(args: argparse.Namespace, summary: dict[str, Any], out: Path) -> int:
    def readable() -> str:
        lines = [
            f"{summary['done']}/{summary['inputs']} inputs done "
            f"({summary['resumed_from_earlier_run']} from an earlier run), "
            f"{summary['drafts']} drafts: {summary['ok']} ok, {summary['flagged']} "
            f"flagged; results in {out}"
        ]
        lines += [f"failed: {f['error']}" for f in summary["failed"]]
        lines += [
            f"draft failed: {e['source']}: {e['interviewer']} · {e['kind']}: {e['error']}"
            for e in summary.get("draft_errors", [])
        ]
        return "\n".join(lines) + "\n"

    _emit(args, summary, readable)
    return EXIT_OK if not summary["failed"] and not summary["flagged"] else EXIT_FLAGGED


def _read_run(path: str) -> dict[str, Any]:
    import json

    from writer.evals import run_problem
    from writer.loader import read_capped, shown_path

    source = shown_path(path)
    save = "save one with `writer eval --json > FILE`"
    if not path.strip():
        raise InputError([Problem("--baseline", 0, f"no file given; {save}")])
    raw = read_capped(Path(path), source, limit=200_000_000)
    if not raw.strip():
        raise InputError([Problem(source, 0, f"is empty, not a saved eval run; {save}")])
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise InputError([Problem(source, 0, f"not a saved eval run ({error}); {save}")]) from None
    problem = run_problem(data)
    if problem is not None:
        raise InputError([Problem(source, 0, f"not a saved eval run: {problem}; {save}")])
    return cast("dict[str, Any]", data)


def run_eval(args: argparse.Namespace) -> int:
    from writer.eval_report import html_page, markdown, table
    from writer.evals import evaluate, regressions

    if args.compare:
        first, second = (_read_run(p) for p in args.compare)
        print(table(first, second), end="")
        return EXIT_OK
    baseline = _read_run(args.baseline) if args.baseline is not None else None
    settings = settings_for(args)
    backend = backend_for(args, settings)
    if backend.can_emit and not args.no_cache:
        from writer.config import data_dir
        from writer.evals import CachedBackend

        backend = CachedBackend(backend, data_dir() / "eval-cache")
    result = evaluate(Path(args.golden), backend, args.limit)
    if args.report:
        report = Path(args.report)
        page = html_page(result) if report.suffix.lower() in (".html", ".htm") else markdown(result)
        _write(report, page.encode("utf-8"))
        print(f"Report written to {report}", file=sys.stderr)
    _emit(args, result, lambda: table(result))
    if baseline is None:
        return EXIT_OK
    fell = regressions(result, baseline)
    for line in fell:
        print(f"writer: regression: {line}", file=sys.stderr)
    if not fell:
        print(f"No regression against {args.baseline}.", file=sys.stderr)
    return EXIT_FLAGGED if fell else EXIT_OK
