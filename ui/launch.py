"""The ``privacy-console`` command: the window with no arguments, the headless CLI otherwise.

It lives in ``ui`` because only ``ui`` may import Qt; it imports Qt only when a window or a
screenshot is asked for, so headless commands start fast and run without a display.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = ("screenshot",)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gui_options = {"--db", "--policy"}
    positional = [a for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] not in gui_options)]
    if not positional:
        if any(a in ("-h", "--help", "--version") for a in args):
            from console.cli import main as cli_main

            return cli_main(args)
        from ui.app import run_gui

        return run_gui(args)
    if positional[0] in GUI_COMMANDS:
        from ui.screenshot import main as screenshot_main

        return screenshot_main(args)
    from console.cli import main as cli_main

    return cli_main(args)


def entry_point() -> None:
    raise SystemExit(main())


if __name__ == "__main__":  # PyInstaller runs this file as the program
    entry_point()
