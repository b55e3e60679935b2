"""A shared PostgreSQL server that enforces the roles itself, not only through the application.

``privacy-console db setup-server`` (run once by the database owner, a role that may create
roles) makes:

- an owner role that owns every table and function and that no desktop uses;
- a group role per console role (administrator, dpo, analyst, auditor) with exactly the grants
  and row-level security its console role needs; each staff member connects as their own
  login role (the console user name), a member of the group of their role;
- account management only through SECURITY DEFINER functions owned by the owner role, which
  also create, grant, lock and re-grant the staff member's login role;
- the audit trail appended only through ``pc_audit_append``, which computes the hash chain on
  the server from the session's own role (``session_user``) and the server's clock; nobody but
  the owner may write ``audit_log`` or the chain head, and triggers refuse UPDATE, DELETE and
  TRUNCATE of audit rows to the owner too;
- a deferred check that refuses a change to ``requests`` or ``users`` made in a transaction that
  wrote no audit entry (a direct edit with ``psql``);
- a fingerprint of every grant, policy, trigger and function, recorded at setup, which
  ``audit verify`` compares with what is in the database and names any difference.

The chain format is the one :mod:`console.security.audit` writes and verifies, so ``audit verify``
checks entries written by the server and by the application alike.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from console.errors import PermissionDenied, ValidationError
from console.security.roles import STAFF_ROLES, Role
from console.store.models import Setting

SETUP_KEY = "server.setup"
FINGERPRINT_KEY = "server.fingerprint"
AUDIT_LOCK = 727172  # the advisory lock audit.append takes too
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")

# Tables whose every change the application audits (the chain head lives in settings too): a change without an audit entry in the
# same transaction is a direct edit and is refused at commit.
AUDITED_TABLES = ("requests", "users", "settings")
_SPECIAL = {"audit_log", "users", "auth_sessions", "settings", "alembic_version", "audit_checkpoints"}
# Data tables: who may write them (everybody in a group may read them).
_INCIDENT_TABLES = {"incidents", "incident_entries", "incident_notifications", "incident_links", "drills"}
_WORK_WRITERS = (Role.ADMINISTRATOR, Role.DPO, Role.ANALYST)  # work requests; retention (administrator)
_INCIDENT_WRITERS = (Role.ADMINISTRATOR, Role.DPO)
_AUDIT_READERS = (Role.ADMINISTRATOR, Role.DPO, Role.AUDITOR)
_SELF_COLUMNS = ("failed_attempts", "locked_until", "last_sign_in_at", "totp_last_step", "totp_secret",
                 "password_hash", "password_changed_at", "seal")  # sign-in bookkeeping on one's own row


@dataclass(frozen=True)
class ServerRoles:
    """The role names of one set-up database (roles are cluster-wide, hence the prefix)."""

    prefix: str
    schema: str = "public"

    @property
    def owner(self) -> str:
        return f"{self.prefix}_owner"

    def group(self, role: Role | str) -> str:
        return f"{self.prefix}_{Role(role).value}"

    @property
    def groups(self) -> list[str]:
        return [self.group(r) for r in STAFF_ROLES]


@dataclass(frozen=True)
class SetupReport:
    roles: ServerRoles
    statements: int
    logins: list[str]  # login roles made (or granted) for existing accounts
    skipped: list[str] = field(default_factory=list)  # accounts whose name is a role we must not touch
    revoked: list[str] = field(default_factory=list)  # roles that lost their table grants


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def check_prefix(prefix: str) -> str:
    if not _IDENT.match(prefix):
        raise ValidationError(f"{prefix!r} is not a usable role prefix: lower-case letters, digits and '_', at most 40.")
    return prefix


def default_prefix(database: str) -> str:
    cleaned = re.sub(r"[^a-z0-9_]", "_", database.lower())[:30] or "db"
    return check_prefix(("pc_" + cleaned) if not cleaned[0].isalpha() else cleaned)


def installed(session: Session | Connection) -> ServerRoles | None:
    """The roles of a database set up with ``setup-server``; None for SQLite or an unset server."""
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name != "postgresql":
        return None
    if isinstance(session, Session):
        if "pc_server" not in session.info:
            row = session.get(Setting, SETUP_KEY)
            session.info["pc_server"] = _roles(row.value if row is not None else None)
        return session.info["pc_server"]  # type: ignore[no-any-return]
    value = session.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": SETUP_KEY}).scalar()
    return _roles(json.loads(value) if isinstance(value, str) else value)


def _roles(value: Any) -> ServerRoles | None:
    if not isinstance(value, dict) or not isinstance(value.get("prefix"), str):
        return None
    return ServerRoles(value["prefix"], value.get("schema") or "public")


# --- passwords for login roles ------------------------------------------------------------


def scram_verifier(password: str, *, iterations: int = 4096, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, computed here so the password itself never
    travels in a statement (nor lands in a server log)."""
    normalised = unicodedata.normalize("NFKC", password) if not password.isascii() else password
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", normalised.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = base64.b64encode
    return f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:{b64(server_key).decode()}"


