"""Settings: which database (local file or shared PostgreSQL, tested in the background), the
policy catalogue folder, the zone times are shown in, the due-soon threshold, the appearance;
and, for administrators, the Security page (accounts, second-factor roles, turning sign-in on).

The General page is kept in QSettings (this desktop's choices) when Save is pressed. The
server password goes to the OS keyring under the entry the engine looks up
(``secret_name_for``); it is never written into the URL. The Security page writes to the
database at once (ui.dialogs.accounts), so it does not wait for Save.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from console import keychain
from console.policy import load_catalogue
from console.security.roles import Perm
from console.session import check_database, default_url, parse_url, secret_name_for
from ui import preferences as P
from ui.context import AppContext


def check_policy(path: str) -> str:
    cat = load_catalogue(path or None)
    return f"{cat.organisation.name}: {len(cat.rights)} rights, {len(cat.categories)} data categories"


class SettingsDialog(QDialog):
    applied = Signal(bool)  # True when a restart is needed (database or catalogue changed)
    sign_in_enabled = Signal(str)  # sign-in was turned on with this first administrator

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.prefs = app.prefs
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)
        general = QWidget()
        inner = QVBoxLayout(general)
        inner.addWidget(self._database_box())
        inner.addWidget(self._policy_box())
        inner.addWidget(self._signing_box())
        inner.addWidget(self._display_box())
        self.pages = QTabWidget()
        self.pages.addTab(general, self.tr("General"))
        self.security: QWidget | None = None
        if app.can(Perm.MANAGE_ACCOUNTS):  # nobody else has anything to do there: not shown at all
            from ui.dialogs.accounts import SecurityPage

            page = SecurityPage(app)
            page.sign_in_enabled.connect(self._sign_in_enabled)
            self.pages.addTab(page, self.tr("Security"))
            self.security = page
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.pages.currentChanged.connect(self._page_changed)
        layout.addWidget(self.buttons)
        self._load()

    def _page_changed(self, index: int) -> None:
        """Save and Cancel are about the General page; the Security page has applied its changes already."""
        security = self.pages.widget(index) is self.security and self.security is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setVisible(not security)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Close") if security else self.tr("Cancel"))

    def _sign_in_enabled(self, username: str) -> None:
        self.reject()  # the window closes next: this desktop signs in as the new administrator
        self.sign_in_enabled.emit(username)

    # --- building --------------------------------------------------------------------------

    def _database_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Database"))
        self.local = QRadioButton(self.tr("Local file (one person, this computer)"))
        self.server = QRadioButton(self.tr("Shared PostgreSQL server (the team)"))
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.file = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        from ui.dialogs.first_run import ServerFields

        fields = ServerFields(self.tr("kept in the OS keyring; leave empty to keep the stored one"))
        fields.adopt(self)
        form = QFormLayout(box)
        form.addRow(self.local)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.server)
        fields.add_rows(form)
        self.local.toggled.connect(self._kind_changed)
        self.test.clicked.connect(self.test_connection)
        return box

    def _policy_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Policy catalogue"))
        self.policy = QLineEdit()
        self.policy.setPlaceholderText(self.tr("the catalogue shipped with the console"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_policy)
        check = QPushButton(self.tr("Check"))
        check.clicked.connect(self.check_catalogue)
        self.policy_result = QLabel()
        self.policy_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.policy, 1)
        row.addWidget(browse)
        row.addWidget(check)
        organisation = QPushButton(self.tr("Organisation name and time zone…"))
        organisation.clicked.connect(self.edit_organisation)
        form = QFormLayout(box)
        form.addRow(self.tr("Folder"), row)
        form.addRow(organisation, self.policy_result)
        return box

    def edit_organisation(self) -> None:
        """The welcome's organisation page again; it writes the catalogue copy this Save puts in use."""
        from ui.dialogs.first_run import OrganisationDialog

        dialog = OrganisationDialog(self.prefs, self.app.tasks, self.app.ctx.catalogue, self)
        dialog.changed.connect(self.policy.setText)
        dialog.open()

    def _signing_box(self) -> QGroupBox:
        """The organisation's signing certificate and the optional time-stamp server (shared settings)."""
        from console.packages import signing_settings

        box = QGroupBox(self.tr("Signing certificate"))
        self.signing_state = QLabel(self.tr("Loading…"))
        self.signing_state.setWordWrap(True)
        self.choose_certificate = QPushButton(self.tr("Choose certificate…"))
        self.choose_certificate.clicked.connect(self._choose_certificate)
        self.timestamp_url = QLineEdit()
        self.timestamp_url.setPlaceholderText(self.tr("optional: an RFC 3161 time-stamp server, https://…"))
        self.trust_state = QLabel(self.tr("None: package checks report the signer as not verified."))
        self.trust_state.setWordWrap(True)
        self.choose_trust = QPushButton(self.tr("Choose published certificate…"))
        self.choose_trust.clicked.connect(self._choose_trust)
        allowed = self.app.can(Perm.SETTINGS)
        for widget in (self.choose_certificate, self.timestamp_url, self.choose_trust):
            widget.setEnabled(allowed)
            if not allowed:
                widget.setToolTip(self.tr("Only an administrator chooses the signing certificate."))
        row = QHBoxLayout()
        row.addWidget(self.signing_state, 1)
        row.addWidget(self.choose_certificate)
        form = QFormLayout(box)
        form.addRow(self.tr("Certificate"), row)
        form.addRow(self.tr("Time stamps"), self.timestamp_url)
        trust = QHBoxLayout()
        trust.addWidget(self.trust_state, 1)
        trust.addWidget(self.choose_trust)
        form.addRow(self.tr("Trusted for checks"), trust)
        self._timestamp_loaded = ""
        self.app.tasks.read(signing_settings, self.app.ctx, on_done=self._signing_loaded,
                            on_error=lambda exc: self.signing_state.setText(str(exc)), owner=self)
        from console.packages.settings import trust_anchors

        self.app.tasks.read(trust_anchors, self.app.ctx, on_done=self._trust_loaded,
                            on_error=lambda exc: self.trust_state.setText(str(exc)), owner=self)
        return box

    def _trust_loaded(self, anchors: object) -> None:
        if isinstance(anchors, list) and anchors:
            self.trust_state.setText(self.tr("{0} certificate(s) set; package checks verify signers against them")
                                     .format(len(anchors)))

    def _signing_loaded(self, settings: object) -> None:
        path = getattr(settings, "pkcs12_path", None)
        self._timestamp_loaded = getattr(settings, "timestamp_url", None) or ""
        self.timestamp_url.setText(self._timestamp_loaded)
        self.signing_state.setText(path or self.tr("None yet: packages cannot be signed until one is chosen."))

    def _choose_certificate(self) -> None:
        from ui.package.dialogs import SigningDialog

        current = self.signing_state.text()
        dialog = SigningDialog(current if current.endswith((".p12", ".pfx")) else "", self)
        dialog.accepted.connect(lambda: self.use_certificate(dialog.path.text().strip(), dialog.passphrase.text()))
        dialog.open()

    def _choose_trust(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The organisation's published certificate or CA"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"))
        if path:
            self.trust_certificate(path)

    def trust_certificate(self, path: str) -> None:
        """Make this certificate (or CA) the anchor package checks verify signers against."""
        from console.packages.settings import set_trust_anchor
        from ui.errors import show_error

        def done(described: object) -> None:
            self.trust_state.setText("\n".join(described) if isinstance(described, list) else path)

        def failed(exc: object) -> None:
            self.trust_state.setText(self.tr("Not changed: {0}").format(exc))
            show_error(self, exc)

        self.app.tasks.write(set_trust_anchor, self.app.ctx, path, on_done=done, on_error=failed, owner=self)

    def use_certificate(self, path: str, passphrase: str) -> None:
        """Open the certificate in a task (a wrong passphrase is caught now) and make it the one that signs."""
        from console.packages import configure_signing
        from ui.errors import show_error

        self.signing_state.setText(self.tr("Opening {0}…").format(path))

        def done(info: object) -> None:
            name = getattr(info, "common_name", "") or getattr(info, "subject", "")
            until = getattr(info, "not_after", None)
            self.signing_state.setText(self.tr("{path} — signs as {name}, valid until {until}").format(
                path=path, name=name, until=until.date().isoformat() if until else "?"))

        def failed(exc: object) -> None:
            self.signing_state.setText(self.tr("Not changed: {0}").format(exc))
            show_error(self, exc)

        self.app.tasks.write(configure_signing, self.app.ctx, path, passphrase, on_done=done, on_error=failed, owner=self)

    def _display_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Display and deadlines"))
        cat = self.app.ctx.catalogue
        self.zone = QComboBox()
        self.zone.addItem(self.tr("The organisation's ({0})").format(cat.organisation.time_zone), "organisation")
        self.zone.addItem(self.tr("This computer's"), "local")
        self.zone.addItem(self.tr("UTC"), "utc")
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, 24 * 30)
        self.due_soon.setSuffix(self.tr(" hours"))
        self.due_soon.setSpecialValueText(self.tr("the policy's ({0} hours)").format(cat.due_soon_hours))
        self.appearance = QComboBox()
        self.appearance.addItem(self.tr("Light"), "light")
        self.appearance.addItem(self.tr("Dark"), "dark")
        self.notify = QCheckBox(self.tr("Desktop notice when a request becomes due soon or overdue"))
        self.language = QComboBox()
        self.language.addItem(self.tr("The system's"), "")
        self.language.addItem("English", "en")  # each language in its own words
        self.language.addItem("Deutsch", "de")
        self.language.setToolTip(self.tr("Used from the next start"))
        form = QFormLayout(box)
        form.addRow(self.tr("Show times in"), self.zone)
        form.addRow(self.tr("Due soon when less than"), self.due_soon)
        form.addRow(self.tr("Appearance"), self.appearance)
        form.addRow(self.tr("Language (from the next start)"), self.language)
        form.addRow(self.notify)
        return box

    # --- values ----------------------------------------------------------------------------

    def _load(self) -> None:
        url = self.prefs.get(P.DATABASE_URL) or self.app.ctx.db.url
        try:
            parsed = parse_url(url)
        except Exception:  # noqa: BLE001 - a broken saved URL: start from the local default
            parsed = parse_url(default_url())
        if parsed.get_backend_name() == "postgresql":
            self.server.setChecked(True)
            self.host.setText(parsed.host or "")
            self.port.setValue(parsed.port or 5432)
            self.dbname.setText(parsed.database or "")
            self.user.setText(parsed.username or "")
            self.file.setText(parse_url(default_url()).database or "")
        else:
            self.local.setChecked(True)
            self.file.setText(parsed.database or "")
            self.host.setText("127.0.0.1")
            self.dbname.setText("privacy_console")
        self._kind_changed()
        self.policy.setText(self.prefs.get(P.POLICY_PATH))
        self.zone.setCurrentIndex(max(self.zone.findData(self.prefs.get(P.DISPLAY_ZONE)), 0))
        self.due_soon.setValue(self.prefs.get(P.DUE_SOON_HOURS))
        self.appearance.setCurrentIndex(max(self.appearance.findData(self.prefs.get(P.APPEARANCE)), 0))
        self.language.setCurrentIndex(max(self.language.findData(self.prefs.get(P.LANGUAGE)), 0))
        self.notify.setChecked(self.prefs.get(P.NOTIFY))

    def _kind_changed(self) -> None:
        local = self.local.isChecked()
        self.file.setEnabled(local)
        for w in (self.host, self.port, self.dbname, self.user, self.password):
            w.setEnabled(not local)

    def url(self) -> str:
        if self.local.isChecked():
            return f"sqlite:///{Path(self.file.text().strip()).expanduser()}"
        return URL.create("postgresql+psycopg", username=self.user.text().strip() or None,
                          host=self.host.text().strip() or None, port=self.port.value(),
                          database=self.dbname.text().strip() or None).render_as_string(hide_password=False)

    def _store_password(self) -> None:
        """Put a typed password in the keyring (the entry the engine reads), never in the URL."""
        if self.server.isChecked() and self.password.text():
            keychain.set_secret(secret_name_for(parse_url(self.url())), self.password.text())

    # --- actions ---------------------------------------------------------------------------

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Database file"), self.file.text(),
                                              self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.file.setText(path)

    def _browse_policy(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Policy catalogue folder"), self.policy.text())
        if path:
            self.policy.setText(path)

    def test_connection(self) -> None:
        self.test.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        try:
            self._store_password()
            url = self.url()
        except Exception as exc:  # noqa: BLE001 - a bad URL or keyring: say it next to the button
            self._tested(exc)
            return
        self.app.tasks.read(check_database, url, on_done=self._tested, on_error=self._tested, owner=self)

    def _tested(self, result: object) -> None:
        self.test.setEnabled(True)
        if isinstance(result, BaseException):
            self.test_result.setObjectName("problem")
            self.test_result.setText(str(result))
        else:
            self.test_result.setObjectName("")
            self.test_result.setText(self.tr("Connected to {0}.").format(result))
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    def check_catalogue(self) -> None:
        self.policy_result.setText(self.tr("Reading…"))
        self.app.tasks.read(check_policy, self.policy.text().strip(), on_done=self.policy_result.setText,
                            on_error=lambda exc: self.policy_result.setText(str(exc)), owner=self)

    def save(self) -> None:
        from ui.errors import show_error

        try:
            self._store_password()
            url = self.url()
            parse_url(url)
        except Exception as exc:  # noqa: BLE001 - shown as the console's message
            show_error(self, exc)
            return
        before = (self.prefs.get(P.DATABASE_URL) or self.app.ctx.db.url, self.prefs.get(P.POLICY_PATH))
        self.prefs.set(P.DATABASE_URL, url)
        self.prefs.set(P.POLICY_PATH, self.policy.text().strip())
        self.prefs.set(P.DISPLAY_ZONE, str(self.zone.currentData()))
        self.prefs.set(P.DUE_SOON_HOURS, self.due_soon.value())
        self.prefs.set(P.APPEARANCE, str(self.appearance.currentData()))
        self.prefs.set(P.LANGUAGE, str(self.language.currentData()))
        self.prefs.set(P.NOTIFY, self.notify.isChecked())
        self.prefs.sync()
        timestamp = self.timestamp_url.text().strip()
        if self.app.can(Perm.SETTINGS) and timestamp != self._timestamp_loaded:
            from console.packages import set_timestamp_url

            self.app.tasks.write(set_timestamp_url, self.app.ctx, timestamp or None,
                                 on_error=lambda exc: show_error(self.parentWidget(), exc))
        self.applied.emit(before != (url, self.policy.text().strip()))
        self.accept()
