"""Drafts handed to the candidate's own mail program: RFC 5322 messages marked as drafts
(Outlook's `X-Unsent`, Thunderbird's `X-Mozilla-Draft-Info`), and `mailto:` links. Nothing
here sends anything."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from urllib.parse import quote

from writer.errors import UsageError
from writer.kinds import spec

_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# Thunderbird reads this header to open a message as a draft to edit, not one received.
MOZILLA_DRAFT_INFO = "internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0"


@dataclass(frozen=True)
class Outgoing:
    """One email as the candidate would send it."""

    interviewer: str
    kind: str
    to_name: str
    to_email: str | None
    subject: str
    body: str
    from_name: str
    from_email: str | None


def has_subject(kind: str) -> bool:
    """Whether a kind is an email (its spec has a subject): those are handed to mail."""
    try:
        return spec(kind).has_subject
    except (KeyError, ValueError):
        return False


def candidate_address(email: str | None, signature: str | None) -> str | None:
    """The candidate's address: `candidate.email`, else the first address in the signature."""
    if email:
        return email.strip()
    found = _ADDRESS.search(signature or "")
    return found.group() if found else None


def one_line(text: str) -> str:
    """A header value: no line breaks (they would start a new header)."""
    return re.sub(r"\s+", " ", text).strip()


def _address(name: str, address: str | None, header: str) -> Address:
    try:
        if address is None:
            return Address(display_name=one_line(name))
        return Address(display_name=one_line(name), addr_spec=address.strip())
    except (ValueError, IndexError) as error:
        raise UsageError(
            f"{header}: {address!r} for {name!r} is not an email address ({error}); "
            "fix it in the notes"
        ) from None


def to_message(mail: Outgoing, now: datetime) -> EmailMessage:
    """The draft as an RFC 5322 message (UTF-8 where the text needs it)."""
    message = EmailMessage(policy=SMTP)
    if mail.from_email:
        message["From"] = _address(mail.from_name, mail.from_email, "From")
    if mail.to_email:
        message["To"] = _address(mail.to_name, mail.to_email, "To")
    message["Subject"] = one_line(mail.subject)
    message["Date"] = format_datetime(now)
    domain = (mail.from_email or "writer.invalid").rsplit("@", 1)[-1]
    message["Message-ID"] = make_msgid("writer", domain=domain)
    message["X-Unsent"] = "1"  # Outlook opens an .eml with this as a draft to edit
    message["X-Mozilla-Draft-Info"] = MOZILLA_DRAFT_INFO
    message.set_content(mail.body.rstrip("\n") + "\n", charset="utf-8")
    return message


def mailto(to: str | None, subject: str, body: str) -> str:
    """A `mailto:` link with subject and body (RFC 6068: percent-encoded UTF-8, CRLF)."""
    target = quote(to.strip(), safe="@") if to else ""
    text = body.rstrip("\n").replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{target}?subject={quote(one_line(subject), safe='')}&body={quote(text, safe='')}"
    )


def file_name(interviewer: str, kind: str, taken: set[str]) -> str:
    """A portable file name for one draft, unique among `taken` (which it joins)."""
    ascii_name = unicodedata.normalize("NFKD", interviewer).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40] or "interviewer"
    name, n = f"{slug}-{kind}.eml", 2
    while name.lower() in taken:
        name, n = f"{slug}-{kind}-{n}.eml", n + 1
    taken.add(name.lower())
    return name


def open_link(url: str) -> bool:
    """Hand a `mailto:` link to the desktop's mail handler; False when none took it."""
    import webbrowser

    try:
        return bool(webbrowser.open(url))
    except (webbrowser.Error, OSError):
        return False
