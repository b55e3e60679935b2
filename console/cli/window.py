"""``privacy-console screenshot``: listed here so ``--help`` names it; the window program runs it.

Only ui/ may import Qt, so ``ui.launch`` hands ``screenshot`` to ``ui.screenshot`` before this
CLI sees it; reached here (``python -m console screenshot``), it says where it runs.
"""

from __future__ import annotations

import argparse

from console.cli.args import command
from console.errors import ValidationError

HELP = "save a picture of the window, rendered offscreen (OUT.png, --view, --size, --theme)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = command(sub, "screenshot", common, cmd_screenshot, HELP)
    p.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)


def cmd_screenshot(args: argparse.Namespace) -> int:
    raise ValidationError("screenshot draws the window, so the window program runs it: "
                          "privacy-console screenshot OUT.png (see privacy-console screenshot --help)")
