"""Turn parsed options into a Context: database, catalogue and the acting user."""

from __future__ import annotations

import argparse
import getpass
import os

from console.context import Context, open_context
from console.security.roles import Actor, Role


def local_actor() -> Actor:
    """The owner of a local database; the security feature replaces this with signed-in users."""
    try:
        name = os.environ.get("PRIVACY_CONSOLE_USER") or getpass.getuser()
    except (KeyError, OSError):
        name = "owner"
    return Actor(name, Role.OWNER)


def context(args: argparse.Namespace) -> Context:
    return open_context(args.db, local_actor(), args.policy)
