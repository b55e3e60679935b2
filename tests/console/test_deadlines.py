"""The deadline engine against the law's worked cases: month ends, weekends, holidays, pauses."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.deadlines import (
    DeadlineState,
    Extension,
    Milestone,
    Pause,
    Rule,
    Unit,
    add_business_days,
    add_months,
    check_extension,
    compute_deadline,
    deadline_state,
    format_time_left,
    is_working_day,
    local_due_date,
    rule_due_at,
    time_left,
)
from console.errors import DeadlineError, ValidationError

DUBLIN = "Europe/Dublin"
BERLIN = "Europe/Berlin"
LA = "America/Los_Angeles"


def gdpr(country: str = "IE") -> Rule:
    return Rule(
        "gdpr.art12",
        "GDPR Art. 12(3) (one month)",
        1,
        Unit.MONTHS,
        roll_forward=True,
        holiday_country=country,
        extension_amount=2,
        extension_unit=Unit.MONTHS,
    )


def policy(days: int, right: str = "access") -> Rule:
    return Rule(
        f"policy.{right}",
        f"Company policy ({days} days)",
        days,
        Unit.CALENDAR_DAYS,
        holiday_country="IE",
    )


INQUIRY = Rule("policy.inquiry", "Company policy (48 hours)", 48, Unit.HOURS)
ART33 = Rule("gdpr.art33", "GDPR Art. 33 (72 hours)", 72, Unit.HOURS, pausable=False)
CCPA_ANSWER = Rule(
    "ccpa.answer",
    "CCPA (45 days)",
    45,
    Unit.CALENDAR_DAYS,
    pausable=False,
    holiday_country="US",
    holiday_subdiv="CA",
    extension_amount=45,
    extension_unit=Unit.CALENDAR_DAYS,
)
CCPA_ACK = Rule(
    "ccpa.acknowledge",
    "CCPA: confirm receipt (10 business days)",
    10,
    Unit.BUSINESS_DAYS,
    milestone=Milestone.ACKNOWLEDGE,
    pausable=False,
    holiday_country="US",
)


def at(text: str, tz: str = DUBLIN) -> datetime:
    """A local wall-clock time in ``tz``, e.g. at("2026-03-10 10:00")."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz))


def due_day(rule: Rule, received: str, tz: str = DUBLIN, **kw: object) -> date:
    rd = rule_due_at(at(received, tz), rule, tz, **kw)  # type: ignore[arg-type]
    return local_due_date(rd.due_at, tz)


# --- month arithmetic and the roll-forward of Reg. 1182/71 Art. 3(4) -------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-01-31", 1, "2026-02-28"),  # no 31 Feb: last day of the month
        ("2028-01-31", 1, "2028-02-29"),  # leap year
        ("2026-03-31", 1, "2026-04-30"),
        ("2026-03-10", 1, "2026-04-10"),
        ("2026-12-15", 1, "2027-01-15"),  # across the year end
        ("2026-11-30", 3, "2027-02-28"),
        ("2026-02-28", 2, "2026-04-28"),  # the day number, not "end of month"
        ("2026-01-31", -1, "2025-12-31"),
    ],
)
def test_add_months(start: str, months: int, expected: str) -> None:
    assert add_months(date.fromisoformat(start), months) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("received", "country", "tz", "expected"),
    [
        ("2026-01-31 10:00", "IE", DUBLIN, "2026-03-02"),  # 28 Feb is a Saturday
        ("2026-02-01 10:00", "IE", DUBLIN, "2026-03-02"),  # 1 Mar is a Sunday
        ("2028-01-31 10:00", "IE", DUBLIN, "2028-02-29"),  # leap day, a Tuesday
        ("2026-03-31 10:00", "IE", DUBLIN, "2026-04-30"),  # Thursday, stays
        ("2026-03-10 10:00", "IE", DUBLIN, "2026-04-10"),  # Friday, stays
        ("2026-02-17 10:00", "IE", DUBLIN, "2026-03-18"),  # 17 Mar: St Patrick's Day
        ("2026-03-06 10:00", "IE", DUBLIN, "2026-04-07"),  # 6 Apr: Easter Monday
        ("2026-03-03 10:00", "DE", BERLIN, "2026-04-07"),  # Good Friday, weekend, Easter Monday
        ("2026-11-25 10:00", "DE", BERLIN, "2026-12-28"),  # Christmas, 2nd day, Sunday
        ("2027-02-28 10:00", "DE", BERLIN, "2027-03-30"),  # Sunday then Easter Monday
    ],
)
def test_gdpr_month_rolls_forward_off_weekends_and_holidays(
    received: str, country: str, tz: str, expected: str
) -> None:
    assert due_day(gdpr(country), received, tz) == date.fromisoformat(expected)