# --- the SQL that setup installs ------------------------------------------------------------


def _hash_sql() -> str:
    """The chain hash in SQL, byte for byte what :func:`console.security.audit.entry_hash` makes."""
    parts = ["to_json(v_prev_hash)::text", "v_id::text",
             "to_json(to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') || '+00:00')::text",
             "to_json(v_actor)::text", "to_json(v_action)::text", "to_json(v_tt)::text", "to_json(v_tid)::text",
             "to_json(v_detail)::text"]
    return "encode(sha256(convert_to('[' || " + " || ',' || ".join(parts) + " || ']', 'UTF8')), 'hex')"


def _functions(r: ServerRoles) -> list[str]:
    s, admin, owner = _q(r.schema), r.group(Role.ADMINISTRATOR), r.owner
    head = "SECURITY DEFINER SET search_path = " + s + ", pg_temp"
    is_admin = (f"(pg_has_role(session_user, {_lit(admin)}, 'MEMBER') "
                f"OR pg_has_role(session_user, {_lit(owner)}, 'MEMBER'))")
    deny_admin = (f"IF NOT {is_admin} THEN RAISE EXCEPTION 'only an administrator may manage accounts "
                  f"(% is not one)', session_user USING ERRCODE = 'insufficient_privilege'; END IF;")
    group_case = "CASE p_role " + " ".join(
        f"WHEN {_lit(role.value)} THEN {_lit(r.group(role))}" for role in STAFF_ROLES) + " END"
    revoke_groups = " ".join(
        f"IF pg_has_role(p_username, {_lit(g)}, 'MEMBER') THEN EXECUTE format('REVOKE %I FROM %I', "
        f"{_lit(g)}, p_username); END IF;" for g in r.groups)
    user_row = ("SELECT * INTO v_user FROM users WHERE username = p_username FOR UPDATE; "
                "IF NOT FOUND THEN RAISE EXCEPTION 'No account %', p_username USING ERRCODE = 'no_data_found'; END IF;")
    last_admin = ("IF v_user.role = 'administrator' AND v_user.active AND NOT EXISTS (SELECT 1 FROM users WHERE "
                  "role = 'administrator' AND active AND id <> v_user.id) THEN RAISE EXCEPTION "
                  "'% is the last active administrator; make another administrator first.', p_username "
                  "USING ERRCODE = 'check_violation'; END IF;")

    def simple(name: str, change: str, action: str) -> str:
        """An administrator's change of one account row, audited."""
        return (f"CREATE OR REPLACE FUNCTION {s}.{name}(p_username text) RETURNS void LANGUAGE plpgsql {head} AS $f$\n"
                f"DECLARE v_user users;\nBEGIN\n    {deny_admin}\n    {user_row}\n    {change}\n"
                f"    PERFORM pc_audit_append({_lit(action)}, 'user', p_username, '');\nEND $f$")

    return [
        f"DROP FUNCTION IF EXISTS {s}.pc_audit_append(text, text, text, text)",  # its result type changed once
        f"""CREATE FUNCTION {s}.pc_audit_append(p_action text, p_target_type text, p_target_id text,
    p_detail text) RETURNS text LANGUAGE plpgsql {head} AS $f$
DECLARE
    v_prev_id bigint; v_prev_hash text; v_id bigint; v_hash text;
    v_at timestamptz := clock_timestamp();
    v_actor text := left(session_user::text, 80);
    v_action text := left(coalesce(p_action, ''), 60);
    v_tt text := left(coalesce(p_target_type, ''), 40);
    v_tid text := left(coalesce(p_target_id, ''), 80);
    v_detail text := coalesce(p_detail, '');
BEGIN
    PERFORM pg_advisory_xact_lock({AUDIT_LOCK});
    SELECT id, hash INTO v_prev_id, v_prev_hash FROM audit_log ORDER BY id DESC LIMIT 1;
    IF NOT FOUND THEN v_prev_id := 0; v_prev_hash := repeat('0', 64); END IF;
    v_id := v_prev_id + 1;
    v_hash := {_hash_sql()};
    INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail, prev_hash, hash)
        VALUES (v_id, v_at, v_actor, v_action, v_tt, v_tid, v_detail, v_prev_hash, v_hash);
    INSERT INTO settings (key, value) VALUES ('audit.head',
        json_build_object('id', v_id, 'hash', v_hash, 'tx', pg_current_xact_id()::text))
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    RETURN v_id::text || ' ' || v_hash;
END $f$""",
        f"""CREATE OR REPLACE FUNCTION {s}.pc_require_audit() RETURNS trigger LANGUAGE plpgsql {head} AS $f$
BEGIN
    IF pg_has_role(session_user, {_lit(owner)}, 'MEMBER') THEN RETURN NULL; END IF;
    IF NOT EXISTS (SELECT 1 FROM settings WHERE key = 'audit.head'
                   AND (value->>'tx') = pg_current_xact_id()::text) THEN
        RAISE EXCEPTION '% on % without an audit entry is refused: change it through Privacy Console',
            TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $f$""",
        f"""CREATE OR REPLACE FUNCTION {s}.pc_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
    SET search_path = {s}, pg_temp AS $f$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $f$""",
        f"""CREATE OR REPLACE FUNCTION {s}.pc_account_create(p_username text, p_display_name text, p_role text,
    p_password_hash text, p_verifier text) RETURNS bigint LANGUAGE plpgsql {head} AS $f$
DECLARE v_id bigint; v_group text := {group_case};
BEGIN
    {deny_admin}
    IF v_group IS NULL THEN RAISE EXCEPTION 'Unknown role %', p_role USING ERRCODE = 'check_violation'; END IF;
    IF EXISTS (SELECT 1 FROM users WHERE username = p_username) THEN
        RAISE EXCEPTION 'The user name % is taken.', p_username USING ERRCODE = 'unique_violation'; END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username) THEN
        RAISE EXCEPTION 'A database role named % exists already; choose another user name.', p_username
            USING ERRCODE = 'duplicate_object'; END IF;
    INSERT INTO users (username, display_name, role, password_hash, failed_attempts, active, created_at, created_by)
        VALUES (p_username, p_display_name, p_role, p_password_hash, 0, true, clock_timestamp(), session_user)
        RETURNING id INTO v_id;
    IF p_verifier IS NULL THEN EXECUTE format('CREATE ROLE %I LOGIN', p_username);
    ELSE EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_username, p_verifier); END IF;
    EXECUTE format('GRANT %I TO %I', v_group, p_username);
    PERFORM pc_audit_append('account.create', 'user', p_username, p_role);
    RETURN v_id;
END $f$""",
        f"""CREATE OR REPLACE FUNCTION {s}.pc_account_set_role(p_username text, p_role text) RETURNS void
    LANGUAGE plpgsql {head} AS $f$
DECLARE v_user users; v_group text := {group_case};
BEGIN
    {deny_admin}
    IF v_group IS NULL THEN RAISE EXCEPTION 'Unknown role %', p_role USING ERRCODE = 'check_violation'; END IF;
    {user_row}
    IF v_user.role = p_role THEN RETURN; END IF;
    IF p_role <> 'administrator' THEN {last_admin} END IF;
    UPDATE users SET role = p_role WHERE id = v_user.id;
    {revoke_groups}
    EXECUTE format('GRANT %I TO %I', v_group, p_username);
    DELETE FROM auth_sessions WHERE user_id = v_user.id;
    PERFORM pc_audit_append('account.role', 'user', p_username, v_user.role || ' -> ' || p_role);
END $f$""",
        f"""CREATE OR REPLACE FUNCTION {s}.pc_account_set_active(p_username text, p_active boolean) RETURNS void
    LANGUAGE plpgsql {head} AS $f$
DECLARE v_user users;
BEGIN
    {deny_admin}
    {user_row}
    IF NOT p_active THEN
        {last_admin}
        DELETE FROM auth_sessions WHERE user_id = v_user.id;
        UPDATE users SET active = false WHERE id = v_user.id;
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_username);
    ELSE
        UPDATE users SET active = true, failed_attempts = 0, locked_until = NULL WHERE id = v_user.id;
        EXECUTE format('ALTER ROLE %I LOGIN', p_username);
    END IF;
    PERFORM pc_audit_append(CASE WHEN p_active THEN 'account.enable' ELSE 'account.disable' END,
                            'user', p_username, '');
END $f$""",
        simple("pc_account_unlock", "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = v_user.id;",
               "account.unlock"),
        simple("pc_account_reset_totp", "UPDATE users SET totp_secret = NULL, totp_last_step = NULL WHERE id = v_user.id; "
               "DELETE FROM auth_sessions WHERE user_id = v_user.id;", "account.totp_reset"),
        f"""CREATE OR REPLACE FUNCTION {s}.pc_account_set_password(p_username text, p_password_hash text,
    p_verifier text) RETURNS void LANGUAGE plpgsql {head} AS $f$
DECLARE v_user users; v_own boolean := p_username = session_user::text;
BEGIN
    IF NOT v_own THEN {deny_admin} END IF;
    {user_row}
    UPDATE users SET password_hash = p_password_hash, password_changed_at = clock_timestamp(),
        failed_attempts = 0, locked_until = NULL WHERE id = v_user.id;
    IF p_verifier IS NOT NULL THEN EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_verifier); END IF;
    IF NOT v_own THEN DELETE FROM auth_sessions WHERE user_id = v_user.id; END IF;
    PERFORM pc_audit_append(CASE WHEN v_own THEN 'account.password' ELSE 'account.password_reset' END,
                            'user', p_username, '');
END $f$""",
    ]


