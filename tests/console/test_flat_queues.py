"""Queue counts and first pages that do not grow with the table (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, event, select

from console import demo
from console.requests import commands, queries
from console.requests.commands import NewRequest
from console.requests.queries import QueueFilter
from console.store import reads
from console.store.models import Request


def _brute_force(ctx) -> queries.Counts:  # type: ignore[no-untyped-def]
    """Every count as a filtered COUNT(*) over the table: what the counts table must agree with."""
    names = ("open", "closed", "awaiting_verification", "mine", "paused", "due_soon", "overdue", "all")
    rights = {r.id for r in ctx.catalogue.rights}
    by_right = {r: queries.count(ctx, QueueFilter(queue=f"right:{r}")) for r in rights}
    return queries.Counts({q: queries.count(ctx, QueueFilter(queue=q)) for q in names},
                          {r: n for r, n in by_right.items() if n})


def test_counts_follow_every_kind_of_change(ctx) -> None:  # type: ignore[no-untyped-def]
    demo.fill(ctx, 400, seed=3, sample_company=False)  # the bulk path (driver executemany / COPY)
    ref = commands.add_request(ctx, NewRequest(
        right="access", subject_name="Ana Zielińska", subject_email="ana@example.org",
        received_at=ctx.now() - timedelta(days=2), jurisdictions=("EU",))).reference
    commands.assign(ctx, ref, ctx.actor.username)
    commands.pause(ctx, ref, "waiting for the passport")
    other = queries.fetch_page(ctx, QueueFilter(queue="open"), limit=3).rows
    commands.withdraw(ctx, other[0].reference, "asked by phone")
    commands.assign(ctx, other[1].reference, None)
    with ctx.db.unit(ctx.actor, None) as uow:  # retention-style removal
        uow.session.execute(delete(Request).where(Request.reference == other[2].reference))
    counts = queries.queue_counts(ctx)
    assert counts == _brute_force(ctx)
    assert counts.queues["paused"] >= 1 and counts.queues["mine"] >= 1 and counts.queues["all"] == 400


def test_counts_read_a_few_rows_not_the_table(ctx) -> None:  # type: ignore[no-untyped-def]
    """No statement of queue_counts groups or counts the whole requests table."""
    demo.fill(ctx, 50, seed=4, sample_company=False)
    seen: list[str] = []

    def record(conn, cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(" ".join(statement.split()).lower())

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        with reads.watching() as direct:  # the counts go to the driver directly
            queries.queue_counts(ctx)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)
    seen += [" ".join(sql.split()).lower() for sql, _ in direct]
    on_requests = [s for s in seen if "from requests" in s]
    assert on_requests and all("due_at <" in s for s in on_requests), on_requests
    assert not any("group by" in s for s in seen)


def _plan(ctx, f: QueueFilter, cursor=None) -> str:  # type: ignore[no-untyped-def]
    """The database's own plan for the page query (the last statement), as text."""
    captured: list[tuple[str, object]] = []

    def record(conn, cursor_, statement, parameters, *_args) -> None:  # type: ignore[no-untyped-def]
        captured.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        with reads.watching() as direct:  # queue pages go to the driver directly
            queries.fetch_page(ctx, f, cursor)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)
    captured += direct
    sql, params = [(s, p) for s, p in captured if s.lstrip().upper().startswith("SELECT")][-1]
    prefix = "EXPLAIN QUERY PLAN " if ctx.db.dialect == "sqlite" else "EXPLAIN "
    with ctx.db.engine.connect() as conn:
        if ctx.db.dialect == "postgresql":
            # A tiny test table makes any plan cheap: ask whether an index *can* serve the order
            # (at 200,000 rows the planner picks it by itself; bench/run.py shows the times).
            for knob in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
                conn.exec_driver_sql(f"SET {knob} = off")
        return "\n".join(str(r[-1] if ctx.db.dialect == "sqlite" else r[0])
                         for r in conn.exec_driver_sql(prefix + sql, params).all())


def test_first_pages_walk_an_index_in_order(ctx) -> None:  # type: ignore[no-untyped-def]
    """First page, next page, overdue and subject sort stop after a page: an ordered index, no sort."""
    demo.fill(ctx, 300, seed=5, sample_company=False)
    first = queries.fetch_page(ctx, QueueFilter(), limit=20)
    cases = {
        "first": (QueueFilter(), None, "ix_requests_open_due"),
        "keyset": (QueueFilter(), first.cursor, "ix_requests_open_due"),
        "overdue": (QueueFilter(queue="overdue"), None, "ix_requests_open_due"),
        "subject": (QueueFilter(queue="all", sort="subject_name"), None, "ix_requests_subject_name"),
    }
    for name, (f, cursor, index) in cases.items():
        plan = _plan(ctx, f, cursor)
        assert index in plan, f"{name}: {plan}"
        assert "TEMP B-TREE" not in plan and "Sort" not in plan and "Seq Scan" not in plan, f"{name}: {plan}"


