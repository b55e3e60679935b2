"""On the real PostgreSQL server: the database itself enforces the console's roles.

A throwaway database is set up with ``db setup-server``; every staff member connects as their
own login role. Raw psycopg connections as each member show what the server refuses, whatever
the application would have done: writes to the audit trail and its head, direct edits of
accounts and requests, account changes by anyone but an administrator. Roles are cluster-wide,
so every role made here starts with the test's unique prefix and is dropped at the end.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.context import Context
from console.errors import AuthenticationError, PermissionDenied
from console.requests import commands
from console.security import accounts, audit_trail, auth, server
from console.security.roles import Actor, Role
from console.store import migrate
from console.uow import Database
from tests import factories
from tests.console.test_security_helpers import cli, fast_hashes, one_line_error  # noqa: F401

PG = os.environ.get("PRIVACY_CONSOLE_TEST_PG")
pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not PG, reason="PRIVACY_CONSOLE_TEST_PG is not set")]
PASSWORD = "staple-battery-horse-correct-71"
ROLES = ("administrator", "dpo", "analyst", "auditor")


@dataclass
class Server:
    prefix: str
    owner_url: str  # the database owner (here the test server's superuser)
    tmp: Path

    def user(self, role: str) -> str:
        return f"{self.prefix}.{role}"

    def url(self, role: str) -> str:
        return make_url(self.owner_url).set(username=self.user(role)).render_as_string(hide_password=False)

    def raw(self, role: str) -> psycopg.Connection:
        u = make_url(self.url(role))
        return psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=u.username, autocommit=True)

    def ctx(self, role: str, catalogue, acting_as: Role | None = None) -> Context:  # type: ignore[no-untyped-def]
        return Context(Database(self.url(role)), catalogue, Actor(self.user(role), acting_as or Role(role)))


@pytest.fixture
def pg_server(tmp_path: Path, catalogue, fast_hashes, request) -> Iterator[Server]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A set-up server with an account per role; parametrised with a revision, set up at that one."""
    assert PG
    revision = getattr(request, "param", None)
    prefix = f"pct{uuid.uuid4().hex[:8]}"
    name = f"{prefix}_db"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    srv = Server(prefix, make_url(PG).set(database=name).render_as_string(hide_password=False), tmp_path)
    try:
        owner_db = Database(srv.owner_url, upgrade=revision is None)  # the owner makes the schema, the first administrator
        if revision is not None:
            cfg = migrate.alembic_config()
            with owner_db.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
        if revision is None:
            accounts.enable_sign_in(owner_db, srv.user("administrator"), "Admin", PASSWORD, by="owner.person")
        else:  # the models are newer than this schema: the first administrator by plain SQL
            with owner_db.engine.begin() as conn:
                conn.execute(text("INSERT INTO users (username, display_name, role, password_hash, failed_attempts, "
                                  "active, created_at) VALUES (:u, 'Admin', 'administrator', 'x', 0, true, now())"),
                             {"u": srv.user("administrator")})
        if revision is None:
            out = cli("db", "setup-server", "--prefix", prefix, db=srv.owner_url, keyring_file=tmp_path / "k.json")
            assert out.returncode == 0, out.stderr
            assert f"tables and functions owned by {prefix}_owner" in out.stdout
        else:
            with owner_db.engine.begin() as conn:
                server.setup_server(conn, prefix)
        owner_db.dispose()
        for role in ROLES[1:]:
            if revision is None:
                admin_ctx = srv.ctx("administrator", catalogue)
                accounts.create_account(admin_ctx, srv.user(role), role.upper(), role, PASSWORD)
                admin_ctx.db.dispose()
            else:
                with srv.raw("administrator") as conn:
                    conn.execute("SELECT pc_account_create(%s, %s, %s, 'x', NULL)", [srv.user(role), role, role])
        yield srv
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            made = [r[0] for r in conn.execute(text(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname LIKE '%\\_owner', "
                "rolname LIKE '%.%' DESC"), {"p": prefix + "%"})]
            for role in made:
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _try(srv: Server, role: str, *statements: str) -> str:
    """Run ``statements`` in one transaction as ``role``'s own login; what the server said."""
    with srv.raw(role) as conn:
        unchanged = False
        try:
            with conn.transaction():
                for stmt in statements:
                    unchanged |= conn.execute(stmt).rowcount == 0  # type: ignore[arg-type]
        except psycopg.Error as exc:
            return f"refused ({exc.sqlstate}): {str(exc).splitlines()[0]}"
    return "no row changed: row-level security hides the row from this role" if unchanged else "ALLOWED"


