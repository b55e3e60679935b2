"""The request workspace builds a tab the first time it is shown or asked for, with the record on show."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from console.packages.kinds import kinds_for
from console.requests import commands
from ui import registry
from ui.main_window import MainWindow
from ui.queue.model import Col

from .helpers import add, row_texts


def _show(window, qtbot, reference: str) -> None:  # type: ignore[no-untyped-def]
    window.queue.refresh()
    window.queue.select_row(row_texts(window, Col.REFERENCE).index(reference))
    window._open_current()
    qtbot.waitUntil(lambda: window.workspace.view is not None and window.workspace.view.reference == reference)


def _events(window) -> list[str]:  # type: ignore[no-untyped-def]
    events = window.workspace.tabs.currentWidget().events
    return [events.topLevelItem(i).text(2) for i in range(events.topLevelItemCount())]


def _letters(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The letters the Package tab offers, as its choice box lists them."""
    kind = window.workspace.tab("package").kind
    return [kind.itemText(i) for i in range(kind.count())]


def _offered(app_ctx, view) -> list[str]:  # type: ignore[no-untyped-def]
    from ui.package.words import kind_title

    return [kind_title(k) for k in kinds_for(view, app_ctx.ctx.catalogue)]


def _open_tab(window, key: str) -> QWidget:  # type: ignore[no-untyped-def]
    """As Alt+number does (Request menu): by its place in the tab bar."""
    keys = [s.key for s in registry.tabs()]
    window.workspace.tabs.setCurrentIndex(keys.index(key))
    return window.workspace.tabs.currentWidget()


def test_only_the_tab_on_screen_is_built_and_another_is_built_when_shown(app_ctx, qtbot):
    view = add(app_ctx.ctx, "Ines Duarte", "access")
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    built_at_paint: list[list[str]] = []
    window.first_paint.painted.connect(lambda: built_at_paint.append(window.workspace.built_tabs()))
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: bool(built_at_paint), timeout=10_000)
    assert built_at_paint[0] in ([], ["overview"]), built_at_paint  # nothing but the first tab, if anything
    keys = [s.key for s in registry.tabs()]
    tabs = window.workspace.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [s.title() for s in registry.tabs()]
    assert all(tabs.isTabEnabled(i) for i in range(tabs.count()))

    _show(window, qtbot, view.reference)
    assert window.workspace.built_tabs() == ["overview"]
    assert tabs.currentWidget() is window.workspace.tab("overview")
    assert window.workspace.tab("overview").isVisible()

    activity = _open_tab(window, "activity")
    assert window.workspace.built_tabs() == ["overview", "activity"]
    assert activity is window.workspace.tab("activity") and activity.isVisible()
    assert tabs.currentIndex() == keys.index("activity")
    assert _events(window)[-1] == "Received"  # the request's own events, newest first
    # the bar is unchanged: same titles in the same order, the one chosen still current
    assert [tabs.tabText(i) for i in range(tabs.count())] == [s.title() for s in registry.tabs()]


def test_asking_for_a_tab_builds_it_with_the_record_on_show_and_keeps_the_current_tab(window, app_ctx, qtbot):
    view = add(app_ctx.ctx, "Jonas Berg", "erasure")
    _show(window, qtbot, view.reference)
    package = window.workspace.tab("package")  # as a test or the screenshot's --tab does
    assert package is not None and window.workspace.tab("package") is package
    assert _letters(window) == _offered(app_ctx, view)  # the letters this request may need
    assert window.workspace.tabs.currentWidget() is window.workspace.tab("overview")  # still on screen
    assert window.workspace.tab("no such tab") is None


def test_a_record_shown_while_a_tab_waits_is_what_the_tab_shows_when_opened(window, app_ctx, qtbot):
    first = add(app_ctx.ctx, "Kofi Mensah", "access")
    second = add(app_ctx.ctx, "Lea Novak", "erasure", days_ago=2)
    _show(window, qtbot, first.reference)
    _show(window, qtbot, second.reference)
    assert "person" not in window.workspace.built_tabs()
    assert "Lea Novak" in _open_tab(window, "person").summary.text()

    # a write while the activity tab was never built: it opens on the written state
    window.workspace.run(commands.pause, second.reference, "A copy of a government-issued ID")
    qtbot.waitUntil(lambda: window.workspace.view.paused_since is not None)
    assert "activity" not in window.workspace.built_tabs()
    _open_tab(window, "activity")
    assert _events(window)[0] == "Clock paused"

    # and back to the first request: the tab on screen and the built ones follow it
    _show(window, qtbot, first.reference)
    assert window.workspace.tabs.currentWidget() is window.workspace.tab("activity")
    assert "Clock paused" not in _events(window) and _events(window)[-1] == "Received"
    assert "Kofi Mensah" in window.workspace.tab("person").summary.text()