def test_gdpr_month_without_roll_forward_ends_on_the_weekend() -> None:
    plain = Rule("gdpr.plain", "one month", 1, Unit.MONTHS, holiday_country="IE")
    assert due_day(plain, "2026-01-31 10:00") == date(2026, 2, 28)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        ("2026-03-10 10:00", 30, "2026-04-09"),  # day of receipt is day 0
        ("2026-01-31 10:00", 28, "2026-02-28"),  # Saturday: policy windows are not rolled
        ("2026-03-07 10:00", 30, "2026-04-06"),  # Easter Monday: not rolled either
        ("2026-03-10 23:59", 7, "2026-03-17"),
        ("2026-03-10 00:00", 0, "2026-03-10"),
    ],
)
def test_policy_window_counts_calendar_days_and_never_rolls(
    received: str, days: int, expected: str
) -> None:
    assert due_day(policy(days), received) == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("received", "tz", "days", "due_at_utc"),
    [
        ("2026-03-10 10:00", DUBLIN, 30, "2026-04-09T23:00:00+00:00"),  # summer time, UTC+1
        ("2026-01-05 10:00", DUBLIN, 7, "2026-01-13T00:00:00+00:00"),  # winter, UTC+0
        ("2026-03-20 10:00", DUBLIN, 7, "2026-03-28T00:00:00+00:00"),  # before the 29 Mar change
        ("2026-03-10 23:30", LA, 30, "2026-04-10T07:00:00+00:00"),  # already 11 Mar in UTC
    ],
)
def test_day_deadline_is_the_end_of_the_local_due_day_in_utc(
    received: str, tz: str, days: int, due_at_utc: str
) -> None:
    rd = rule_due_at(at(received, tz), policy(days), tz)
    assert rd.due_at == datetime.fromisoformat(due_at_utc)
    assert rd.due_at.tzinfo is UTC


# --- CCPA business days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "subdiv", "expected"),
    [
        ("2026-11-18", 10, None, "2026-12-03"),  # skips Thanksgiving (26 Nov)
        ("2026-11-18", 10, "CA", "2026-12-04"),  # California also closes the day after
        ("2026-12-17", 10, None, "2027-01-04"),  # skips Christmas and New Year's Day
        ("2026-11-21", 10, None, "2026-12-07"),  # received on a Saturday
        ("2026-11-25", 1, None, "2026-11-27"),  # the day after receipt is Thanksgiving
        ("2026-11-18", 0, None, "2026-11-18"),
    ],
)
def test_add_business_days_us(start: str, n: int, subdiv: str | None, expected: str) -> None:
    got = add_business_days(date.fromisoformat(start), n, "US", subdiv)
    assert got == date.fromisoformat(expected)


@pytest.mark.parametrize(
    ("day", "country", "subdiv", "working"),
    [
        ("2026-11-26", "US", None, False),  # Thanksgiving
        ("2026-11-27", "US", None, True),
        ("2026-11-27", "US", "CA", False),
        ("2026-03-17", "IE", None, False),  # St Patrick's Day
        ("2026-03-17", "DE", None, True),
        ("2026-03-14", None, None, False),  # Saturday, no calendar
        ("2026-03-16", None, None, True),
    ],
)
def test_is_working_day(day: str, country: str | None, subdiv: str | None, working: bool) -> None:
    assert is_working_day(date.fromisoformat(day), country, subdiv) is working


