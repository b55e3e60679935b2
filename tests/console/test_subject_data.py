"""The subject's data: from an export file, and from a configured company database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console.errors import ValidationError
from console.requests import sources
from console.sample_company import make_sample_company, register_sample_source, sample_queries
from console.store.models import AuditEntry
from tests.factories import add_request

LUCJA = {"name": "Łucja Kowalczyk", "email": "lucja@example.org", "account": "ACC-0000001", "days_ago": 1}


def test_fetch_from_the_sample_company(ctx, tmp_path: Path) -> None:
    ref = add_request(ctx, **LUCJA)
    db = make_sample_company(tmp_path / "company.sqlite3", [("lucja@example.org", "ACC-0000001", "Łucja Kowalczyk"),
                                                            ("other@example.org", None, "Other Person")])
    register_sample_source(ctx, db)
    result = sources.fetch_from_sources(ctx, ref)
    assert result.problems == () and result.records == result.by_source["sample-company"] > 0
    got = sources.records(ctx, ref)
    assert got["account"][0].data["email"] == "lucja@example.org"
    assert {"account", "profile", "usage", "technical", "preference"} <= set(got)
    assert all(r.source == "source:sample-company" for rs in got.values() for r in rs)
    # nobody else's rows came along
    assert all("other@example.org" not in json.dumps(r.data) for rs in got.values() for r in rs)
    # fetching again replaces instead of doubling
    again = sources.fetch_from_sources(ctx, ref)
    assert sum(len(v) for v in sources.records(ctx, ref).values()) == again.records
    with ctx.db.sessions() as s:
        assert s.query(AuditEntry).filter(AuditEntry.action == "data.read").count() == 2


def test_a_broken_source_is_reported_not_fatal(ctx, tmp_path: Path) -> None:
    ref = add_request(ctx, **LUCJA)
    sources.add_source(ctx, "billing", f"sqlite:///{tmp_path / 'missing-dir' / 'x.sqlite3'}",
                       {"transaction": "SELECT * FROM orders WHERE email = :email"})
    result = sources.fetch_from_sources(ctx, ref)
    assert result.records == 0 and result.problems and result.problems[0].startswith("billing:")


def test_source_queries_must_bind_parameters(ctx) -> None:
    with pytest.raises(ValidationError, match=":email or :account_id"):
        sources.add_source(ctx, "bad", "sqlite:///x.sqlite3", {"account": "SELECT * FROM accounts"})
    with pytest.raises(ValidationError, match="Unknown data category"):
        sources.add_source(ctx, "bad", "sqlite:///x.sqlite3", {"secrets": "SELECT 1 WHERE :email"})
    with pytest.raises(ValidationError, match="without a password"):
        sources.add_source(ctx, "bad", "postgresql+psycopg://u:pw@h/db", {"account": "SELECT 1 WHERE :email"})


def test_source_password_lives_in_the_keyring(ctx, memory_keyring) -> None:
    sources.add_source(ctx, "crm", "postgresql+psycopg://crm@127.0.0.1:5432/crm", {"account": "SELECT :email"}, password="s3cret")
    assert memory_keyring.get_password("privacy-console", "source:crm") == "s3cret"
    assert sources.list_sources(ctx)[0].url == "postgresql+psycopg://crm@127.0.0.1:5432/crm"


def test_import_export_files(ctx, tmp_path: Path) -> None:
    ref = add_request(ctx, **LUCJA)
    csv_path = tmp_path / "crm.csv"
    csv_path.write_text("category,field,value\naccount,username,lucja\ncommunication,ticket,Where is my invoice?\n", encoding="utf-8")
    assert sources.import_records(ctx, ref, csv_path) == 2
    json_path = tmp_path / "shop.json"
    json_path.write_text(json.dumps({"transaction": [{"order": "ORD-1", "amount": "9.99"}]}), encoding="utf-8")
    assert sources.import_records(ctx, ref, json_path) == 1
    got = sources.records(ctx, ref)
    assert got["transaction"][0].data == {"order": "ORD-1", "amount": "9.99"}
    bad = tmp_path / "bad.csv"
    bad.write_text("category,x\nsecrets,1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="line 2"):
        sources.import_records(ctx, ref, bad)
    assert sum(len(v) for v in sources.records(ctx, ref).values()) == 3


def test_shipped_queries_cover_the_categories(catalogue) -> None:
    ids = {c.id for c in catalogue.categories}
    assert set(sample_queries()) <= ids