def _add_request(ctx: Context) -> str:
    return factories.add_request(ctx, name="Grant Test", email="grant@example.org")


def test_analyst_role_is_refused_by_the_database(pg_server: Server, catalogue) -> None:  # type: ignore[no-untyped-def]
    analyst = pg_server.ctx("analyst", catalogue)
    ref = _add_request(analyst)  # the console works as the analyst's own login role
    commands.advance(analyst, ref)
    analyst.db.dispose()
    for stmt, why in (
        ("INSERT INTO users (username, display_name, role, failed_attempts, active, created_at) "
         "VALUES ('mallory', 'M', 'administrator', 0, true, now())", "permission denied for table users"),
        ("UPDATE requests SET status = 'completed'", "UPDATE on requests without an audit entry is refused"),
        ("INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail, prev_hash, hash) "
         "VALUES (99, now(), 'x', 'x', '', '', '', 'x', 'x')", "permission denied for table audit_log"),
        ("DELETE FROM audit_log", "permission denied for table audit_log"),
    ):
        assert why in _try(pg_server, "analyst", stmt), stmt
    assert "permission denied for function pc_account_create" in _try(
        pg_server, "analyst", "SELECT pc_account_create('mallory', 'M', 'administrator', 'x', NULL)")


def test_dpo_cannot_change_accounts_administrator_can_and_it_is_audited(pg_server: Server, catalogue) -> None:  # type: ignore[no-untyped-def]
    dpo = pg_server.user("dpo")
    for stmt in ("SELECT pc_account_create('mallory', 'M', 'administrator', 'x', NULL)",
                 f"SELECT pc_account_set_role('{dpo}', 'administrator')",
                 f"UPDATE users SET role = 'administrator' WHERE username = '{dpo}'",
                 f"UPDATE users SET active = false WHERE username = '{pg_server.user('analyst')}'"):
        assert "refused (42501)" in _try(pg_server, "dpo", stmt), stmt
    assert "only an administrator may manage accounts" in _try(
        pg_server, "dpo", f"SELECT pc_account_set_password('{pg_server.user('analyst')}', 'x', NULL)")
    # The application as the DPO refuses first; even told it is an administrator, the server refuses.
    forged = pg_server.ctx("dpo", catalogue, acting_as=Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied, match="permission denied for function pc_account_set_role"):
        accounts.change_role(forged, pg_server.user("analyst"), "administrator")
    forged.db.dispose()

    admin = pg_server.ctx("administrator", catalogue)
    analyst = pg_server.user("analyst")
    accounts.change_role(admin, analyst, "auditor")
    accounts.disable_account(admin, analyst)
    accounts.enable_account(admin, analyst)
    accounts.set_password(admin, analyst, "another-long-pass-phrase-42")
    created = accounts.create_account(admin, f"{pg_server.prefix}.new", "New", "analyst", PASSWORD)
    assert created.role == "analyst" and created.active
    rows = audit_trail.list_audit(admin, audit_trail.AuditFilter(action="account.")).rows
    assert [(r.actor, r.action, r.target_id) for r in rows][:5] == [
        (pg_server.user("administrator"), "account.create", f"{pg_server.prefix}.new"),
        (pg_server.user("administrator"), "account.password_reset", analyst),
        (pg_server.user("administrator"), "account.enable", analyst),
        (pg_server.user("administrator"), "account.disable", analyst),
        (pg_server.user("administrator"), "account.role", analyst)]
    superuser = create_engine(pg_server.owner_url)
    with superuser.connect() as conn:
        member_of = conn.execute(text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :u"), {"u": analyst}).scalars().all()
        stored = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :u"), {"u": analyst}).scalar()
    superuser.dispose()
    assert member_of == [f"{pg_server.prefix}_auditor"]  # the login role follows the account's role
    salt = stored.split("$")[1].split(":")[1]  # the verifier the server keeps matches the new password
    assert server.scram_verifier("another-long-pass-phrase-42", salt=base64.b64decode(salt)) == stored
    accounts.unlock_account(admin, analyst)
    assert not accounts.reset_second_factor(admin, analyst).second_factor
    assert [r.action for r in audit_trail.list_audit(admin, limit=2).rows] == ["account.totp_reset", "account.unlock"]
    report = audit_trail.verify_audit(admin)
    assert report.ok and report.server_checked, (report.problems, report.server)
    admin.db.dispose()


@dataclass(frozen=True)
class Edit:
    name: str
    statements: tuple[str, ...]


def _edits(srv: Server, role: str) -> list[Edit]:
    me = srv.user(role)
    forged = ("INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail, prev_hash, hash) "
              "SELECT max(id) + 1, now(), 'x', 'x', '', '', '', max(hash), 'x' FROM audit_log")
    return [
        Edit("forged append (INSERT INTO audit_log)", (forged,)),
        Edit("forged append and head rewritten", (forged, "UPDATE settings SET value = '{\"id\": 99, \"hash\": \"x\"}' "
                                                          "WHERE key = 'audit.head'")),
        Edit("audit table and head deleted", ("DELETE FROM audit_log", "DELETE FROM settings WHERE key = 'audit.head'")),
        Edit("chain head alone rewritten", ("UPDATE settings SET value = json_build_object('id', 1, 'hash', 'x') "
                                            "WHERE key = 'audit.head'",)),
        Edit("chain head alone deleted", ("DELETE FROM settings WHERE key = 'audit.head'",)),
        Edit("TRUNCATE audit_log", ("TRUNCATE audit_log",)),
        Edit("re-chained edit (UPDATE detail and hash)", ("UPDATE audit_log SET detail = 'x', hash = 'y' WHERE id = 2",)),
        Edit("tail cut, head moved back", ("DELETE FROM audit_log WHERE id > 2",
                                          "UPDATE settings SET value = '{\"id\": 2, \"hash\": \"x\"}' WHERE key = 'audit.head'")),
        Edit("role flipped in users", (f"UPDATE users SET role = 'administrator' WHERE username = '{me}'",)),
        Edit("sign-in flag (active) flipped in users", ("UPDATE users SET active = true",)),
        Edit("sign-in setting flipped", ("UPDATE settings SET value = 'false' WHERE key = 'security.sign_in_required'",)),
        Edit("account inserted into users", (
            "INSERT INTO users (username, display_name, role, failed_attempts, active, created_at) "
            "VALUES ('mallory', 'M', 'administrator', 0, true, now())",)),
        Edit("request edited directly", ("UPDATE requests SET subject_name = 'x', status = 'completed'",)),
        Edit("request deleted directly", ("DELETE FROM requests",)),
    ]


def test_direct_edits_are_refused_for_every_desktop_role(pg_server: Server, catalogue, capsys) -> None:  # type: ignore[no-untyped-def]
    dpo = pg_server.ctx("dpo", catalogue)
    _add_request(dpo)
    dpo.db.dispose()
    table = []
    for role in ROLES:
        for edit in _edits(pg_server, role):
            outcome = _try(pg_server, role, *edit.statements)
            table.append((edit.name, role, outcome))
    with capsys.disabled():
        print("\n| direct edit | as | what happened |\n|---|---|---|")
        for name, role, outcome in table:
            print(f"| {name} | {role} | {outcome} |")
    allowed = [(n, r) for n, r, o in table if o == "ALLOWED"]
    assert not allowed, allowed
    auditor = pg_server.ctx("auditor", catalogue)
    report = audit_trail.verify_audit(auditor)
    assert report.ok and report.entries >= 5, (report.problems, report.server)
    auditor.db.dispose()


def test_server_chain_matches_the_application_format(pg_server: Server, catalogue) -> None:  # type: ignore[no-untyped-def]
    """Entries computed by the server (quotes, newline, non-ASCII, control characters) verify in Python."""
    with pg_server.raw("auditor") as conn:
        conn.execute("SELECT pc_audit_append('note', 'x', 'Łódź \"q\"', %s)", ["line\nbreak\t\x01 — ✓ \\ '"])
    auditor = pg_server.ctx("auditor", catalogue)
    report = audit_trail.verify_audit(auditor)
    assert report.ok, report.problems
    newest = audit_trail.list_audit(auditor, limit=1).rows[0]
    assert (newest.actor, newest.action, newest.detail) == (pg_server.user("auditor"), "note", "line\nbreak\t\x01 — ✓ \\ '")
    auditor.db.dispose()


def test_verify_names_changed_grants_and_functions(pg_server: Server, catalogue) -> None:  # type: ignore[no-untyped-def]
    owner = create_engine(pg_server.owner_url)
    with owner.begin() as conn:
        conn.execute(text(f'GRANT INSERT ON audit_log TO "{pg_server.prefix}_analyst"'))
        conn.execute(text('DROP POLICY pc_settings_change ON settings'))
        conn.execute(text("CREATE OR REPLACE FUNCTION pc_account_unlock(p_username text) RETURNS void "
                          "LANGUAGE sql SECURITY DEFINER AS 'SELECT NULL'"))
    owner.dispose()
    auditor = pg_server.ctx("auditor", catalogue)
    report = audit_trail.verify_audit(auditor)
    assert not report.ok and not report.problems
    assert "grants on audit_log: changed since setup" in report.server
    assert "policy pc_settings_change on settings: missing (dropped since setup)" in report.server
    assert "function pc_account_unlock(text): changed since setup" in report.server
    auditor.db.dispose()
    out = cli("audit", "verify", db=pg_server.url("auditor"), keyring_file=pg_server.tmp / "k.json",
              env={"PRIVACY_CONSOLE_SESSION": _session(pg_server, catalogue, "auditor")})
    assert out.returncode == 12, out.stderr
    assert "server: grants on audit_log: changed since setup" in out.stdout


def _session(srv: Server, catalogue, role: str) -> str:  # type: ignore[no-untyped-def]
    db = Database(srv.url(role))
    token = auth.sign_in(db, srv.user(role), PASSWORD).token
    db.dispose()
    return token


def test_setup_and_upgrade_refuse_anyone_but_the_owner(pg_server: Server, catalogue) -> None:  # type: ignore[no-untyped-def]
    keys = pg_server.tmp / "k.json"
    for args in (("db", "setup-server"), ("db", "upgrade"), ("audit", "protect")):
        line = one_line_error(cli(*args, db=pg_server.url("administrator"), keyring_file=keys))
        assert ("is for the database owner" in line or "db setup-server" in line), line
    assert f"not a member of {pg_server.prefix}_owner" in one_line_error(
        cli("db", "upgrade", db=pg_server.url("analyst"), keyring_file=keys))
    out = cli("db", "setup-server", db=pg_server.owner_url, keyring_file=keys)  # the owner may run it again
    assert out.returncode == 0, out.stderr
    out = cli("audit", "protect", "--check", db=pg_server.owner_url, keyring_file=keys)
    assert out.returncode == 0 and "append-only triggers: in place" in out.stdout, out.stderr
    # Only the owner role (which no desktop uses, and which the triggers stop too) has those rights.
    assert f"roles that can still change audit rows: {pg_server.prefix}_owner\n" in out.stdout
    # Signing in to the console as somebody else's account than one's database role is refused.
    db = Database(pg_server.url("analyst"))
    with pytest.raises(AuthenticationError, match="connected to the database as"):
        auth.sign_in(db, pg_server.user("auditor"), PASSWORD)
    assert auth.sign_in(db, pg_server.user("analyst"), PASSWORD).actor.role == Role.ANALYST
    db.dispose()


@pytest.mark.parametrize("pg_server", ["0008_totp_encrypted"], indirect=True)  # before restriction_records and seals
def test_upgrade_by_the_owner_runs_as_the_owner_role_and_grants_new_tables(pg_server: Server, catalogue) -> None:  # type: ignore[no-untyped-def]
    """Migrations after setup: a new table belongs to the owner role and gets the groups' grants."""
    keys = pg_server.tmp / "k.json"
    line = one_line_error(cli("db", "upgrade", db=pg_server.url("administrator"), keyring_file=keys))
    assert f"not a member of {pg_server.prefix}_owner" in line
    with pytest.raises(PermissionDenied, match="is for the database owner"):
        Database(pg_server.url("dpo"))  # a desktop opening a database behind the app does not migrate it
    out = cli("db", "upgrade", db=pg_server.owner_url, keyring_file=keys)
    assert out.returncode == 0 and f"-> {migrate.head_revision()}" in out.stdout, out.stderr
    owner = create_engine(pg_server.owner_url)
    with owner.connect() as conn:
        assert conn.execute(text("SELECT tableowner FROM pg_tables WHERE tablename = 'restriction_records'")).scalar() \
            == f"{pg_server.prefix}_owner"
    owner.dispose()
    assert "refused" not in _try(pg_server, "dpo", "SELECT count(*) FROM restriction_records")
    assert "permission denied" in _try(pg_server, "auditor", "DELETE FROM restriction_records")
    auditor = pg_server.ctx("auditor", catalogue)
    report = audit_trail.verify_audit(auditor)
    assert report.ok, (report.problems, report.server)  # the owner's upgrade renewed the fingerprint
    auditor.db.dispose()
