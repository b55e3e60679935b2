"""The record of processing activities and the cookie inventory: catalogue, CLI, signed PDF, CSV."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from console.cli import main
from console.documents.certs import certificate_pem, create_self_signed
from console.documents.finish import Signing
from console.documents.verify import verify_pdf
from console.errors import PolicyError
from console.policy import load_catalogue
from console.policy.records import LEGAL_BASES
from console.processing.export import export_csv, export_pdf, read_csv, record_csv
from console.resources import resource_path
from console.security.audit_trail import list_audit
from tests.console.test_drills import pdf_text


def _copy_catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_show_json_lists_every_activity_and_the_four_cookie_categories(capsys) -> None:
    assert main(["records", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["controller"] == "Miximonster" and len(data["version"]) == 64
    acts = {a["id"]: a for a in data["activities"]}
    assert {"website_operation", "account_management", "payments", "preferences"} <= set(acts)
    for a in acts.values():
        assert a["purposes"] and a["categories"] and a["data_subjects"] and a["security"] and a["source"]
        assert set(a["legal_bases"]) <= set(LEGAL_BASES) and a["retention"]
    assert acts["payments"]["legal_bases"] == ["contract", "legal_obligation"]
    assert "7 years" in acts["payments"]["retention"]
    cookies = {c["id"]: c for c in data["cookie_categories"]}
    assert list(cookies) == ["essential", "functional", "analytics", "performance"]
    assert cookies["essential"]["consent"] is False and all(cookies[c]["consent"] for c in list(cookies)[1:])
    assert all(c["cookies"] and c["functions"] and c["retention"] for c in cookies.values())
    assert {k["party"] for c in cookies.values() for k in c["cookies"]} == {"first", "third"}


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("processing.toml", 'categories = ["transaction"]', 'categories = ["payroll"]',
     "processing.toml: activities[4].categories: 'payroll' is not a data category id"),
    ("processing.toml", 'legal_bases = ["contract"]', 'legal_bases = ["because"]',
     "processing.toml: activities[1].legal_bases: 'because' is not one of consent"),
    ("processing.toml", 'security = ["encryption", "access_control", "backup", "incident_response"]',
     'security = ["moat"]', "processing.toml: activities[3].security: 'moat' is not a security measure id"),
    ("processing.toml", 'transfers = []', 'transfers = ["to-mars"]',
     "processing.toml: activities[0].transfers: 'to-mars' is not a transfer route id"),
    ("cookies.toml", "strictly_necessary = false\nconsent = true", "strictly_necessary = false\nconsent = false",
     "cookies.toml: cookie_categories[1].consent: must be true: the policy promises explicit consent"),
    ("cookies.toml", 'party = "third"', 'party = "fourth"',
     "cookies.toml: cookie_categories[3].cookies[1].party: 'fourth' is not one of first, third"),
])
def test_a_malformed_record_is_refused_naming_file_and_key(tmp_path, capsys, file, old, new, message) -> None:
    folder = _copy_catalogue(tmp_path)
    _edit(folder, file, old, new)
    with pytest.raises(PolicyError, match="^" + re.escape(message)):
        load_catalogue(folder)
    assert main(["records", "show", "--policy", str(folder)]) != 0
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_recipients_are_referred_to_by_id(tmp_path) -> None:
    folder = _copy_catalogue(tmp_path)  # disclosures.toml defines the recipients
    _edit(folder, "processing.toml", 'legal_bases = ["contract", "legal_obligation"]\nlegal_basis_text = '
          '"Contractual necessity and legal obligations, to complete transactions and comply with financial '
          'regulations"\nrecipients = ["payment_providers", "backup_storage", "authorities"]',
          'legal_bases = ["contract", "legal_obligation"]\nlegal_basis_text = "Contract and law"\n'
          'recipients = ["payment_providers"]')
    cat = load_catalogue(folder)
    assert cat.records.activity("payments").recipients == ("payment_providers",)
    _edit(folder, "processing.toml", 'recipients = ["payment_providers"]', 'recipients = ["bank"]')
    with pytest.raises(PolicyError, match=r"activities\[4\]\.recipients: 'bank' is not a recipient id"):
        load_catalogue(folder)


def test_the_signed_pdf_passes_independent_checks_and_is_audited(ctx, tmp_path) -> None:
    p12 = create_self_signed("Ria Patel", "Miximonster", "privacy@miximonster.com", passphrase="pw")
    out = tmp_path / "ropa.pdf"
    done = export_pdf(ctx, Signing(p12, "pw", "Ria Patel", "Dublin"))
    data = done.data
    out.write_bytes(data)
    report = verify_pdf(data, trust_roots=[certificate_pem(p12, "pw")])
    assert report.bottom_line, report.problems
    for tool, args, expect in (("pdfsig", [], "Signature is Valid."), ("qpdf", ["--check"], "No syntax or stream")):
        exe = shutil.which(tool)
        if exe:
            res = subprocess.run([exe, *args, str(out)], capture_output=True, text=True, check=False)
            assert expect in res.stdout, res.stdout + res.stderr
    text = pdf_text(data, tmp_path)
    assert "Record of processing activities (GDPR Art. 30)" in text and done.version in "".join(text.split())
    assert "Payments, billing and financial records" in text and "Cookie inventory" in text
    assert "mm_session" in text and "30 November 2026" in text
    assert "Payment service providers that process payments for us" in text  # the Art. 15 letter's recipient
    entries = list_audit(ctx).rows
    assert entries[0].action == "records.export" and done.version in entries[0].detail


def test_the_csv_round_trips_and_neutralises_formulas(ctx, tmp_path) -> None:
    done = export_csv(ctx)
    rows = read_csv(done.data.decode("utf-8"))
    acts = [r for r in rows if r["kind"] == "activity"]
    assert [r["id"] for r in acts] == [a.id for a in ctx.catalogue.records.activities] and done.activities == len(acts)
    for row, a in zip(acts, ctx.catalogue.records.activities, strict=True):
        assert row["purposes"].split("; ") == list(a.purposes) and row["categories"].split("; ") == list(a.categories)
        assert row["legal_basis"] == a.legal_basis_text
    cookies = [r for r in rows if r["kind"] == "cookie"]
    assert sum(len(c.cookies) for c in ctx.catalogue.records.cookie_categories) == len(cookies)
    folder = _copy_catalogue(tmp_path)
    _edit(folder, "processing.toml", 'title = "Running user accounts"', 'title = "=HYPERLINK(\\"x\\")"')
    text = record_csv(load_catalogue(folder))
    assert "'=HYPERLINK" in text and ',=HYPERLINK' not in text
    assert read_csv(text)[1]["title"] == '=HYPERLINK("x")'


def test_export_cli_prints_the_version_and_refuses_nothing_to_do(ctx, db_url, tmp_path, capsys) -> None:
    assert main(["records", "export", "--db", db_url, "--csv", str(tmp_path / "r.csv"), "--out",
                 str(tmp_path / "r.pdf"), "--no-sign"]) == 0
    out = capsys.readouterr().out
    assert "Catalogue version: sha256 " in out and (tmp_path / "r.pdf").stat().st_size > 0
    assert main(["records", "export", "--db", db_url]) == 2
    assert "--out ropa.pdf and/or --csv ropa.csv" in capsys.readouterr().err


def test_a_consent_withdrawal_letter_lists_what_stopped_continues_and_cannot_be_withdrawn(ctx, tmp_path,
                                                                                         capsys, monkeypatch) -> None:
    from datetime import timedelta

    from console.packages import build_package
    from console.requests import commands, facts
    from console.requests.commands import NewRequest
    from tests.console.test_letter_facts import reading_order
    from tests.console.test_packages_support import verify_identity

    ref = commands.add_request(ctx, NewRequest(
        right="consent_withdrawal", subject_name="Ola Nordmann", subject_email="ola@example.org",
        received_at=ctx.now() - timedelta(days=1), jurisdictions=("EU",))).reference
    monkeypatch.setattr("console.cli.app.context", lambda args: ctx)
    assert main(["records", "withdraw", ref, "--cookie", "analytics"]) != 0
    assert "once identity is confirmed" in capsys.readouterr().err
    verify_identity(ctx, ref)
    assert main(["records", "withdraw", ref, "--cookie", "analytics", "--cookie", "essential",
                 "--activity", "preferences", "--activity", "payments"]) == 0
    out = capsys.readouterr().out
    assert "cookie category essential: cannot be withdrawn" in out
    assert main(["records", "withdraw", ref, "--cookie", "analytics"]) != 0
    assert "already recorded" in capsys.readouterr().err
    assert main(["records", "withdraw", ref, "--cookie", "tracking"]) != 0
    assert "Unknown cookie category 'tracking'" in capsys.readouterr().err
    facts.record_answer(ctx, ref, "We have recorded your withdrawal of consent.", decision="partly_granted")
    result = build_package(ctx, ref, tmp_path / "out", sign=False)
    text = reading_order(Path(result.path) / result.letter)
    assert "Your withdrawal took effect on 30 November 2026" in text
    assert "What we no longer do on the basis of your consent" in text and "Analytics cookies" in text
    assert "What continues on another legal basis" in text
    assert "Marketing and notification preferences: Keeping your notification settings" in text
    assert "What cannot be withdrawn, and why" in text and "strictly necessary" in text
    assert "Payments, billing and financial records: this processing does not rest on consent" in text


def test_a_breach_report_and_a_request_show_the_activities_that_use_their_categories(ctx, clock, tmp_path,
                                                                                      capsys, monkeypatch) -> None:
    from dataclasses import replace
    from datetime import timedelta

    from console.incidents.letters import authority_spec
    from console.incidents.queries import get_incident
    from console.requests import commands
    from console.requests.commands import NewRequest
    from tests.console.test_incidents_documents import _breach

    ref = _breach(ctx, clock, categories=("transaction", "credentials"))
    spec = authority_spec(get_incident(ctx, ref), ctx.catalogue)
    text = repr(spec.blocks)
    assert "Processing activities concerned" in text and "Payments, billing and financial records" in text
    assert "Payment service providers that process payments for us" in text and "7 years" in text
    assert "Running user accounts" not in text
    folder = _copy_catalogue(tmp_path)  # the record changes: the report follows it
    _edit(folder, "processing.toml", 'title = "Payments, billing and financial records"', 'title = "Billing"')
    changed = authority_spec(get_incident(ctx, ref), load_catalogue(folder))
    assert "Billing" in repr(changed.blocks) and "Payments, billing and financial records" not in repr(changed.blocks)
    request = commands.add_request(ctx, NewRequest(
        right="access", subject_name="Ola Nordmann", subject_email="ola@example.org",
        received_at=ctx.now() - timedelta(days=1), jurisdictions=("EU",), categories=("preference",))).reference
    monkeypatch.setattr("console.cli.app.context", lambda args: replace(ctx))
    assert main(["records", "for", "--request", request, "--json"]) == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)["activities"]] == ["preferences"]
    assert main(["records", "for", "--incident", ref]) == 0
    assert "payments: Payments, billing and financial records [transaction]" in capsys.readouterr().out
