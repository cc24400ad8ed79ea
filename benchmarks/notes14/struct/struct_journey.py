"""Every message one person would get over the journey, from one notes file, as its reader
sees it: the thank-you email (at the file's `# now:`), the connection note a day later, the
follow-up once they accept (three days later) and, while the outcome is pending, the status
email; for a decided loop, the reply. Each is the best checked proposal of the composer.

Run `python benchmarks/notes14/struct/struct_journey.py FILE...`; it prints the drafts and, per
person, the topic words two messages share (`same topic twice`)."""

from __future__ import annotations

import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

from writer.backends.base import Proposal
from writer.backends.offline.composer import compose
from writer.checker import Report, check
from writer.kinds import MessageKind
from writer.loader import load_notes
from writer.notes import Interviewer, Notes, Outcome

_NOW = re.compile(r"^# now: (\S+)", re.M)


def _best(notes: Notes, person: Interviewer, kind: str, now: datetime) -> tuple[str, str]:
    proposals = compose(notes, person, kind, now)
    ranked: list[tuple[tuple[int, int, int], Proposal, Report]] = []
    for i, p in enumerate(proposals):
        r = check(MessageKind(kind), p.text, subject=p.subject, to=person.name, notes=notes)
        ranked.append(((r.errors, r.warnings, i), p, r))
    ranked.sort(key=lambda t: t[0])
    _, p, r = ranked[0]
    flags = ",".join(f.rule for f in r.findings) or "ok"
    return p.text, flags


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        notes = load_notes(path)
        found = _NOW.search(path.read_text())
        if found is None:
            sys.exit(f"{path}: no '# now:' line")
        now = datetime.fromisoformat(found[1])
        print(f"#################### {path.name}  ({notes.culture.value}, {notes.outcome.value})")
        kinds = [("thank_you_email", 0), ("connection_note", 1), ("follow_up_message", 3)]
        if notes.outcome == Outcome.pending:
            kinds.append(("status_email", 12))
        elif notes.outcome == Outcome.rejected:
            kinds.append(("rejection_reply", 5))
        elif notes.outcome == Outcome.offer:
            kinds.append(("offer_reply", 5))
        for person in notes.interviewers:
            print(f"=========== {person.name} ({person.relation.value})")
            for kind, days in kinds:
                text, flags = _best(notes, person, kind, now + timedelta(days=days))
                print(f"--- {kind} [{flags}]\n{text}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
