"""The `writer` command line (docs/notes-format.md §3). Exit codes: 0 done, 1 a check failed,
2 bad input.

This module only parses; `writer.commands` does the work, imported when a command runs so
that `writer check` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import NoReturn

from writer.errors import EXIT_BAD_INPUT, EXIT_OK, InputError, UsageError
from writer.kinds import KINDS, SENT_KINDS
from writer.registry import CHOICES


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"writer: error: {message}\n")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # argparse builds a formatter for each argument added, and its width imports shutil
        # (with bz2, lzma and zlib): the same width, without that import.
        return self.formatter_class(prog=self.prog, width=_columns() - 2)  # type: ignore[call-arg]


def _columns() -> int:
    """`shutil.get_terminal_size().columns`, as argparse's help formatter asks for it."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((80, 24))
        if columns <= 0:
            columns = size.columns or 80
    return columns


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    from writer.visible import visible_output

    with visible_output():  # nothing printed obeys an escape sequence (notes carry them)
        parser = build_parser()
        args = parser.parse_args(argv)
        if getattr(args, "command", None) not in (None, "tui"):
            return _run(args)
        if not getattr(args, "command", None) and not (sys.stdin.isatty() and sys.stdout.isatty()):
            parser.print_help()
            return EXIT_OK
    if not getattr(args, "command", None):
        args = parser.parse_args(["tui"])  # `writer` alone opens the terminal app
    return _run(args)  # the app draws the screen itself, with escape sequences


def _run(args: argparse.Namespace) -> int:
    from writer import commands

    try:
        return int(getattr(commands, f"run_{args.command}")(args))
    except InputError as error:
        for problem in error.problems:
            print(f"writer: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        print(f"writer: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("writer: interrupted", file=sys.stderr)
        return 130


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
    _add_notes(plan)
    _add_now(plan)
    _add_json(plan)
    plan.add_argument("--ics", metavar="FILE", help="also write each 'do' action to a calendar")

    today = commands.add_parser("today", help="what every loop owes whom: due, overdue, next")
    today.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="notes files and folders of them (default: the `today` setting, else .)",
    )
    _add_now(today)
    _add_json(today)
    today.add_argument("--ics", metavar="FILE", help="also write the whole queue to a calendar")

    draft = commands.add_parser("draft", help="plan, then a checked draft for every action")
    _add_notes(draft)
    _add_backend(draft)
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
    draft.add_argument(
        "--eml", metavar="DIR", help="also write each email draft to DIR as an .eml message"
    )
    draft.add_argument(
        "--imap",
        action="store_true",
        help="also append each email draft to your Drafts folder over IMAP (never sent)",
    )

    new = commands.add_parser("new", help="start a notes file from an interview invite")
    new.add_argument("--invite", metavar="FILE", help="the invite: an .ics, or an .eml with one")
    new.add_argument("--out", metavar="NOTES", help="write the notes here, not to stdout")
    new.add_argument("--force", action="store_true", help="let --out overwrite a file")
    new.add_argument(
        "--me", metavar="EMAIL", help="your address, to leave you out of the interviewers"
    )

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
    check.add_argument(
        "--subject",
        metavar="TEXT",
        help="the email's subject line (instead of a 'Subject:' line at the top of the text)",
    )
    check.add_argument(
        "--context",
        choices=("after_interview", "after_application", "cold"),
        default="after_interview",
        help="when it is sent: after an interview (the default), after applying, or to "
        "someone you have not met (a connection note then owes no thanks)",
    )
    _add_json(check)

    rules = commands.add_parser("rules", help="every checker rule: id, severity, kinds")
    _add_json(rules)

    imported = commands.add_parser(
        "import", help="turn free-form interview notes into a notes file (needs a model)"
    )
    imported.add_argument("source", metavar="NOTES.txt", help="your notes as plain text")
    imported.add_argument("--out", metavar="FILE", help="write the YAML here, not to stdout")
    imported.add_argument(
        "--force", action="store_true", help="let --out overwrite a file that exists"
    )
    _add_backend(imported)

    batch = commands.add_parser("batch", help="many notes files into DIR, resumable")
    batch.add_argument(
        "inputs", metavar="INPUT", nargs="*", help="notes files, directories and globs"
    )
    batch.add_argument("--out", metavar="DIR", required=True, help="where the results go")
    _add_backend(batch)
    batch.add_argument(
        "--concurrency",
        metavar="N",
        type=_positive_up_to(64),
        default=4,
        help="drafts in flight at once (default 4)",
    )
    batch.add_argument(
        "--emit-batch", metavar="FILE.jsonl", help="write Batch API requests instead of drafting"
    )
    batch.add_argument(
        "--collect",
        metavar="RESULTS.jsonl",
        help="check a Batch API results file and write the outputs",
    )
    _add_now(batch)
    _add_json(batch)

    sent = commands.add_parser("sent", help="record a message you sent (the planner follows)")
    _add_notes(sent)
    sent.add_argument("--to", metavar="NAME", required=True, help="the interviewer")
    sent.add_argument(
        "--kind",
        metavar="K",
        required=True,
        help=", ".join(SENT_KINDS),
    )
    sent.add_argument("--at", metavar="T", type=parse_now, help="when (default: now)")

    ledger = commands.add_parser("ledger", help="what you recorded as sent; the draft log")
    ledger.add_argument("--drafts", action="store_true", help="show the log of draft runs")
    ledger.add_argument("--forget", metavar="NAME", help="delete everything about one person")
    ledger.add_argument("--purge", action="store_true", help="delete everything")
    _add_json(ledger)

    evaluate = commands.add_parser("eval", help="score a backend against the golden cases")
    evaluate.add_argument(
        "golden",
        metavar="GOLDEN_DIR",
        nargs="?",
        default="evals/golden",
        help="folder of golden case files (default evals/golden)",
    )
    _add_backend(evaluate)
    evaluate.add_argument("--report", metavar="FILE", help="write a report: .md or .html")
    evaluate.add_argument(
        "--baseline",
        metavar="FILE",
        help="exit 1 if a metric regressed beyond tolerance against FILE",
    )
    evaluate.add_argument(
        "--no-cache",
        action="store_true",
        help="ask the model again even for requests answered before",
    )
    evaluate.add_argument(
        "--limit",
        metavar="N",
        type=_positive_up_to(10_000),
        help="only the first N cases (a quick look at a slow model)",
    )
    evaluate.add_argument(
        "--compare", metavar="RUN", nargs=2, help="show two saved runs (--json output) side by side"
    )
    _add_json(evaluate)

    tui = commands.add_parser("tui", help="the terminal app (also: `writer` alone)")
    tui.add_argument(
        "notes",
        metavar="NOTES",
        nargs="?",
        help="the notes file to open (created on save if it does not exist)",
    )
    _add_backend(tui)
    _add_now(tui)

    for name, sub in commands.choices.items():
        sub.set_defaults(command=name)
    return parser


