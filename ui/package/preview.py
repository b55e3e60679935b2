"""The page preview: a QPdfView over a PDF held in memory, with page navigation and zoom.

The bytes come from ``preview_pdf`` in a background task; the widget only shows them (a
``QBuffer`` it keeps alive as long as the document). Three faces: a hint before anything is
rendered, a progress bar with Cancel while rendering, and the pages.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
STEP = 1.25
FIT_WIDTH, FIT_PAGE = -1.0, -2.0
HINT, PROGRESS, PAGES = range(3)


class PdfPreview(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.view.setStyleSheet("QPdfView { background: #8d96a0; border: none; }")
        self.hint = QLabel()
        self.hint.setObjectName("placeholder")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self._progress_face())
        self.stack.addWidget(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._toolbar())
        layout.addWidget(self.stack, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.set_hint(self.tr("Preview the letter to read its pages before anything is signed."))

    # --- building ----------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        self.prev_button = self._tool("◀", self.tr("Previous page"), lambda: self.go_to(self.page() - 1))
        self.next_button = self._tool("▶", self.tr("Next page"), lambda: self.go_to(self.page() + 1))
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.setAccessibleName(self.tr("Page"))
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.page_count = QLabel()
        self.page_count.setProperty("muted", True)
        self.zoom_out_button = self._tool("−", self.tr("Zoom out"), lambda: self.zoom_by(1 / STEP))
        self.zoom_in_button = self._tool("+", self.tr("Zoom in"), lambda: self.zoom_by(STEP))
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Fit width"), FIT_WIDTH)
        self.zoom.addItem(self.tr("Whole page"), FIT_PAGE)
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.activated.connect(lambda i: self.set_zoom(float(self.zoom.itemData(i))))
        self.caption = QLabel()
        self.caption.setProperty("muted", True)
        self.caption.setMinimumWidth(1)  # a long caption is clipped, it never widens the pane
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        bar.addWidget(self.prev_button)
        bar.addWidget(QLabel(self.tr("Page")))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom)
        bar.addWidget(self.zoom_in_button)
        bar.addStretch(1)
        bar.addWidget(self.caption)
        self._navigation = (self.prev_button, self.next_button, self.page_box, self.zoom_out_button,
                            self.zoom_in_button, self.zoom)
        return bar

    def _tool(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        return button

    def _progress_face(self) -> QWidget:
        face = QWidget()
        self.progress_label = QLabel()
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(360)
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout = QVBoxLayout(face)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addLayout(row)
        layout.addStretch(2)
        return face

    # --- the three faces ---------------------------------------------------------------------

    def set_hint(self, text: str) -> None:
        self._unload()
        self.hint.setText(text)
        self.caption.setText("")
        self.stack.setCurrentIndex(HINT)
        self._update_navigation()

    def set_busy(self, text: str) -> None:
        self.progress_label.setText(text)
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.stack.setCurrentIndex(PROGRESS)
        self._update_navigation()

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def show_pdf(self, pdf: bytes, caption: str = "") -> bool:
        """Load the bytes and show the first page; False when QtPdf cannot read them."""
        self._unload()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        if self.document.status() == QPdfDocument.Status.Error or self.document.pageCount() == 0:
            self.set_hint(self.tr("The preview could not be shown: the letter was made but cannot be read as a PDF."))
            return False
        self.caption.setText(caption)
        self.stack.setCurrentIndex(PAGES)
        self.page_box.setMaximum(self.document.pageCount())
        self.page_count.setText(self.tr("of {0}").format(self.document.pageCount()))
        self.go_to(0)
        self._update_navigation()
        return True

    def _unload(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    # --- navigation and zoom -----------------------------------------------------------------

    def page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def pages(self) -> int:
        return self.document.pageCount() if self.stack.currentIndex() == PAGES else 0

    def go_to(self, page: int) -> None:
        if not self.pages():
            return
        page = max(0, min(page, self.pages() - 1))
        if page != self.page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self._update_navigation()

    def set_zoom(self, factor: float) -> None:
        if factor == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif factor == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(factor)
        self._show_zoom()

    def zoom_by(self, step: float) -> None:
        factor = max(ZOOMS[0] / 2, min(self.effective_zoom() * step, ZOOMS[-1] * 2))
        self.set_zoom(round(factor, 3))

    def effective_zoom(self) -> float:
        """The factor on screen, also in a fit mode (where zoomFactor() keeps an old value)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or not self.pages():
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.page())
        if points.width() <= 0 or points.height() <= 0:
            return 1.0
        scale = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        width = (self.view.viewport().width() - margins.left() - margins.right()) / (points.width() * scale)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (self.view.viewport().height() - margins.top() - margins.bottom()) / (points.height() * scale)
        return min(width, height)

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.FitToWidth:
            self.zoom.setCurrentIndex(0)
        elif mode == QPdfView.ZoomMode.FitInView:
            self.zoom.setCurrentIndex(1)
        else:
            factor = self.view.zoomFactor()
            index = self.zoom.findData(factor)
            if index < 0:  # a step between the listed factors: one extra entry, reused
                if self.zoom.count() == 2 + len(ZOOMS):
                    self.zoom.addItem("", factor)
                index = self.zoom.count() - 1
                self.zoom.setItemText(index, f"{factor:.0%}")
                self.zoom.setItemData(index, factor)
            self.zoom.setCurrentIndex(index)

    def _update_navigation(self) -> None:
        n = self.pages()
        for widget in self._navigation:
            widget.setEnabled(n > 0)
        self.prev_button.setEnabled(n > 0 and self.page() > 0)
        self.next_button.setEnabled(n > 0 and self.page() < n - 1)
        if not n:
            self.page_count.setText("")