def test_ccpa_acknowledgement_and_answer() -> None:
    received = at("2026-11-18 09:00", LA)
    d = compute_deadline(received, [CCPA_ANSWER, CCPA_ACK], LA)
    assert local_due_date(d.acknowledge_at, LA) == date(2026, 12, 3)  # type: ignore[arg-type]
    assert local_due_date(d.due_at, LA) == date(2027, 1, 2)  # 45 calendar days, not rolled
    assert d.rule is CCPA_ANSWER


def test_add_business_days_refuses_negative() -> None:
    with pytest.raises(ValidationError):
        add_business_days(date(2026, 1, 1), -1, None, None)


# --- hours -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "received", "expected_utc"),
    [
        (INQUIRY, "2026-03-10 10:15", "2026-03-12T10:15:00+00:00"),
        (INQUIRY, "2026-03-28 12:00", "2026-03-30T12:00:00+00:00"),  # across the DST change
        (INQUIRY, "2026-03-13 10:00", "2026-03-15T10:00:00+00:00"),  # Sunday: hours never roll
        (ART33, "2026-03-10 10:15:30", "2026-03-13T10:15:30+00:00"),
    ],
)
def test_hour_deadlines_are_exact(rule: Rule, received: str, expected_utc: str) -> None:
    rolled = Rule(
        rule.id, rule.label, rule.amount, Unit.HOURS, roll_forward=True, holiday_country="IE"
    )
    for r in (rule, rolled):
        assert rule_due_at(at(received), r, DUBLIN).due_at == datetime.fromisoformat(expected_utc)


# --- pauses ----------------------------------------------------------------------------------

RECEIVED = "2026-03-10 10:00"  # policy 30 days -> 2026-04-09


@pytest.mark.parametrize(
    ("pauses", "expected"),
    [
        ([], "2026-04-09"),
        ([("2026-03-12 09:00", "2026-03-14 09:00")], "2026-04-11"),  # stopped 12th, restarted 14th
        ([("2026-03-12 09:00", "2026-03-12 17:00")], "2026-04-09"),  # within one day: nothing
        ([("2026-03-12 09:00", "2026-03-14 09:01")], "2026-04-11"),  # a minute over: still 2 dates
        ([("2026-03-12 23:50", "2026-03-13 00:10")], "2026-04-10"),  # across midnight: 1 day
        ([("2026-03-12 09:00", None)], "2026-04-09"),  # still open: the date stands as it stopped
        (  # overlapping pauses count once: stopped 12th, restarted 15th
            [("2026-03-12 09:00", "2026-03-14 09:00"), ("2026-03-13 09:00", "2026-03-15 09:00")],
            "2026-04-12",
        ),
        (  # the same pause twice
            [("2026-03-12 09:00", "2026-03-14 09:00"), ("2026-03-12 09:00", "2026-03-14 09:00")],
            "2026-04-11",
        ),
        (  # two pauses each within a day: nothing, however many hours they add up to
            [("2026-03-12 09:00", "2026-03-12 21:00"), ("2026-03-20 09:00", "2026-03-20 21:00")],
            "2026-04-09",
        ),
        # Issue 13 case 3: 9 days 23 real hours across the 29 March clock change is 10 dates, not 11.
        ([("2026-03-20 12:00", "2026-03-30 12:00")], "2026-04-19"),
        ([("2026-04-20 09:00", "2026-04-25 09:00")], "2026-04-09"),  # after it ran out
    ],
)
def test_pauses_move_a_day_deadline_by_calendar_days(pauses: list[tuple[str, str | None]], expected: str) -> None:
    ps = [Pause(at(s), at(e) if e else None) for s, e in pauses]
    assert due_day(policy(30), RECEIVED, pauses=ps) == date.fromisoformat(expected)