FUNCTIONS = {  # name: (argument types, who may EXECUTE: None = every group)
    "pc_audit_append": ("text, text, text, text", None),
    "pc_account_create": ("text, text, text, text, text", (Role.ADMINISTRATOR,)),
    "pc_account_set_role": ("text, text", (Role.ADMINISTRATOR,)),
    "pc_account_set_active": ("text, boolean", (Role.ADMINISTRATOR,)),
    "pc_account_unlock": ("text", (Role.ADMINISTRATOR,)),
    "pc_account_reset_totp": ("text", (Role.ADMINISTRATOR,)),
    "pc_account_set_password": ("text, text, text", None),  # one's own; others' need administrator (checked inside)
    "pc_require_audit": ("", ()),
    "pc_audit_log_append_only": ("", ()),
}


def _policies(r: ServerRoles) -> list[str]:
    s = _q(r.schema)
    member = lambda role: f"pg_has_role(session_user, {_lit(r.group(role))}, 'MEMBER')"  # noqa: E731
    sees_all = " OR ".join(member(x) for x in (Role.ADMINISTRATOR, Role.DPO, Role.AUDITOR))
    own_user = "user_id IN (SELECT id FROM users WHERE username = session_user)"
    free_key = (f"(key <> 'audit.head' AND key NOT LIKE 'server.%' "
                f"AND (key NOT LIKE 'security.%' OR {member(Role.ADMINISTRATOR)}))")
    groups = ", ".join(_q(g) for g in r.groups)
    out = []
    for table, policies in {
        "users": [("pc_users_read", "SELECT", f"USING (username = session_user OR {sees_all})"),
                  ("pc_users_self", "UPDATE", "USING (username = session_user) WITH CHECK (username = session_user)")],
        "auth_sessions": [("pc_sessions_own", "ALL", f"USING ({own_user}) WITH CHECK ({own_user})")],
        "settings": [("pc_settings_read", "SELECT", "USING (true)"),
                     ("pc_settings_add", "INSERT", f"WITH CHECK {free_key}"),
                     ("pc_settings_change", "UPDATE", f"USING {free_key} WITH CHECK {free_key}"),
                     ("pc_settings_remove", "DELETE", f"USING {free_key}")],
    }.items():
        out.append(f"ALTER TABLE {s}.{_q(table)} ENABLE ROW LEVEL SECURITY")
        for name, cmd, clause in policies:
            out.append(f"DROP POLICY IF EXISTS {_q(name)} ON {s}.{_q(table)}")
            out.append(f"CREATE POLICY {_q(name)} ON {s}.{_q(table)} FOR {cmd} TO {groups} {clause}")
    return out


