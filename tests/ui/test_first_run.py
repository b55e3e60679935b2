"""The first-run welcome, as a new user goes through it: each choice leaves a working database.

(a) the whole start through run_gui: welcome, demo data, then the window with the queue;
(b) an empty local database, the organisation's name and zone, a trial certificate that signs;
(c) the team's PostgreSQL server (a throwaway database on the real server), tested, password to
    the keyring, the organisation's own PKCS#12 imported.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from console.context import Context
from console.policy import load_catalogue
from console.requests import commands
from console.session import local_actor
from console.store.engine import default_url
from console.uow import Database
from ui import app as gui
from ui import preferences as P
from ui.dialogs.first_run import WELCOME_DONE, FirstRunWizard, needs_welcome
from ui.main_window import MainWindow
from ui.tasks import Tasks

from .helpers import gui_run, run_window


def count_requests(url: str) -> int:
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM requests")).scalar_one())
    finally:
        db.dispose()


def add_one_request(url: str, policy: str | None) -> str:
    """A working database takes a request and lists it."""
    db = Database(url)
    try:
        ctx = Context(db, load_catalogue(policy), local_actor())
        view = commands.add_request(ctx, commands.NewRequest(
            right="access", subject_name="Test Person", subject_email="test.person@example.com",
            received_at=ctx.now()))
        return view.reference
    finally:
        db.dispose()


def go_to_end(wizard: FirstRunWizard) -> None:
    while wizard.currentPage() is not wizard.certificate:
        wizard.next()


def test_a_first_start_offers_the_welcome_then_opens_the_demo_database(qapp, isolated_home, monkeypatch):
    """(a): no database anywhere: the welcome comes first; its default fills the demo data."""
    monkeypatch.delenv("PRIVACY_CONSOLE_NO_DEMO", raising=False)
    seen: dict[str, object] = {}

    def drive() -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard) and w.isVisible()]
        if not wizards:
            later(drive, 30)
            return
        wizard = wizards[0]
        seen["notice_hidden"] = wizard.database.keyring_notice.isHidden()
        assert wizard.database.demo.isChecked()
        go_to_end(wizard)
        wizard.accept()
        later(look, 30)

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].queue.model.rowCount() and windows[0].counts is not None:
            seen["all"] = windows[0].counts.queues["all"]
            windows[0].close()
            return
        later(look, 50)

    with gui_run() as later:
        later(drive, 30)
        code = run_window([])
    assert code == 0
    assert seen["notice_hidden"] is True  # a keyring is there: no warning
    assert seen["all"] == gui.DEMO_REQUESTS
    assert count_requests(default_url()) == gui.DEMO_REQUESTS
    prefs = P.Preferences()
    assert prefs.get(WELCOME_DONE) and prefs.get(P.DATABASE_URL) == default_url()
    assert not needs_welcome(None, prefs)  # the next start goes straight to the window


def test_an_empty_database_with_the_organisation_and_a_trial_certificate(qtbot, prefs, isolated_home):
    """(b): nothing invented; the organisation's own name and zone; a certificate that signs."""
    from console.packages.settings import open_signer

    tasks = Tasks(synchronous=True)
    wizard = FirstRunWizard(prefs, tasks, load_catalogue())
    qtbot.addWidget(wizard)
    wizard.database.empty.setChecked(True)
    wizard.next()
    wizard.organisation.name.setText("Example Trading Ltd")
    wizard.organisation.zone.setCurrentText("America/New_York")
    wizard.next()
    page = wizard.certificate
    page.trial.setChecked(True)
    page.passphrase.setText("trial passphrase 1")
    page.again.setText("trial passphrase 2")
    assert not page.validatePage() and "differ" in page.problem.text()  # a slip is caught on the page
    page.again.setText("trial passphrase 1")
    with qtbot.waitSignal(wizard.finished_setup, timeout=60_000):
        wizard.accept()

    outcome = wizard.outcome
    assert outcome is not None and outcome.requests_added == 0
    assert prefs.get(P.DATABASE_URL) == default_url() and prefs.get(P.POLICY_PATH) == outcome.policy
    catalogue = load_catalogue(outcome.policy)
    assert catalogue.organisation.name == "Example Trading Ltd"
    assert catalogue.organisation.time_zone == "America/New_York"
    assert "Example Trading Ltd" in catalogue.organisation.contact_lines
    assert load_catalogue().organisation.name == "Miximonster"  # the shipped catalogue is untouched
    assert count_requests(default_url()) == 0
    assert add_one_request(default_url(), outcome.policy).startswith("DSR-")
    db = Database(default_url())
    try:
        signer = open_signer(Context(db, catalogue, local_actor()))  # passphrase from the keyring
        assert signer.info.organisation == "Example Trading Ltd"
    finally:
        db.dispose()
    tasks.shutdown()