def test_a_pause_of_ten_dates_and_thirty_seconds_adds_ten_days() -> None:
    """Issue 13 case 3: 25 Nov 12:00 to 5 Dec 12:00:30 stopped the clock for 10 days, not 11."""
    ps = [Pause(at("2026-11-25 12:00"), at("2026-12-05 12:00:30"))]
    rd = rule_due_at(at("2026-11-20 10:00"), policy(30), DUBLIN, ps)
    assert local_due_date(rd.due_at, DUBLIN) == date(2026, 12, 30)  # 20 Dec + 10
    assert rd.paused_for == timedelta(days=10)


def test_a_pause_inside_the_moved_period_still_counts() -> None:
    # 7 days -> 17 Mar; the first pause moves it to 19 Mar; the second starts on 18 Mar.
    ps = [
        Pause(at("2026-03-11 09:00"), at("2026-03-13 09:00")),
        Pause(at("2026-03-18 09:00"), at("2026-03-19 09:00")),
    ]
    rd = rule_due_at(at(RECEIVED), policy(7, "restriction"), DUBLIN, ps)
    assert local_due_date(rd.due_at, DUBLIN) == date(2026, 3, 20)
    assert rd.paused_for == timedelta(days=3)
    assert local_due_date(rd.base_due_at, DUBLIN) == date(2026, 3, 17)


def test_pause_on_non_pausable_ccpa_does_nothing() -> None:
    received = at("2026-03-10 10:00", LA)
    ps = [Pause(at("2026-03-11 10:00", LA), at("2026-03-20 10:00", LA))]
    with_pause = rule_due_at(received, CCPA_ANSWER, LA, ps)
    assert with_pause.due_at == rule_due_at(received, CCPA_ANSWER, LA).due_at
    assert with_pause.paused_for == timedelta(0)


def test_hour_rule_pause_shifts_by_the_exact_duration() -> None:
    ps = [Pause(at("2026-03-10 11:00"), at("2026-03-10 12:30"))]
    plain = rule_due_at(at("2026-03-10 10:15"), INQUIRY, DUBLIN)
    paused = rule_due_at(at("2026-03-10 10:15"), INQUIRY, DUBLIN, ps)
    assert paused.due_at - plain.due_at == timedelta(minutes=90)


def test_pause_across_the_dst_change_counts_real_time() -> None:
    # Dublin clocks go forward on 29 Mar 2026: 12:00 to 12:00 local is 47 real hours.
    ps = [Pause(at("2026-03-28 12:00"), at("2026-03-30 12:00"))]
    plain = rule_due_at(at("2026-03-28 10:00"), INQUIRY, DUBLIN)
    paused = rule_due_at(at("2026-03-28 10:00"), INQUIRY, DUBLIN, ps)
    assert paused.paused_for == timedelta(hours=47)
    assert paused.due_at - plain.due_at == timedelta(hours=47)


def test_day_pauses_ignore_how_long_the_local_days_were() -> None:
    # 7 days -> 27 Mar; stopped 21 Mar, restarted 23 Mar: two days, whatever the clock change did.
    ps = [Pause(at("2026-03-21 00:00"), at("2026-03-23 23:30"))]
    assert due_day(policy(7), "2026-03-20 10:00", pauses=ps) == date(2026, 3, 29)


def test_gdpr_pause_moves_the_period_end_then_rolls_forward() -> None:
    """The suspended period's last day is rolled, so a day already given by the roll is used."""
    received = "2026-01-31 10:00"  # 28 Feb (Sat) -> Mon 2 Mar
    one_day = [Pause(at("2026-02-02 09:00"), at("2026-02-03 09:00"))]  # -> 1 Mar (Sun) -> 2 Mar
    three_days = [Pause(at("2026-02-02 09:00"), at("2026-02-05 09:00"))]  # -> 3 Mar (Tue)
    assert due_day(gdpr(), received, pauses=one_day) == date(2026, 3, 2)
    assert due_day(gdpr(), received, pauses=three_days) == date(2026, 3, 3)


