"""Audited reads of a person's data: opening a request, not every repaint of the queue.

``get_request`` is also what every write service returns after its change, so auditing it
would double the trail and put a write on every read. The request workspace (and
``request show``) call :func:`open_request` instead: one ``request.open`` entry each time a
person's record is opened, in the same transaction that checks the role.
"""

from __future__ import annotations

from sqlalchemy import select

from console.context import Context
from console.errors import NotFoundError
from console.requests.commands import get_request
from console.requests.read_models import RequestView
from console.security.roles import Perm
from console.store.models import Request


def open_request(ctx: Context, reference: str, purpose: str = "") -> RequestView:
    """The whole request, after recording who opened whose data (needs READ_SUBJECT_DATA)."""
    with ctx.db.unit(ctx.actor, Perm.READ_SUBJECT_DATA) as uow:
        ref = uow.session.scalar(select(Request.reference).where(Request.reference == reference.strip().upper()))
        if ref is None:
            raise NotFoundError(f"No request with reference {reference!r}.")
        uow.audit("request.open", "request", ref, purpose)
    return get_request(ctx, ref)

