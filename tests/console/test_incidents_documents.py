"""The breach documents: what the authority, the people and the register are given, and signed."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from console.context import Context
from console.documents.certs import certificate_pem, create_self_signed
from console.documents.finish import Signing
from console.documents.signing import SIGNING_PASSPHRASE_SECRET
from console.documents.verify import verify_pdf
from console.errors import ValidationError
from console.incidents import commands, drills, notifications, queries
from console.incidents.drill_report import drill_report
from console.incidents.letters import authority_report, authority_spec, people_notice
from console.incidents.register import CSV_COLUMNS, register_csv, register_pdf
from console.keychain import set_secret
from tests.console.test_drills import pdf_text


def _breach(ctx: Context, clock, **kw: object) -> str:
    facts: dict[str, object] = dict(
        title="Backup bucket publicly readable", became_aware_at=clock.now - timedelta(hours=20),
        detected_at=clock.now - timedelta(hours=22), description="Nightly backups were readable without a password.",
        discovery="A security researcher wrote to us", reported_by="Łucja Dąbrowski, security team",
        natures=("confidentiality",), cyber=True, categories=("account", "credentials"), people_count=48210,
        records_count=51000, consequences="Phishing; cracking of weak password hashes.",
        measures="Bucket made private; keys rotated; forced password resets.")
    facts.update(kw)
    ref = commands.open_incident(ctx, commands.NewIncident(**facts)).reference  # type: ignore[arg-type]
    notifications.assess(ctx, ref, "high_risk", "Password hashes were downloaded by unknown parties")
    return ref


def test_authority_notification_has_the_art_33_3_contents(ctx, clock, tmp_path: Path) -> None:
    ref = _breach(ctx, clock)
    pdf = authority_report(ctx, ref)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf, tmp_path)
    for needle in ("Notification of a personal data breach", "Data Protection Commission (Ireland)",
                   "(a) Nature of the breach", "Confidentiality", "Account data", "Passwords and other credentials",
                   "about 48,210", "about 51,000", "(b) Contact point", "privacy@miximonster.com",
                   "(c) Likely consequences", "cracking of weak password hashes", "High risk",
                   "(d) Measures taken or proposed", "forced password resets", "initial notification",
                   "Łucja Dąbrowski", ref, "Page 1 of"):
        assert needle in text, needle
    assert "Reasons for the delay" not in text
    view = queries.get_incident(ctx, ref)
    assert view.report_ready_at == clock.now and view.timeline[-1].kind == "report"


def test_a_late_report_states_the_reasons_for_the_delay(ctx, clock, tmp_path: Path) -> None:
    ref = _breach(ctx, clock)
    clock.advance(hours=60)
    notifications.notify_authority(ctx, ref, late_reason="The backup index had to be rebuilt to see who was in it",
                                   authority_reference="DPC-BN-2026-0441")
    text = pdf_text(authority_report(ctx, ref, phase="initial"), tmp_path)
    assert "Reasons for the delay" in text and "backup index had to be rebuilt" in text
    follow = pdf_text(authority_report(ctx, ref), tmp_path)
    assert "follow-up to our initial notification" in follow and "DPC-BN-2026-0441" in follow
    with pytest.raises(ValidationError, match="Unknown report phase"):
        authority_spec(queries.get_incident(ctx, ref), ctx.catalogue, phase="final")


def test_notice_to_people_speaks_plainly_and_gives_advice(ctx, clock, tmp_path: Path) -> None:
    ref = _breach(ctx, clock)
    text = pdf_text(people_notice(ctx, ref), tmp_path)
    for needle in ("A personal data breach that affects you", "What happened", "Which of your data was involved",
                   "What this may mean for you", "What we have done", "What you can do", "Change your password",
                   "Who to contact", "right to complain"):
        assert needle in text, needle
    unassessed = commands.open_incident(ctx, commands.NewIncident(title="Unknown yet", became_aware_at=clock.now)).reference
    with pytest.raises(ValidationError, match="Assess the risk"):
        people_notice(ctx, unassessed)


def test_drill_documents_say_they_are_an_exercise(ctx, tmp_path: Path) -> None:
    ref = drills.start_drill(ctx, "credential-stuffing").reference
    text = pdf_text(authority_report(ctx, ref), tmp_path)
    assert "DRILL" in text and "Exercise" in text and "not a real breach" in text


def test_register_lists_real_breaches_only_as_pdf_and_csv(ctx, clock, tmp_path: Path) -> None:
    first = _breach(ctx, clock)
    notifications.notify_authority(ctx, first, authority_reference="DPC-7")
    second = commands.open_incident(ctx, commands.NewIncident(
        title="Encrypted laptop lost", became_aware_at=clock.now - timedelta(hours=2))).reference
    notifications.assess(ctx, second, "no_risk", "Full-disk encryption")
    notifications.decide(ctx, second, authority=False, people=False, reason="Unintelligible to a finder")
    drill = drills.start_drill(ctx, "misdirected-export").reference
    table = list(csv.DictReader(io.StringIO(register_csv(ctx))))
    assert [r["reference"] for r in table] == [first, second]
    assert tuple(table[0]) == CSV_COLUMNS
    assert table[0]["authority_reference"] == "DPC-7" and table[0]["authority_late"] == "no"
    assert table[1]["authority_decision"] == "not_notify" and "Unintelligible" in table[1]["authority_decision_reason"]
    text = pdf_text(register_pdf(ctx), tmp_path)
    assert first in text and second in text and drill not in text and "DRILL" not in text
    assert "2 breaches" in text and "Not notified:" in text and "Unintelligible to a finder" in text


def test_documents_are_signed_when_a_certificate_is_given(ctx, clock, tmp_path: Path) -> None:
    p12 = create_self_signed("Privacy Team", "Miximonster", "privacy@miximonster.com", passphrase="s3cret")
    set_secret(SIGNING_PASSPHRASE_SECRET, "s3cret")
    signing = Signing(p12, None, "Ria Patel, Miximonster", "Dublin")
    ref = _breach(ctx, clock)
    trust = [certificate_pem(p12, "s3cret")]
    for pdf in (authority_report(ctx, ref, signing=signing), register_pdf(ctx, signing=signing)):
        report = verify_pdf(pdf, trust_roots=trust)
        assert report.signed and report.intact and report.valid and report.trusted, report.problems
        assert not report.modified_after_signing
    pdfsig = shutil.which("pdfsig")
    if pdfsig:
        path = tmp_path / "signed.pdf"
        path.write_bytes(pdf)
        out = subprocess.run([pdfsig, str(path)], capture_output=True, text=True, check=False).stdout
        assert "Signature Validation: Signature is Valid." in out, out


def test_the_certificate_configured_for_packages_signs_breach_documents(ctx, clock, tmp_path: Path) -> None:
    from console.errors import DocumentError
    from console.packages.settings import configure_signing, configured_signing

    assert configured_signing(ctx) is None  # nothing configured: documents stay unsigned drafts
    p12 = create_self_signed("Ria Patel", "Miximonster", "privacy@miximonster.com", passphrase="pw")
    path = tmp_path / "org.p12"
    path.write_bytes(p12)
    configure_signing(ctx, path, "pw", location="Dublin")
    signing = configured_signing(ctx)
    assert signing is not None and signing.signer_name == "Ria Patel" and signing.location == "Dublin"
    ref = drills.start_drill(ctx, "misdirected-export").reference
    report = verify_pdf(drill_report(ctx, ref, signing=signing), trust_roots=[certificate_pem(p12, "pw")])
    assert report.bottom_line, report.problems
    path.unlink()
    with pytest.raises(DocumentError, match="does not exist"):
        configured_signing(ctx)
