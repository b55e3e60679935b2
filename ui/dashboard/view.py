"""The dashboard page: the figures of console.dashboard as tiles and four charts, and a CSV export.

Figures are counted in SQL in the background when the page is shown (or refreshed); the charts
show the top rights and fold the rest into "Other" so every label stays readable.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt, Slot
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import dashboard
from console.dashboard import Figures
from console.deadlines import URGENCY, DeadlineState
from ui import style, words
from ui.context import AppContext
from ui.errors import show_error

TOP_RIGHTS = 8
STATE_ORDER = tuple(s.value for s in URGENCY if s is not DeadlineState.CLOSED)
STATE_CHART_COLOURS = {"overdue": "#c62828", "due_today": "#ef6c00", "due_soon": "#f2b600", "on_track": "#43a047",
                       "paused": "#78909c"}
RECEIVED_COLOUR, CLOSED_COLOUR, MEDIAN_COLOUR, OPEN_COLOUR = "#1f5fa8", "#7cb342", "#5e35b1", "#1f5fa8"


class Tile(QFrame):
    def __init__(self, label: str, icon: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.label = QLabel(label)
        self.label.setObjectName("tileLabel")
        self.icon = QLabel()
        if icon:
            self.icon.setPixmap(style.state_icon(icon).pixmap(22, 22))
        top = QHBoxLayout()
        top.addWidget(self.value)
        top.addStretch(1)
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addWidget(self.label)


class DashboardPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.figures: Figures | None = None
        self._loading = False
        title = QLabel(self.tr("Dashboard"))
        title.setObjectName("reference")
        self.as_of = QLabel()
        self.as_of.setObjectName("muted")
        self.refresh_button = QPushButton(style.icon("refresh"), self.tr("Refresh"))
        self.export_button = QPushButton(style.icon("export"), self.tr("Export CSV…"))
        self.export_button.setEnabled(False)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.as_of)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        head.addWidget(self.export_button)
        self.tiles = {
            "open": Tile(self.tr("Open requests")),
            "overdue": Tile(self.tr("Overdue"), "overdue"),
            "rate": Tile(self.tr("Overdue rate (of open)")),
            "due_today": Tile(self.tr("Due today"), "due_today"),
            "due_soon": Tile(self.tr("Due soon (today included)"), "due_soon"),
            "paused": Tile(self.tr("Paused (clock stopped)"), "paused"),
        }
        tiles = QHBoxLayout()
        for tile in self.tiles.values():
            tiles.addWidget(tile)
        self.charts = {key: self._chart_view() for key in ("by_right", "by_state", "weeks", "median")}
        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.charts["by_right"], 0, 0)
        grid.addWidget(self.charts["by_state"], 0, 1)
        grid.addWidget(self.charts["weeks"], 1, 0)
        grid.addWidget(self.charts["median"], 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)

    def _chart_view(self) -> QChartView:
        view = QChartView()
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        view.setChart(self._empty_chart(self.tr("Loading…")))
        return view

    def _empty_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        self._style_chart(chart)
        return chart

    def _style_chart(self, chart: QChart) -> None:
        dark = style.theme() == "dark"
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(6, 6, 6, 6))
        font = QFont(chart.titleFont())
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        chart.setTitleFont(font)

    # --- loading ---------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self.figures is None and not self._loading:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        self.as_of.setText(self.tr("Counting…"))
        self.app.tasks.read(dashboard.figures, self.app.ctx, on_done=self._show, on_error=self._failed, owner=self)

    def restyle(self) -> None:
        """The appearance changed (perhaps while this page was hidden): draw the charts again in it."""
        if self.figures is not None:
            self._show(self.figures)
        else:
            for view in self.charts.values():
                self._style_chart(view.chart())

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.as_of.setText(self.tr("Could not count the figures."))
        show_error(self, exc)

    def _show(self, fig: Figures) -> None:
        self._loading = False
        self.figures = fig
        self.refresh_button.setEnabled(True)
        self.export_button.setEnabled(True)
        self.as_of.setText(self.tr("As of {0} ({1})").format(words.local_time(fig.as_of, self.app.zone), self.app.zone_name))
        states = fig.by_deadline_state
        self.tiles["open"].value.setText(f"{fig.open_total:,}")
        self.tiles["overdue"].value.setText(f"{fig.overdue:,}")
        self.tiles["rate"].value.setText(f"{QLocale().toString(fig.overdue_rate * 100, 'f', 1)} %")
        for key in (DeadlineState.DUE_TODAY, DeadlineState.PAUSED):
            self.tiles[key].value.setText(f"{states.get(key, 0):,}")
        self.tiles["due_soon"].value.setText(f"{fig.due_soon:,}")  # the navigation's number: today included
        self.charts["by_right"].setChart(self._by_right_chart(fig))
        self.charts["by_state"].setChart(self._state_chart(fig))
        self.charts["weeks"].setChart(self._weeks_chart(fig))
        self.charts["median"].setChart(self._median_chart(fig))

    # --- charts ----------------------------------------------------------------------------

    def _top(self, values: dict[str, int]) -> list[tuple[str, int]]:
        ranked = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
        top = [(words.short_right(self.app.right_title(k)), v) for k, v in ranked[:TOP_RIGHTS]]
        rest = sum(v for _k, v in ranked[TOP_RIGHTS:])
        if rest:
            top.append((self.tr("{0} other rights").format(len(ranked) - TOP_RIGHTS), rest))
        return top

    def _hbar(self, title: str, rows: list[tuple[str, float]], colour: str, label_format: str | None) -> QChart:
        """Horizontal bars; without ``label_format`` the values (with thousands separators) go in
        the category labels, since chart value labels cannot group digits."""
        chart = self._empty_chart(title)
        rows = list(reversed(rows))  # the largest at the top
        bars = QBarSet(title)
        bars.setColor(QColor(colour))
        bars.setBorderColor(QColor(colour))
        bars.setLabelColor(QColor("#e6e9ed" if style.theme() == "dark" else "#1d232b"))
        for _label, value in rows:
            bars.append(value)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(label_format is not None)
        series.setLabelsFormat(label_format or "")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([label if label_format else f"{label} · {int(v):,}" for label, v in rows])
        axis_y.setGridLineVisible(False)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        top = max([v for _l, v in rows] + [1])
        axis_x.setRange(0, top * 1.15)
        axis_x.setTickCount(5)
        axis_x.applyNiceNumbers()
        axis_x.setLabelFormat("%d")
        axis_x.setLabelsVisible(label_format is not None)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        chart.legend().hide()
        return chart

    def _by_right_chart(self, fig: Figures) -> QChart:
        return self._hbar(self.tr("Open requests by right"), [(k, float(v)) for k, v in self._top(fig.open_by_right)],
                          OPEN_COLOUR, None)

    def _median_chart(self, fig: Figures) -> QChart:
        ranked = sorted(fig.median_days_to_close.items(), key=lambda kv: -fig.closed_counted.get(kv[0], 0))[:TOP_RIGHTS]
        rows = sorted(((words.short_right(self.app.right_title(k)), round(v, 1)) for k, v in ranked), key=lambda kv: -kv[1])
        return self._hbar(self.tr("Median days to close (last 12 months)"), rows, MEDIAN_COLOUR, self.tr("@value d"))

    def _state_chart(self, fig: Figures) -> QChart:
        chart = self._empty_chart(self.tr("Open requests by deadline state"))
        series = QPieSeries()
        series.setHoleSize(0.45)
        series.setPieSize(0.75)
        total = sum(fig.by_deadline_state.values()) or 1
        for state in STATE_ORDER:
            n = fig.by_deadline_state.get(state, 0)
            if not n:
                continue
            title = self.tr("Due soon, after today") if state == "due_soon" else words.deadline_state(state)
            piece = series.append(f"{title}  {n:,} ({n * 100 / total:.0f} %)", n)
            piece.setColor(QColor(STATE_CHART_COLOURS[state]))
            piece.setBorderColor(QColor("#ffffff") if style.theme() == "light" else QColor("#1f2329"))
            piece.setLabelVisible(False)
        chart.addSeries(series)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        legend.show()
        return chart

    def _weeks_chart(self, fig: Figures) -> QChart:
        chart = self._empty_chart(self.tr("Requests received and closed per week"))
        received = QBarSet(self.tr("Received"))
        closed = QBarSet(self.tr("Closed"))
        received.setColor(QColor(RECEIVED_COLOUR))
        closed.setColor(QColor(CLOSED_COLOUR))
        for week in fig.weeks:
            received.append(week.received)
            closed.append(week.closed)
        series = QBarSeries()
        series.append(received)
        series.append(closed)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        locale = QLocale()  # month names in the window's language
        axis_x.append([f"{w.start.day}<br>{locale.monthName(w.start.month, QLocale.FormatType.ShortFormat).rstrip('.')}"
                       for w in fig.weeks])
        axis_x.setTitleText(self.tr("Week starting"))
        axis_x.setGridLineVisible(False)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, max([w.received for w in fig.weeks] + [w.closed for w in fig.weeks] + [1]) * 1.05)
        axis_y.setTickCount(5)
        axis_y.applyNiceNumbers()
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        return chart

    # --- export ----------------------------------------------------------------------------

    @Slot()
    def export(self) -> None:
        fig = self.figures
        if fig is None:
            return
        default = f"dashboard-{fig.as_of.astimezone(self.app.zone).strftime('%Y-%m-%d')}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the dashboard figures"), default,
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        fig = self.figures
        if fig is None:
            return
        self.app.tasks.background(dashboard.export_csv, fig, self.app.ctx.catalogue, path,
                                  on_done=lambda p: QMessageBox.information(
                                      self, self.tr("Exported"), self.tr("The figures were saved to {0}.").format(p)),
                                  on_error=lambda exc: show_error(self, exc), owner=self)
