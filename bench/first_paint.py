"""Child process of bench/run.py: prints "PAINTED <peak KiB>" when a table first paints rows, then quits.

  first_paint.py --db URL   the real ``privacy-console`` start (ui.launch.main), watched
  first_paint.py --bare     the bare baseline: QApplication, a 50-row QTableView, shown

Both install the same application-wide event filter, so the watching costs the same in each.
The parent times from just before it started this process to the PAINTED line.
"""

from __future__ import annotations

import sys


def peak_kib() -> int:
    """This process's own peak resident memory so far (VmHWM), in KiB; 0 where /proc has none.

    Not the parent's wait4 ru_maxrss: on Linux a child starts with the high-water mark of the
    process that forked it, so a big benchmark parent would show up as the child's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def watch(qapp: object) -> object:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    paint = QEvent.Type.Paint

    class Watcher(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if not self.done and event.type() == paint:
                view = obj.parent()
                if isinstance(view, QAbstractItemView) and view.viewport() is obj and view.model() is not None \
                        and view.model().rowCount() > 0 and view.model().columnCount() > 5:
                    self.done = True
                    QTimer.singleShot(0, self._quit)
            return False

        def _quit(self) -> None:
            print(f"PAINTED {peak_kib()}", flush=True)
            QApplication.instance().exit(0)  # type: ignore[union-attr]

    watcher = Watcher()
    qapp.installEventFilter(watcher)  # type: ignore[attr-defined]
    return watcher


def bare() -> int:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView

    display = int(Qt.ItemDataRole.DisplayRole)

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 50

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 8

        def data(self, index: QModelIndex, role: int = display) -> object:
            return f"row {index.row()} column {index.column()}" if role == display else None

    qapp = QApplication(sys.argv[:1])
    keep = watch(qapp)
    view = QTableView()
    view.setModel(Model(view))
    view.resize(1400, 900)
    view.show()
    code = qapp.exec()
    del keep
    return code


def product(argv: list[str]) -> int:
    import ui.app as app_module

    make_qapp = app_module.make_qapp
    kept: list[object] = []

    def watched(*args: object, **kwargs: object) -> object:
        qapp = make_qapp(*args, **kwargs)  # type: ignore[arg-type]
        kept.append(watch(qapp))
        return qapp

    app_module.make_qapp = watched  # type: ignore[assignment]
    from ui.launch import main

    return main(argv)


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(bare() if args == ["--bare"] else product(args))
