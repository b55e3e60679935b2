"""On the real PostgreSQL server: the application role cannot update or delete audit rows.

`privacy-console audit protect` (run as the schema owner) creates the application role's
grants and the append-only triggers; the console then works as that role, its audit entries
are written, and UPDATE, DELETE and TRUNCATE of audit rows fail, for the owner too (trigger).
A throwaway database and role are made for the test, so the shared test database keeps no
trigger that would stop the other tests' TRUNCATE between tests.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from console.context import Context
from console.requests import commands
from console.security import audit_trail, protect
from console.security.roles import Actor, Role
from console.store.uow import Database
from tests.console.test_security_helpers import ROOT, cli

PG = os.environ.get("PRIVACY_CONSOLE_TEST_PG")
needs_pg = pytest.mark.skipif(not PG, reason="PRIVACY_CONSOLE_TEST_PG is not set")


@pytest.fixture
def protected(tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """(owner URL, application URL, role name) of a fresh database with the protections applied."""
    assert PG
    suffix = uuid.uuid4().hex[:8]
    name, role = f"pc_protect_{suffix}", f"pc_app_{suffix}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    owner_url = make_url(PG).set(database=name).render_as_string(hide_password=False)
    app_url = make_url(owner_url).set(username=role).render_as_string(hide_password=False)
    Database(owner_url).dispose()  # the owner creates the schema
    out = cli("audit", "protect", "--app-role", role, "--create-role", db=owner_url, keyring_file=tmp_path / "k.json")
    assert out.returncode == 0, out.stderr
    assert "append-only triggers: in place" in out.stdout
    try:
        yield owner_url, app_url, role
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


def _refused(url: str, stmt: str) -> str:
    engine = create_engine(url)
    try:
        with engine.begin() as conn, pytest.raises(DBAPIError) as err:
            conn.execute(text(stmt))
        return str(err.value.orig)
    finally:
        engine.dispose()


@pytest.mark.postgres
@needs_pg
def test_application_role_works_but_cannot_change_audit_rows(protected, catalogue) -> None:  # type: ignore[no-untyped-def]
    owner_url, app_url, role = protected
    db = Database(app_url)  # the console, connected as the application role
    ctx = Context(db, catalogue, Actor("dpo.person", Role.DPO))
    ref = commands.add_request(ctx, commands.NewRequest(
        right="access", subject_name="Grant Test", subject_email="grant@example.org",
        received_at=ctx.now(), jurisdictions=("EU",))).reference
    commands.advance(ctx, ref)
    assert [r.action for r in audit_trail.list_audit(ctx).rows] == ["request.awaiting_verification", "request.create"]
    db.dispose()

    for stmt in ("UPDATE audit_log SET detail = 'x' WHERE id = 1", "DELETE FROM audit_log WHERE id = 1",
                 "TRUNCATE audit_log"):
        message = _refused(app_url, stmt)
        assert "permission denied" in message, message
    for stmt in ("UPDATE audit_log SET detail = 'x' WHERE id = 1", "DELETE FROM audit_log WHERE id = 2",
                 "TRUNCATE audit_log"):
        message = _refused(owner_url, stmt)  # the owner (here a superuser) is stopped by the trigger
        assert "audit_log is append-only" in message, message
    message = _refused(app_url, "DROP TRIGGER audit_log_append_only ON audit_log")
    assert "must be owner" in message, message

    owner_db = Database(owner_url)
    status = protect.status(owner_db)
    assert status.triggers and role not in status.roles_that_can_change
    report = audit_trail.verify_audit(Context(owner_db, catalogue, Actor("aud", Role.AUDITOR)))
    assert report.ok and report.entries == 2
    owner_db.dispose()


@pytest.mark.postgres
@needs_pg
def test_protect_refuses_the_owner_as_application_role(protected) -> None:  # type: ignore[no-untyped-def]
    owner_url, _, _ = protected
    db = Database(owner_url)
    with pytest.raises(Exception, match="must not be the tables' owner"):
        protect.protect(db, make_url(owner_url).username)
    db.dispose()


def test_grants_document_matches_what_the_command_runs() -> None:
    doc = (ROOT / "docs" / "postgres-grants.sql").read_text()
    for stmt in protect.postgres_sql("privacy_console_app", "privacy_console", "privacy_console_owner"):
        assert stmt + ";" in doc, stmt
