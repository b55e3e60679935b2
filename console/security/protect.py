"""Make the audit table append-only in the database itself, not only by convention.

A local SQLite file has no roles, so triggers refuse UPDATE and DELETE of audit rows; anyone
who can write the file can drop them, which is why ``audit verify`` checks the hash chain
regardless. A PostgreSQL server gets its protections from ``db setup-server``
(:mod:`console.security.server`): per-role grants, the server-side audit function and the same
triggers; :func:`status` reports on both.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from console.uow import Database

SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is refused'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is refused'); END",
]


@dataclass(frozen=True)
class ProtectionStatus:
    dialect: str
    triggers: bool
    roles_that_can_change: list[str]  # roles (other than superusers) with UPDATE/DELETE/TRUNCATE on audit_log


def protect(db: Database) -> list[str]:
    """Install the append-only triggers in a local file (a server: ``db setup-server``)."""
    if db.dialect != "sqlite":
        raise ValueError("PostgreSQL is protected by 'db setup-server'")
    with db.engine.begin() as conn:
        for stmt in SQLITE_TRIGGERS:
            conn.exec_driver_sql(stmt)
    return list(SQLITE_TRIGGERS)


def status(db: Database) -> ProtectionStatus:
    """Whether the triggers are in place and which roles could still change audit rows."""
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            names = {r[0] for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")}
            return ProtectionStatus("sqlite", {"audit_log_no_update", "audit_log_no_delete"} <= names, [])
        triggers = {r[0] for r in conn.execute(text(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal AND tgenabled <> 'D'"))}
        roles = sorted({r[0] for r in conn.execute(text(
            "SELECT grantee FROM information_schema.role_table_grants WHERE table_name = 'audit_log' "
            "AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE') "
            "AND grantee NOT IN (SELECT rolname FROM pg_roles WHERE rolsuper)"))})
    return ProtectionStatus("postgresql", {"audit_log_append_only", "audit_log_no_truncate"} <= triggers, roles)
