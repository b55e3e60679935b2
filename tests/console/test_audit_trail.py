"""What the audit trail records, and how the Audit view and `audit list/export` read it."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console import verification
from console.context import Context
from console.errors import AuthenticationError, PermissionDenied
from console.requests import access, commands
from console.security import audit_trail, auth, protect
from console.security.audit_trail import AuditFilter
from console.security.roles import Actor, Role
from console.store.base import utcnow
from tests.console.test_security_helpers import (  # noqa: F401
    ROLE_PASSWORDS,
    add_staff,
    cli,
    cli_session,
    fast_hashes,
)
from tests.factories import add_request

pytestmark = pytest.mark.usefixtures("fast_hashes")


def _actions(ctx: Context, **kw: str) -> list[str]:
    return [r.action for r in audit_trail.list_audit(ctx, AuditFilter(**kw), limit=1000).rows]


def test_reads_of_personal_data_changes_and_sign_ins_are_recorded(ctx: Context, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add_staff(ctx)
    ref = add_request(ctx)
    analyst = ctx.as_actor(Actor("ana.user", Role.ANALYST))
    access.open_request(analyst, ref, "queue")
    evidence = tmp_path / "id.txt"
    evidence.write_bytes(b"passport scan")
    verification.check_item(analyst, ref, "government_id", evidence=evidence)
    verification.read_evidence(analyst, ref, "government_id")
    auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    with pytest.raises(AuthenticationError):
        auth.sign_in(ctx.db, "ana.user", "not it at all", clock=clock)
    got = [(r.actor, r.action, r.target_id) for r in reversed(audit_trail.list_audit(ctx, AuditFilter(actor="ana.user")).rows)]
    assert got == [("ana.user", "request.open", ref), ("ana.user", "evidence.add", ref),
                   ("ana.user", "verification.passed", ref), ("ana.user", "evidence.read", ref),
                   ("ana.user", "auth.sign_in", "ana.user"), ("ana.user", "auth.sign_in_failed", "ana.user")]


def test_filters_and_keyset_pages(ctx: Context) -> None:
    refs = [add_request(ctx, name=f"P{i}", email=f"p{i}@example.org") for i in range(7)]
    commands.assign(ctx, refs[3], "jo")
    assert _actions(ctx, target=refs[3]) == ["request.assign", "request.create"]
    assert set(_actions(ctx, action="request.")) == {"request.create", "request.assign"}
    assert _actions(ctx, action="request.create").count("request.create") == 7
    assert _actions(ctx, target=f"request:{refs[0]}") == ["request.create"]
    assert _actions(ctx, actor="nobody") == []
    assert _actions(ctx, since=utcnow() + timedelta(hours=1)) == []
    seen, before = [], None
    while True:
        page = audit_trail.list_audit(ctx, AuditFilter(action="request.create"), before=before, limit=3)
        seen += [r.id for r in page.rows]
        if page.next_before is None:
            break
        before = page.next_before
    assert seen == sorted(seen, reverse=True) and len(seen) == 7
    assert audit_trail.count_audit(ctx, AuditFilter(action="request.*")) >= 7


def test_csv_export_is_complete_safe_for_spreadsheets_and_itself_audited(ctx: Context, tmp_path: Path) -> None:
    ref = add_request(ctx)
    commands.pause(ctx, ref, "=HYPERLINK(\"http://evil\")")  # typed by a person; must not run as a formula
    out = tmp_path / "audit.csv"
    n = audit_trail.export_csv(ctx, out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert n == len(rows) == 2 and rows[0]["action"] == "request.create"
    assert rows[1]["detail"].startswith("'=HYPERLINK")
    assert len(rows[0]["hash"]) == 64 and rows[1]["prev_hash"] == rows[0]["hash"]
    assert _actions(ctx)[0] == "audit.export"
    buf = io.StringIO()
    assert audit_trail.export_csv(ctx, buf, AuditFilter(action="request.pause")) == 1
    assert not list(tmp_path.glob("*.part"))


def test_export_and_list_refused_to_an_analyst(ctx: Context, tmp_path: Path) -> None:
    analyst = ctx.as_actor(Actor("ana", Role.ANALYST))
    with pytest.raises(PermissionDenied):
        audit_trail.export_csv(analyst, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(PermissionDenied):
        audit_trail.list_audit(analyst)


def test_cli_list_json_and_export(ctx: Context, db_url: str, tmp_path: Path) -> None:
    keyring = tmp_path / "k.json"
    cli_session(ctx, keyring)
    ref = add_request(ctx)
    out = cli("audit", "list", "--target", ref, "--json", db=db_url, keyring_file=keyring)
    assert out.returncode == 0, out.stderr
    assert [r["action"] for r in json.loads(out.stdout)["rows"]] == ["request.create"]
    dest = tmp_path / "trail.csv"
    out = cli("audit", "export", "--csv", str(dest), "--action", "request.", db=db_url, keyring_file=keyring)
    assert out.returncode == 0, out.stderr
    assert [r["target_id"] for r in csv.DictReader(dest.open())] == [ref]
    out = cli("audit", "list", "--since", "yesterday", db=db_url, keyring_file=keyring)
    assert out.returncode == 2 and "not a date-time" in out.stderr


def test_sqlite_protect_installs_append_only_triggers(ctx: Context, db_url: str, tmp_path: Path) -> None:
    if ctx.db.dialect != "sqlite":
        pytest.skip("the PostgreSQL protections (db setup-server) are tested in test_server_roles.py")
    add_request(ctx)
    assert not protect.status(ctx.db).triggers
    out = cli("audit", "protect", db=db_url, keyring_file=tmp_path / "k.json")
    assert out.returncode == 0 and "append-only triggers: in place" in out.stdout, out.stderr
    for stmt in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), ctx.db.engine.begin() as conn:
            conn.execute(text(stmt))
    add_request(ctx, name="Second", email="second@example.org")  # appending still works
    assert audit_trail.verify_audit(ctx).ok
