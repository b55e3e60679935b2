"""Withdrawal of consent (GDPR Art. 7(3)): which cookie categories and processing activities a
request names, what stops, what goes on under another legal basis, and what cannot be withdrawn.

Recorded once identity is confirmed; the decision letter lists the rows word for word.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError

from console.context import Context
from console.errors import ValidationError
from console.policy import Catalogue
from console.policy.records import LEGAL_BASIS_TITLES
from console.requests.commands import add_event, load_request
from console.requests.facts import Withdrawal, load_withdrawals, withdrawal_rows
from console.requests.lifecycle import Status, check_acting
from console.security.roles import Perm
from console.store.withdrawal_models import ConsentWithdrawal

RIGHT = "consent_withdrawal"
def _assess(cat: Catalogue, kind: str, target: str) -> tuple[str, str | None, str | None]:
    """(outcome, what continues and on which basis, why it cannot be withdrawn) from the catalogue."""
    rec = cat.records
    if kind == "cookie_category":
        c = rec.cookie_category(target)
        if not c.consent:
            return "not_withdrawable", None, c.withdrawal_note
        return "withdrawn", None, None
    a = rec.activity(target)
    bases = ", ".join(LEGAL_BASIS_TITLES[b] for b in a.other_bases)
    if not a.rests_on_consent:
        return ("not_withdrawable", None,
                f"this processing does not rest on consent but on: {bases}. You may object to it instead "
                "(Art. 21 GDPR).")
    if a.other_bases:
        return "withdrawn", f"{a.continues_without_consent or a.legal_basis_text} (legal basis: {bases})", None
    return "withdrawn", None, None


def record_withdrawal(ctx: Context, reference: str, *, cookies: Sequence[str] = (),
                      activities: Sequence[str] = ()) -> tuple[Withdrawal, ...]:
    """Record what a consent-withdrawal request names; unknown ids and repeats are refused, nothing half-kept."""
    targets = [("cookie_category", c.strip()) for c in cookies] + [("activity", a.strip()) for a in activities]
    if not targets:
        raise ValidationError("Name what the person withdraws consent for: cookie categories (--cookie) and/or "
                              "processing activities (--activity).")
    assessed = [(kind, target, *_assess(ctx.catalogue, kind, target)) for kind, target in targets]
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        s = uow.session
        row = load_request(s, reference, lock=True)
        if row.right_id != RIGHT:
            raise ValidationError(f"{row.reference} is not a withdrawal of consent; only a request for the "
                                  f"'{RIGHT}' right names cookie categories or activities.")
        check_acting(row.reference, Status(row.status), "a withdrawal")
        done = {(w.target_kind, w.target_id) for w in withdrawal_rows(s, row.id)}
        for kind, target, *_ in assessed:
            if (kind, target) in done:
                raise ValidationError(f"{row.reference}: the withdrawal for {target} is already recorded.")
        now = ctx.now()
        for kind, target, outcome, continues, reason in assessed:
            s.add(ConsentWithdrawal(request_id=row.id, target_kind=kind, target_id=target, outcome=outcome,
                                    continues_on=continues, reason=reason, effective_at=now,
                                    recorded_by=ctx.actor.username))
        try:
            s.flush()
        except IntegrityError:
            raise ValidationError(f"{row.reference}: a withdrawal was named twice.") from None
        names = ", ".join(t for _, t, *_ in assessed)
        add_event(s, row, ctx.actor.username, "consent_withdrawn", names)
        uow.audit("request.withdrawal", "request", row.reference, names)
    return withdrawals_for(ctx, reference)


def withdrawals_for(ctx: Context, reference: str) -> tuple[Withdrawal, ...]:
    with ctx.db.read(ctx.actor) as s:
        return load_withdrawals(s, load_request(s, reference).id)
