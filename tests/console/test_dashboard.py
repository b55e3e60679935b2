"""Dashboard figures counted in SQL agree with the deadline engine and the requests made."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from console import dashboard, deadlines
from console.errors import ValidationError
from console.requests import commands
from tests.factories import add_request


def test_empty_database(ctx):
    fig = dashboard.figures(ctx)
    assert fig.open_total == 0
    assert fig.overdue_rate == 0.0
    assert fig.open_by_right == {}
    assert fig.median_days_to_close == {}
    assert len(fig.weeks) == 12
    assert all(w.received == 0 and w.closed == 0 for w in fig.weeks)


def test_states_match_the_deadline_engine(ctx, clock):
    made = [
        add_request(ctx, "access", name="On Track", days_ago=1),
        add_request(ctx, "inquiry", name="Soon Inquiry", days_ago=0.5),  # 48 h: due in ~1.5 days
        add_request(ctx, "inquiry", name="Late Inquiry", days_ago=3),
        add_request(ctx, "access", name="Paused Person", days_ago=2),
        add_request(ctx, "restriction", name="Restriction Person", days_ago=6.9,
                    details={"restriction": {"parameters": "stop profiling"}}),
    ]
    commands.pause(ctx, made[3], "waiting for ID")
    fig = dashboard.figures(ctx)
    expected: dict[str, int] = {}
    for v in made:
        view = commands.get_request(ctx, v)
        expected[view.deadline_state] = expected.get(view.deadline_state, 0) + 1
    assert {k: n for k, n in fig.by_deadline_state.items() if n} == expected
    assert fig.open_total == 5
    assert fig.overdue == expected.get("overdue", 0) == 1
    assert fig.overdue_rate == pytest.approx(1 / 5)
    assert fig.open_by_right == {"access": 2, "inquiry": 2, "restriction": 1}
    assert list(fig.open_by_right)[:2] == ["access", "inquiry"]  # largest first, then by id


def test_medians_by_right_and_weeks(ctx, clock):
    closes = {"access": [2, 4, 9], "erasure": [1, 3, 5, 11]}
    start = clock.now
    for right, days in closes.items():
        for i, d in enumerate(days):
            clock.now = start - timedelta(days=20)
            v = add_request(ctx, right, name=f"{right} {i}", days_ago=0)
            clock.advance(days=d)
            commands.withdraw(ctx, v, "the person withdrew")
    clock.now = start
    fig = dashboard.figures(ctx)
    assert fig.median_days_to_close["access"] == pytest.approx(4, abs=0.01)
    assert fig.median_days_to_close["erasure"] == pytest.approx(4, abs=0.01)  # mean of 3 and 5
    assert fig.closed_counted == {"access": 3, "erasure": 4}
    assert sum(w.received for w in fig.weeks) == 7
    assert sum(w.closed for w in fig.weeks) == 7
    tz = ctx.catalogue.organisation.tz
    assert all(w.start.weekday() == 0 for w in fig.weeks)
    received_week = (clock.now - timedelta(days=20)).astimezone(tz).date()
    week = next(w for w in fig.weeks if w.start <= received_week < w.start + timedelta(days=7))
    assert week.received == 7


def test_week_bounds_are_local_mondays(ctx, clock):
    starts = dashboard.week_starts(ctx.catalogue, clock.now, 3)
    tz = ctx.catalogue.organisation.tz
    assert len(starts) == 4
    for s in starts:
        local = s.astimezone(tz)
        assert (local.weekday(), local.hour, local.minute) == (0, 0, 0)
    assert starts[-2] <= clock.now < starts[-1]
    assert starts[0].tzinfo == deadlines.UTC


def test_csv_export_has_every_figure(ctx, tmp_path):
    add_request(ctx, "access", name="Ada Abara", days_ago=1)
    fig = dashboard.figures(ctx, weeks=4)
    path = dashboard.export_csv(fig, ctx.catalogue, tmp_path / "d.csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == ["figure", "key", "label", "value"]
    figures = {r[0] for r in rows[1:]}
    assert figures == {"as_of", "open_total", "overdue_rate", "open_by_right", "open_by_deadline_state",
                       "received_per_week", "closed_per_week"}
    assert ["open_by_right", "access", "Right to access", "1"] in rows
    assert sum(1 for r in rows if r[0] == "received_per_week") == 4
    with pytest.raises(ValidationError, match="Cannot write"):
        dashboard.export_csv(fig, ctx.catalogue, tmp_path / "missing" / "d.csv")


def test_bad_arguments_are_refused(ctx):
    with pytest.raises(ValidationError):
        dashboard.figures(ctx, weeks=0)
    with pytest.raises(ValidationError):
        dashboard.figures(ctx, median_days=0)
