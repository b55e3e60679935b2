"""The person behind a request: every request of theirs, open and closed, found by the email
address or the account id the requests share (the subject view of the window, issue 15).
"""

from __future__ import annotations

from sqlalchemy import or_, select

from console.context import Context
from console.requests.commands import load_request
from console.requests.queries import COLUMNS, QueueRow
from console.store.models import Request

LIMIT = 500


def requests_of_person(ctx: Context, reference: str) -> list[QueueRow]:
    """The person's requests, newest first (this one included), by the same email or account id."""
    with ctx.db.read(ctx.actor) as s:
        me = load_request(s, reference)
        same = [Request.subject_email == me.subject_email]
        if me.subject_account_id:
            same.append(Request.subject_account_id == me.subject_account_id)
        rows = s.execute(select(*COLUMNS).where(or_(*same))
                         .order_by(Request.received_at.desc(), Request.id.desc()).limit(LIMIT)).all()
    return [QueueRow(*r) for r in rows]
