"""Turn parsed options into a Context: the options' database and catalogue, and who acts.

Who acts is :mod:`console.session`'s answer, the same one the window gets.
"""

from __future__ import annotations

import argparse

from console import session
from console.context import Context
from console.uow import Database


def open_database(args: argparse.Namespace) -> Database:
    return session.open_database(getattr(args, "db", None))


def context(args: argparse.Namespace) -> Context:
    return session.open_context(getattr(args, "db", None), getattr(args, "policy", None))