def test_name_search_ignores_case_and_accents(ctx) -> None:  # type: ignore[no-untyped-def]
    """'zielinska' finds 'Zielińska' (through the trigram index), among requests added every way."""
    demo.fill(ctx, 200, seed=6, sample_company=False)
    ref = commands.add_request(ctx, NewRequest(
        right="access", subject_name="Łucja Wiśniewska-Søndergård", subject_email="lw@example.org",
        received_at=ctx.now() - timedelta(days=2), jurisdictions=("EU",))).reference

    def found(text: str) -> list[str]:
        return [r.subject_name for r in queries.fetch_page(ctx, QueueFilter(queue="all", search=text), limit=500).rows]

    for typed in ("wisniewska", "WIŚNIEW", "lucja", "sondergard", "ska-s"):
        assert "Łucja Wiśniewska-Søndergård" in found(typed), typed
    assert found("zielinska") and all("Zielińska" in name for name in found("zielinska"))
    assert found("xq") == [] and found("nobody-at-all") == []
    assert [r.reference for r in queries.fetch_page(ctx, QueueFilter(queue="all", search=ref.split("-", 1)[1])).rows] == [ref]


def test_postgresql_plans_the_first_page_along_an_index_by_itself(ctx) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL, with its statistics and every plan allowed, the first page of the open queue
    and the next one walk ix_requests_open_due and stop: no Seq Scan, no Sort of requests."""
    if ctx.db.dialect != "postgresql":
        import pytest

        pytest.skip("PostgreSQL's planner (the PG tier: make test-pg)")
    demo.fill(ctx, 5000, seed=8, sample_company=False)  # the demo analyses the tables afterwards
    first = queries.fetch_page(ctx, QueueFilter(), limit=20)
    assert first.cursor is not None
    for cursor in (None, first.cursor):
        with reads.watching() as seen:
            queries.fetch_page(ctx, QueueFilter(), cursor, limit=20)
        ((sql, params),) = seen
        with ctx.db.engine.connect() as conn:
            plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql, params).all())
        assert "Index Scan using ix_requests_open_due on requests" in plan, plan
        assert "Seq Scan" not in plan and "Sort" not in plan, plan


def test_imported_and_demo_rows_are_counted_and_found_by_name(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Bulk loads count and index their rows once at the end: the counts agree with the table and
    an imported name is found by a fragment, and later single changes are still tracked."""
    import json

    from console.requests import intake

    demo.fill(ctx, 300, seed=9, sample_company=False)  # a load larger than the table: indexes rebuilt too
    rows = [{"right": "access", "subject_name": f"Zoë Quarterman {i}", "subject_email": f"zq{i}@example.org",
             "received_at": "2026-11-20T10:00:00+00:00", "jurisdictions": "EU", "channel": "web_form"} for i in range(40)]
    path = tmp_path / "web.json"
    path.write_text(json.dumps({"requests": rows}), encoding="utf-8")
    intake.import_file(ctx, path)
    demo.fill(ctx, 100, seed=10, sample_company=False)  # a smaller load into a fuller table: indexes kept
    found = queries.fetch_page(ctx, QueueFilter(queue="all", search="quarterm"), limit=100).rows
    assert len(found) == 40 and all(r.subject_name.startswith("Zoë Quarterman") for r in found)
    assert queries.queue_counts(ctx) == _brute_force(ctx)
    ref = commands.add_request(ctx, NewRequest(
        right="access", subject_name="Ada Quarterman", subject_email="ada.q@example.org",
        received_at=ctx.now() - timedelta(days=1), jurisdictions=("EU",))).reference
    assert ref in [r.reference for r in queries.fetch_page(ctx, QueueFilter(queue="all", search="quarterm"), limit=100).rows]
    assert queries.queue_counts(ctx) == _brute_force(ctx)