def _add_notes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notes", metavar="NOTES", help="the notes file (.yaml or .json)")


def _add_backend(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--backend",
        choices=CHOICES,
        default=None,
        help="who drafts: offline (built in), openai (any OpenAI-compatible "
        "endpoint) or auto (default: openai when a key or base URL is set)",
    )
    parser.add_argument("--model", metavar="M", help="model name for the openai backend")
    parser.add_argument(
        "--offline",
        action="store_true",
        help="never use the network (the same as WRITER_OFFLINE=1)",
    )


def _add_now(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now",
        metavar="T",
        type=parse_moment,
        help="pretend it is T (ISO 8601, e.g. 2026-11-21T09:00:00-05:00; without an "
        "offset, the notes' interview offset)",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def _positive_up_to(most: int):  # type: ignore[no-untyped-def]
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 1 <= number <= most:
            raise argparse.ArgumentTypeError(f"{value!r}: a whole number from 1 to {most}")
        return number

    return parse


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= 10:
        raise argparse.ArgumentTypeError(f"{value!r} should be a whole number from 1 to 10")
    return number


def parse_moment(value: str) -> datetime:
    """An ISO 8601 moment, left without an offset when it has none (`--now` reads it in the
    notes' offset)."""
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 8601 date-time; use e.g. 2026-11-21T09:00:00-05:00"
        ) from None


def parse_now(value: str) -> datetime:
    """An ISO 8601 moment; without an offset it is the machine's local time."""
    moment = parse_moment(value)
    return moment if moment.utcoffset() is not None else moment.astimezone()
