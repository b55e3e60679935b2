"""The statements of the former single application role (docs/postgres-grants.sql).

On PostgreSQL, ``db setup-server`` now installs per-role grants, the audit function and the
append-only triggers; tests/console/test_server_roles.py shows what the server refuses.
"""

from __future__ import annotations

from console.security import protect
from tests.console.test_security_helpers import ROOT


def test_grants_document_matches_what_the_command_runs() -> None:
    doc = (ROOT / "docs" / "postgres-grants.sql").read_text()
    for stmt in protect.postgres_sql("privacy_console_app", "privacy_console", "privacy_console_owner"):
        assert stmt + ";" in doc, stmt
