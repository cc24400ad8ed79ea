"""A notes skeleton (YAML with comments) from an invite or from a few answers: what is
known is filled in, what is not is `FILL IN`, which the loader refuses until replaced
(writer.placeholders)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from writer.errors import UsageError
from writer.invite import Invite, Person, is_no_reply
from writer.placeholders import PLACEHOLDER

_ROLE_WORDS = re.compile(
    r"\b(engineer|developer|designer|manager|analyst|scientist|architect|lead|director|"
    r"consultant|specialist|intern|administrator|researcher|product|sre|devops|head of)\b",
    re.I,
)
_STAGES = re.compile(
    r"\b(final round|onsite|on-site|phone screen|technical screen|technical interview|"
    r"panel interview|hiring manager interview|first round|second round|third round)\b",
    re.I,
)
_NOISE = re.compile(
    r"\b(interviews?|invitation|updated invitation|invite|meeting|call|chat|with you|"
    r"canceled event|cancelled event|updated)\b\s*:?",
    re.I,
)
_SPLIT = re.compile(r"\s+[-–—|/]\s+|:\s+|\s*\(\s*|\s*\)\s*")
_RECRUITING = re.compile(r"recruit|talent|people|careers|hiring|hr\b|staffing", re.I)


@dataclass
class Skeleton:
    """What goes into the notes; None means `FILL IN`."""

    candidate: str | None = None
    candidate_email: str | None = None
    company: str | None = None
    role: str | None = None
    start: datetime | date | None = None
    end: datetime | date | None = None
    stage: str | None = None
    interviewers: list[tuple[Person, str | None, str | None]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the comment lines at the top


def from_invite(invite: Invite, me: str | None = None) -> Skeleton:
    """The skeleton an invite suggests; `me` is the candidate's address (else guessed)."""
    if invite.cancelled:
        when = _shown(invite.start)
        raise UsageError(
            f"{invite.source} is a cancellation (METHOD:{invite.method}): "
            f"{invite.summary or 'the event'!r} on {when} was cancelled; no notes written"
        )
    company, role = suggest(invite.summary)
    stage = _STAGES.search(invite.summary)
    out = Skeleton(company=company, role=role, start=invite.start, end=invite.end)
    out.stage = stage.group(1).lower() if stage else None
    out.header = [f"From the invite {invite.source}: {invite.summary or '(no summary)'}"]
    if invite.sequence:
        out.header.append(f"An updated invite (SEQUENCE {invite.sequence}): these are its times.")
    candidate, guessed = _candidate(invite, me)
    people = [p for p in invite.attendees if p.is_person and not is_no_reply(p)]
    organizer = invite.organizer
    if (
        organizer is not None
        and not is_no_reply(organizer)
        and organizer.email not in {p.email for p in people}
    ):
        people.insert(0, organizer)
    for person in people:
        if candidate is not None and person.email == candidate.email and not guessed:
            continue
        out.interviewers.append((person, *_relation(person, invite, candidate, guessed)))
    if candidate is not None and not guessed:
        out.candidate, out.candidate_email = candidate.name, candidate.email
    return out


def _candidate(invite: Invite, me: str | None) -> tuple[Person | None, bool]:
    """The candidate among the attendees, and whether that is only a guess."""
    everyone = [*invite.attendees, *([invite.organizer] if invite.organizer else [])]
    for wanted in ([me.lower()] if me else []) + invite.recipients:
        for person in everyone:
            if person.email == wanted:
                return person, False
    if me:
        return Person(None, me.lower()), False
    return None, True


def _relation(
    person: Person, invite: Invite, candidate: Person | None, guessed: bool
) -> tuple[str | None, str | None]:
    """The relation to write (or None) and a comment for the entry."""
    is_organizer = invite.organizer is not None and person.email == invite.organizer.email
    hint = _RECRUITING.search(f"{person.name or ''} {person.email or ''}")
    if is_organizer and (hint or len(invite.attendees) > 1):
        return "recruiter", "organized the invite: likely the recruiter; change if not"
    if candidate is None and guessed:
        return None, "if this is you, delete this entry (or pass --me YOUR@ADDRESS)"
    return None, None