@pytest.mark.parametrize(
    "pause",
    [
        Pause(at("2026-03-09 09:00"), at("2026-03-11 09:00")),  # before receipt
        Pause(at("2026-03-12 09:00"), at("2026-03-11 09:00")),  # ends before it starts
        Pause(datetime(2026, 3, 12, 9), None),  # naive
        Pause(at("2026-03-12 09:00"), datetime(2026, 3, 13, 9)),  # naive end
    ],
)
def test_bad_pauses_are_refused(pause: Pause) -> None:
    with pytest.raises(ValidationError):
        rule_due_at(at(RECEIVED), policy(30), DUBLIN, [pause])


# --- extensions ------------------------------------------------------------------------------


def ext(
    amount: int = 2,
    unit: Unit = Unit.MONTHS,
    notified: str = "2026-04-01",
    granted: str = "2026-04-01 10:00",
    reason: str = "many systems to search",
    rule_id: str = "gdpr.art12",
) -> Extension:
    return Extension(rule_id, amount, unit, reason, date.fromisoformat(notified), at(granted))


NOW = at("2026-04-02 12:00")


def test_gdpr_extension_allowed_and_applied() -> None:
    new = ext()
    check_extension(at(RECEIVED), gdpr(), [], new, DUBLIN, now=NOW)  # no error
    rd = rule_due_at(at(RECEIVED), gdpr(), DUBLIN, extensions=[new])
    assert local_due_date(rd.due_at, DUBLIN) == date(2026, 6, 10)
    assert local_due_date(rd.original_due_at, DUBLIN) == date(2026, 4, 10)  # type: ignore[arg-type]
    assert rd.extended and rd.base_due_at == rd.original_due_at


def test_month_extension_runs_from_the_first_period_end_then_rolls() -> None:
    # First period ends 28 Feb (rolled to 2 Mar); two further months from 28 Feb = 28 Apr (Tue).
    new = ext(notified="2026-02-20", granted="2026-02-20 10:00")
    assert due_day(gdpr(), "2026-01-31 10:00", extensions=[new]) == date(2026, 4, 28)
    # 10 Mar + 1 month = 10 Apr; + 1 further month = 10 May (Sun) -> 11 May.
    one = ext(amount=1)
    assert due_day(gdpr(), RECEIVED, extensions=[one]) == date(2026, 5, 11)


def test_two_extensions_add_up_to_the_maximum() -> None:
    first, second = ext(amount=1), ext(amount=1, notified="2026-04-02")
    check_extension(at(RECEIVED), gdpr(), [first], second, DUBLIN, now=NOW)
    rd = rule_due_at(at(RECEIVED), gdpr(), DUBLIN, extensions=[first, second])
    assert local_due_date(rd.due_at, DUBLIN) == date(2026, 6, 10)


def test_ccpa_extension_of_45_days() -> None:
    received = at("2026-03-10 10:00", LA)
    new = Extension(
        "ccpa.answer",
        45,
        Unit.CALENDAR_DAYS,
        "complex request",
        date(2026, 4, 1),
        at("2026-04-01 10:00", LA),
    )
    check_extension(received, CCPA_ANSWER, [], new, LA, now=at("2026-04-02 10:00", LA))
    rd = rule_due_at(received, CCPA_ANSWER, LA, extensions=[new])
    assert local_due_date(rd.base_due_at, LA) == date(2026, 4, 24)
    assert local_due_date(rd.due_at, LA) == date(2026, 6, 8)


