"""Properties the deadline engine must keep for any receipt time, rule set, pause and zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from console.deadlines import (
    DeadlineState,
    Extension,
    Milestone,
    Pause,
    Rule,
    Unit,
    compute_deadline,
    deadline_state,
    format_time_left,
    rule_due_at,
    time_left,
)

ZONES = ["Europe/Dublin", "Europe/Berlin", "America/Los_Angeles", "UTC", "Pacific/Auckland"]
AMOUNTS = {
    Unit.CALENDAR_DAYS: st.integers(0, 400),
    Unit.BUSINESS_DAYS: st.integers(0, 60),
    Unit.MONTHS: st.integers(0, 24),
    Unit.HOURS: st.integers(0, 2000),
}
EXTENSION_UNIT = {
    Unit.CALENDAR_DAYS: Unit.CALENDAR_DAYS,
    Unit.BUSINESS_DAYS: Unit.BUSINESS_DAYS,
    Unit.MONTHS: Unit.MONTHS,
    Unit.HOURS: Unit.HOURS,
}
CALENDARS = [(None, None), ("IE", None), ("DE", None), ("US", None), ("US", "CA")]

fast = settings(max_examples=200, deadline=None)
moments = st.datetimes(datetime(2020, 1, 1), datetime(2035, 12, 31), timezones=st.just(UTC))
zones = st.sampled_from(ZONES)


@st.composite
def rules(draw: st.DrawFn, rule_id: str = "r0", milestone: Milestone | None = None) -> Rule:
    unit = draw(st.sampled_from(list(Unit)))
    country, subdiv = draw(st.sampled_from(CALENDARS))
    extendable = draw(st.booleans())
    return Rule(
        id=rule_id,
        label=f"rule {rule_id}",
        amount=draw(AMOUNTS[unit]),
        unit=unit,
        milestone=milestone or draw(st.sampled_from(list(Milestone))),
        roll_forward=draw(st.booleans()),
        pausable=draw(st.booleans()),
        holiday_country=country,
        holiday_subdiv=subdiv,
        extension_amount=3 if extendable else 0,
        extension_unit=EXTENSION_UNIT[unit] if extendable else None,
    )


@st.composite
def rule_sets(draw: st.DrawFn) -> list[Rule]:
    """One response rule first (a request always has one), then up to four of any kind."""
    n = draw(st.integers(0, 4))
    return [draw(rules("r0", Milestone.RESPONSE))] + [draw(rules(f"r{i}")) for i in range(1, n + 1)]


@st.composite
def pauses(draw: st.DrawFn, received: datetime) -> list[Pause]:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        start = received + timedelta(minutes=draw(st.integers(0, 200 * 24 * 60)))
        length = timedelta(minutes=draw(st.integers(0, 30 * 24 * 60)))
        out.append(Pause(start, start + length))
    return out


@fast
@given(moments, rules(), zones)
def test_due_date_never_precedes_receipt(received: datetime, rule: Rule, tz: str) -> None:
    rd = rule_due_at(received, rule, tz)
    assert rd.due_at >= received
    assert rd.due_at.tzinfo is UTC


@fast
@given(st.data(), moments, rules(), zones)
def test_a_pause_never_makes_the_deadline_earlier(
    data: st.DataObject, received: datetime, rule: Rule, tz: str
) -> None:
    existing = data.draw(pauses(received))
    extra = data.draw(pauses(received))
    now = received + timedelta(days=data.draw(st.integers(0, 400)))
    plain = rule_due_at(received, rule, tz, now=now)
    some = rule_due_at(received, rule, tz, existing, now=now)
    more = rule_due_at(received, rule, tz, existing + extra, now=now)
    assert plain.due_at <= some.due_at <= more.due_at
    assert time_left(plain.due_at, now) <= time_left(some.due_at, now)


@fast
@given(st.data(), moments, rules(), zones)
def test_time_lost_to_a_pause_is_given_back(
    data: st.DataObject, received: datetime, rule: Rule, tz: str
) -> None:
    """Without a roll-forward to absorb it, the due date moves by at least the stopped time."""
    rule = Rule(
        rule.id,
        rule.label,
        rule.amount,
        rule.unit,
        pausable=True,
        holiday_country=rule.holiday_country,
        holiday_subdiv=rule.holiday_subdiv,
    )
    plain = rule_due_at(received, rule, tz)
    assume(plain.due_at > received)
    start = received + (plain.due_at - received) * data.draw(st.floats(0, 0.999))
    length = timedelta(minutes=data.draw(st.integers(1, 40 * 24 * 60)))
    paused = rule_due_at(received, rule, tz, [Pause(start, None)], now=start + length)
    assert paused.due_at - plain.due_at >= length
    assert paused.paused_for == length


@fast
@given(st.data(), moments, zones)
def test_an_extension_never_makes_the_deadline_earlier(
    data: st.DataObject, received: datetime, tz: str
) -> None:
    rule = data.draw(rules())
    if rule.extension_unit is None:
        return
    ext = Extension(
        rule.id, data.draw(st.integers(1, 3)), rule.extension_unit, "why", received.date(), received
    )
    assert rule_due_at(received, rule, tz, extensions=[ext]).due_at >= (
        rule_due_at(received, rule, tz).due_at
    )


@fast
@given(moments, rule_sets(), zones)
def test_the_earliest_response_rule_wins(received: datetime, rs: list[Rule], tz: str) -> None:
    d = compute_deadline(received, rs, tz)
    responses = [rd for rd in d.per_rule if rd.rule.milestone is Milestone.RESPONSE]
    assert d.due_at == min(rd.due_at for rd in responses)
    assert d.rule is next(rd.rule for rd in responses if rd.due_at == d.due_at)  # first on ties
    acks = [rd.due_at for rd in d.per_rule if rd.rule.milestone is Milestone.ACKNOWLEDGE]
    assert d.acknowledge_at == (min(acks) if acks else None)


@fast
@given(moments, rule_sets(), rules("extra"), zones)
def test_adding_a_rule_never_makes_the_due_date_later(
    received: datetime, rs: list[Rule], extra: Rule, tz: str
) -> None:
    before = compute_deadline(received, rs, tz).due_at
    assert compute_deadline(received, [*rs, extra], tz).due_at <= before
    assert compute_deadline(received, [extra, *rs], tz).due_at <= before


@fast
@given(moments, st.timedeltas(timedelta(days=-400), timedelta(days=400)), zones)
def test_time_left_and_state_agree(due: datetime, offset: timedelta, tz: str) -> None:
    now = due - offset
    left = time_left(due, now)
    state = deadline_state(due, now, tz, timedelta(days=3))
    assert (state is DeadlineState.OVERDUE) == (left <= timedelta(0))
    assert left % timedelta(seconds=1) == timedelta(0)
    assert timedelta(0) <= left - offset < timedelta(seconds=1)
    text = format_time_left(left)
    assert re.fullmatch(r"-?(\d+d )?\d\d:\d\d:\d\d", text)
    assert text.startswith("-") == (left < timedelta(0))
