"""What others changed: a feed an open window polls to refresh without anybody pressing Refresh.

PostgreSQL: every unit of work that wrote sends ``NOTIFY`` with the actions it recorded, delivered
at its commit; the feed LISTENs on its own connection. SQLite: ``PRAGMA data_version`` on the
feed's own connection moves whenever another connection commits. Either way ``poll`` is cheap
enough for a one-second timer, and a lost server is a StorageError the window shows as a banner
while the feed reconnects on the next poll.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DBAPIError

from console.errors import storage_error
from console.uow import CHANGES_CHANNEL, Database


@dataclass(frozen=True)
class Changes:
    """What happened since the last poll: ``actions`` as recorded (empty set on SQLite: 'something')."""

    changed: bool
    actions: frozenset[str] = frozenset()


class ChangeFeed:
    """One per window; not thread-safe (poll it from one worker)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Any = None
        self._raw: Any = None
        self._version: int | None = None

    def _connect(self) -> Any:
        if self._conn is None:
            self._raw = self.db.engine.raw_connection()
            conn = self._raw.driver_connection
            self._raw.detach()  # its own connection, out of the pool's rotation
            if self.db.dialect == "postgresql":
                conn.autocommit = True
                conn.execute(f"LISTEN {CHANGES_CHANNEL}")
            self._conn = conn
        return self._conn

    def poll(self, timeout: float = 0.0) -> Changes:
        """Changes committed by others since the last call (waits up to ``timeout`` s on a server)."""
        try:
            conn = self._connect()
            if self.db.dialect == "postgresql":
                actions: set[str] = set()
                for note in conn.notifies(timeout=timeout, stop_after=1):
                    actions.update(a for a in note.payload.split(",") if a)
                    timeout = 0
                for note in conn.notifies(timeout=0):
                    actions.update(a for a in note.payload.split(",") if a)
                return Changes(bool(actions), frozenset(actions))
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            changed = self._version is not None and version != self._version
            self._version = version
            return Changes(changed)
        except (DBAPIError, OSError) as exc:
            self.close()
            raise storage_error(self.db.safe_url, exc) from None
        except Exception as exc:  # the driver's own errors (psycopg.OperationalError, sqlite3.Error)
            if type(exc).__module__.split(".")[0] not in ("psycopg", "sqlite3"):
                raise
            self.close()
            raise storage_error(self.db.safe_url, exc) from None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._raw.close()  # detached: this closes the connection itself
            except Exception:  # noqa: BLE001 - a dead connection may refuse even to close
                pass
            self._conn = self._raw = None
