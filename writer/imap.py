"""`writer draft --imap`: the email drafts appended to the candidate's own Drafts folder
over IMAP with TLS (never sent). Host, user and an app password come from the config file or
`WRITER_IMAP_*`; the password is never printed, logged or put in an error message."""

from __future__ import annotations

import imaplib
import re
import ssl
import time
from collections.abc import Sequence
from email.message import EmailMessage
from typing import TYPE_CHECKING

from writer.errors import UsageError

if TYPE_CHECKING:
    from writer.config import Settings

TIMEOUT = 30.0  # seconds for the connection and each command
_SPECIAL_DRAFTS = re.compile(rb"\(([^)]*\\Drafts[^)]*)\)\s+\S+\s+(.+)$", re.I)


def _needs(settings: Settings) -> tuple[str, str, str]:
    missing = [
        name
        for name, value in (
            ("imap_host", settings.imap_host),
            ("imap_user", settings.imap_user),
            ("imap_password", settings.imap_password),
        )
        if not value
    ]
    if missing:
        names = ", ".join(f"{m} (WRITER_{m.upper()})" for m in missing)
        raise UsageError(
            f"--imap needs {names} in the config file or the environment; use an app "
            "password from your mail provider, not your account password"
        )
    assert settings.imap_host and settings.imap_user and settings.imap_password
    return settings.imap_host, settings.imap_user, settings.imap_password.get_secret_value()


def append_drafts(messages: list[EmailMessage], settings: Settings) -> str:
    """Append every message, flagged as a draft; return where they went ("host/folder")."""
    host, user, password = _needs(settings)
    context = ssl.create_default_context(cafile=settings.imap_ca_file)
    where = f"{host}:{settings.imap_port}"
    try:
        with imaplib.IMAP4_SSL(
            host, settings.imap_port, ssl_context=context, timeout=TIMEOUT
        ) as box:
            box.login(user, password)
            folder = _drafts_folder(box, settings.imap_folder)
            for message in messages:
                status, answer = box.append(
                    _quoted(folder),
                    r"(\Draft \Seen)",
                    imaplib.Time2Internaldate(time.time()),
                    message.as_bytes(),
                )
                if status != "OK":
                    raise UsageError(f"{where}: the server refused a draft: {_said(answer)}")
    except imaplib.IMAP4.error as error:
        raise UsageError(f"{where}: {_clean(str(error), password)}") from None
    except ssl.SSLError as error:
        raise UsageError(
            f"{where}: TLS failed ({error.reason or error}); is the port IMAPS "
            "(usually 993), and does the certificate match the host?"
        ) from None
    except OSError as error:  # timeouts included
        raise UsageError(f"{where}: cannot connect ({error.strerror or error})") from None
    return f"{host}/{folder}"


def _drafts_folder(box: imaplib.IMAP4, wanted: str | None) -> str:
    """The configured folder, else the one the server marks `\\Drafts`, else "Drafts"."""
    if wanted:
        return wanted
    status, lines = box.list()
    for line in lines if status == "OK" else []:
        found = _SPECIAL_DRAFTS.search(line) if isinstance(line, bytes) else None
        if found:
            return found.group(2).decode("utf-8", "replace").strip().strip('"')
    return "Drafts"


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _said(answer: Sequence[object]) -> str:
    first = answer[0] if answer else b""
    return first.decode("utf-8", "replace") if isinstance(first, bytes) else str(first)


def _clean(text: str, password: str) -> str:
    """A server's error, with the password taken out should it ever be echoed."""
    return text.replace(password, "***") if password else text
