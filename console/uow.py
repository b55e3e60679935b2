"""The unit of work: one transaction that checks the role, does the work and writes the audit.

Services open ``db.unit(actor, perm)``; on success the change and its audit entries commit
together, on any error everything rolls back, so nothing half-written stays behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, event, select, text
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from console.errors import ConflictError, storage_error
from console.security import audit, checkpoints, minimise, seals
from console.security.roles import Actor, Perm, require
from console.store import integrity, migrate
from console.store.engine import display_url, make_engine, resolve_url, writer

CHANGES_CHANNEL = "privacy_console_changes"  # NOTIFY channel of committed changes (PostgreSQL)


@dataclass
class UnitOfWork:
    """What a service sees inside a transaction: the session, the actor, and the audit list."""

    session: Session
    actor: Actor
    records: list[audit.AuditRecord] = field(default_factory=list)

    def audit(self, action: str, target_type: str = "", target_id: str | int = "", detail: str = "") -> None:
        self.records.append(audit.AuditRecord(action, target_type, str(target_id), detail))


class Database:
    """An opened database: engine, session factory, schema brought up to date."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True) -> None:
        self.url = resolve_url(url)
        self.engine: Engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.writer: Engine = writer(self.engine)  # takes SQLite's write lock at BEGIN
        event.listen(self.sessions, "before_flush", _minimise_before_flush)
        if self.dialect == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            integrity.check_file(Path(self.engine.url.database or "").expanduser(), self.safe_url)
        self._ping()
        if upgrade:
            self.upgrade()
        else:
            migrate.check_not_newer(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def safe_url(self) -> str:
        return display_url(self.url)

    def _ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            raise storage_error(self.safe_url, exc) from None

    def upgrade(self) -> tuple[str | None, str]:
        try:
            revisions = migrate.upgrade(self.engine, _server_owner if self.dialect == "postgresql" else None)
            if self.dialect == "sqlite":
                # The planner needs statistics to pick the queue indexes; a file that never had
                # them (filled by an older version) gets them once, later opens just optimise.
                with self.writer.begin() as conn:
                    analysed = conn.exec_driver_sql(
                        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
                    conn.exec_driver_sql("PRAGMA optimize" if analysed else "ANALYZE")
            return revisions
        except DatabaseError as exc:
            raise storage_error(self.safe_url, exc) from None

    @contextmanager
    def unit(self, actor: Actor, perm: Perm | None) -> Iterator[UnitOfWork]:
        """One transaction: role check first, audit entries written last, all or nothing."""
        require(actor, perm)
        session = self.sessions(bind=self.writer)
        uow = UnitOfWork(session, actor)
        session.info["uow"] = uow  # flush hooks (evidence minimisation) add their audit records
        try:
            yield uow
            session.flush()
            audit.append(session, actor.username, uow.records)
            if uow.records and self.dialect == "postgresql":  # open windows refresh (console.changes)
                actions = ",".join(sorted({r.action for r in uow.records}))[:7000]
                session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANGES_CHANNEL, "p": actions})
            session.commit()
            checkpoints.after_commit(session, self.safe_url)  # its copy in the keyring, outside the database
        except StaleDataError:
            session.rollback()
            raise ConflictError(
                "Somebody else changed this record while you were working on it. "
                "Reload it to see their change, then apply yours again."
            ) from None
        except DatabaseError as exc:
            session.rollback()
            if isinstance(exc, IntegrityError):
                raise
            raise storage_error(self.safe_url, exc) from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self, actor: Actor, perm: Perm | None = Perm.READ) -> Iterator[Session]:
        """A read-only session for queries (no audit unless the caller records one)."""
        require(actor, perm)
        session = self.sessions()
        try:
            yield session
        except DatabaseError as exc:
            if isinstance(exc, IntegrityError):
                raise
            raise storage_error(self.safe_url, exc) from None
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()

    def is_empty(self) -> bool:
        from console.store.models import Request

        with self.sessions() as s:
            return s.execute(select(Request.id).limit(1)).first() is None


@contextmanager
def _server_owner(conn: Connection) -> Iterator[None]:
    """Migrations on a server: only its owner runs them, as the owner role, and the grants follow."""
    from console.security import server

    roles = server.installed(conn) if conn.exec_driver_sql("SELECT to_regclass('settings')").scalar() else None
    server.require_owner(conn, roles, "Upgrading the database schema")
    if roles is None:
        yield
        return
    conn.exec_driver_sql(f'SET LOCAL ROLE "{roles.owner}"')
    yield
    conn.exec_driver_sql("RESET ROLE")
    conn.exec_driver_sql("SET CONSTRAINTS ALL IMMEDIATE")  # the owner's audited-change checks, before any ALTER
    server.setup_server(conn, roles.prefix)  # new tables get their grants; the fingerprint is renewed


def _minimise_before_flush(session: Session, flush_context: object, instances: object) -> None:
    minimise.before_flush(session, flush_context, instances)
    seals.before_flush(session)  # last: seals cover what the flush writes