@pytest.mark.parametrize(
    ("rule", "existing", "new", "message"),
    [
        (
            policy(30),
            [],
            ext(rule_id="policy.access"),
            "Company policy (30 days) cannot be extended",
        ),
        (gdpr(), [], ext(amount=3), "at most 2 months of extension in total; 2 months left"),
        (
            gdpr(),
            [ext(amount=1)],
            ext(amount=2),
            "at most 2 months of extension in total; 1 month left",
        ),
        (gdpr(), [ext(amount=2)], ext(amount=1), "none left"),
        (
            gdpr(),
            [],
            ext(notified="2026-04-11", granted="2026-04-01 10:00"),
            "within the first period, which ended on 2026-04-10; the person was told on 2026-04-11",
        ),
        (gdpr(), [], ext(reason="   "), "needs a reason"),
        (gdpr(), [], ext(reason=""), "needs a reason"),
        (gdpr(), [], ext(notified="2026-03-09"), "before the request was received on 2026-03-10"),
        (gdpr(), [], ext(amount=30, unit=Unit.CALENDAR_DAYS), "extended in months, not days"),
    ],
)
def test_extensions_the_law_refuses(
    rule: Rule, existing: list[Extension], new: Extension, message: str
) -> None:
    with pytest.raises(DeadlineError, match=re.escape(message)):
        check_extension(at(RECEIVED), rule, existing, new, DUBLIN, now=at("2026-04-20 12:00"))


def test_extension_window_follows_the_paused_first_period() -> None:
    ps = [Pause(at("2026-03-12 09:00"), at("2026-03-14 09:00"))]  # first period -> 12 Apr -> 13 Apr
    late = ext(notified="2026-04-13", granted="2026-04-13 10:00")
    check_extension(at(RECEIVED), gdpr(), [], late, DUBLIN, ps, now=at("2026-04-13 12:00"))
    too_late = ext(notified="2026-04-14", granted="2026-04-14 10:00")
    with pytest.raises(DeadlineError, match="ended on 2026-04-13"):
        check_extension(at(RECEIVED), gdpr(), [], too_late, DUBLIN, ps, now=at("2026-04-14 12:00"))


@pytest.mark.parametrize(
    ("new", "now"),
    [
        (ext(), None),  # now is required
        (ext(amount=0), NOW),
        (ext(rule_id="ccpa.answer"), NOW),  # names another rule
        (ext(notified="2026-04-05", granted="2026-04-05 10:00"), NOW),  # in the future
    ],
)
def test_malformed_extensions(new: Extension, now: datetime | None) -> None:
    with pytest.raises(ValidationError):
        check_extension(at(RECEIVED), gdpr(), [], new, DUBLIN, now=now)


def test_compute_applies_what_was_granted_and_ignores_other_rules() -> None:
    # A clock dropped from the catalogue since: its extension changes nothing.
    d = compute_deadline(at(RECEIVED), [policy(30)], DUBLIN, extensions=[ext()])
    assert local_due_date(d.due_at, DUBLIN) == date(2026, 4, 9)
    # Granted in days before the catalogue switched GDPR's extension to months: still applied.
    days = ext(amount=10, unit=Unit.CALENDAR_DAYS)
    assert due_day(gdpr(), RECEIVED, extensions=[days]) == date(2026, 4, 20)


@pytest.mark.parametrize(
    ("rule", "bad"),
    [
        (INQUIRY, ext(amount=1, unit=Unit.MONTHS, rule_id="policy.inquiry")),  # hours vs months
        (gdpr(), ext(amount=2, unit=Unit.HOURS)),
        (gdpr(), ext(amount=-1)),
    ],
)
def test_compute_refuses_extensions_that_cannot_mean_anything(rule: Rule, bad: Extension) -> None:
    with pytest.raises(ValidationError):
        compute_deadline(at(RECEIVED), [rule], DUBLIN, extensions=[bad])


