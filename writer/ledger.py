"""The outreach ledger: what the candidate sent, and a log of draft runs. SQLite under
WRITER_HOME (else the user data dir), with ordered, named migrations.

Many processes may use one ledger at once: migrations run inside `BEGIN IMMEDIATE` with
the check of what is applied inside it, and a lock held by another process makes a call
wait (saying so once), never fail, up to `MAX_WAIT` seconds."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from writer.config_file import data_dir  # no pydantic-settings: `writer draft` logs here
from writer.errors import UsageError
from writer.kinds import SENT_KINDS, ActionKind
from writer.ledger_journal import Journal, orphans
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
    (
        "003_draft_log_row_key",
        """
        ALTER TABLE draft_log ADD COLUMN row_key TEXT;
        CREATE UNIQUE INDEX draft_log_by_row_key ON draft_log (row_key);
    """,
    ),
    (
        "004_exported",  # drafts handed to a mail program (writer.ledger_export)
        """
        CREATE TABLE exported (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            company TEXT NOT NULL,
            interviewer TEXT NOT NULL,
            kind TEXT NOT NULL,
            via TEXT NOT NULL,
            target TEXT NOT NULL
        );
        CREATE INDEX exported_by_person ON exported (company, interviewer);
    """,
    ),
]


BUSY_STEP = 1.0  # SQLite's own wait for a lock, per attempt (seconds)
MAX_WAIT = 300.0  # how long a call waits for another process's lock in all
T = TypeVar("T")


class LedgerBusy(UsageError, sqlite3.OperationalError):
    """The lock stayed held past the wait: a usage error, and a database error to code
    that tolerates those."""


def default_path() -> Path:
    return data_dir() / "ledger.sqlite3"


def _locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


class Ledger:
    """Open with `Ledger.open()`; every method commits before it returns. `on_wait` is told
    (once) when a call has to wait for another process's lock."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None = None,
        on_wait: Callable[[str], None] | None = None,
        max_wait: float = MAX_WAIT,
    ) -> None:
        self.db, self.path = connection, path
        self.on_wait, self.max_wait = on_wait, max_wait

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        on_wait: Callable[[str], None] | None = None,
        max_wait: float = MAX_WAIT,
    ) -> Ledger:
        path = path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit at the driver: every transaction below is begun and ended explicitly.
        db = sqlite3.connect(path, timeout=BUSY_STEP, isolation_level=None)
        ledger = cls(db, path, on_wait, max_wait)
        try:
            ledger.migrate()
        except BaseException:
            db.close()
            raise
        return ledger

    def close(self) -> None:
        self.db.close()

    def retrying(self, work: Callable[[], T]) -> T:
        """`work()`, again while another process holds the lock, up to `max_wait` s."""
        started, told = time.monotonic(), False
        while True:
            try:
                return work()
            except sqlite3.OperationalError as error:
                if isinstance(error, LedgerBusy) or not _locked(error):
                    raise
                if not told and self.on_wait is not None:
                    self.on_wait(
                        f"writer: the ledger {self.path} is locked by another process; "
                        f"waiting for it (up to {self.max_wait:g} s)"
                    )
                    told = True
                if time.monotonic() - started >= self.max_wait:
                    raise LedgerBusy(
                        f"the ledger {self.path} stayed locked by another process for "
                        f"{self.max_wait:g} s; try again when that process has finished"
                    ) from None
                time.sleep(0.05)

    def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """`work(db)` in one `BEGIN IMMEDIATE` transaction, retried while locked."""

        def once() -> T:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                result = work(self.db)
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            return result

        return self.retrying(once)

    def read(self, query: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        return self.retrying(lambda: self.db.execute(query, parameters).fetchall())

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; return their names. What is applied is
        read again inside the write lock, so processes opening a new ledger at once apply
        each migration exactly once."""
        if {name for name, _ in MIGRATIONS} <= self._applied():
            return []  # up to date: no write lock taken
        return self.write(self._apply)

    def _applied(self) -> set[str]:
        try:
            return {row[0] for row in self.read("SELECT name FROM migrations")}
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return set()
            raise

    def _apply(self, db: sqlite3.Connection) -> list[str]:
        db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
            "applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in db.execute("SELECT name FROM migrations")}
        applied = []
        for name, script in MIGRATIONS:
            if name in done:
                continue
            for statement in filter(str.strip, script.split(";")):
                db.execute(statement)
            db.execute(
                "INSERT INTO migrations VALUES (?, ?)",
                (name, datetime.now().astimezone().isoformat()),
            )
            applied.append(name)
        return applied

    def record(self, company: str, interviewer: str, kind: ActionKind, at: datetime) -> Sent:
        if kind not in SENT_KINDS:
            raise ValueError(f"kind {kind!r}: one of {', '.join(SENT_KINDS)}")
        self.write(
            lambda db: db.execute(
                "INSERT INTO sent (company, interviewer, kind, at) VALUES (?, ?, ?, ?)",
                (company, interviewer, kind, at.isoformat()),
            )
        )
        return Sent(company, interviewer, kind, at)

    def sent(self, company: str | None = None) -> list[Sent]:
        query = "SELECT company, interviewer, kind, at FROM sent"
        rows = (
            self.read(query + " WHERE company = ? ORDER BY at", (company,))
            if company
            else self.read(query + " ORDER BY at")
        )
        return [Sent(c, i, k, datetime.fromisoformat(a)) for c, i, k, a in rows]

    def forget(self, interviewer: str) -> int:
        """Delete everything recorded about one person; how many rows went."""

        def delete(db: sqlite3.Connection) -> int:
            gone = db.execute("DELETE FROM sent WHERE interviewer = ?", (interviewer,))
            logged = db.execute("DELETE FROM draft_log WHERE interviewer = ?", (interviewer,))
            out = db.execute("DELETE FROM exported WHERE interviewer = ?", (interviewer,))
            return gone.rowcount + logged.rowcount + out.rowcount

        return self.write(delete)

    def purge(self) -> None:
        def delete(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM sent")
            db.execute("DELETE FROM draft_log")
            db.execute("DELETE FROM exported")

        self.write(delete)

    def log_rows(self, rows: list[tuple[Any, ...]]) -> int:
        """Rows made by `draft_rows`, in one commit; how many were new (a row already there,
        by its key, is kept once)."""

        def insert(db: sqlite3.Connection) -> int:
            before = db.total_changes
            db.executemany(
                "INSERT OR IGNORE INTO draft_log (at, source, interviewer, kind, backend, "
                "model, prompt_hash, prompt_tokens, completion_tokens, "
                "attempts, ok, rules, row_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            return db.total_changes - before

        return self.write(insert)

    def draft_log(self, limit: int = 50) -> Iterator[dict[str, Any]]:
        names = ["at", "source", "interviewer", "kind", "backend", "model", "prompt_hash"]
        names += ["prompt_tokens", "completion_tokens", "attempts", "ok", "rules"]
        query = f"SELECT {', '.join(names)} FROM draft_log ORDER BY id DESC LIMIT ?"
        for row in self.read(query, (limit,)):
            entry = dict(zip(names, row, strict=True))
            entry["ok"], entry["rules"] = bool(entry["ok"]), json.loads(entry["rules"])
            yield entry


class DraftLog:
    """Logs draft runs into the ledger, from one thread (the one that first calls it: a
    batch hands it every finished input without waiting). Rows are committed in groups;
    each is first appended to a journal (see `writer.ledger_journal`), so a crash loses
    none. A lock held by another process delays the commits, never drops them; a ledger
    that cannot be written at all is reported once, and the drafts are not affected."""

    FLUSH_ROWS, FLUSH_SECONDS = 200, 1.0  # one commit (an fsync) per batch of rows

    def __init__(
        self, warn: Callable[[str], None], path: Path | None = None, max_wait: float = MAX_WAIT
    ) -> None:
        self.warn, self.path, self.max_wait = warn, path or default_path(), max_wait
        self.journal = Journal(self.path.parent)
        self._ledger: Ledger | None = None
        self._broken = False
        self._pending: list[tuple[Any, ...]] = []
        self._flushed = time.monotonic()
        self._journaling = threading.Lock()

    def __call__(self, result: DraftSet, source: str) -> None:
        self.commit(self.note(result, source))

    def note(self, result: DraftSet, source: str) -> list[tuple[Any, ...]]:
        """The run's rows, journaled (any thread; a batch calls it as each input ends, so
        the rows are on file even while a commit waits for a lock)."""
        rows = [] if self._broken else draft_rows(result, source)
        try:
            with self._journaling:
                self.journal.append(rows)
        except OSError as error:
            self._fail(error)
        return rows

    def commit(self, rows: list[tuple[Any, ...]]) -> None:
        """Queue journaled rows; commit them when a group is due (the draft log's thread)."""
        if self._broken:
            return
        self._pending += rows
        if (
            len(self._pending) >= self.FLUSH_ROWS
            or time.monotonic() - self._flushed >= self.FLUSH_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        self._flushed = time.monotonic()
        if self._broken:
            return
        try:
            if self._ledger is None:
                self._ledger = Ledger.open(self.path, on_wait=self._waiting, max_wait=self.max_wait)
                self._recover(self._ledger)
            if self._pending:
                self._ledger.log_rows(self._pending)
        except LedgerBusy:
            self.journal.sync()  # still locked: the rows wait in the journal, kept on disk
            return
        except (sqlite3.Error, OSError) as error:
            self._fail(error)
            return
        self._pending = []

    def _waiting(self, line: str) -> None:
        self.warn(f"{line}; the draft log waits, the drafts go on")

    def _fail(self, error: Exception) -> None:
        self._broken = True
        self.warn(f"writer: the draft log could not be written ({error})")

    def _recover(self, ledger: Ledger) -> None:
        with orphans(self.path.parent, self.journal.path) as found:
            for path, rows in found:
                added = ledger.log_rows(rows)  # rows it had committed are there already
                if added:
                    self.warn(
                        f"writer: the draft log recovered {added} rows that an earlier "
                        f"run had not committed when it stopped (from {path.name})"
                    )

    def close(self) -> None:
        self.flush()
        if self._broken:
            self.journal.keep()  # what was not committed stays for a run that can
        elif self._pending:
            self.warn(
                f"writer: {len(self._pending)} draft-log rows could not be committed (the "
                f"ledger stayed locked); they are kept in {self.journal.path} and are added "
                "on the next run"
            )
            self.journal.keep()
        else:
            self.journal.close()
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None


def load_sent(path: Path | None = None, on_wait: Callable[[str], None] | None = None) -> list[Sent]:
    """Everything recorded as sent, every company (the note budget is per account); [] when
    there is no ledger yet."""
    path = path or default_path()
    if not path.exists():
        return []
    with closing(Ledger.open(path, on_wait=on_wait)) as ledger:
        return ledger.sent()


def draft_rows(result: DraftSet, source: str) -> list[tuple[Any, ...]]:
    """The draft log's rows for one draft run, one per draft: who drafted it, with which
    prompt, what it cost, what it broke."""
    now = datetime.now().astimezone().isoformat()
    # A path from the command line may carry bytes that are not UTF-8: store them escaped.
    source = source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
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
            uuid.uuid4().hex,
        )
        for d in result.drafts
    ]
