"""Properties the deadline engine must keep for any receipt time, rule set, pause and zone."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from console.deadlines import (
    Calendar,
    DeadlineState,
    Extension,
    Milestone,
    Pause,
    Rule,
    Unit,
    compute_deadline,
    deadline_state,
    format_time_left,
    local_due_date,
    rule_due_at,
    time_left,
)
from console.policy import load_catalogue
from console.requests.commands import deadline_for

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

CALENDAR_SET = [
    Calendar("EU", "Europe/Dublin", "IE"),
    Calendar("UK", "Europe/London", "GB", "ENG"),
    Calendar("US-CA", "America/Los_Angeles", "US", "CA"),
    Calendar("NZ", "Pacific/Auckland", "NZ"),
    Calendar("ORG"),
]
CATALOGUE = load_catalogue()

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
    plain = rule_due_at(received, rule, tz)
    some = rule_due_at(received, rule, tz, existing)
    more = rule_due_at(received, rule, tz, existing + extra)
    assert plain.due_at <= some.due_at <= more.due_at
    assert time_left(plain.due_at, now) <= time_left(some.due_at, now)


def _plain(rule: Rule) -> Rule:
    """The rule pausable and without a roll-forward to absorb the stopped days."""
    return Rule(rule.id, rule.label, rule.amount, rule.unit, pausable=True,
                holiday_country=rule.holiday_country, holiday_subdiv=rule.holiday_subdiv)


@fast
@given(st.data(), moments, rules(), zones)
def test_time_lost_to_a_pause_is_given_back(
    data: st.DataObject, received: datetime, rule: Rule, tz: str
) -> None:
    """Hours come back exactly; days by the dates the clock stopped and restarted."""
    rule = _plain(rule)
    plain = rule_due_at(received, rule, tz)
    assume(plain.due_at > received)
    start = received + (plain.due_at - received) * data.draw(st.floats(0, 0.999))
    end = start + timedelta(minutes=data.draw(st.integers(1, 40 * 24 * 60)))
    paused = rule_due_at(received, rule, tz, [Pause(start, end)])
    if rule.unit is Unit.HOURS:
        assert paused.paused_for == end - start
        assert paused.due_at - plain.due_at == end - start
    else:
        zone = ZoneInfo(tz)
        days = (end.astimezone(zone).date() - start.astimezone(zone).date()).days
        assert paused.paused_for == timedelta(days=days)
        assert local_due_date(paused.due_at, tz) - local_due_date(plain.due_at, tz) >= timedelta(days=days)


@fast
@given(st.data(), moments, rules(), zones)
def test_a_pause_within_one_calendar_day_never_moves_a_due_date(
    data: st.DataObject, received: datetime, rule: Rule, tz: str
) -> None:
    assume(rule.unit is not Unit.HOURS)  # an hour-based clock stops for exactly as long as it stood
    zone = ZoneInfo(tz)
    plain = rule_due_at(received, rule, tz)
    day = (received + timedelta(days=data.draw(st.integers(0, 120)))).astimezone(zone).date()
    midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
    first = data.draw(st.integers(0, 24 * 60 - 1))
    span = (first, data.draw(st.integers(first, 24 * 60 - 1)))
    start, end = ((midnight + timedelta(minutes=m)).astimezone(UTC) for m in span)
    assume(start >= received and start.astimezone(zone).date() == end.astimezone(zone).date() == day)
    assert rule_due_at(received, rule, tz, [Pause(start, end)]).due_at == plain.due_at
    assert rule_due_at(received, rule, tz, [Pause(start, None)]).due_at == plain.due_at  # still open


JURISDICTIONS = ["EU", "UK", "US-CA", "US", "OTHER"]


@fast
@given(st.data(), moments, st.sampled_from(["access", "erasure", "transfer_information", "ccpa_know", "inquiry"]))
def test_the_due_date_does_not_depend_on_the_order_of_jurisdictions(
    data: st.DataObject, received: datetime, right: str
) -> None:
    juris = data.draw(st.lists(st.sampled_from(JURISDICTIONS), min_size=1, max_size=4, unique=True))
    shuffled = data.draw(st.permutations(juris))
    one = deadline_for(CATALOGUE, right, tuple(juris), received)
    other = deadline_for(CATALOGUE, right, tuple(shuffled), received)
    assert (one.due_at, one.label, one.acknowledge_at) == (other.due_at, other.label, other.acknowledge_at)
    assert [(rd.label, rd.due_at) for rd in one.per_rule] == [(rd.label, rd.due_at) for rd in other.per_rule]


@fast
@given(st.data(), moments, rules(), zones)
def test_a_law_on_several_calendars_ends_on_the_earliest_in_any_order(
    data: st.DataObject, received: datetime, rule: Rule, tz: str
) -> None:
    cals = data.draw(st.lists(st.sampled_from(CALENDAR_SET), min_size=1, max_size=4, unique_by=lambda c: c.where))
    shuffled = data.draw(st.permutations(cals))
    one = rule_due_at(received, replace(rule, calendars=tuple(cals)), tz)
    other = rule_due_at(received, replace(rule, calendars=tuple(shuffled)), tz)
    alone = [rule_due_at(received, replace(rule, calendars=(c,)), tz).due_at for c in cals]
    assert one.due_at == other.due_at == min(alone) and one.where == other.where


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
