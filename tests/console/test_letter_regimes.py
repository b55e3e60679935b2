"""Each regime's letter as its reader sees it (text read back from the PDF): GDPR, CCPA and COPPA,
in English and German; the Art. 15 disclosures from the catalogue; an overdue receipt that
apologises instead of promising a past date."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from console.context import Context
from console.packages import build_package
from console.policy import load_catalogue
from console.requests import commands
from console.requests.commands import NewRequest
from console.resources import resource_path
from tests.console.test_packages_support import (
    ACCOUNT,
    NAME,
    flat,
    gather,
    pdftotext,
    sign_as_org,
    tool,
    verify_identity,
)


@pytest.fixture(autouse=True)
def signing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sign_as_org(ctx, tmp_path)


def _request(ctx: Context, right: str, where: str, language: str, *, child: bool = False, days: int = 3) -> str:
    return commands.add_request(ctx, NewRequest(
        right=right, subject_name=NAME, subject_email="zofia@example.org", subject_account_id=ACCOUNT,
        received_at=ctx.now() - timedelta(days=days), jurisdictions=(where,), language=language,
        subject_is_child=child, guardian_name="Dana Example" if child else None,
        guardian_email="dana@example.org" if child else None)).reference


def _access_letter(ctx: Context, tmp_path: Path, right: str, where: str, language: str, child: bool = False) -> str:
    ref = _request(ctx, right, where, language, child=child)
    gather(ctx, ref, tmp_path)
    verify_identity(ctx, ref)
    result = build_package(ctx, ref, tmp_path / "out")
    return flat(pdftotext(Path(result.path) / result.letter))


EXPECTED = {
    ("gdpr", "en"): ("access", "EU", False,
                     ["Article 15 of the General Data Protection Regulation", "Data Protection Commission (Ireland)",
                      "Legal basis", "Who receives your data", "Payment service providers",
                      "Automated decision-making and profiling", "based solely on automated processing",
                      "Personalisation of content and services", "How it works",
                      "Our records name no transfer of your data to a country outside the European Economic Area"],
                     ["California", "Federal Trade Commission"]),
    ("gdpr", "de"): ("access", "EU", False,
                     ["Artikel 15 der Datenschutz-Grundverordnung", "Data Protection Commission (Ireland)",
                      "Rechtsgrundlage", "Zahlungsdienstleister", "Automatisierte Entscheidungen und Profiling",
                      "Personalisierung von Inhalten und Diensten", "Wie es funktioniert"],
                     ["California"]),
    ("ccpa", "en"): ("ccpa_know", "US-CA", False,
                     ["California Consumer Privacy Act", "Categories of sources", "Business or commercial",
                      "Categories of third parties to whom we disclose it", "We will not discriminate against you",
                      "California Privacy Protection Agency", "Attorney General of California",
                      "The specific pieces of personal information"],
                     ["Data Protection Commission", "Legal basis", "Article 15", "GDPR"]),
    ("ccpa", "de"): ("ccpa_know", "US-CA", False,
                     ["California Consumer Privacy Act", "Kategorien der Quellen",
                      "geschäftlichen oder kommerziellen Zwecke", "Kategorien von Dritten, denen wir sie offenlegen",
                      "Wir benachteiligen Sie nicht", "California Privacy Protection Agency"],
                     ["Data Protection Commission", "Rechtsgrundlage", "DSGVO"]),
    ("coppa", "en"): ("coppa_parental_access", "US", True,
                      ["Dear Dana Example", "About your child: Zofia", "as the parent or guardian of Zofia",
                       "The personal information we hold about your child", "Federal Trade Commission",
                       "16 CFR § 312.6", "delete your child's personal information"],
                      ["data about you", "Data Protection Commission", "Article 15", "Legal basis"]),
    ("coppa", "de"): ("coppa_parental_access", "US", True,
                      ["Dana Example", "Betrifft Ihr Kind: Zofia", "Die personenbezogenen Informationen, die wir über "
                       "Ihr Kind speichern", "Federal Trade Commission", "16 CFR § 312.6"],
                      ["Data Protection Commission", "Rechtsgrundlage"]),
}


@pytest.mark.parametrize(("regime", "language"), list(EXPECTED))
def test_access_letter_speaks_the_law_of_its_reader(ctx, tmp_path: Path, regime: str, language: str) -> None:
    right, where, child, present, absent = EXPECTED[(regime, language)]
    text = _access_letter(ctx, tmp_path, right, where, language, child)
    for phrase in present:
        assert phrase in text, phrase
    for phrase in absent:
        assert phrase not in text, phrase


def test_an_actual_transfer_prints_its_countries_and_safeguard(ctx, tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), folder)
    path = folder / "disclosures.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("transfer_routes = []", (
        'transfer_routes = [{ id = "backup-us", recipient = "backup_storage", categories = ["account", "usage"], '
        'countries = ["United States", "Canada"], safeguard = "Standard Contractual Clauses", '
        'source = "Backup provider contract" }]'), 1), encoding="utf-8")
    moved = Context(ctx.db, load_catalogue(folder), ctx.actor, ctx.clock)
    text = _access_letter(moved, tmp_path, "access", "EU", "en")
    assert "Your data is transferred to these countries outside the European Economic Area" in text
    table = text.split("outside the European Economic Area", 1)[1][:400]
    assert "United States" in table and "Canada" in table and "Standard Contractual" in table
    assert "Our records name no transfer" not in text


@pytest.mark.parametrize(("language", "apology", "was_due", "promise"), [
    ("en", "We are sorry: we should have answered your request by", "Answer was due by", "We will answer by"),
    ("de", "Es tut uns leid: Wir hätten Ihren Antrag bis zum", "Antwort war fällig bis", "Sie erhalten unsere Antwort bis"),
])
def test_an_overdue_receipt_apologises_and_promises_no_past_date(ctx, tmp_path: Path, language: str, apology: str,
                                                                 was_due: str, promise: str) -> None:
    ref = _request(ctx, "access", "EU", language, days=119)
    result = build_package(ctx, ref, tmp_path / "out", kind="receipt")
    text = flat(pdftotext(Path(result.path) / result.letter))
    assert apology in text and was_due in text
    assert promise not in text
    assert any("is overdue" in w and "apologises" in w for w in result.warnings)
    fresh = _request(ctx, "access", "EU", language, days=1)
    in_time = build_package(ctx, fresh, tmp_path / "out", kind="receipt")
    assert promise in flat(pdftotext(Path(in_time.path) / in_time.letter)) and not in_time.warnings


def _in_reading_order(ctx: Context, tmp_path: Path, language: str) -> str:
    """The access letter's text cell by cell (pdftotext without -layout): a wrapped table cell reads whole."""
    ref = _request(ctx, "access", "EU", language)
    gather(ctx, ref, tmp_path)
    verify_identity(ctx, ref)
    result = build_package(ctx, ref, tmp_path / "out")
    return subprocess.run([tool("pdftotext"), str(Path(result.path) / result.letter), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("language", "heading", "activity_column", "phrases"), [
    ("en", "Processing activities that use your data", "Activity",
     ("Running user accounts", "Account administration", "Contract (Art. 6(1)(b))",
      "For the duration of account activity")),
    ("de", "Verarbeitungstätigkeiten, die Ihre Daten nutzen", "Tätigkeit",
     ("Führung der Nutzerkonten", "Kontoverwaltung", "Vertrag (Art. 6 Abs. 1 lit. b DSGVO)", "Monate")),
])
def test_the_access_letter_lists_the_processing_activities_of_the_data_it_discloses(
        ctx, tmp_path: Path, language: str, heading: str, activity_column: str, phrases: tuple[str, ...]) -> None:
    text = _in_reading_order(ctx, tmp_path, language)
    assert heading in text and activity_column in text
    section = "".join(text.split(heading, 1)[1].split())  # table cells wrap: compare without spaces
    # Running user accounts processes account data, which the letter discloses: its purposes,
    # legal basis, recipients and retention from the record of processing.
    for phrase in phrases:
        assert "".join(phrase.split()) in section, phrase
    recipient = "Providers of encrypted offsite backup storage" if language == "en" else "Anbieter verschlüsselter"
    assert "".join(recipient.split()) in section
    if language == "de":  # the catalogue's English stays out of a German letter where the words exist
        assert "Runninguseraccounts" not in section and "Contract(Art." not in section


def test_a_changed_record_of_processing_changes_the_access_letter(ctx, tmp_path: Path) -> None:
    folder = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), folder)
    path = folder / "processing.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'title = "Running user accounts"\npurposes = ["Account administration",',
        'title = "Keeping member accounts"\npurposes = ["Membership bookkeeping",', 1), encoding="utf-8")
    moved = Context(ctx.db, load_catalogue(folder), ctx.actor, ctx.clock)
    text = _in_reading_order(moved, tmp_path, "en")
    section = "".join(text.split("Processing activities that use your data", 1)[1].split())
    assert "Keepingmemberaccounts" in section and "Membershipbookkeeping" in section
    assert "Runninguseraccounts" not in section


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_ccpa_access_letter_has_no_gdpr_record_of_processing(ctx, tmp_path: Path, language: str) -> None:
    ref = _request(ctx, "ccpa_access", "US-CA", language)
    gather(ctx, ref, tmp_path)
    verify_identity(ctx, ref)
    result = build_package(ctx, ref, tmp_path / "out")
    text = "".join(pdftotext(Path(result.path) / result.letter).split())
    assert "Art.6(1)" not in text and "Abs.1lit" not in text and "Article30" not in text and "Artikel30" not in text

