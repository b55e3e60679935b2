"""Test data made through the services, as intake makes it: one place instead of a helper a file.

Defaults are a plain EU access request received now (by the test's clock) from Ada Example;
a test names only what it is about.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from console.context import Context
from console.requests import commands
from console.requests.commands import NewRequest


def new_request(ctx: Context, right: str = "access", *, name: str = "Ada Example",
                email: str = "ada@example.org", days_ago: float = 0.0, jurisdictions: tuple[str, ...] = ("EU",),
                account: str | None = None, **fields: Any) -> NewRequest:
    """What intake would be given: received ``days_ago`` days before the test's now."""
    return NewRequest(right=right, subject_name=name, subject_email=email, subject_account_id=account,
                      received_at=ctx.now() - timedelta(days=days_ago), jurisdictions=jurisdictions, **fields)


def add_request(ctx: Context, right: str = "access", **kwargs: Any) -> str:
    """A request added as intake adds it (audited, due date computed); its reference."""
    return commands.add_request(ctx, new_request(ctx, right, **kwargs)).reference
