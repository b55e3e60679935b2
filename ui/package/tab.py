"""Package tab: preview the letter, build and sign the package, verify one, record it as sent.

Everything slow or stateful runs in a task: the preview and the build in the pool for PDF work
(``preview_pdf`` and ``build_package`` render for seconds on a big request and would otherwise
hold up every checklist tick queued behind them in the single writer; their own database writes
are short transactions), the check of a package in the pool too, and the two plain commands
(``configure_signing``, ``mark_sent``) in the writer. The buttons a role may not use stay
visible, disabled, with a tooltip that names the role they need.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.errors import Cancelled
from console.packages.kinds import kinds_for
from console.packages.records import mark_sent
from console.packages.verify import VerifyReport, verify_package
from console.requests.read_models import RequestView
from console.security.roles import Perm
from ui import style, words
from ui.errors import show_error
from ui.package import jobs
from ui.package.built import PackageList
from ui.package.dialogs import BuiltDialog, VerifyDialog, open_location
from ui.package.preview import PdfPreview
from ui.package.signing import SigningBar
from ui.package.words import kind_short, kind_title, refusal
from ui.preferences import Option
from ui.request.tabs import RequestTab, WorkspaceHost
from ui.tasks import Task, with_progress

if TYPE_CHECKING:
    from console.packages.builder import PackageResult


def preview_pdf(*args: Any, **kwargs: Any) -> bytes:
    """The builder (reportlab, pyHanko) is loaded by the first preview, in the worker that runs it,
    not when the workspace is built: the window's first paint does not wait for it."""
    from console.packages.builder import preview_pdf as render

    return render(*args, **kwargs)


def build_package(*args: Any, **kwargs: Any) -> PackageResult:
    from console.packages.builder import build_package as build

    return build(*args, **kwargs)

OUTPUT_FOLDER = Option("packages/output_folder", "")


class PackageTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        actor = host.app.ctx.actor
        self.can_work = actor.can(Perm.WORK_REQUESTS)
        self.can_sign = self.can_work and actor.can(Perm.SIGN)
        self._view: RequestView | None = None
        self._loaded_for: tuple[str, int] | None = None
        self._generation = 0
        self._preview_generation = 0
        self._preview_task: Task | None = None
        self.dialog: QWidget | None = None  # the last dialog shown (tests and screenshots read it)
        self._build_ui()
        self._apply_roles()
        self._update_buttons()

    # --- building ----------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.kind = QComboBox()
        self.kind.setMinimumWidth(320)
        self.kind.setAccessibleName(self.tr("Package kind"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preview_button = QPushButton(style.icon("search"), self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Render the letter as it will be sent, unsigned, to read it first"))
        self.build_button = QPushButton(style.icon("check-pass"), self.tr("Build and sign…"))
        self.build_button.setProperty("primary", True)
        self.verify_button = QPushButton(style.icon("verify"), self.tr("Verify…"))
        self.verify_button.setToolTip(self.tr("Check a package's signature and every file, as the person would"))
        menu = QMenu(self.verify_button)
        self.verify_selected_action = menu.addAction(self.tr("The selected package"), self.verify_selected)
        menu.addAction(self.tr("A package folder…"), self.verify_folder)
        menu.addAction(self.tr("A package .zip file…"), self.verify_zip)
        self.verify_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Package")))
        top.addWidget(self.kind)
        top.addWidget(self.preview_button)
        top.addWidget(self.build_button)
        top.addStretch(1)
        top.addWidget(self.verify_button)
        self.signing = SigningBar(self.host.app, self._show_dialog)
        self.signing.configured.connect(lambda then_build: self.build() if then_build else None)
        self.preview = PdfPreview()
        self.preview.cancel_requested.connect(self.cancel_preview)
        self.packages = PackageList(self.host.app)
        self.packages.selection_changed.connect(self._update_buttons)
        self.packages.activated.connect(self.open_folder)
        self.packages.mark_sent_button.clicked.connect(self.mark_sent)
        self.packages.open_button.clicked.connect(self.open_folder)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.preview)
        split.addWidget(self.packages)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.signing)
        layout.addWidget(split, 1)
        self.preview_button.clicked.connect(self.run_preview)
        self.build_button.clicked.connect(lambda: self.build())

    def _apply_roles(self) -> None:
        actor = self.host.app.ctx.actor
        if not self.can_work:
            self.preview_button.setToolTip(refusal(actor, (Perm.WORK_REQUESTS,), self.tr("Previewing a package")))
        if self.can_sign:
            self.build_button.setToolTip(self.tr("Build the package, sign the letter with the organisation's "
                                                 "certificate, and write it to a folder you choose"))
            self.packages.mark_sent_button.setToolTip(self.tr("Record that the selected package went out to the person"))
        else:
            self.build_button.setToolTip(refusal(actor, (Perm.WORK_REQUESTS, Perm.SIGN),
                                                 self.tr("Building and signing a package")))
            self.packages.mark_sent_button.setToolTip(refusal(actor, (Perm.SIGN,),
                                                              self.tr("Recording a package as sent")))

    def _hint(self) -> str:
        return self.tr("Preview the letter to read its pages before anything is signed.")

    # --- showing -----------------------------------------------------------------------------

    def show_request(self, view: RequestView) -> None:
        changed = self._view is None or self._view.reference != view.reference
        self._view = view
        self._set_kinds(kinds_for(view, self.host.app.ctx.catalogue))
        if changed:
            self._generation += 1
            self._loaded_for = None
            self.packages.clear()
            self.cancel_preview()
            self.preview.set_hint(self._hint())
        self._update_buttons()
        if self.isVisible():
            self.load(force=True)  # a cheap read, not audited: after every change, the list is fresh

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._view is not None:
            self.load()

    def clear(self) -> None:
        self._generation += 1
        self._view = None
        self._loaded_for = None
        self.packages.clear()
        self.cancel_preview()
        self.kind.clear()
        self._update_buttons()

    def load(self, force: bool = False) -> None:
        """The packages of the request (once per version unless forced) and the signing state."""
        view = self._view
        if view is None:
            return
        self.signing.load()
        key = (view.reference, view.version)
        if self._loaded_for == key and not force:
            return
        self._loaded_for = key
        self._generation += 1
        generation = self._generation
        self.host.app.tasks.read(jobs.packages, self.host.app.ctx, view.reference,
                                 on_done=lambda found: self._show_packages(generation, found),
                                 on_error=lambda exc: self._list_failed(generation, exc), owner=self)

    def _show_packages(self, generation: int, found: list[jobs.BuiltPackage]) -> None:
        if generation == self._generation:
            self.packages.show_packages(found)

    def _list_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loaded_for = None
            show_error(self, exc)

    def _set_kinds(self, kinds: tuple[str, ...]) -> None:
        if tuple(self.kind.itemData(i) for i in range(self.kind.count())) == kinds:
            return
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in kinds:  # the request's own answer first, then the letters it may need
            self.kind.addItem(kind_title(kind), kind)
        # A new list (another request, or this one moved on and may now be answered) starts at
        # the request's own answer; the letter chosen for the old list was for what it offered then.
        self.kind.setCurrentIndex(0 if kinds else -1)
        self.kind.blockSignals(False)

    def current_kind(self) -> str | None:
        data = self.kind.currentData()
        return str(data) if data else None

    def select_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def _kind_changed(self, _index: int) -> None:
        self.cancel_preview()
        self.preview.set_hint(self._hint())
        self._update_buttons()

    def selected(self) -> jobs.BuiltPackage | None:
        return self.packages.selected()

    def _update_buttons(self) -> None:
        has_kind = self._view is not None and self.current_kind() is not None
        self.preview_button.setEnabled(self.can_work and has_kind)
        self.build_button.setEnabled(self.can_sign and has_kind)
        self.kind.setEnabled(has_kind)
        chosen = self.selected()
        present = chosen is not None and chosen.present
        p = chosen.package if chosen is not None else None
        self.packages.mark_sent_button.setEnabled(self.can_sign and present and p is not None and p.signed
                                                  and p.sent_at is None)
        self.packages.open_button.setEnabled(present)
        self.verify_selected_action.setEnabled(present)

    # --- preview -----------------------------------------------------------------------------

    def run_preview(self) -> None:
        view, kind = self._view, self.current_kind()
        if view is None or kind is None or not self.can_work:
            return
        self.cancel_preview()
        self._preview_generation += 1
        generation = self._preview_generation
        self.preview.set_busy(self.tr("Rendering the letter for {0}…").format(view.reference))
        task = Task(preview_pdf, self.host.app.ctx, view.reference, kind, with_progress=True, with_cancel=True)
        self._preview_task = task
        self.host.app.tasks.start(
            task, owner=self,
            on_done=lambda pdf: self._previewed(generation, view.reference, kind, pdf),
            on_error=lambda exc: self._preview_failed(generation, exc),
            on_progress=lambda done, total: self._preview_progress(generation, done, total))

    def cancel_preview(self) -> None:
        if self._preview_task is not None:
            self._preview_task.cancel()
            self._preview_task = None
            self._preview_generation += 1
            self.preview.set_hint(self.tr("Preview cancelled."))

    def _preview_progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._preview_generation:
            self.preview.set_progress(done, total)

    def _previewed(self, generation: int, reference: str, kind: str, pdf: bytes) -> None:
        if generation != self._preview_generation:
            return
        self._preview_task = None
        self.preview.show_pdf(pdf, self.tr("{ref} · {kind} · preview, not signed").format(
            ref=reference, kind=kind_short(kind)))

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._preview_generation:
            return
        self._preview_task = None
        self.preview.set_hint(self.tr("No preview: {0}").format(exc))
        show_error(self, exc)

    # --- build and sign ----------------------------------------------------------------------

    def build(self, out_dir: str | None = None) -> None:
        """Ask for the folder (unless given), then build and sign behind a progress dialog."""
        view, kind = self._view, self.current_kind()
        if view is None or kind is None or not self.can_sign:
            return
        if not self.signing.ready:
            self.signing.offer_configure()
            return
        if out_dir is None:
            out_dir = self._choose_folder()
            if not out_dir:
                return
        self.host.app.prefs.set(OUTPUT_FOLDER, out_dir)
        with_progress(self.host.app.tasks, self,
                      self.tr("Building and signing the package for {0}…").format(view.reference),
                      build_package, self.host.app.ctx, view.reference, out_dir, kind=kind, sign=True,
                      in_writer=False, on_done=self._built, on_error=self._build_failed)

    def _choose_folder(self) -> str:
        start = self.host.app.prefs.get(OUTPUT_FOLDER) or str(Path.home())
        return QFileDialog.getExistingDirectory(self, self.tr("Where to write the package"), start)

    def _built(self, result: PackageResult) -> None:
        self.host.reload()  # the new package (list) and its event (Activity)
        dialog = BuiltDialog(result, self.host.app.zone, self)
        dialog.verify_requested.connect(self.verify_path)
        self._show_dialog(dialog)

    def _build_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            return  # the person pressed Cancel: nothing was written, nothing to say
        show_error(self, exc)
        self.signing.load(force=True)  # a certificate moved or a passphrase changed shows up here

    # --- the packages built ------------------------------------------------------------------

    def mark_sent(self) -> None:
        chosen, view = self.selected(), self._view
        if chosen is None or view is None or not self.can_sign:
            return
        p = chosen.package
        if not self.confirm(self.tr("Record that the {kind} package built on {when} went out to {name}? The date "
                                    "is kept with the request and cannot be undone here.").format(
                kind=kind_short(p.kind), when=words.local_time(p.built_at, self.host.app.zone),
                name=view.subject_name)):
            return
        self.host.app.tasks.write(mark_sent, self.host.app.ctx, view.reference, p.id, on_done=self._sent,
                                  on_error=lambda exc: show_error(self, exc), owner=self)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Mark as sent"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _sent(self, _package: Any) -> None:
        self.host.reload()

    def open_folder(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.present:
            open_location(chosen.package.path)

    # --- verify ------------------------------------------------------------------------------

    def _start_folder(self) -> str:
        chosen = self.selected()
        if chosen is not None:
            return str(Path(chosen.package.path).parent)
        return self.host.app.prefs.get(OUTPUT_FOLDER) or str(Path.home())

    def verify_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.verify_path(chosen.package.path)

    def verify_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Verify a package folder"), self._start_folder())
        if path:
            self.verify_path(path)

    def verify_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Verify a package .zip file"), self._start_folder(),
                                              self.tr("Packages (*.zip);;All files (*)"))
        if path:
            self.verify_path(path)

    def verify_path(self, path: str) -> None:
        """Check in the background against the organisation's certificate (when one is configured)."""
        self.packages.status.setText(self.tr("Checking {0}…").format(Path(path).name))
        check = partial(verify_package, ctx=self.host.app.ctx)  # the configured anchors and the record too
        self.host.app.tasks.read(check, path, self.signing.trust_roots(), on_done=self._verified,
                                 on_error=self._verify_failed, owner=self)

    def _verified(self, report: VerifyReport) -> None:
        self.packages.status.setText("")
        self._show_dialog(VerifyDialog(report, self.host.app.zone, self))

    def _verify_failed(self, exc: BaseException) -> None:
        self.packages.status.setText("")
        show_error(self, exc)

    def _show_dialog(self, dialog: QWidget) -> None:
        """Window-modal and not blocking (``open``): the loop keeps delivering task results."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