def _grants(r: ServerRoles, tables: list[str], user_columns: set[str]) -> list[str]:
    s = _q(r.schema)
    g = {role: _q(r.group(role)) for role in STAFF_ROLES}
    every = ", ".join(g.values())
    out = []
    for t in tables:
        out.append(f"GRANT SELECT ON {s}.{_q(t)} TO {', '.join(g[x] for x in _AUDIT_READERS)}"
                   if t == "audit_log" else f"GRANT SELECT ON {s}.{_q(t)} TO {every}")
        if t in _SPECIAL:
            continue
        writers = _INCIDENT_WRITERS if t in _INCIDENT_TABLES else _WORK_WRITERS
        out.append(f"GRANT INSERT, UPDATE, DELETE ON {s}.{_q(t)} TO {', '.join(g[x] for x in writers)}")
    out += [
        f"GRANT UPDATE ({', '.join(c for c in _SELF_COLUMNS if c in user_columns)}) ON {s}.users TO {every}",
        f"GRANT INSERT, UPDATE, DELETE ON {s}.auth_sessions TO {every}",
        *([f"GRANT INSERT ON {s}.audit_checkpoints TO {every}"]  # sealed by a workstation's key; never changed
          if "audit_checkpoints" in tables else []),
        f"GRANT INSERT, UPDATE, DELETE ON {s}.settings TO {', '.join(g[x] for x in _WORK_WRITERS)}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {every}",
    ]
    return out


