"""The outreach ledger: what the candidate sent, and a log of draft runs. SQLite under
WRITER_HOME (else the user data dir), with ordered, named migrations."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from writer.config import data_dir
from writer.kinds import SENT_KINDS, ActionKind
from writer.plan import Sent

if TYPE_CHECKING:
    from writer.drafting import DraftSet

# Applied in order, each once; never edit one that has shipped: add the next.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "001_sent",
        """
        CREATE TABLE sent (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            interviewer TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX sent_by_person ON sent (company, interviewer);
    """,
    ),
    (
        "002_draft_log",
        """
        CREATE TABLE draft_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            source TEXT NOT NULL,
            interviewer TEXT NOT NULL,
            kind TEXT NOT NULL,
            backend TEXT NOT NULL,
            model TEXT,
            prompt_hash TEXT,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            attempts INTEGER,
            ok INTEGER NOT NULL,
            rules TEXT NOT NULL
        );
    """,
    ),
]


def default_path() -> Path:
    return data_dir() / "ledger.sqlite3"


class Ledger:
    """Open with `Ledger.open()`; every method commits before it returns."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection

    @classmethod
    def open(cls, path: Path | None = None) -> Ledger:
        path = path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        ledger = cls(sqlite3.connect(path, timeout=10))
        ledger.migrate()
        return ledger

    def close(self) -> None:
        self.db.close()

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; return their names."""
        with self.db:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                "applied_at TEXT NOT NULL)"
            )
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, script in MIGRATIONS:
            if name in done:
                continue
            with self.db:
                for statement in filter(str.strip, script.split(";")):
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO migrations VALUES (?, ?)",
                    (name, datetime.now().astimezone().isoformat()),
                )
            applied.append(name)
        return applied

    def record(self, company: str, interviewer: str, kind: ActionKind, at: datetime) -> Sent:
        if kind not in SENT_KINDS:
            raise ValueError(f"kind {kind!r}: one of {', '.join(SENT_KINDS)}")
        with self.db:
            self.db.execute(
                "INSERT INTO sent (company, interviewer, kind, at) VALUES (?, ?, ?, ?)",
                (company, interviewer, kind, at.isoformat()),
            )
        return Sent(company, interviewer, kind, at)

    def sent(self, company: str | None = None) -> list[Sent]:
        query = "SELECT company, interviewer, kind, at FROM sent"
        rows = (
            self.db.execute(query + " WHERE company = ? ORDER BY at", (company,))
            if company
            else self.db.execute(query + " ORDER BY at")
        )
        return [Sent(c, i, k, datetime.fromisoformat(a)) for c, i, k, a in rows]

    def forget(self, interviewer: str) -> int:
        """Delete everything recorded about one person; how many rows went."""
        with self.db:
            gone = self.db.execute("DELETE FROM sent WHERE interviewer = ?", (interviewer,))
            logged = self.db.execute("DELETE FROM draft_log WHERE interviewer = ?", (interviewer,))
        return gone.rowcount + logged.rowcount

    def purge(self) -> None:
        with self.db:
            self.db.execute("DELETE FROM sent")
            self.db.execute("DELETE FROM draft_log")

    def log_rows(self, rows: list[tuple[Any, ...]]) -> None:
        """Rows made by `draft_rows`, in one commit."""
        with self.db:
            self.db.executemany(
                "INSERT INTO draft_log (at, source, interviewer, kind, backend, "
                "model, prompt_hash, prompt_tokens, completion_tokens, "
                "attempts, ok, rules) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

    def draft_log(self, limit: int = 50) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute(
            "SELECT at, source, interviewer, kind, backend, model, "
            "prompt_hash, prompt_tokens, completion_tokens, attempts, ok, "
            "rules FROM draft_log ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        names = [c[0] for c in cursor.description]
        for row in cursor:
            entry = dict(zip(names, row, strict=True))
            entry["ok"], entry["rules"] = bool(entry["ok"]), json.loads(entry["rules"])
            yield entry


class DraftLog:
    """Logs draft runs into the ledger, from one thread (the one that first calls it: a
    batch hands it every finished input without waiting). A ledger that cannot be written
    is reported once, and the drafts are not affected."""

    FLUSH_ROWS, FLUSH_SECONDS = 200, 1.0  # one commit (an fsync) per batch of rows

    def __init__(self, warn: Callable[[str], None], path: Path | None = None) -> None:
        self.warn, self.path = warn, path
        self._ledger: Ledger | None = None
        self._broken = False
        self._pending: list[tuple[Any, ...]] = []
        self._flushed = time.monotonic()

    def __call__(self, result: DraftSet, source: str) -> None:
        if self._broken:
            return
        self._pending += draft_rows(result, source)
        if (
            len(self._pending) >= self.FLUSH_ROWS
            or time.monotonic() - self._flushed >= self.FLUSH_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        rows, self._pending, self._flushed = self._pending, [], time.monotonic()
        if self._broken or not rows:
            return
        try:
            if self._ledger is None:
                self._ledger = Ledger.open(self.path)
            self._ledger.log_rows(rows)
        except (sqlite3.Error, OSError) as error:
            self._broken = True
            self.warn(f"writer: the draft log could not be written ({error})")

    def close(self) -> None:
        self.flush()
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None


def load_sent(path: Path | None = None) -> list[Sent]:
    """Everything recorded as sent, every company (the note budget is per account); [] when
    there is no ledger yet."""
    path = path or default_path()
    if not path.exists():
        return []
    with closing(Ledger.open(path)) as ledger:
        return ledger.sent()


def draft_rows(result: DraftSet, source: str) -> list[tuple[Any, ...]]:
    """The draft log's rows for one draft run, one per draft: who drafted it, with which
    prompt, what it cost, what it broke."""
    now = datetime.now().astimezone().isoformat()
    return [
        (
            now,
            source,
            d.interviewer,
            d.kind,
            result.backend,
            result.model,
            d.prompt_hash,
            d.usage.prompt_tokens if d.usage else None,
            d.usage.completion_tokens if d.usage else None,
            d.attempts,
            int(d.ok),
            json.dumps(sorted({f.rule for f in d.report.findings})),
        )
        for d in result.drafts
    ]
