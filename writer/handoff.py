"""`writer new` (invite → notes skeleton) and `writer draft --eml` (drafts → .eml files):
the two ends of the journey that touch the candidate's calendar and mail program."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from writer.errors import EXIT_OK, InputError, Problem, UsageError

if TYPE_CHECKING:
    from writer.config import Settings
    from writer.drafting import Draft, DraftSet
    from writer.ledger_export import Exported
    from writer.mail import Outgoing
    from writer.notes import Notes

NO_TERMINAL = (
    "no --invite given, and no terminal to ask on: pass --invite FILE (an .ics, or the "
    "email with the invite), or copy a file from examples/ and edit it"
)


def run_new(args: argparse.Namespace, me_setting: str | None) -> int:
    from writer.skeleton import from_answers, from_invite, to_yaml

    out = Path(args.out) if args.out else None
    if out is not None and (out.exists() or out.is_symlink()) and not args.force:
        raise UsageError(
            f"--out {args.out} exists; pass --force to overwrite it, or give another file"
        )
    if args.invite:
        from writer.invite import read_invite

        skeleton = from_invite(read_invite(Path(args.invite)), args.me or me_setting)
    elif sys.stdin.isatty():
        skeleton = from_answers(input)
    else:
        raise UsageError(NO_TERMINAL)
    text = to_yaml(skeleton)
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    from writer.atomic import write_atomic

    try:
        write_atomic(out, text.encode("utf-8"))
    except OSError as error:
        raise InputError([Problem(str(out), 0, f"cannot write: {error.strerror}")]) from None
    left = text.count("FILL IN") - 1  # the header line names it once
    todo = f"; fill in the {left} FILL IN marks" if left > 0 else ""
    print(f"Notes written to {args.out}{todo}, then `writer plan {args.out}`", file=sys.stderr)
    return EXIT_OK


def outgoing(notes: Notes, draft: Draft) -> Outgoing:
    """One checked draft as the email the candidate would send."""
    from writer.mail import Outgoing, candidate_address

    person = draft.person or notes.interviewer(draft.interviewer)
    return Outgoing(
        interviewer=draft.interviewer,
        kind=str(draft.kind),
        to_name=person.name if person else draft.interviewer,
        to_email=person.email if person else None,
        subject=draft.subject or "",
        body=draft.text,
        from_name=notes.candidate.name,
        from_email=candidate_address(notes.candidate.email, notes.candidate.signature),
    )


def emails(notes: Notes, result: DraftSet) -> list[Outgoing]:
    """The best draft of every kind that has a subject (an email), with text."""
    from writer.mail import has_subject

    return [
        outgoing(notes, d)
        for d in result.drafts
        if d.variant == 0 and d.text.strip() and has_subject(str(d.kind))
    ]


def export_eml(notes: Notes, result: DraftSet, folder: Path, source: str) -> list[Path]:
    """One .eml per email draft in `folder`, written atomically, recorded in the ledger."""
    from writer.atomic import write_atomic
    from writer.ledger_export import Exported
    from writer.mail import file_name, to_message

    mails = emails(notes, result)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--eml {folder} is a file; give a folder for the .eml drafts")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"--eml {folder}: cannot create the folder ({error.strerror})") from None
    now, taken = datetime.now().astimezone(), set[str]()
    written: list[Path] = []
    rows: list[Exported] = []
    for mail in mails:
        path = folder / file_name(mail.interviewer, mail.kind, taken)
        try:
            write_atomic(path, to_message(mail, now).as_bytes())
        except OSError as error:
            raise UsageError(f"cannot write {path}: {error.strerror}") from None
        written.append(path)
        rows.append(Exported(now, notes.company, mail.interviewer, mail.kind, "eml", str(path)))
        if not mail.to_email:
            print(
                f"writer: {path}: no email for {mail.to_name} in {source}; To is empty",
                file=sys.stderr,
            )
    _record(rows)
    print(
        f"{len(written)} email draft(s) written to {folder} (open one to edit and send it; "
        "nothing was sent)",
        file=sys.stderr,
    )
    return written


def export_imap(notes: Notes, result: DraftSet, settings: Settings) -> str:
    """Append every email draft to the Drafts folder over IMAP; recorded in the ledger."""
    from writer.imap import append_drafts
    from writer.ledger_export import Exported
    from writer.mail import to_message

    now = datetime.now().astimezone()
    mails = emails(notes, result)
    where = append_drafts([to_message(m, now) for m in mails], settings)
    _record([Exported(now, notes.company, m.interviewer, m.kind, "imap", where) for m in mails])
    print(f"{len(mails)} email draft(s) appended to {where} (nothing was sent)", file=sys.stderr)
    return where


def _record(rows: list[Exported]) -> None:
    import sqlite3

    from writer.ledger_export import record_exports

    try:
        record_exports(rows)
    except (sqlite3.Error, OSError, UsageError) as error:
        print(f"writer: the ledger could not record the export ({error})", file=sys.stderr)


def mailto_for(notes: Notes | None, draft: Draft) -> str | None:
    """The `mailto:` link for an email draft (None for a draft that is not an email), and
    the hand-off recorded in the ledger."""
    from writer.ledger_export import Exported
    from writer.mail import has_subject, mailto

    if notes is None or draft.error or not draft.text.strip() or not has_subject(str(draft.kind)):
        return None
    mail = outgoing(notes, draft)
    at = datetime.now().astimezone()
    _record(
        [Exported(at, notes.company, mail.interviewer, mail.kind, "mailto", mail.to_email or "")]
    )
    return mailto(mail.to_email, mail.subject, mail.body)
