"""What was handed to a mail program (an .eml file, a mailto: link), so a later look can
say "drafted, not yet marked sent". A record here is never a send."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from writer.ledger import Ledger


@dataclass(frozen=True)
class Exported:
    at: datetime
    company: str
    interviewer: str
    kind: str
    via: str  # "eml" or "mailto"
    target: str  # the file written, or the address the link is for


def record_exports(
    rows: list[Exported], path: Path | None = None, on_wait: Callable[[str], None] | None = None
) -> None:
    """Record every row in one commit."""
    values = [(r.at.isoformat(), r.company, r.interviewer, r.kind, r.via, r.target) for r in rows]

    def insert(db: sqlite3.Connection) -> None:
        db.executemany(
            "INSERT INTO exported (at, company, interviewer, kind, via, target) "
            "VALUES (?,?,?,?,?,?)",
            values,
        )

    with closing(Ledger.open(path, on_wait=on_wait)) as ledger:
        ledger.write(insert)


def load_exports(company: str | None = None, path: Path | None = None) -> list[Exported]:
    """Every export recorded (for one company when given), oldest first."""
    query = "SELECT at, company, interviewer, kind, via, target FROM exported"
    with closing(Ledger.open(path)) as ledger:
        rows = (
            ledger.read(query + " WHERE company = ? ORDER BY at, id", (company,))
            if company
            else ledger.read(query + " ORDER BY at, id")
        )
    return [Exported(datetime.fromisoformat(a), c, i, k, v, t) for a, c, i, k, v, t in rows]
