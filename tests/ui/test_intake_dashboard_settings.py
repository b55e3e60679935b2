"""Import with its bad lines listed, the dashboard and its CSV, settings kept in QSettings."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from ui import preferences as P
from ui.dashboard.view import DashboardPage
from ui.dialogs import import_requests as imp
from ui.dialogs.settings import SettingsDialog
from ui.queue.alerts import DeadlineAlerts
from ui.queue.model import Col

from .helpers import add, row_texts

HEADER = "right,subject_name,subject_email,received_at\n"


def test_import_lists_bad_lines_and_imports_nothing(window, app_ctx, tmp_path: Path, monkeypatch):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "access,Ada Abara,ada@example.org,2026-11-20T10:00:00+00:00\n"
                            "access,,nobody@example.org,2026-11-20T10:00:00+00:00\n"
                            "teleport,Kai,kai@example.org,2026-11-20T10:00:00+00:00\n", encoding="utf-8")
    shown: list[list[str]] = []
    monkeypatch.setattr(imp.ImportProblemsDialog, "exec",
                        lambda d: shown.append([d.lines.item(i).text() for i in range(d.lines.count())]) or 0)
    imp.import_requests(app_ctx, window, str(bad))
    assert shown == [["Line 3: subject_name is empty", shown[0][1]]]
    assert shown[0][1].startswith("Line 4: Unknown right 'teleport'")
    assert app_ctx.ctx.db.is_empty()

    good = tmp_path / "good.csv"
    good.write_text(HEADER + "".join(f"access,Person {i},p{i}@example.org,2026-11-2{i}T10:00:00+00:00\n"
                                     for i in range(5)), encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(imp.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    imp.import_requests(app_ctx, window, str(good))
    assert told == ["Imported 5 requests."]
    assert len(row_texts(window, Col.REFERENCE)) == 5


def test_dashboard_shows_figures_and_exports_csv(app_ctx, qtbot, tmp_path: Path, monkeypatch):
    add(app_ctx.ctx, "Ada Abara", "access", days_ago=2)
    add(app_ctx.ctx, "Wen Young", "inquiry", days_ago=3)  # overdue
    page = DashboardPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.figures is not None
    assert page.tiles["open"].value.text() == "2"
    assert page.tiles["overdue"].value.text() == "1"
    assert page.tiles["rate"].value.text() == "50.0 %"
    assert page.charts["by_right"].chart().series()
    monkeypatch.setattr("ui.dashboard.view.QMessageBox.information", lambda *a: None)
    out = tmp_path / "figures.csv"
    page.export_to(str(out))
    text = out.read_text(encoding="utf-8")
    assert "open_by_right,access,Right to access,1" in text
    assert "open_by_deadline_state,overdue,overdue,1" in text


def test_settings_are_kept_and_the_connection_is_tested(window, app_ctx, qtbot, tmp_path: Path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.information", lambda _p, _t, text: told.append(text))
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog.local.isChecked()
    dialog.file.setText(str(tmp_path / "other.sqlite3"))
    dialog.test_connection()
    assert dialog.test_result.text().startswith("Connected to sqlite:///")
    dialog.server.setChecked(True)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(1)  # nothing listens there
    dialog.dbname.setText("nothing")
    dialog.user.setText("nobody")
    dialog.password.setText("s3cret")
    dialog.test_connection()
    assert "Cannot open the database" in dialog.test_result.text()
    assert "s3cret" not in dialog.url()
    from console import keychain

    assert keychain.get_secret("db:nobody@127.0.0.1:1/nothing") == "s3cret"
    dialog.local.setChecked(True)
    dialog.zone.setCurrentIndex(dialog.zone.findData("utc"))
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
    dialog.due_soon.setValue(24)
    dialog.save()
    assert app_ctx.prefs.get(P.DISPLAY_ZONE) == "utc"
    assert app_ctx.prefs.get(P.APPEARANCE) == "dark"
    assert app_ctx.prefs.get(P.DATABASE_URL).endswith("other.sqlite3")
    assert app_ctx.ctx.catalogue.due_soon_hours == 24
    assert window.zone_label.text() == "Times in UTC"
    assert told == ["The new database or policy catalogue is used from the next start."]


def test_a_notice_when_a_request_becomes_overdue(app_ctx, clock):
    view = add(app_ctx.ctx, "Wen Young", "inquiry", days_ago=1)  # due in about a day
    alerts = DeadlineAlerts(app_ctx)
    notices: list[tuple[str, str]] = []
    alerts.notice.connect(lambda title, text: notices.append((title, text)))
    alerts.check()
    assert notices == []
    clock.now = view.due_at + timedelta(seconds=1)  # the deadline passes
    app_ctx.ticker.trigger()
    alerts.check()
    assert notices and notices[0][0] == "Overdue"
    assert view.reference in notices[0][1]


def test_settings_choose_the_signing_certificate(window, app_ctx, tmp_path: Path, monkeypatch) -> None:
    """Settings shows the signing certificate; choosing one with its passphrase makes it the one that signs."""
    from console.documents.certs import create_self_signed
    from console.packages import signing_settings

    told: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, _t, text: told.append(text))
    p12 = tmp_path / "team.p12"
    p12.write_bytes(create_self_signed("Data Protection Team", "Miximonster", "privacy@example.org", passphrase="pw-123"))
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert "None yet" in dialog.signing_state.text()
    dialog.use_certificate(str(tmp_path / "missing.p12"), "pw-123")
    assert "Not changed" in dialog.signing_state.text()
    dialog.use_certificate(str(p12), "wrong")
    assert "Not changed" in dialog.signing_state.text() and signing_settings(app_ctx.ctx).pkcs12_path is None
    assert any("passphrase is wrong" in t for t in told)
    dialog.use_certificate(str(p12), "pw-123")
    assert "signs as Data Protection Team" in dialog.signing_state.text()
    assert signing_settings(app_ctx.ctx).pkcs12_path == str(p12)


def test_settings_set_the_certificate_package_checks_trust(window, app_ctx, tmp_path: Path, monkeypatch) -> None:
    """The organisation's published certificate, chosen once in Settings, is what verify trusts."""
    from console.documents.certs import create_self_signed
    from console.packages import certificate_info
    from console.packages.settings import trust_anchors

    told: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, _t, text: told.append(text))
    pem = tmp_path / "org.pem"
    pem.write_bytes(certificate_info(create_self_signed("DPO", "Miximonster", "p@m.example", passphrase="pw"), "pw").pem)
    (tmp_path / "key.p12").write_bytes(b"not a certificate")
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert "not verified" in dialog.trust_state.text()
    dialog.trust_certificate(str(tmp_path / "key.p12"))
    assert "Not changed" in dialog.trust_state.text() and told and trust_anchors(app_ctx.ctx) == []
    dialog.trust_certificate(str(pem))
    assert "CN=DPO" in dialog.trust_state.text() and trust_anchors(app_ctx.ctx) == [pem.read_bytes()]
