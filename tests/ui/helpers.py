"""Small builders shared by the ui tests (requests made through the real services)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from console.context import Context
from console.requests import commands
from console.requests.commands import NewRequest
from console.requests.views import RequestView


def add(ctx: Context, name: str = "Ada Abara", right: str = "access", days_ago: float = 1.0,
        **kw: Any) -> RequestView:
    email = kw.pop("email", f"{name.lower().replace(' ', '.')}@example.org")
    new = NewRequest(right=right, subject_name=name, subject_email=email,
                     received_at=ctx.now() - timedelta(days=days_ago), **kw)
    return commands.add_request(ctx, new)


def row_texts(window: Any, column: int) -> list[str]:
    model = window.queue.model
    return [model.index(i, column).data() for i in range(model.rowCount())]