def test_a_cancelled_demo_leaves_the_schema_and_counts_as_they_were(ctx) -> None:  # type: ignore[no-untyped-def]
    """The triggers and indexes set aside during a fill come back with the rollback of a cancel."""
    import pytest

    from console.errors import Cancelled

    demo.fill(ctx, 50, seed=11, sample_company=False)

    def schema() -> set[str]:
        with ctx.db.engine.connect() as conn:
            if ctx.db.dialect == "sqlite":
                sql = "SELECT type || ':' || name FROM sqlite_master WHERE type IN ('index', 'trigger')"
            else:
                sql = ("SELECT 'index:' || indexname FROM pg_indexes WHERE tablename = 'requests' UNION "
                       "SELECT 'trigger:' || tgname FROM pg_trigger WHERE NOT tgisinternal")
            return {r[0] for r in conn.exec_driver_sql(sql)}

    before, counts = schema(), queries.queue_counts(ctx)
    calls = iter(range(10))
    with pytest.raises(Cancelled):
        demo.fill(ctx, 3000, seed=12, batch=1000, sample_company=False, cancel=lambda: next(calls) >= 2)
    assert schema() == before
    assert queries.queue_counts(ctx) == counts == _brute_force(ctx)
    assert queries.count(ctx, QueueFilter(queue="all")) == 50


def test_common_and_rare_name_fragments_give_the_same_pages_by_either_path(ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On SQLite a common fragment walks the due-date index and tests each row's folded name, a rare
    one goes through the FTS5 trigram table; a walk too short for a page hands over to the trigram
    path. Every way gives the same rows in the same order, page after page, accents folded
    ("zielinska" finds "Zielińska"), as a plain reading of the table does; on PostgreSQL (whose
    planner picks pg_trgm or the walk by itself) the one statement gives them too."""
    from console.folding import fold

    demo.fill(ctx, 300, seed=11, sample_company=False)
    for i, name in enumerate(("Zofia Zielińska", "Ewa ZIELINSKA", "Anna Zielińska-Kowal")):
        commands.add_request(ctx, NewRequest(
            right="access", subject_name=name, subject_email=f"z{i}@example.org",
            received_at=ctx.now() - timedelta(days=i + 1), jurisdictions=("EU",)))
    with ctx.db.read(ctx.actor) as s:
        table = s.execute(select(Request.id, Request.subject_name, Request.subject_email, Request.status,
                                  Request.due_at)).all()

    def most(*frags: str) -> str:
        return max(frags, key=lambda frag: sum(frag in fold(r.subject_name) for r in table))
    common = most("ska", "ski", "son", "ann", "ova")  # the trigram table on SQLite
    short = most("an", "ar", "ow", "er")  # too short for SQLite's trigrams: LIKE

    def pages(f: QueueFilter) -> tuple[list[int], list[str]]:
        ids: list[int] = []
        cursor = None
        with reads.watching() as seen:
            while True:
                page = queries.fetch_page(ctx, f, cursor, limit=7)
                ids += [r.id for r in page.rows]
                if (cursor := page.cursor) is None:
                    return ids, [sql for sql, _ in seen]

    for frag in (common, short, "zielinska", "ZIELIŃSK"):
        for queue in ("all", "open"):
            f = QueueFilter(queue=queue, search=frag)
            wanted = [r.id for r in sorted(table, key=lambda r: (r.due_at, r.id))
                      if (fold(frag) in fold(r.subject_name) or r.subject_email.startswith(frag.lower())) and (queue == "all" or r.status in queries.OPEN_VALUES)]
            monkeypatch.setattr(queries, "WALK_FROM", 10**9)
            by_trigram, sql = pages(f)
            assert not any("walked" in s for s in sql), frag
            assert by_trigram == wanted, (frag, queue)
            if ctx.db.dialect != "sqlite":  # PostgreSQL's planner picks pg_trgm or the walk by itself
                continue
            monkeypatch.setattr(queries, "WALK_FROM", 1)
            by_walk, sql = pages(f)
            assert any("walked" in s for s in sql), frag
            monkeypatch.setattr(queries, "WALK_ROWS", 3)  # walks too short for a page: the trigram path takes over
            by_short_walks, _ = pages(f)
            monkeypatch.undo()
            assert by_trigram == by_walk == by_short_walks == wanted and wanted, (frag, queue)
    if ctx.db.dialect == "sqlite":
        monkeypatch.setattr(queries, "WALK_FROM", 1)
        with reads.watching() as seen:
            queries.fetch_page(ctx, QueueFilter(queue="all", search=common))
        sql, params = next((sql, params) for sql, params in seen if "walked" in sql)
        with ctx.db.engine.connect() as conn:
            plan = "\n".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params).all())
    else:  # a tiny table makes any plan cheap: can the index serve the page, stopping early?
        plan = _plan(ctx, QueueFilter(queue="all", search=common))
    # the page reads requests along ix_requests_due and stops
    assert ("SCAN requests USING INDEX ix_requests_due" in plan or "Index Scan using ix_requests_due" in plan), plan
    assert "Seq Scan" not in plan, plan