# --- several rules at once -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "rules", "winner", "expected"),
    [
        ("2026-03-10 10:00", [policy(30), gdpr()], "policy.access", "2026-04-09"),
        ("2026-03-10 10:00", [gdpr(), policy(30)], "policy.access", "2026-04-09"),
        # 31 Jan: policy -> 2 Mar; GDPR 28 Feb (Sat) -> 2 Mar: a tie goes to the first given.
        ("2026-01-31 10:00", [policy(30), gdpr()], "policy.access", "2026-03-02"),
        ("2026-01-31 10:00", [gdpr(), policy(30)], "gdpr.art12", "2026-03-02"),
        # February is short: GDPR 1 Mar (Sun) -> 2 Mar beats policy 3 Mar.
        ("2026-02-01 10:00", [policy(30), gdpr()], "gdpr.art12", "2026-03-02"),
        (
            "2026-03-10 10:00",
            [gdpr(), policy(7, "restriction")],
            "policy.restriction",
            "2026-03-17",
        ),
        ("2026-03-10 10:00", [policy(30), gdpr(), INQUIRY], "policy.inquiry", "2026-03-12"),
    ],
)
def test_the_earliest_response_deadline_wins(
    received: str, rules: list[Rule], winner: str, expected: str
) -> None:
    d = compute_deadline(at(received), rules, DUBLIN)
    assert d.rule.id == winner
    assert local_due_date(d.due_at, DUBLIN) == date.fromisoformat(expected)
    assert [rd.rule for rd in d.per_rule] == rules
    assert d.acknowledge_at is None


def test_acknowledgement_never_sets_the_response_due_date() -> None:
    received = at("2026-03-10 10:00", LA)
    d = compute_deadline(received, [policy(30), CCPA_ANSWER, CCPA_ACK], LA)
    assert d.rule.id == "policy.access"
    assert d.acknowledge_at is not None and d.acknowledge_at < d.due_at
    assert local_due_date(d.acknowledge_at, LA) == date(2026, 3, 24)
    assert len(d.per_rule) == 3


@pytest.mark.parametrize(
    "rules",
    [[], [CCPA_ACK], [policy(30), policy(15)]],  # none; no response rule; repeated id
)
def test_compute_refuses_bad_rule_sets(rules: list[Rule]) -> None:
    with pytest.raises(ValidationError):
        compute_deadline(at(RECEIVED), rules, DUBLIN)


@pytest.mark.parametrize(
    ("received", "tz", "rule"),
    [
        (datetime(2026, 3, 10, 10), DUBLIN, policy(30)),  # naive
        (at(RECEIVED), "Mars/Olympus", policy(30)),
        (
            at(RECEIVED),
            DUBLIN,
            Rule("x", "x", 1, Unit.MONTHS, roll_forward=True, holiday_country="XX"),
        ),
    ],
)
def test_bad_inputs_are_validation_errors(received: datetime, tz: str, rule: Rule) -> None:
    with pytest.raises(ValidationError):
        compute_deadline(received, [rule], tz)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"amount": -1},
        {"extension_amount": 2},  # no unit
        {"extension_amount": 2, "extension_unit": Unit.HOURS},  # days rule, hours extension
    ],
)
def test_malformed_rules_are_refused(kwargs: dict[str, object]) -> None:
    base: dict[str, object] = {"id": "r", "label": "r", "amount": 1, "unit": Unit.MONTHS}
    with pytest.raises(ValidationError):
        Rule(**(base | kwargs))  # type: ignore[arg-type]


# --- states, time left -----------------------------------------------------------------------

DUE = datetime(2026, 4, 9, 23, 0, tzinfo=UTC)  # end of 9 Apr in Dublin
SECOND = timedelta(seconds=1)


