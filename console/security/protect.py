"""Make the audit table append-only in the database itself, not only by convention.

On PostgreSQL the application connects as its own role, which gets SELECT and INSERT on
``audit_log`` but neither UPDATE, DELETE nor TRUNCATE; a trigger refuses those operations to
every role as well (belt and braces: it also stops the schema owner by mistake). A local
SQLite file has no roles, so only the triggers apply there; anyone who can write the file
can drop them, which is why ``audit verify`` checks the hash chain regardless.

``docs/postgres-grants.sql`` is :func:`postgres_sql` rendered for the default names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from console.errors import ValidationError
from console.store.uow import Database

DEFAULT_APP_ROLE = "privacy_console_app"
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

PG_FUNCTION = """CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$"""

SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is refused'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is refused'); END",
]


@dataclass(frozen=True)
class ProtectReport:
    dialect: str
    app_role: str | None
    statements: list[str]


@dataclass(frozen=True)
class ProtectionStatus:
    dialect: str
    triggers: bool
    roles_that_can_change: list[str]  # roles (other than superusers) with UPDATE/DELETE/TRUNCATE on audit_log


def _ident(name: str, what: str) -> str:
    if not _IDENT.match(name):
        raise ValidationError(f"{name!r} is not a usable {what} name: lower-case letters, digits and '_', at most 63.")
    return f'"{name}"'


def postgres_sql(app_role: str, database: str, owner: str, schema: str = "public", *, create_role: bool = False) -> list[str]:
    """The statements, in order, that an owner (or superuser) runs once after ``db upgrade``."""
    role, db_name, own, sch = (_ident(app_role, "role"), _ident(database, "database"),
                               _ident(owner, "role"), _ident(schema, "schema"))
    out = [f"CREATE ROLE {role} LOGIN"] if create_role else []
    out += [
        f"GRANT CONNECT ON DATABASE {db_name} TO {role}",
        f"GRANT USAGE ON SCHEMA {sch} TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {sch} TO {role}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {sch} TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {own} IN SCHEMA {sch} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {own} IN SCHEMA {sch} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {role}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON {sch}.audit_log FROM {role}",
        f"REVOKE ALL ON {sch}.audit_log FROM PUBLIC",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {sch}.alembic_version FROM {role}",
    ]
    return out + postgres_triggers(schema)


def postgres_triggers(schema: str = "public") -> list[str]:
    sch = _ident(schema, "schema")
    return [
        PG_FUNCTION,
        f"DROP TRIGGER IF EXISTS audit_log_append_only ON {sch}.audit_log",
        f"CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON {sch}.audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
        f"DROP TRIGGER IF EXISTS audit_log_no_truncate ON {sch}.audit_log",
        f"CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {sch}.audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    ]


def _pg_facts(conn: Connection) -> tuple[str, str, str, str]:
    row = conn.execute(text(
        "SELECT current_database(), current_schema(), current_user, "
        "(SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log' AND schemaname = current_schema())"
    )).one()
    if row[3] is None:
        raise ValidationError("This database has no audit_log table yet; run 'privacy-console db upgrade' first.")
    return row[0], row[1], row[2], row[3]


def _role_exists(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None


def protect(db: Database, app_role: str | None = DEFAULT_APP_ROLE, *, create_role: bool = False) -> ProtectReport:
    """Apply the grants (PostgreSQL) and the append-only triggers; run it as the schema owner."""
    if db.dialect == "sqlite":
        with db.engine.begin() as conn:
            for stmt in SQLITE_TRIGGERS:
                conn.exec_driver_sql(stmt)
        return ProtectReport("sqlite", None, list(SQLITE_TRIGGERS))
    with db.engine.begin() as conn:
        database, schema, me, owner = _pg_facts(conn)
        if app_role is None:
            statements = postgres_triggers(schema)
        else:
            if app_role in (owner, me):
                raise ValidationError(
                    f"The application role must not be the tables' owner ({owner}) or the role running this "
                    "command: an owner can always grant itself back what was revoked. Name a separate role.")
            exists = _role_exists(conn, app_role)
            if not exists and not create_role:
                raise ValidationError(f"The role {app_role!r} does not exist; add --create-role, or create it first.")
            statements = postgres_sql(app_role, database, owner, schema, create_role=not exists)
        for stmt in statements:
            conn.exec_driver_sql(stmt.replace("%", "%%"))
    return ProtectReport("postgresql", app_role, statements)


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
