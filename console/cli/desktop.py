"""``privacy-console desktop install|uninstall``: the menu entry and icon for this user (Linux)."""

from __future__ import annotations

import argparse

from console import desktop
from console.cli.args import command
from console.cli.output import emit_json


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("desktop", help="add the console to this user's application menu (Linux, XDG)")
    ds = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    inst = ds.add_parser("install", parents=[common], help="write the menu entry and the icons under "
                         "$XDG_DATA_HOME (default ~/.local/share); it starts this program")
    inst.set_defaults(func=cmd_install)
    command(ds, "uninstall", common, cmd_uninstall, "remove what 'desktop install' wrote")


def cmd_install(args: argparse.Namespace) -> int:
    done = desktop.install()
    if args.json:
        emit_json({"entry": str(done.entry), "program": str(done.program), "icons": [str(p) for p in done.icons]})
    else:
        print(f"Privacy Console is in the application menu: {done.entry}")
        print(f"  it starts {done.program}; {len(done.icons)} icon files under {done.icons[0].parents[2]}")
    return 0


def cmd_uninstall(args: argparse.Namespace) -> int:
    removed = desktop.uninstall()
    if args.json:
        emit_json({"removed": [str(p) for p in removed]})
    else:
        print(f"Removed {len(removed)} files." if removed else "Nothing was installed.")
    return 0