@pytest.mark.parametrize(
    ("now", "due_soon", "paused", "closed", "state"),
    [
        (DUE - SECOND, timedelta(days=3), False, False, DeadlineState.DUE_TODAY),
        (DUE, timedelta(days=3), False, False, DeadlineState.OVERDUE),
        (DUE + SECOND, timedelta(days=3), False, False, DeadlineState.OVERDUE),
        (DUE - timedelta(days=1), timedelta(days=3), False, False, DeadlineState.DUE_TODAY),
        (DUE - timedelta(days=1) - SECOND, timedelta(days=3), False, False, DeadlineState.DUE_SOON),
        (DUE - timedelta(days=1) - SECOND, timedelta(days=1), False, False, DeadlineState.ON_TRACK),
        (DUE - timedelta(days=3), timedelta(days=3), False, False, DeadlineState.DUE_SOON),
        (DUE - timedelta(days=3) - SECOND, timedelta(days=3), False, False, DeadlineState.ON_TRACK),
        (DUE + SECOND, timedelta(days=3), True, False, DeadlineState.PAUSED),
        (DUE + SECOND, timedelta(days=3), True, True, DeadlineState.CLOSED),
        (DUE - timedelta(days=20), timedelta(days=3), False, True, DeadlineState.CLOSED),
    ],
)
def test_deadline_state_boundaries(
    now: datetime, due_soon: timedelta, paused: bool, closed: bool, state: DeadlineState
) -> None:
    assert deadline_state(DUE, now, DUBLIN, due_soon, paused, closed) is state


def test_due_today_means_the_local_day_of_the_organisation() -> None:
    due = datetime(2026, 4, 10, 7, 0, tzinfo=UTC)  # end of 9 Apr in Los Angeles
    now = datetime(2026, 4, 9, 8, 0, tzinfo=UTC)  # 01:00 in LA, 09:00 in Dublin
    assert deadline_state(due, now, LA, timedelta(days=2)) is DeadlineState.DUE_TODAY
    assert deadline_state(due, now, DUBLIN, timedelta(days=2)) is DeadlineState.DUE_SOON


def test_hour_deadline_due_tomorrow_morning_is_not_due_today() -> None:
    due = rule_due_at(at("2026-03-10 10:15"), INQUIRY, DUBLIN).due_at  # 12 Mar 10:15
    soon = timedelta(days=1)
    assert deadline_state(due, at("2026-03-11 22:00"), DUBLIN, soon) is DeadlineState.DUE_SOON
    assert deadline_state(due, at("2026-03-12 00:00"), DUBLIN, soon) is DeadlineState.DUE_TODAY


def test_state_and_time_left_accept_local_times_across_dst() -> None:
    due, now = at("2026-03-30 12:00"), at("2026-03-28 12:00")  # 47 h apart, same tzinfo
    assert time_left(due, now) == timedelta(hours=47)
    assert deadline_state(due, now, DUBLIN, timedelta(hours=47)) is DeadlineState.DUE_SOON


def test_no_deadline_is_on_track_and_naive_is_refused() -> None:
    assert deadline_state(None, NOW, DUBLIN, timedelta(days=3)) is DeadlineState.ON_TRACK
    with pytest.raises(ValidationError):
        deadline_state(datetime(2026, 4, 9), NOW, DUBLIN, timedelta(days=3))


@pytest.mark.parametrize(
    ("left", "expected"),
    [
        (timedelta(seconds=1.5), timedelta(seconds=2)),  # a timer rounds up
        (timedelta(microseconds=1), SECOND),
        (timedelta(0), timedelta(0)),
        (timedelta(seconds=-0.5), timedelta(0)),
        (timedelta(seconds=-1.5), timedelta(seconds=-1)),
        (timedelta(days=12, hours=3), timedelta(days=12, hours=3)),
    ],
)
def test_time_left_to_the_second(left: timedelta, expected: timedelta) -> None:
    assert time_left(DUE, DUE - left) == expected


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(days=12, hours=3, minutes=4, seconds=5), "12d 03:04:05"),
        (-timedelta(days=2, hours=1), "-2d 01:00:00"),
        (timedelta(hours=3, minutes=4, seconds=5), "03:04:05"),
        (timedelta(0), "00:00:00"),
        (-SECOND, "-00:00:01"),
        (timedelta(days=1), "1d 00:00:00"),
        (timedelta(seconds=0.9), "00:00:00"),
        (timedelta(seconds=-0.5), "00:00:00"),
    ],
)
def test_format_time_left(delta: timedelta, text: str) -> None:
    assert format_time_left(delta) == text