def _triggers(r: ServerRoles) -> list[str]:
    s = _q(r.schema)
    out = [
        f"DROP TRIGGER IF EXISTS audit_log_append_only ON {s}.audit_log",
        f"CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON {s}.audit_log "
        f"FOR EACH ROW EXECUTE FUNCTION {s}.pc_audit_log_append_only()",
        f"DROP TRIGGER IF EXISTS audit_log_no_truncate ON {s}.audit_log",
        f"CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON {s}.audit_log "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {s}.pc_audit_log_append_only()",
    ]
    for t in AUDITED_TABLES:
        name = _q(f"pc_{t}_audited")
        out += [f"DROP TRIGGER IF EXISTS {name} ON {s}.{_q(t)}",
                f"CREATE CONSTRAINT TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {s}.{_q(t)} "
                f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {s}.pc_require_audit()"]
    return out


def _function_rights(r: ServerRoles) -> list[str]:
    s = _q(r.schema)
    out = []
    for name, (args, who) in FUNCTIONS.items():
        sig = f"{s}.{name}({args})"
        out += [f"ALTER FUNCTION {sig} OWNER TO {_q(r.owner)}", f"REVOKE ALL ON FUNCTION {sig} FROM PUBLIC"]
        grantees = r.groups if who is None else [r.group(x) for x in who]
        if grantees:
            out.append(f"GRANT EXECUTE ON FUNCTION {sig} TO {', '.join(_q(x) for x in grantees)}")
    return out


# --- setting up -----------------------------------------------------------------------------


def _facts(conn: Connection) -> dict[str, Any]:
    row = conn.execute(text(
        "SELECT current_database() AS db, current_schema() AS schema, current_user AS me, "
        "r.rolsuper AS superuser, r.rolcreaterole AS createrole, "
        "pg_has_role(current_user, d.datdba, 'MEMBER') AS db_owner, "
        "to_regclass('audit_log') IS NOT NULL AS has_schema "
        "FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()"
    )).mappings().one()
    return dict(row)


def _is_member(conn: Connection, role: str) -> bool:
    return bool(conn.execute(text("SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = :r"),
                             {"r": role}).scalar())


def require_owner(conn: Connection, roles: ServerRoles | None, what: str) -> None:
    """Refuse (one line) anyone but the database owner: the owner role's members once set up,
    else the owner of the database (or a superuser)."""
    facts = _facts(conn)
    if roles is not None:
        if not _is_member(conn, roles.owner):
            raise PermissionDenied(f"{what} is for the database owner: {facts['me']} is not a member of {roles.owner}.")
        return
    if not (facts["superuser"] or facts["db_owner"]):
        raise PermissionDenied(f"{what} is for the database owner: {facts['me']} does not own {facts['db']}.")


def _exists(conn: Connection, role: str) -> bool:
    return conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is not None


def _columns(conn: Connection, schema: str, table: str) -> set[str]:
    return {r[0] for r in conn.execute(text(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = :s AND table_name = :t"),
        {"s": schema, "t": table})}


def _tables(conn: Connection, schema: str) -> list[str]:
    return [r[0] for r in conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"), {"s": schema})]


def setup_server(conn: Connection, prefix: str | None = None) -> SetupReport:
    """Install roles, grants, policies, functions and triggers, in the caller's transaction."""
    facts = _facts(conn)
    current = installed(conn)
    if not facts["has_schema"]:
        raise ValidationError("This database has no tables yet; run 'privacy-console db upgrade' first.")
    require_owner(conn, current, "db setup-server")
    if current is None and not (facts["superuser"] or facts["createrole"]):
        raise PermissionDenied(f"db setup-server creates roles: {facts['me']} may not (needs CREATEROLE).")
    if current is not None and prefix not in (None, current.prefix):
        raise ValidationError(f"This database was set up with the role prefix {current.prefix!r}; keep it.")
    roles = current or ServerRoles(check_prefix(prefix or default_prefix(facts["db"])), facts["schema"])
    stmts: list[str] = []
    if not _exists(conn, roles.owner):
        stmts.append(f"CREATE ROLE {_q(roles.owner)} NOLOGIN CREATEROLE")
    if not facts["superuser"]:
        stmts.append(f"GRANT {_q(roles.owner)} TO {_q(facts['me'])}")
    stmts += [f"CREATE ROLE {_q(g)} NOLOGIN" for g in roles.groups if not _exists(conn, g)]
    s = _q(roles.schema)
    tables = _tables(conn, roles.schema)
    stmts += [f"GRANT CONNECT ON DATABASE {_q(facts['db'])} TO {', '.join(_q(g) for g in roles.groups)}",
              f"GRANT USAGE ON SCHEMA {s} TO {', '.join(_q(g) for g in roles.groups)}",
              f"GRANT USAGE, CREATE ON SCHEMA {s} TO {_q(roles.owner)}"]
    stmts += [f"ALTER TABLE {s}.{_q(t)} OWNER TO {_q(roles.owner)}" for t in tables]
    revoked = sorted({r[0] for r in conn.execute(text(
        "SELECT grantee FROM information_schema.role_table_grants WHERE table_schema = :s "
        "AND grantee <> ALL(:keep) AND grantee NOT IN (SELECT rolname FROM pg_roles WHERE rolsuper)"),
        {"s": roles.schema, "keep": [roles.owner, *roles.groups, facts["me"]]})})
    stmts += [f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {_q(g)}" for g in revoked if g != "PUBLIC"]
    stmts += [f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC",
              f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC"]
    stmts += _functions(roles) + _function_rights(roles) + _grants(roles, tables, _columns(conn, roles.schema, "users")) + _policies(roles) + _triggers(roles)
    for stmt in stmts:
        conn.exec_driver_sql(stmt.replace("%", "%%"))
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {s}.audit_log_append_only()")  # what 'audit protect' installed
    logins, skipped = _logins_for_accounts(conn, roles)
    conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, CAST(:v AS json)) ON CONFLICT (key) DO UPDATE "
                      "SET value = EXCLUDED.value"),
                 {"k": SETUP_KEY, "v": json.dumps({"prefix": roles.prefix, "schema": roles.schema, "version": 1})})
    conn.execute(text("SELECT pc_audit_append('server.setup', 'database', :db, :d)"),
                 {"db": facts["db"], "d": f"role prefix {roles.prefix}; {len(stmts)} statements"})
    record_fingerprint(conn, roles)
    return SetupReport(roles, len(stmts), logins, skipped, [g for g in revoked if g != "PUBLIC"])


def _logins_for_accounts(conn: Connection, roles: ServerRoles) -> tuple[list[str], list[str]]:
    """Each existing account gets its login role (no password until one is set) in its group."""
    made, skipped = [], []
    for username, role, active in conn.execute(text("SELECT username, role, active FROM users ORDER BY username")):
        found = conn.execute(text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :r"),
                             {"r": username}).first()
        if found is not None and found[0] or username in (roles.owner, *roles.groups):
            skipped.append(username)
            continue
        if found is None:
            conn.exec_driver_sql(f"CREATE ROLE {_q(username)} {'LOGIN' if active else 'NOLOGIN'}")
        for g in roles.groups:
            if g != roles.group(role):
                conn.exec_driver_sql(f"REVOKE {_q(g)} FROM {_q(username)}")
        conn.exec_driver_sql(f"GRANT {_q(roles.group(role))} TO {_q(username)}")
        made.append(username)
    return made, skipped


# --- what is installed, and whether it still is -------------------------------------------


def fingerprint(conn: Connection, roles: ServerRoles) -> dict[str, str]:
    """A hash per grant, policy, trigger, function and role attribute that setup installs."""
    params = {"s": roles.schema, "roles": [roles.owner, *roles.groups]}
    items: dict[str, Any] = {}
    for name, owner, acl, rls, force in conn.execute(text(
            "SELECT c.relname, pg_get_userbyid(c.relowner), c.relacl::text[], c.relrowsecurity, c.relforcerowsecurity "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :s AND c.relkind IN ('r', 'S', 'p')"), params):
        items[f"grants on {name}"] = [owner, sorted(acl or []), rls, force]
    for table, column, acl in conn.execute(text(
            "SELECT c.relname, a.attname, a.attacl::text[] FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s AND a.attacl IS NOT NULL"), params):
        items[f"grants on column {table}.{column}"] = sorted(acl)
    for table, name, row in conn.execute(text(
            "SELECT tablename, policyname, row_to_json(p)::text FROM pg_policies p WHERE schemaname = :s"), params):
        items[f"policy {name} on {table}"] = row
    for table, name, definition, enabled in conn.execute(text(
            "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :s AND NOT t.tgisinternal"), params):
        items[f"trigger {name} on {table}"] = [definition, enabled]
    for sig, definition, owner, acl in conn.execute(text(
            "SELECT p.oid::regprocedure::text, pg_get_functiondef(p.oid), pg_get_userbyid(p.proowner), "
            "p.proacl::text[] FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = :s AND p.prokind = 'f' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"), params):
        items[f"function {sig}"] = [definition, owner, sorted(acl or [])]
    for name, attrs, member_of in conn.execute(text(
            "SELECT r.rolname, ARRAY[r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin, "
            "r.rolreplication, r.rolbypassrls], ARRAY(SELECT g.rolname FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid ORDER BY 1) "
            "FROM pg_roles r WHERE r.rolname = ANY(:roles)"), params):
        items[f"role {name}"] = [attrs, member_of]
    for (members,) in conn.execute(text(
            "SELECT ARRAY(SELECT pg_get_userbyid(m.member) FROM pg_auth_members m JOIN pg_roles o ON o.oid = m.roleid "
            "WHERE o.rolname = :o ORDER BY 1)"), {"o": roles.owner}):
        items[f"members of {roles.owner}"] = members
    return {k: hashlib.sha256(json.dumps(v, sort_keys=True, default=str).encode()).hexdigest()
            for k, v in sorted(items.items())}


def record_fingerprint(conn: Connection, roles: ServerRoles) -> None:
    conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, CAST(:v AS json)) ON CONFLICT (key) DO UPDATE "
                      "SET value = EXCLUDED.value"), {"k": FINGERPRINT_KEY, "v": json.dumps(fingerprint(conn, roles))})


def differences(session: Session) -> list[str]:
    """What differs from the grants, policies, triggers and functions recorded at setup."""
    roles = installed(session)
    if roles is None:
        return []
    row = session.get(Setting, FINGERPRINT_KEY)
    if row is None or not isinstance(row.value, dict):
        return ["the record of the installed grants and functions is missing (deleted)"]
    recorded: dict[str, str] = row.value
    now = fingerprint(session.connection(), roles)
    out = [f"{k}: changed since setup" for k in recorded if k in now and now[k] != recorded[k]]
    out += [f"{k}: missing (dropped since setup)" for k in recorded if k not in now]
    out += [f"{k}: added since setup" for k in now if k not in recorded]
    return out


def _scalar_error(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    diag = getattr(orig, "diag", None)
    return (getattr(diag, "message_primary", None) or str(orig)).strip().splitlines()[0]


def call(session: Session, function: str, **params: Any) -> Any:
    """Run one of the account functions; the database's refusal comes back as a person's message."""
    from sqlalchemy.exc import DBAPIError

    if function not in FUNCTIONS:
        raise ValueError(function)
    args = ", ".join(f":{k}" for k in params)
    try:
        with session.begin_nested():
            return session.execute(text(f"SELECT {function}({args})"), params).scalar()
    except DBAPIError as exc:
        code = getattr(getattr(exc, "orig", None), "sqlstate", "")
        message = _scalar_error(exc)
        if code == "42501":
            raise PermissionDenied(f"The database refused: {message}") from None
        raise ValidationError(message) from None


def login_mismatch(session: Session, username: str) -> str | None:
    """On a set-up server one signs in to the console as the account of one's own login role."""
    roles = installed(session)
    if roles is None:
        return None
    me, owner = session.execute(text("SELECT session_user, pg_has_role(session_user, :o, 'MEMBER')"),
                                {"o": roles.owner}).one()
    name = username.strip().lower()
    if owner or me == name:
        return None
    return (f"You are connected to the database as {me}: sign in as {me}, or connect as {name} "
            f"(privacy-console db login postgresql+psycopg://{name}@HOST/DB).")
