"""The `writer` command line (CONTRACT.md §3). Exit codes: 0 done, 1 a check failed, 2 bad input."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from writer.checker import KINDS
from writer.errors import InputError, Problem

if TYPE_CHECKING:
    from writer.notes import Notes

EXIT_OK, EXIT_FLAGGED, EXIT_BAD_INPUT = 0, 1, 2
BACKENDS = ("auto", "offline")
_KIND_ALIASES = {
    "connection_request": "connection_note",
    "email": "thank_you_email",
    "note": "connection_note",
    "message": "follow_up_message",
}


class UsageError(Exception):
    """Bad usage: a message saying what is wrong and how to fix it."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"writer: error: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_OK
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except InputError as error:
        for problem in error.problems:
            print(f"writer: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        print(f"writer: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="writer",
        description=(
            "Plan, draft and check the messages you send after a job interview: thank-you "
            "emails, LinkedIn connection notes and follow-up messages."
        ),
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    plan = commands.add_parser("plan", help="what to send to whom and when, with reasons")
    plan.add_argument("notes", metavar="NOTES", help="the notes file (.yaml or .json)")
    _add_now(plan)
    _add_json(plan)
    plan.add_argument("--ics", metavar="FILE", help="also write each 'do' action to a calendar")
    plan.set_defaults(handler=run_plan)

    draft = commands.add_parser("draft", help="plan, then a checked draft for every action")
    draft.add_argument("notes", metavar="NOTES", help="the notes file (.yaml or .json)")
    draft.add_argument(
        "--backend",
        choices=BACKENDS,
        default="auto",
        help="who drafts: offline (built in) or auto (default)",
    )
    draft.add_argument("--model", metavar="M", help="model name, for model backends")
    draft.add_argument(
        "--kind",
        metavar="K",
        action="append",
        dest="kinds",
        help=f"only this message kind ({', '.join(KINDS)}); repeatable",
    )
    draft.add_argument(
        "--variants",
        metavar="N",
        type=_positive,
        default=1,
        help="N distinct drafts per action, best first (default 1)",
    )
    _add_now(draft)
    _add_json(draft)
    draft.set_defaults(handler=run_draft)

    check = commands.add_parser("check", help="run the checker on any text")
    check.add_argument(
        "text",
        metavar="TEXT",
        nargs="?",
        default="-",
        help="the message, or - to read standard input (the default); an email "
        "may start with a 'Subject:' line",
    )
    check.add_argument("--kind", metavar="K", required=True, help=", ".join(KINDS))
    check.add_argument("--to", metavar="NAME", help="the recipient, as named in the notes")
    check.add_argument("--notes", metavar="NOTES", help="notes file, for topics and grounding")
    check.add_argument("--tier", choices=("free", "premium"), help="LinkedIn account tier")
    _add_json(check)
    check.set_defaults(handler=run_check)

    rules = commands.add_parser("rules", help="every checker rule: id, severity, kinds")
    _add_json(rules)
    rules.set_defaults(handler=run_rules)
    return parser


def _add_now(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        metavar="T",
        type=parse_now,
        help="pretend it is T (ISO 8601, e.g. 2026-11-21T09:00:00-05:00)",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 10:
        raise argparse.ArgumentTypeError(f"{value!r} should be a whole number from 1 to 10")
    return number


def parse_now(value: str) -> datetime:
    """An ISO 8601 moment; without an offset it is the machine's local time."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 8601 date-time; use e.g. 2026-11-21T09:00:00-05:00"
        ) from None
    return moment if moment.utcoffset() is not None else moment.astimezone()


def _now(args: argparse.Namespace) -> datetime:
    now: datetime | None = args.now
    return now if now is not None else datetime.now().astimezone()


def _emit(args: argparse.Namespace, payload: Any, text: Callable[[], str]) -> None:
    if args.json:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text())


def _load(path: str) -> Notes:
    from writer.loader import load_notes

    return load_notes(path)


def run_plan(args: argparse.Namespace) -> int:
    from writer.planner import plan_for
    from writer.render import Style, render_plan

    plan = plan_for(_load(args.notes), _now(args))
    if args.ics:
        from writer.ics import plan_to_ics

        _write(Path(args.ics), plan_to_ics(plan))
    _emit(args, plan.model_dump(mode="json"), lambda: render_plan(plan, Style()))
    if args.ics and not args.json:
        print(f"Calendar written to {args.ics}", file=sys.stderr)
    return EXIT_OK


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise InputError([Problem(str(path), 0, f"cannot write: {error.strerror}")]) from None


def _kinds(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out = []
    for value in values:
        kind = _KIND_ALIASES.get(value, value)
        if kind not in KINDS:
            raise UsageError(f"--kind {value!r}: use one of {', '.join(KINDS)}")
        out.append(kind)
    return out


def run_draft(args: argparse.Namespace) -> int:
    from writer.drafting import OfflineBackend, draft_all
    from writer.planner import plan_for
    from writer.render import Style, render_drafts

    kinds = _kinds(args.kinds)
    notes = _load(args.notes)
    plan = plan_for(notes, _now(args))
    result = draft_all(notes, plan, OfflineBackend(), kinds=kinds, variants=args.variants)
    _emit(args, result.to_json(), lambda: render_drafts(result, Style()))
    return EXIT_OK if result.ok else EXIT_FLAGGED


def run_check(args: argparse.Namespace) -> int:
    from writer.checker import check_text

    kind = _kinds([args.kind])
    text = _stdin_text() if args.text == "-" else args.text
    notes = _load(args.notes) if args.notes else None
    if notes is not None and args.to and notes.interviewer(args.to) is None:
        names = ", ".join(p.name for p in notes.interviewers)
        raise UsageError(f"--to {args.to!r} is not in {args.notes}; the notes name: {names}")
    assert kind is not None
    report = check_text(kind[0], text.rstrip("\n"), to=args.to, notes=notes, tier=args.tier)

    def readable() -> str:
        from writer.render import Style, render_report

        return render_report(report, Style())

    _emit(args, report.to_json(), readable)
    return EXIT_OK if report.ok else EXIT_FLAGGED


def _stdin_text() -> str:
    data = sys.stdin.buffer.read()
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
