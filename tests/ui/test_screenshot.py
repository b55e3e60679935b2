"""The screenshot command renders the real window on a database and writes a PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from ui import screenshot

from .helpers import add


def test_screenshot_writes_a_png_of_the_window(qapp, ctx, db_url, tmp_path: Path, capsys):
    for i in range(5):
        add(ctx, f"Shot Person {i}", "access", days_ago=i)
    out = tmp_path / "queue.png"
    code = screenshot.main(["screenshot", str(out), "--view", "request", "--size", "1000x700", "--db", db_url])
    assert code == 0, capsys.readouterr().err
    assert out.stat().st_size > 10_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)


def test_screenshot_refuses_a_bad_path_or_size(qapp, tmp_path: Path, capsys):
    assert screenshot.main(["screenshot", str(tmp_path / "missing" / "x.png")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert screenshot.main(["screenshot", str(tmp_path / "x.png"), "--size", "big"]) == 2
    assert "WIDTHxHEIGHT" in capsys.readouterr().err
    assert screenshot.main(["screenshot", str(tmp_path / "x.jpg")]) == 2


def test_help_names_the_picture_and_no_stray_command(capsys):
    from ui import screenshot

    assert screenshot.main(["screenshot", "--help"]) == 0
    usage = capsys.readouterr().out
    assert "OUT.png" in usage and "{screenshot}" not in usage and "command" not in usage.split("options")[0]
