"""Response packages as the person receives them: real signatures, real PDFs read back as text."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from console.documents import read_manifest
from console.errors import DocumentError
from console.packages import (
    build_package,
    kinds_for,
    list_packages,
    mark_sent,
    preview_pdf,
    verify_package,
)
from console.requests import commands, facts, sources
from console.store.models import AuditEntry, Package, RequestEvent
from tests.console.test_packages_support import (
    NAME,
    TEAM,
    add_request,
    flat,
    pdftotext,
    ready_request,
    record_all_erasures,
    sign_as_org,
    tool,
)


@pytest.fixture
def cert(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    return sign_as_org(ctx, tmp_path, TEAM)


def _letter(result) -> Path:  # type: ignore[no-untyped-def]
    return Path(result.path) / result.letter


# --- the signed access package ----------------------------------------------------------------


def test_access_package_is_signed_valid_and_recorded(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path)
    result = build_package(ctx, ref, tmp_path / "out")
    letter = _letter(result)
    assert sorted(p.name for p in Path(result.path).iterdir()) == [
        letter.name, "manifest.json", "signer-certificate.pem"]

    sig = subprocess.run([tool("pdfsig"), str(letter)], capture_output=True, text=True, check=False).stdout
    assert "Signature Validation: Signature is Valid." in sig, sig
    assert "Total document signed" in sig and "Miximonster Data Protection Team" in sig
    check = subprocess.run([tool("qpdf"), "--check", str(letter)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr

    report = verify_package(result.path, trust_roots=[cert.pem])
    assert report.ok and report.trusted and report.intact and not report.modified_after_signing, report.problems
    assert report.kind == "access" and report.data_manifest_hash == result.data_manifest_hash

    manifest = read_manifest((Path(result.path) / "manifest.json").read_bytes())
    assert manifest.manifest_hash == result.manifest_hash
    assert {e.path for e in manifest.files} == {letter.name, "signer-certificate.pem"}
    (view,) = list_packages(ctx, ref)
    assert (view.kind, view.manifest_hash, view.built_by) == ("access", result.manifest_hash, "alex.morgan")
    assert view.signed_at is not None and "Miximonster Data Protection Team" in (view.signed_by or "")
    assert view.sent_at is None and view.path == result.path
    with ctx.db.sessions() as s:
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "package.build")).endswith(result.manifest_hash)
        assert s.scalar(select(RequestEvent.id).where(RequestEvent.action == "package_built")) is not None


def test_access_letter_holds_every_record_and_the_article_15_information(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path)
    records = sources.records(ctx, ref)
    result = build_package(ctx, ref, tmp_path / "out")
    text = flat(pdftotext(_letter(result)))
    for phrase in ("Your request for access to your personal data", "How we confirmed your identity",
                   "Government-issued identification", "Copies of identity documents are never part",
                   "Usage data", "Transaction data", "Purposes", "Legal basis", "Kept for",
                   "7 years, to comply with financial regulations", "Standard Contractual Clauses",
                   "Your right to complain", "Data Protection Commission (Ireland)", "Page 1 of",
                   result.data_manifest_hash[:32], cert.fingerprint[:20]):
        assert phrase in text, phrase
    for rows in records.values():  # every record is in the letter
        for row in rows:
            for value in row.data.values():
                if isinstance(value, str) and "T" not in value and value:
                    assert " ".join(value.split()) in text, value
    assert result.records == sum(len(v) for v in records.values())


def test_unicode_names_print_correctly(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path)
    extra = tmp_path / "crm.json"
    extra.write_text(json.dumps({"profile": [{"city": "Łódź", "office": "Øresund", "contact": "Jürgen Müller"}]}),
                     encoding="utf-8")
    sources.import_records(ctx, ref, extra)
    text = pdftotext(_letter(build_package(ctx, ref, tmp_path / "out")))
    for name in ("Łódź", "Øresund", "Müller", NAME):
        assert name in text, name


def test_german_letter_for_a_request_in_german(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path, language="de")
    text = flat(pdftotext(_letter(build_package(ctx, ref, tmp_path / "out"))))
    for phrase in ("Ihr Antrag auf Auskunft", "Recht auf Auskunft (Artikel 15 DSGVO)", "Guten Tag Zofia",
                   "Wie wir Ihre Identität bestätigt haben", "Amtlicher Lichtbildausweis", "Nutzungsdaten",
                   "Ihr Recht auf Beschwerde", "Seite 1 von", "Unser Zeichen", "Mit freundlichen Grüßen",
                   "30. November 2026"):
        assert phrase in text, phrase
    assert "Your right to complain" not in text and "Dear " not in text


def test_preview_is_the_same_letter_unsigned_and_marked(ctx, tmp_path: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    pdf = preview_pdf(ctx, ref)
    path = tmp_path / "preview.pdf"
    path.write_bytes(pdf)
    text = flat(pdftotext(path))
    assert "PREVIEW" in text and "must not be sent" in text and "Usage data" in text
    assert b"/ByteRange" not in pdf
    assert list_packages(ctx, ref) == []  # a preview is not a package


def test_zip_package_verifies_and_progress_counts_up(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path)
    seen: list[tuple[int, int]] = []
    result = build_package(ctx, ref, tmp_path / "out", zip=True, progress=lambda d, t: seen.append((d, t)))
    assert result.path.endswith(".zip") and zipfile.is_zipfile(result.path)
    assert verify_package(result.path, [cert.pem]).ok
    assert seen and seen[-1][0] == seen[-1][1] and all(b[0] >= a[0] for a, b in zip(seen, seen[1:], strict=False))
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [Path(result.path).name]


# --- the other rights and outcomes -------------------------------------------------------------


def test_erasure_certificate_says_transactions_were_retained_and_why(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path, "erasure")
    held = sources.records(ctx, ref)
    assert "transaction" in held
    record_all_erasures(ctx, ref)
    text = flat(pdftotext(_letter(build_package(ctx, ref, tmp_path / "out"))))
    assert "Certificate of erasure" in text
    row = re.search(r"sample-company Transaction data \d+ (\w+) (.{0,200})", text)
    assert row is not None, text
    assert row.group(1) == "Retained"  # the reason wraps in its cell, beside the date and who
    assert "7 years, to comply with financial" in row.group(2) and "Legal basis" in row.group(2)
    assert "alex.morgan" in row.group(2)
    usage = re.search(r"sample-company Usage data \d+ (\w+) Rows deleted", text)
    assert usage is not None and usage.group(1) == "Erased"


def test_portability_package_has_json_csv_per_category_and_schema(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path, "portability", details={"format": "csv", "destination": "Øresund Mixes ApS"})
    held = sources.records(ctx, ref)
    result = build_package(ctx, ref, tmp_path / "out")
    root = Path(result.path)
    data = json.loads((root / "data.json").read_text(encoding="utf-8"))
    assert data["reference"] == ref and set(data["categories"]) == set(held)
    schema = json.loads((root / "schema.json").read_text(encoding="utf-8"))
    for category, rows in held.items():
        table = list(csv.DictReader(io.StringIO((root / "csv" / f"{category}.csv").read_text(encoding="utf-8"))))
        assert len(table) == len(rows) == len(data["categories"][category]["records"])
        assert schema["properties"]["categories"]["properties"][category]["x-csv"]["file"] == f"csv/{category}.csv"
    assert table[0]["source"] == "sample-company"
    text = flat(pdftotext(root / result.letter))
    assert "machine-readable" in text and "csv/usage.csv" in text and "Øresund Mixes ApS" in text
    assert verify_package(root, [cert.pem]).ok


def test_rectification_shows_before_and_after(ctx, tmp_path: Path, cert) -> None:
    corrections = [{"field": "username", "to": "zofia.m"}]
    ref = ready_request(ctx, tmp_path, "rectification", details={"corrections": corrections})
    facts.record_correction(ctx, ref, "sample-company", "username", new="zofia.m")
    facts.record_correction(ctx, ref, "crm", "postal address", old="12 Old Street", new="ul. Piotrkowska 104/7, Łódź")
    text = flat(pdftotext(_letter(build_package(ctx, ref, tmp_path / "out"))))
    assert "What we corrected" in text and "Before After" in text
    assert re.search(r"Username sample-company zofia0 zofia\.m", text), text  # the before value from the records
    assert "Postal address crm 12 Old Street ul. Piotrkowska 104/7," in text and "Łódź" in text


def test_restriction_says_what_for_which_purposes_and_since_when(ctx, tmp_path: Path, cert) -> None:
    details = {"restriction": {"parameters": "Stop profiling while accuracy is contested",
                               "purposes": ["Personalisation"], "since": "2026-11-02"}}  # what the person asked
    ref = ready_request(ctx, tmp_path, "restriction", details=details)
    # Nothing recorded yet: the letter is refused, naming the command, rather than dated today.
    with pytest.raises(DocumentError, match=f"privacy-console request restriction-record {ref} --at"):
        build_package(ctx, ref, tmp_path / "refused")
    facts.record_restriction(ctx, ref, at=datetime(2026, 11, 28, 15, 0, tzinfo=UTC), how="profiling flag set in the CRM")
    ctx.clock.advance(days=9)  # built well after: the date is the recorded one, not the build date
    text = flat(pdftotext(_letter(build_package(ctx, ref, tmp_path / "out"))))
    for phrase in ("What is restricted Stop profiling while accuracy is contested",
                   "Purposes no longer served Personalisation", "Restricted since 28 November 2026",
                   "We will tell you before the restriction is lifted"):
        assert phrase in text, phrase
    assert "9 December 2026" not in text.split("Restricted since")[1][:40]
    assert facts.facts_for(ctx, ref).restriction.how == "profiling flag set in the CRM"  # type: ignore[union-attr]


def test_rejection_letter_gives_the_reason_and_the_right_to_complain(ctx, tmp_path: Path, cert) -> None:
    ref = add_request(ctx)
    commands.reject(ctx, ref, "unverifiable", "The copy of the passport did not match the account holder.")
    assert kinds_for(commands.get_request(ctx, ref), ctx.catalogue)[0] == "rejection"
    result = build_package(ctx, ref, tmp_path / "out")
    text = flat(pdftotext(_letter(result)))
    assert result.kind == "rejection"
    for phrase in ("we cannot act on it", "Article 12(6)", "The copy of the passport did not match",
                   "right to lodge a complaint", "Data Protection Commission (Ireland)"):
        assert phrase in text, phrase


def test_extension_notice_and_receipt_confirmation(ctx, tmp_path: Path, cert) -> None:
    ref = add_request(ctx)
    receipt = flat(pdftotext(_letter(build_package(ctx, ref, tmp_path / "out", kind="receipt"))))
    assert "We have received your request" in receipt and "Government-issued identification" in receipt
    assert "Your right to complain" in receipt
    commands.extend(ctx, ref, 2, "We hold your data in eleven systems and are collecting it from all of them.",
                    ctx.now().date())
    notice = flat(pdftotext(_letter(build_package(ctx, ref, tmp_path / "out", kind="extension"))))
    assert "we need more time" in notice and "eleven systems" in notice and "Article 12(3)" in notice
    assert "Your right to complain" in notice


def test_sent_is_recorded_once(ctx, tmp_path: Path, cert) -> None:
    ref = ready_request(ctx, tmp_path)
    built = build_package(ctx, ref, tmp_path / "out")
    view = mark_sent(ctx, ref)
    assert view.id == built.id and view.sent_at == ctx.now()
    with pytest.raises(Exception, match="no package waiting"):
        mark_sent(ctx, ref)


def test_an_unsigned_draft_cannot_be_marked_sent(ctx, tmp_path: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    draft = build_package(ctx, ref, tmp_path / "out", sign=False)
    assert not draft.signed and not (Path(draft.path) / "signer-certificate.pem").exists()
    report = verify_package(draft.path)
    assert not report.ok and any("no digital signature" in p for p in report.problems)
    with pytest.raises(Exception, match="unsigned draft"):
        mark_sent(ctx, ref)


def test_the_printed_fingerprint_binds_the_request_facts_and_every_data_file(ctx, tmp_path: Path, cert) -> None:
    from console.documents.binding import read_keywords
    from console.documents.verify import verify_pdf

    ref = ready_request(ctx, tmp_path, "portability", details={"format": "json", "destination": "me"})
    result = build_package(ctx, ref, tmp_path / "out")
    root = Path(result.path)
    manifest = read_manifest((root / "manifest.json").read_bytes())
    stated = read_keywords(verify_pdf((root / result.letter).read_bytes()).keywords)
    binding = stated.binding
    assert (binding.reference, binding.kind, binding.subject, binding.language) == (ref, "portability", NAME, "en")
    assert binding.template_version.startswith("sha256:")
    data = {e.path: (root / e.path).read_bytes() for e in manifest.files if e.path != result.letter}
    assert binding.with_files(data).fingerprint == result.data_manifest_hash == stated.fingerprint
    assert result.data_manifest_hash in flat(pdftotext(root / result.letter)).replace(" ", "")
    with ctx.db.sessions() as s:
        row = s.scalars(select(Package)).one()
        assert (row.manifest_hash, row.binding_sha256) == (manifest.manifest_hash, result.data_manifest_hash)
