"""Breach documents say what the register says: a drill is marked on every page; an incident
assessed below high risk says that telling people is not required, never 'not decided'."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from console.incidents import commands, drills, notifications
from console.incidents.letters import authority_report
from tests.console.test_drills import pdf_text


def test_every_page_of_a_drill_document_says_drill(ctx, tmp_path: Path) -> None:
    ref = drills.start_drill(ctx, "credential-stuffing").reference
    pages = [p for p in pdf_text(authority_report(ctx, ref), tmp_path).split("\f") if p.strip()]
    assert pages
    for number, page in enumerate(pages, start=1):
        assert "DRILL — EXERCISE, NOT A REAL BREACH" in page, f"page {number}"


def test_a_real_breach_is_not_marked(ctx, clock, tmp_path: Path) -> None:
    ref = commands.open_incident(ctx, commands.NewIncident(
        title="Lost laptop", became_aware_at=clock.now - timedelta(hours=2),
        detected_at=clock.now - timedelta(hours=3), description="An encrypted laptop was lost.")).reference
    notifications.assess(ctx, ref, "risk", "Disk encryption was on; the key was not with the laptop")
    text = " ".join(pdf_text(authority_report(ctx, ref), tmp_path).split())
    assert "DRILL" not in text
    assert "The people affected Not required: the risk to them was assessed as" in text
    assert "not high (Art. 34(1))" in text and "Not decided" not in text


def test_the_report_names_the_categories_of_data_subjects(ctx, clock, tmp_path: Path) -> None:
    ref = commands.open_incident(ctx, commands.NewIncident(
        title="Order export mailed to the wrong address", became_aware_at=clock.now - timedelta(hours=2),
        categories=("transaction",))).reference
    text = " ".join(pdf_text(authority_report(ctx, ref), tmp_path).split())
    assert "Categories of data subjects Customers who buy from us" in text
    assert "Website visitors" not in text  # nobody's usage data was concerned
