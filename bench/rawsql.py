"""The same SQL on the bare driver: capture what a product call sends, replay it on sqlite3/psycopg.

The baseline of a queue query is the statements the product itself emitted (same text, same
parameters), executed on a raw DB-API connection and fetched: what is left of the product's
time beyond that is the cost of the layers above the driver.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

Statement = tuple[str, Any]


@contextmanager
def capture(engine: Engine) -> Iterator[list[Statement]]:
    """Every statement the engine sends to the driver inside the block (after parameter processing)."""
    seen: list[Statement] = []

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        seen.append((statement, parameters))

    from console.store import reads  # queue pages: to the driver directly, past engine events

    event.listen(engine, "before_cursor_execute", before)
    try:
        with reads.watching() as direct:
            yield seen
            seen.extend(direct)
    finally:
        event.remove(engine, "before_cursor_execute", before)


class Raw:
    """A bare DB-API connection to the database of ``url`` (sqlite3 or psycopg)."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            self.conn: Any = sqlite3.connect(parsed.database or ":memory:", check_same_thread=False)
        else:
            import psycopg

            self.conn = psycopg.connect(host=parsed.host, port=parsed.port or 5432, user=parsed.username,
                                        dbname=parsed.database, autocommit=False)

    def replay(self, statements: list[Statement]) -> Callable[[], None]:
        """A callable that runs the statements, fetching every row, in one read transaction."""
        conn = self.conn

        def run() -> None:
            cur = conn.cursor()
            for sql, params in statements:
                cur.execute(sql, params)
                if cur.description is not None:
                    cur.fetchall()
            cur.close()
            conn.rollback()

        return run

    def close(self) -> None:
        self.conn.close()