def suggest(summary: str) -> tuple[str | None, str | None]:
    """Company and role as the invite's summary suggests them, each None when unsure."""
    text = _STAGES.sub(" ", summary)
    at = re.search(r"(.+?)\s+(?:at|@)\s+(.+)", _NOISE.sub(" ", text), re.I)
    if at:
        role, company = _clean(at.group(1)), _clean(_SPLIT.split(at.group(2))[0])
        return company or None, role or None
    parts = [_clean(p) for p in _SPLIT.split(_NOISE.sub(" ", text))]
    parts = [p for p in parts if p and not p.lower().startswith(("with ", "for "))]
    found = next((p for p in parts if _ROLE_WORDS.search(p)), None)
    return next((p for p in parts if p != found), None), found


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" -–—|:,.()")


def from_answers(ask: Callable[[str], str]) -> Skeleton:
    """The few required fields, asked one by one (empty answers stay `FILL IN`)."""
    out = Skeleton()
    out.candidate = ask("Your name: ").strip() or None
    out.company = ask("Company: ").strip() or None
    out.role = ask("Role you interviewed for: ").strip() or None
    start = ask("Interview start (e.g. 2026-11-20T14:00:00-05:00, or a date): ").strip()
    out.start = _parse_start(start)
    names = ask("Interviewers, separated by commas: ")
    for name in (n.strip() for n in names.split(",")):
        if name:
            out.interviewers.append((Person(name, None), None, None))
    out.header = ["Started with `writer new`; fill in what is marked FILL IN."]
    return out


def _parse_start(text: str) -> datetime | date | None:
    for parse in (datetime.fromisoformat, date.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _shown(value: datetime | date | None) -> str:
    return value.isoformat() if value is not None else "an unknown date"


def _value(text: str | None, what: str) -> str:
    return json.dumps(text, ensure_ascii=False) if text else f"{PLACEHOLDER}  # {what}"


def _moment(value: datetime | date | None, what: str) -> str:
    if value is None:
        return f"{PLACEHOLDER}  # {what}, e.g. 2026-11-20T14:00:00-05:00"
    if isinstance(value, datetime) and value.utcoffset() is None:
        return f"{PLACEHOLDER}  # {what}: the invite gave {value.isoformat()} with no zone"
    if not isinstance(value, datetime):
        return f"{value.isoformat()}  # all day in the invite: 09:00 is assumed; add a time"
    return value.isoformat()


def to_yaml(skeleton: Skeleton) -> str:
    """The notes file text."""
    # A summary may hold line breaks (iCalendar's \n): in a comment they would become YAML.
    lines = [f"# {' '.join(line.split())}" for line in skeleton.header]
    lines += ["# Replace every FILL IN; `writer plan` refuses the file until then.", "candidate:"]
    lines.append(f"  name: {_value(skeleton.candidate, 'your name as you sign emails')}")
    if skeleton.candidate_email:
        lines.append(f"  email: {json.dumps(skeleton.candidate_email)}")
    lines.append("  linkedin_tier: free  # or premium")
    lines.append(f"company: {_value(skeleton.company, 'the company you interviewed with')}")
    lines.append(f"role: {_value(skeleton.role, 'the job title you interviewed for')}")
    lines += ["interview:", f"  start: {_moment(skeleton.start, 'when it started')}"]
    if skeleton.end is not None:
        lines.append(f"  end: {_moment(skeleton.end, 'when it ended')}")
    if skeleton.stage:
        lines.append(f"  stage: {json.dumps(skeleton.stage)}")
    lines.append("  went: mixed  # well, mixed or poorly")
    lines.append("interviewers:")
    if not skeleton.interviewers:
        lines.append(f"  - name: {PLACEHOLDER}  # an interviewer's full name")
    for person, relation, comment in skeleton.interviewers:
        lines += _interviewer(person, relation, comment)
    return "\n".join(lines) + "\n"


def _interviewer(person: Person, relation: str | None, comment: str | None) -> list[str]:
    name = person.name or _name_from(person.email)
    notes = [] if person.name or not name else ["guessed from the address; check the spelling"]
    notes += [comment] if comment else []
    shown = json.dumps(name, ensure_ascii=False) if name else f"{PLACEHOLDER}"
    notes = notes if name else ["their full name", *notes]
    out = [f"  - name: {shown}" + (f"  # {'; '.join(notes)}" if notes else "")]
    if person.email:
        out.append(f"    email: {json.dumps(person.email)}")
    if relation:
        out.append(f"    relation: {relation}")
    out.append("    # title: their job title")
    out.append("    # topics: [what you talked about with them]")
    return out


def _name_from(address: str | None) -> str | None:
    local = (address or "").split("@")[0]
    words = [w for w in re.split(r"[._-]+", local) if w.isalpha()]
    return " ".join(w.capitalize() for w in words) if len(words) >= 2 else None