def test_without_a_keyring_the_welcome_says_what_is_lost_and_how_to_get_one(qtbot, prefs):
    keyring.set_keyring(keyring.backends.fail.Keyring())  # a host with no Secret Service
    wizard = FirstRunWizard(prefs, Tasks(synchronous=True), load_catalogue())
    qtbot.addWidget(wizard)
    notice = wizard.database.keyring_notice
    assert not notice.isHidden()
    assert "evidence" in notice.text() and "gnome-keyring" in notice.text()
    assert not wizard.certificate.trial.isEnabled() and not wizard.certificate.own.isEnabled()
    assert not wizard.database.password.isEnabled()


@pytest.fixture
def throwaway_pg() -> str:
    """A new database on the real PostgreSQL server, dropped afterwards."""
    base = os.environ.get("PRIVACY_CONSOLE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"pc_welcome_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001
        admin.dispose()
        pytest.skip(f"no PostgreSQL server to test against ({type(exc).__name__})")
    yield make_url(base).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_shared_server_tested_then_set_up_with_the_organisations_certificate(
        qtbot, prefs, throwaway_pg, tmp_path: Path, memory_keyring):
    """(c): the real server; the typed password goes to the keyring, never into the URL."""
    from console.documents.certs import create_self_signed
    from console.packages.settings import signing_settings
    from console.store import migrate

    p12 = tmp_path / "organisation.p12"
    p12.write_bytes(create_self_signed("Data Protection Team", "Miximonster", "privacy@example.com",
                                       passphrase="org passphrase"))
    server = make_url(throwaway_pg)
    tasks = Tasks(synchronous=True)
    wizard = FirstRunWizard(prefs, tasks, load_catalogue())
    qtbot.addWidget(wizard)
    page = wizard.database
    page.server.setChecked(True)
    page.host.setText(server.host or "127.0.0.1")
    page.port.setValue(server.port or 5432)
    page.dbname.setText(server.database or "")
    page.user.setText(server.username or "")
    page.password.setText("kept in the keyring")
    page.test.click()
    assert page.test_result.text().startswith("Connected to"), page.test_result.text()
    wizard.next()
    wizard.next()
    cert = wizard.certificate
    cert.own.setChecked(True)
    cert.file.setText(str(p12))
    cert.passphrase.setText("wrong")
    assert not cert.validatePage() and "passphrase" in cert.problem.text().lower()
    cert.passphrase.setText("org passphrase")
    with qtbot.waitSignal(wizard.finished_setup, timeout=60_000):
        wizard.accept()

    outcome = wizard.outcome
    assert outcome is not None and outcome.notes == ()
    assert outcome.url == prefs.get(P.DATABASE_URL) and "kept in the keyring" not in outcome.url
    assert "kept in the keyring" in memory_keyring.store.values()
    db = Database(outcome.url)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        ctx = Context(db, load_catalogue(), local_actor())
        assert signing_settings(ctx).pkcs12_path == str(p12.resolve())
    finally:
        db.dispose()
    assert count_requests(outcome.url) == 0  # nothing invented on a team's server
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Start"
    tasks.shutdown()


def test_the_organisation_is_changed_later_in_settings(qtbot, app_ctx, isolated_home, monkeypatch):
    from PySide6.QtWidgets import QApplication as _QApp

    from ui.dialogs.first_run import OrganisationDialog
    from ui.dialogs.settings import SettingsDialog

    shown: list[str] = []
    monkeypatch.setattr("ui.errors.show_error", lambda _parent, exc: shown.append(str(exc)))
    settings = SettingsDialog(app_ctx)
    qtbot.addWidget(settings)
    settings.edit_organisation()
    dialog = next(w for w in _QApp.topLevelWidgets() if isinstance(w, OrganisationDialog) and w.isVisible())
    dialog.page.name.setText("Renamed Org")
    dialog.page.zone.setCurrentText("Not/AZone")
    dialog.save()
    assert dialog.isVisible() and "is not a time zone" in shown[0]  # refused, saying why
    dialog.page.zone.setCurrentText("Asia/Tokyo")
    dialog.save()
    assert not dialog.isVisible()
    assert settings.policy.text() == dialog.catalogue_path
    settings.save()
    org = load_catalogue(app_ctx.prefs.get(P.POLICY_PATH)).organisation
    assert (org.name, org.time_zone) == ("Renamed Org", "Asia/Tokyo")
