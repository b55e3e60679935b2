"""The welcome on a first start: where the data lives, who the organisation is, how it signs.

Three pages, each skippable and each changeable later in Settings: (1) a local database with
demo data, an empty local database, or the team's PostgreSQL server (tested here, password to
the keyring); (2) the organisation's name and time zone; (3) a trial signing certificate or the
organisation's PKCS#12. Without an OS keyring the first page says what that costs and how to get
one. Finishing runs :func:`console.first_run.apply` in the background; nothing is written before.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from console import config, first_run, keychain
from console.policy import Catalogue
from ui import style
from ui.preferences import Option, Preferences
from ui.tasks import Tasks, with_progress

WELCOME_DONE = Option("welcome/done", False)


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def _t(text: str) -> str:
    return QCoreApplication.translate("ServerFields", text)


class ServerFields:
    """The team's PostgreSQL server as the welcome and Settings both ask for it: host and port,
    database, user, password (kept in the keyring), and a button to test the connection."""

    NAMES = ("host", "port", "dbname", "user", "password", "test", "test_result")

    def __init__(self, password_hint: str) -> None:
        self.host, self.port, self.dbname, self.user = QLineEdit(), QSpinBox(), QLineEdit(), QLineEdit()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(password_hint)
        self.test = QPushButton(_t("Test connection"))
        self.test_result = _label("")

    def adopt(self, owner: object) -> None:
        """Give ``owner`` the fields as its own attributes (``owner.host`` …)."""
        for name in self.NAMES:
            setattr(owner, name, getattr(self, name))

    def add_rows(self, form: QFormLayout) -> None:
        row = QHBoxLayout()
        row.addWidget(self.host, 3)
        row.addWidget(QLabel(_t("Port")))
        row.addWidget(self.port, 1)
        form.addRow(_t("Host"), row)
        form.addRow(_t("Database"), self.dbname)
        form.addRow(_t("User"), self.user)
        form.addRow(_t("Password"), self.password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)


class DatabasePage(QWizardPage):
    def __init__(self, tasks: Tasks, keyring: bool) -> None:
        super().__init__()
        self.tasks = tasks
        self.setTitle(self.tr("Welcome to Privacy Console"))
        self.setSubTitle(self.tr("First, where the requests and incidents are kept. You can change it later in "
                                 "Settings."))
        layout = QVBoxLayout(self)
        self.keyring_notice = _label(self.tr(
            "No OS keyring is available on this computer. Without one the console cannot keep secrets: identity "
            "evidence files cannot be stored (they are encrypted with a key kept there), the signing passphrase and "
            "a server password are not remembered, and you sign in at every start. To get one, install and start a "
            "Secret Service in your desktop session (GNOME Keyring: 'sudo apt install gnome-keyring', or KWallet), "
            "sign in to the desktop again, then start the console. Secrets are never stored in plain text."),
            "banner")
        self.keyring_notice.setVisible(not keyring)
        layout.addWidget(self.keyring_notice)
        self.demo = QRadioButton(self.tr("A local database with demo data: {0} invented requests to explore "
                                         "(on this computer)").format(first_run.DEMO_REQUESTS))
        self.empty = QRadioButton(self.tr("An empty local database: start with your own requests"))
        self.server = QRadioButton(self.tr("The team's shared PostgreSQL server"))
        self.demo.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.demo, self.empty, self.server):
            group.addButton(button)
            layout.addWidget(button)
            if button is self.empty:
                where = _label(self.tr("Either is the file {0}").format(first_run.local_url().removeprefix("sqlite:///")),
                               "muted")
                where.setContentsMargins(24, 0, 0, 6)
                layout.addWidget(where)
        fields = ServerFields(self.tr("kept in the OS keyring; empty for a server that asks none") if keyring
                              else self.tr("needs an OS keyring to be kept"))
        fields.adopt(self)
        self.host.setPlaceholderText("db.example.com")
        self.dbname.setPlaceholderText("privacy_console")
        self.password.setEnabled(keyring)
        self.test.clicked.connect(self.test_connection)
        self.server_box = QWidget()
        form = QFormLayout(self.server_box)
        form.setContentsMargins(24, 0, 0, 0)
        fields.add_rows(form)
        layout.addWidget(self.server_box)
        layout.addStretch(1)
        self.server.toggled.connect(self.server_box.setEnabled)
        self.server_box.setEnabled(False)

    def kind(self) -> str:
        return "server" if self.server.isChecked() else "empty" if self.empty.isChecked() else "demo"

    def url(self) -> str:
        return first_run.server_url(self.host.text(), self.port.value(), self.dbname.text(), self.user.text())

    def test_connection(self) -> None:
        try:
            url = self.url()
        except Exception as exc:  # noqa: BLE001 - a missing field: say it next to the button
            self._tested(exc)
            return
        self.test.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        self.tasks.background(first_run.check_server, url, self.password.text(), on_done=self._tested,
                              on_error=self._tested, owner=self)

    def _tested(self, result: object) -> None:
        self.test.setEnabled(True)
        failed = isinstance(result, BaseException)
        self.test_result.setObjectName("problem" if failed else "")
        self.test_result.setText(str(result) if failed else self.tr("Connected to {0}.").format(result))
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    def validatePage(self) -> bool:
        if self.kind() != "server":
            return True
        try:
            self.url()
        except Exception as exc:  # noqa: BLE001
            self._tested(exc)
            return False
        return True


class OrganisationPage(QWizardPage):
    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        org = catalogue.organisation
        self.setTitle(self.tr("Your organisation"))
        self.setSubTitle(self.tr("Its name is printed on every letter; deadlines end at midnight in its time zone. "
                                 "Leave them to keep the catalogue's; change them later in Settings, Organisation."))
        self.name = QLineEdit(org.name)
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(first_run.time_zones())
        self.zone.setCurrentText(org.time_zone)
        self.zone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        here = datetime.now().astimezone().tzinfo
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Time zone"), self.zone)
        form.addRow(_label(self.tr("This computer's zone: {0}").format(here), "muted"))


class OrganisationDialog(QDialog):
    """Settings' way back to the welcome's second page: the name and zone, in the catalogue copy."""

    changed = Signal(str)  # the catalogue folder now in use

    def __init__(self, prefs: Preferences, tasks: Tasks, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs, self.tasks = prefs, tasks
        self.setWindowTitle(self.tr("Organisation"))
        self.setMinimumWidth(520)
        self.page = OrganisationPage(catalogue)
        note = _label(self.tr("Saved in the organisation's copy of the policy catalogue ({0}); the console uses it "
                              "from the next start.").format(first_run.organisation_folder()), "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.page.subTitle().split(" Leave")[0]))
        layout.addWidget(self.page)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.catalogue_path = ""

    def save(self) -> None:
        from ui import preferences as P
        from ui.errors import show_error

        def done(path: object) -> None:  # Settings puts it in use with its own Save
            self.catalogue_path = str(path)
            self.changed.emit(self.catalogue_path)
            self.accept()

        self.tasks.write(first_run.write_organisation, self.page.name.text(), self.page.zone.currentText(),
                         self.prefs.get(P.POLICY_PATH) or None, on_done=done,
                         on_error=lambda exc: show_error(self, exc), owner=self)


class CertificatePage(QWizardPage):
    def __init__(self, catalogue: Catalogue, keyring: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Signing the answers"))
        self.setSubTitle(self.tr("Response letters are signed (PAdES) with the organisation's certificate. Set it up "
                                 "now or later in Settings, Signing certificate."))
        layout = QVBoxLayout(self)
        self.later = QRadioButton(self.tr("Later"))
        self.trial = QRadioButton(self.tr("Create a trial certificate (self-signed: fine for trying the console, "
                                          "not trusted by recipients)"))
        self.own = QRadioButton(self.tr("Use the organisation's certificate (a PKCS#12 file, .p12 or .pfx)"))
        group = QButtonGroup(self)
        for button in (self.later, self.trial, self.own):
            group.addButton(button)
        self.later.setChecked(True)
        self.cert_name = QLineEdit(self.tr("Data Protection Team"))
        self.cert_email = QLineEdit(catalogue.organisation.contact_email)
        self.file = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = _label("", "problem")
        trial_form = QFormLayout()
        trial_form.setContentsMargins(24, 0, 0, 0)
        trial_form.addRow(self.tr("Signer"), self.cert_name)
        trial_form.addRow(self.tr("Email"), self.cert_email)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        own_form = QFormLayout()
        own_form.setContentsMargins(24, 0, 0, 0)
        own_form.addRow(self.tr("File"), file_row)
        pass_form = QFormLayout()
        pass_form.addRow(self.tr("Passphrase"), self.passphrase)
        pass_form.addRow(self.tr("Again (new certificate)"), self.again)
        layout.addWidget(self.later)
        layout.addWidget(self.trial)
        layout.addLayout(trial_form)
        layout.addWidget(self.own)
        layout.addLayout(own_form)
        layout.addLayout(pass_form)
        layout.addWidget(self.problem)
        if not keyring:
            for button in (self.trial, self.own):
                button.setEnabled(False)
            layout.addWidget(_label(self.tr("Needs an OS keyring to keep the passphrase (see the first page)."),
                                    "muted"))
        layout.addStretch(1)

    def choice(self) -> str:
        return "trial" if self.trial.isChecked() else "import" if self.own.isChecked() else ""

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate"), "", self.tr("PKCS#12 (*.p12 *.pfx)"))
        if path:
            self.file.setText(path)
            self.own.setChecked(True)

    def validatePage(self) -> bool:
        """Caught here, not after the database was set up: a passphrase missing, mistyped or wrong."""
        choice = self.choice()
        problem = ""
        if choice and not self.passphrase.text():
            problem = self.tr("Type the certificate's passphrase.")
        elif choice == "trial" and self.again.text() != self.passphrase.text():
            problem = self.tr("The two passphrases differ.")
        elif choice == "import":
            from console.packages.settings import certificate_info, read_pkcs12

            try:
                certificate_info(read_pkcs12(self.file.text().strip()), self.passphrase.text())
            except Exception as exc:  # noqa: BLE001 - the console's message, beside the fields
                problem = str(exc)
        self.problem.setText(problem)
        return not problem


class FirstRunWizard(QWizard):
    """Emits ``finished_setup`` with the outcome once everything chosen is in place."""

    finished_setup = Signal(object)  # console.first_run.Outcome

    def __init__(self, prefs: Preferences, tasks: Tasks, catalogue: Catalogue, policy: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs, self.tasks, self.policy = prefs, tasks, policy
        self.setWindowTitle(self.tr("Welcome to Privacy Console"))
        self.setWindowIcon(style.icon("app"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, style.icon("app").pixmap(48, 48))
        self.setMinimumSize(720, 560)
        self.keyring = keychain.keyring_available()
        self.database = DatabasePage(tasks, self.keyring)
        self.organisation = OrganisationPage(catalogue)
        self.certificate = CertificatePage(catalogue, self.keyring)
        for page in (self.database, self.organisation, self.certificate):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Start"))
        self.outcome: first_run.Outcome | None = None

    def choices(self) -> first_run.Choices:
        db, org, cert = self.database, self.organisation, self.certificate
        server = db.kind() == "server"
        return first_run.Choices(
            database=db.kind(), url=db.url() if server else "", password=db.password.text() if server else "",
            organisation=org.name.text(), time_zone=org.zone.currentText(), policy=self.policy,
            certificate=cert.choice(), cert_name=cert.cert_name.text(), cert_email=cert.cert_email.text(),
            cert_file=cert.file.text().strip(), cert_passphrase=cert.passphrase.text())

    def accept(self) -> None:
        """Set everything up in the background; the wizard stays until it is done (or failed)."""
        choices = self.choices()
        label = (self.tr("Creating the database and adding {0} demo requests…").format(first_run.DEMO_REQUESTS)
                 if choices.database == "demo" else self.tr("Setting up…"))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        with_progress(self.tasks, self, label, first_run.apply, choices, on_done=self._done, on_error=self._failed)

    def _done(self, outcome: first_run.Outcome) -> None:
        from ui import preferences as P

        self.outcome = outcome
        self.prefs.set(P.DATABASE_URL, outcome.url)
        if outcome.policy:
            self.prefs.set(P.POLICY_PATH, outcome.policy)
        self.prefs.set(WELCOME_DONE, True)
        self.prefs.sync()
        super().accept()
        self.finished_setup.emit(outcome)

    def _failed(self, exc: object) -> None:
        from ui.errors import show_error

        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        show_error(self, exc)


def needs_welcome(explicit_url: str | None, prefs: Preferences) -> bool:
    """Only a real first start: no database named anywhere, none chosen before, no local file yet."""
    from pathlib import Path

    from ui import preferences as P

    if config.database_url(explicit_url) or config.NO_WELCOME.is_set():
        return False
    if prefs.get(WELCOME_DONE) or prefs.get(P.DATABASE_URL):
        return False
    return not Path(first_run.local_url().removeprefix("sqlite:///")).exists()
