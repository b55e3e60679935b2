"""The Audit trail page: entries newest first and paged, filters, chain verification, CSV export, roles."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import text

from console.context import Context
from console.security.audit_trail import AuditFilter, count_audit
from console.security.roles import Actor, Perm, Role
from ui.audit.model import PAGE, Col
from ui.audit.view import AuditPage, page_for
from ui.builtins import PlaceholderPage
from ui.context import AppContext
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks

from .helpers import add


def _trail(ctx: Context, n: int = 0) -> list[str]:
    """A few real entries (requests created), then ``n`` synthetic ones in one transaction."""
    refs = [add(ctx, name).reference for name in ("Ada Abara", "Søren Umar", "Zofia Łódźka")]
    if n:
        with ctx.db.unit(ctx.actor, Perm.SETTINGS) as uow:
            for i in range(n):
                uow.audit("settings.change", "setting", f"key.{i}", f"value {i}")
    return refs


def _page(app: AppContext, qtbot) -> AuditPage:  # type: ignore[no-untyped-def]
    page = page_for(app)
    assert isinstance(page, AuditPage)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def _column(page: AuditPage, col: int) -> list[str]:
    return [page.model.index(i, col).data() for i in range(page.model.rowCount())]


def test_lists_entries_newest_first_and_pages_on_scroll(app_ctx, qtbot):
    ctx = app_ctx.ctx
    _trail(ctx, n=PAGE + 20)
    page = _page(app_ctx, qtbot)
    total = count_audit(ctx)
    assert page.model.rowCount() == PAGE and page.model.total == total
    ids = [int(x) for x in _column(page, Col.ID)]
    assert ids == sorted(ids, reverse=True) and ids[0] == total
    assert page.model.index(0, Col.ACTION).data() == "settings.change"
    assert page.count.text().startswith(f"Showing {PAGE} of {total} entries")
    assert page.model.canFetchMore()
    page.model.fetchMore()  # what the view asks for when scrolled to the end
    assert page.model.rowCount() == total and not page.model.canFetchMore()
    assert page.count.text().startswith(f"{total} entries")


def test_filters_by_action_and_target_in_sql(app_ctx, qtbot):
    ctx = app_ctx.ctx
    refs = _trail(ctx, n=5)
    page = _page(app_ctx, qtbot)
    page.action.setEditText("request.create")
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert set(_column(page, Col.ACTION)) == {"request.create"}
    assert _column(page, Col.TARGET) == list(reversed(refs))

    page.action.setEditText("settings.")  # a prefix
    page.target.setText("setting:key.3")
    page.apply_filters()
    assert _column(page, Col.DETAIL) == ["value 3"]

    page.clear_filters()
    page.since_on.setChecked(True)  # from 30 days before the clock to today: everything so far
    page.apply_filters()
    assert page.model.rowCount() == count_audit(ctx)
    page.until_on.setChecked(True)
    page.until.setDate(page.until.date().addDays(-2))
    page.apply_filters()
    assert page.model.rowCount() == 0 and page.count.text().startswith("No entries match")


def test_verify_reports_ok_then_names_an_edited_entry(app_ctx, qtbot):
    ctx = app_ctx.ctx
    _trail(ctx, n=3)
    page = _page(app_ctx, qtbot)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.report is not None and page.report.ok
    assert page.verdict.text().startswith("The chain is intact")
    assert not page.problems.isVisibleTo(page)

    victim = 2
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET detail = 'nothing to see' WHERE id = :i"), {"i": victim})
    page.verify()
    assert page.report is not None and not page.report.ok
    assert page.verdict.text().startswith("The audit trail fails verification")
    named = [page.problems.item(i).text() for i in range(page.problems.count())]
    assert named == [f"Entry #{victim}: its content was changed after it was written"]
    page.show_entry(victim)  # what double-clicking the problem does
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.row_id(i.row()) for i in selected] == [victim]


def test_csv_export_writes_the_filtered_rows(app_ctx, qtbot, tmp_path: Path):
    ctx = app_ctx.ctx
    _trail(ctx, n=4)
    page = _page(app_ctx, qtbot)
    page.action.setEditText("settings.change")
    page.apply_filters()
    out = tmp_path / "audit.csv"
    page.export(str(out))
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["detail"] for r in rows] == [f"value {i}" for i in range(4)]  # oldest first
    assert all(r["hash"] for r in rows)
    assert page.status.text().startswith("4 entries written to")
    assert page.model.filter == AuditFilter(action="settings.change")
    assert count_audit(ctx, AuditFilter(action="audit.export")) == 1  # the export is itself recorded


def test_roles_without_the_audit_right_see_an_explanation(ctx, qtbot, prefs):
    analyst = ctx.as_actor(Actor("ana.lyst", Role.ANALYST))
    app = AppContext(analyst, Tasks(synchronous=True), DeadlineTicker(analyst.now), prefs)
    page = page_for(app)
    qtbot.addWidget(page)
    assert isinstance(page, PlaceholderPage)
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "you are signed in as analyst" in texts and "auditor" in texts
