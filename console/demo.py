"""Synthetic demo data: varied, realistic and entirely invented (no real person in it).

Bulk inserts through SQLAlchemy Core in batches (never one ORM object at a time), so a million
requests fill a SQLite file in well under two minutes; progress and cancel as everywhere.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from console import deadlines
from console.context import Context
from console.errors import Cancelled, ConsoleError, ValidationError
from console.folding import fold
from console.requests.lifecycle import CLOSED, RejectReason, Status
from console.security import seals
from console.security.roles import Perm
from console.store.bulk import after_commit, bulk_load, insert_rows, refresh_statistics
from console.store.models import ChecklistEntry, Counter, Request, RequestEvent, Setting

FIRST = ["Ada", "Björn", "Chiara", "Dmitri", "Émilie", "Farah", "Giulia", "Hannah", "Ivan", "Jürgen", "Kai", "Łucja",
         "Mateo", "Nora", "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tomás", "Ulla", "Valentina", "Wen", "Yusuf", "Zofia"]
LAST = ["Abara", "Berg", "Costa", "Dąbrowski", "Eriksen", "Fischer", "García", "Høyer", "Ivanova", "Jansen", "Kowalczyk",
        "Lindqvist", "Müller", "Nakamura", "O'Neill", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Umar", "Virtanen",
        "Walsh", "Young", "Zielińska"]
STAFF = ["alex.morgan", "sam.keane", "jo.lindahl", "ria.patel", None]
CHANNELS = ["email", "web_form", "letter", "phone"]
WEIGHTS = {"access": 30, "erasure": 20, "rectification": 10, "restriction": 4, "portability": 6, "inquiry": 12,
           "transfer_information": 2, "transfer_objection": 1, "consent_withdrawal": 2, "transfer_guarantees": 1,
           "ccpa_know": 3, "ccpa_delete": 3, "ccpa_opt_out": 3, "ccpa_non_discrimination": 1, "ccpa_access": 2,
           "coppa_parental_consent": 1, "coppa_parental_access": 1}
JURIS = {"gdpr": [("EU",), ("EU",), ("UK",)], "transfers": [("EU",)], "ccpa": [("US-CA",)], "coppa": [("US",)],
         "policy": [("EU",), ("OTHER",), ("US-CA",)]}
PRIORITIES = ["low", "normal", "high", "urgent"]
PRIORITY_W = [2, 10, 3, 1]
REJECT = [r.value for r in RejectReason]


@dataclass(frozen=True)
class DemoResult:
    requests: int
    incidents: int
    seconds: float
    warnings: tuple[str, ...] = ()  # work after the commit that did not happen ("done, but ...")


def fill(ctx: Context, requests: int, incidents: int = 0, *, seed: int = 7, batch: int = 20_000,
         progress: Callable[[int, int], None] | None = None, cancel: Callable[[], bool] | None = None,
         sample_company: bool = True) -> DemoResult:
    """Add ``requests`` synthetic requests (and incidents when that feature is present)."""
    import time

    from console.security.roles import require

    require(ctx.actor, Perm.WORK_REQUESTS)
    if requests < 0 or incidents < 0:
        raise ConsoleError("Counts must be zero or more.")
    start = time.perf_counter()
    rng = random.Random(seed)
    cat = ctx.catalogue
    now = ctx.now()
    rights = [r.id for r in cat.rights]
    weights = [WEIGHTS.get(r, 1) for r in rights]
    tz = cat.organisation.tz

    @cache
    def rules_for(right: str, juris: tuple[str, ...]) -> tuple[deadlines.Rule, ...]:
        return tuple(cat.deadline_rules(right, juris))

    @lru_cache(maxsize=200_000)
    def day_deadline(right: str, juris: tuple[str, ...], hour: datetime) -> deadlines.Deadline:
        """Day-based windows depend only on the receipt dates in each clock's zone, which change
        on the hour in every catalogued zone: compute once per hour of receipt."""
        return deadlines.compute_deadline(hour, rules_for(right, juris), tz)

    info = {r.id: (r, r.regime, r.window.unit == "hours") for r in cat.rights}

    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:  # the rows and their audit entry, or nothing
        conn = uow.session.connection()
        _claim_seed(uow.session, seed)
        if conn.dialect.name == "sqlite":
            # Six indexes take random page writes: a large cache for this load avoids thrashing.
            conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MiB, this connection only
        year_seq: dict[int, int] = {}
        existing = conn.execute(select(Counter.name, Counter.value)).all()
        for name, value in existing:
            if name.startswith(cat.request_prefix + "-"):
                year_seq[int(name.rsplit("-", 1)[1])] = value
        next_id = (conn.scalar(select(func.max(Request.id))) or 0) + 1
        done = 0
        held = conn.scalar(select(func.count()).select_from(Request)) or 0
        # Name index, counts and (for a load larger than the table) the indexes built once at the end.
        with bulk_load(conn, next_id, rebuild_indexes=requests > held):
            while done < requests:
                if cancel and cancel():
                    raise Cancelled("Cancelled: nothing from this run was kept.")
                n = min(batch, requests - done)
                req_rows: list[dict[str, Any]] = []
                ev_rows: list[dict[str, Any]] = []
                chk_rows: list[dict[str, Any]] = []
                picks = zip(rng.choices(rights, weights, k=n), rng.choices(FIRST, k=n), rng.choices(LAST, k=n),
                            rng.choices(STAFF, k=n), rng.choices(PRIORITIES, PRIORITY_W, k=n),
                            rng.choices(CHANNELS, k=n), strict=True)
                for right, first, last, assignee, priority, channel in picks:
                    rid = next_id
                    next_id += 1
                    r, regime, hourly = info[right]
                    juris = rng.choice(JURIS[regime])
                    # A steady intake over the last months; what became of a request follows its age.
                    window_days = r.window.amount / 24 if hourly else r.window.amount
                    age_days = rng.uniform(0, HISTORY_DAYS)
                    received = now - timedelta(days=age_days)
                    status = _status_for(age_days / window_days, rng)
                    closed = status in CLOSED
                    local = received.astimezone(tz)
                    if hourly:
                        d = deadlines.compute_deadline(received, rules_for(right, juris), tz)
                    else:
                        d = day_deadline(right, juris, received.replace(minute=0, second=0, microsecond=0))
                    due_at = d.due_at
                    year = local.year
                    seq = year_seq.get(year, 0) + 1
                    year_seq[year] = seq
                    child = regime == "coppa" or rng.random() < 0.01
                    paused = status == Status.AWAITING_VERIFICATION and rng.random() < 0.25 and due_at > now
                    closed_at = received + timedelta(days=min(age_days, window_days * rng.uniform(0.2, 1.0))) if closed else None
                    req_rows.append({
                        "id": rid, "reference": f"{cat.request_prefix}-{year}-{seq:06d}", "right_id": right,
                        "jurisdictions": ",".join(juris), "channel": channel, "language": "de" if rng.random() < 0.15 else "en",
                        "received_at": received, "subject_name": f"{first} {last}", "subject_name_folded": fold(f"{first} {last}"),
                        "subject_email": f"{_ascii(first)}.{rid}@example.org",
                        "subject_account_id": f"ACC-{rng.randrange(10**7):07d}" if rng.random() < 0.8 else None,
                        "subject_is_child": child, "guardian_name": f"{rng.choice(FIRST)} {last}" if child else None,
                        "guardian_email": f"guardian.{rid}@example.org" if child else None,
                        "assignee": assignee, "priority": priority,
                        "status": status.value, "notes": "", "categories": rng.sample(["account", "usage", "profile", "communication", "transaction"], 2),
                        "details": _details(right, rng), "outcome": (rng.choice(REJECT) if status == Status.REJECTED else status.value) if closed else None,
                        "outcome_reason": "Synthetic demo outcome" if closed else None, "due_at": due_at,
                        "due_rule_id": d.rule.id, "due_rule_label": d.label, "acknowledge_due_at": d.acknowledge_at,
                        "acknowledged_at": None, "paused_since": max(received, now - timedelta(hours=rng.uniform(1, 72))) if paused else None,
                        "duplicate_of": None, "closed_at": closed_at, "created_at": received, "updated_at": closed_at or received,
                        "version": 1,
                    })
                    ev_rows.append({"request_id": rid, "at": received, "actor": "demo", "action": "received",
                                    "detail": f"{r.title} (synthetic demo data)", "from_status": None, "to_status": "received"})
                    # Every request keeps its checklist; one past verification has it complete (with a
                    # second verifier where the right needs one), so no demo package leaves unchecked.
                    past = status in (Status.IN_PROGRESS, Status.AWAITING_APPROVAL, Status.COMPLETED)
                    verified = rng.randrange(3) if status == Status.AWAITING_VERIFICATION else (99 if past else 0)
                    second = "demo.second" if past and r.second_verifier else None
                    for pos, item in enumerate(cat.checklist_for(right, child)):
                        ok = pos < verified
                        chk_rows.append({"request_id": rid, "position": pos, "item_id": item.id, "label": item.label,
                                         "required": item.required, "result": "passed" if ok else None,
                                         "done_by": "demo" if ok else None, "done_at": received if ok else None,
                                         "comment": "", "second_by": second if ok else None,
                                         "second_at": received if ok and second else None})
                insert_rows(conn, Request.__table__, seals.seal_request_rows(req_rows))  # type: ignore[arg-type]
                insert_rows(conn, RequestEvent.__table__, ev_rows)  # type: ignore[arg-type]
                insert_rows(conn, ChecklistEntry.__table__, chk_rows)  # type: ignore[arg-type]
                done += n
                if progress:
                    progress(done, requests)
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size = -2000")  # back to SQLite's default for later use
        if conn.dialect.name == "postgresql":  # ids were given explicitly: move the sequence past them
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('requests', 'id'), (SELECT MAX(id) FROM requests))")
        for year, value in year_seq.items():
            name = f"{cat.request_prefix}-{year}"
            if conn.execute(select(Counter.value).where(Counter.name == name)).first() is None:
                conn.execute(insert(Counter).values(name=name, value=value))
            else:
                conn.execute(update(Counter).where(Counter.name == name).values(value=value))
        uow.audit("demo.fill", "database", "", f"{requests} requests (seed {seed})")
    warnings = refresh_statistics(ctx.db.engine)
    if sample_company and requests and ctx.actor.can(Perm.SETTINGS):
        warnings += after_commit("the sample company database was not made", _sample_company, ctx)
    made_incidents = _incidents(ctx, incidents, rng)
    return DemoResult(requests, made_incidents, time.perf_counter() - start, tuple(warnings))


SEEDS_KEY = "demo.seeds"


def _claim_seed(session: Session, seed: int) -> None:
    """Refuse, before writing, a seed this database already holds (its subjects would collide)."""
    row = session.get(Setting, SEEDS_KEY)
    used = list(row.value) if row is not None and isinstance(row.value, list) else []
    if seed in used:
        raise ValidationError(
            f"This database already holds demo data made with seed {seed}; its invented people would "
            f"collide. Nothing was added. Run demo with another seed, e.g. --seed {max(used) + 1}.")
    if row is None:
        session.add(Setting(key=SEEDS_KEY, value=[*used, seed]))
    else:
        row.value = [*used, seed]


HISTORY_DAYS = 120
# (share of the window gone, [(status, weight), ...]): the first row whose bound is above the age wins
STATUS_BY_AGE = [
    (0.1, [(Status.RECEIVED, 5), (Status.AWAITING_VERIFICATION, 5)]),
    (0.5, [(Status.AWAITING_VERIFICATION, 30), (Status.IN_PROGRESS, 40), (Status.AWAITING_APPROVAL, 10),
           (Status.COMPLETED, 15), (Status.REJECTED, 3), (Status.WITHDRAWN, 2)]),
    (1.0, [(Status.AWAITING_VERIFICATION, 5), (Status.IN_PROGRESS, 22), (Status.AWAITING_APPROVAL, 18),
           (Status.COMPLETED, 45), (Status.REJECTED, 6), (Status.WITHDRAWN, 4)]),
    (float("inf"), [(Status.COMPLETED, 880), (Status.REJECTED, 70), (Status.WITHDRAWN, 40), (Status.IN_PROGRESS, 6),
                    (Status.AWAITING_APPROVAL, 2), (Status.AWAITING_VERIFICATION, 2)]),
]


# Each row's statuses and cumulative weights, worked out once (choices() would sum them per call).
_STATUS_DRAWS = [(bound, [st for st, _ in mix], list(accumulate(w for _, w in mix))) for bound, mix in STATUS_BY_AGE]


def _status_for(share_of_window: float, rng: random.Random) -> Status:
    for bound, statuses, cumulative in _STATUS_DRAWS:
        if share_of_window < bound:
            return rng.choices(statuses, cum_weights=cumulative)[0]
    raise AssertionError("the last bound is infinite")


def _sample_company(ctx: Context, limit: int = 1000) -> None:
    """A synthetic company database holding the data of the newest open requests' subjects."""
    from console.requests.lifecycle import OPEN
    from console.sample_company import make_sample_company, register_sample_source
    from console.store.engine import data_dir

    with ctx.db.read(ctx.actor) as s:
        subjects = s.execute(select(Request.subject_email, Request.subject_account_id, Request.subject_name)
                             .where(Request.status.in_([st.value for st in OPEN]))
                             .order_by(Request.received_at.desc()).limit(limit)).all()
    path = make_sample_company(data_dir() / "sample-company.sqlite3", [(r[0], r[1], r[2]) for r in subjects])
    register_sample_source(ctx, path)


def _ascii(name: str) -> str:
    """An email-safe spelling of a name (Søren -> soren, Łucja -> lucja)."""
    return fold(name).encode("ascii", "ignore").decode()


def _details(right: str, rng: random.Random) -> dict[str, Any]:
    if right == "rectification":
        return {"corrections": [{"field": "postal address", "from": "12 Old Street", "to": "34 New Road"}]}
    if right == "restriction":
        return {"restriction": {"parameters": "Stop profiling while accuracy is contested", "purposes": ["Personalisation"]}}
    if right == "portability":
        return {"format": rng.choice(["json", "csv"]), "destination": "The person (download)"}
    return {}


def _incidents(ctx: Context, count: int, rng: random.Random) -> int:
    """Incidents come with the breach log; until it is installed there is nothing to add."""
    if count <= 0:
        return 0
    try:
        from console.incidents import demo as incident_demo  # type: ignore[attr-defined]
    except ImportError:
        raise ConsoleError("This version has no breach-incident log yet; run demo without --incidents.") from None
    return int(incident_demo.fill(ctx, count, rng))
