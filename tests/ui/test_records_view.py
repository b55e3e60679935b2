"""The Records page: activities with filters and details, the cookie inventory, catalogue problems shown plainly."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from console.policy import load_catalogue
from console.resources import resource_path
from ui.records.view import RecordsPage


def _page(app_ctx, qtbot, tmp_path: Path) -> tuple[RecordsPage, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), folder)
    app_ctx.ctx = replace(app_ctx.ctx, catalogue=load_catalogue(folder))
    page = RecordsPage(app_ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page, folder


def _choose(combo, key: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(key))


def test_filters_details_and_cookie_inventory(app_ctx, qtbot, tmp_path) -> None:
    page, _ = _page(app_ctx, qtbot, tmp_path)
    assert page.table.rowCount() == 6 and page.count.text() == "6 of 6 activities"
    assert page.cookies.topLevelItemCount() == 4
    essential = page.cookies.topLevelItem(0)
    assert essential.text(0) == "Essential cookies" and essential.text(1) == "Not needed"
    assert essential.child(0).text(0) == "mm_session"
    _choose(page.category, "transaction")
    assert page.visible_activities() == ["payments"] and page.count.text() == "1 of 6 activities"
    details = page.details.toPlainText()
    assert "Payments, billing and financial records" in details and "7 years" in details
    assert "Legal obligation (Art. 6(1)(c))" in details
    _choose(page.category, "")
    _choose(page.basis, "consent")
    assert page.visible_activities() == ["preferences"]
    _choose(page.basis, "")
    _choose(page.transfer, "with")
    assert page.visible_activities() == [] and "No activity matches" in page.details.toPlainText()
    _choose(page.transfer, "none")
    assert len(page.visible_activities()) == 6
    page.cookies.setCurrentItem(essential)
    assert "strictly necessary" in page.details.toPlainText()


def test_a_broken_catalogue_file_is_named_and_fixing_it_reloads(app_ctx, qtbot, tmp_path) -> None:
    page, folder = _page(app_ctx, qtbot, tmp_path)
    path = folder / "processing.toml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace('categories = ["transaction"]', 'categories = ["payroll"]'), encoding="utf-8")
    page.reload()
    assert page.problem_label.isVisible()
    assert "processing.toml: activities[4].categories: 'payroll' is not a data category id" in page.problem_label.text()
    assert page.table.rowCount() == 6  # the last good record stays
    path.write_text(good.replace('title = "Running user accounts"', 'title = "User accounts"'), encoding="utf-8")
    qtbot.waitUntil(lambda: not page.problem_label.isVisible(), timeout=10000)  # the file watcher reloads
    assert page.table.item(1, 0).text() == "User accounts"


def test_export_from_the_window_writes_the_record_and_audits_it(app_ctx, qtbot, tmp_path) -> None:
    from console.processing.export import read_csv
    from console.security.audit_trail import list_audit

    page, _ = _page(app_ctx, qtbot, tmp_path)
    out = tmp_path / "ropa.csv"
    page.export("csv", str(out))
    qtbot.waitUntil(lambda: page.status.text().startswith("Wrote"), timeout=10000)
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows if r["kind"] == "activity"][:2] == ["website_operation", "account_management"]
    pdf = tmp_path / "ropa.pdf"
    page.export("pdf", str(pdf))
    qtbot.waitUntil(lambda: str(pdf) in page.status.text(), timeout=20000)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert [e.action for e in list_audit(app_ctx.ctx).rows[:2]] == ["records.export", "records.export"]
