"""Issue 13's cases, worked out from the law, against the shipped catalogue: every clock on its
own jurisdiction's calendar and zone, pauses in calendar days, notices judged by their date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.deadlines import (
    Extension,
    Pause,
    Unit,
    check_extension,
    compute_deadline,
    local_due_date,
)
from console.errors import DeadlineError
from console.requests.commands import deadline_for
from console.timefmt import due as due_text

DUBLIN = ZoneInfo("Europe/Dublin")
LA = ZoneInfo("America/Los_Angeles")


def at(text: str, tz: ZoneInfo = DUBLIN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


def clocks(cat, right: str, juris: tuple[str, ...], received: datetime, **kw) -> dict[str, date]:
    """Each clock's last day, as the organisation reads it."""
    d = deadline_for(cat, right, juris, received, **kw)
    return {rd.label: local_due_date(rd.due_at, DUBLIN) for rd in d.per_rule}


# --- 1. every law clock on its own jurisdiction's calendar ------------------------------------


@pytest.mark.parametrize("juris", [("EU", "UK"), ("UK", "EU")])
def test_the_uk_clock_ignores_irish_holidays_whatever_the_order(catalogue, juris) -> None:
    """Received Fri 2 Jan 2026: one month ends Mon 2 Feb, St Brigid's Day in Ireland only.

    The EU clock rolls to 3 Feb (Reg. 1182/71 Art. 3(4)); the UK clock ends on 2 Feb; the
    earlier counts, in either order. Transfer rights have no company window, so the law decides.
    """
    received = at("2026-01-02 10:00")
    d = deadline_for(catalogue, "transfer_information", juris, received)
    assert local_due_date(d.due_at, DUBLIN) == date(2026, 2, 2)
    assert d.rule.id == "gdpr.art12" and d.label == "GDPR Art. 12(3): one month (UK)"
    assert due_text(d.due_at, DUBLIN) == "2026-02-02 end of day"
    eu_only = deadline_for(catalogue, "transfer_information", ("EU",), received)
    assert local_due_date(eu_only.due_at, DUBLIN) == date(2026, 2, 3)


# --- 2. the UK calendar is England and Wales by default ----------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-03-06 10:00", "2026-04-07"),  # 6 Apr is Easter Monday in England and Wales
        ("2026-07-31 10:00", "2026-09-01"),  # 31 Aug is the late-summer bank holiday there
        ("2026-01-03 10:00", "2026-02-03"),  # 3 Feb: an ordinary Tuesday in the UK
    ],
)
def test_uk_deadlines_roll_over_english_bank_holidays(catalogue, received: str, expected: str) -> None:
    d = deadline_for(catalogue, "transfer_objection", ("UK",), at(received, ZoneInfo("Europe/London")))
    assert local_due_date(d.due_at, DUBLIN) == date.fromisoformat(expected)


# --- 3. pauses in calendar days (ICO / EDPB: stop the clock, restart it) ------------------------


@pytest.mark.parametrize(
    ("pause", "expected"),
    [
        (None, "2026-12-02"),
        (("2026-11-03 09:00", "2026-11-03 16:00"), "2026-12-02"),  # within one day: nothing
        (("2026-11-03 09:00", "2026-11-10 08:00"), "2026-12-09"),  # 3rd to 10th: 7 days
        (("2026-11-03 23:59", "2026-11-04 00:01"), "2026-12-03"),  # across midnight: one date
    ],
)
def test_a_paused_gdpr_month_moves_by_the_dates_stopped_and_restarted(catalogue, pause, expected) -> None:
    pauses = () if pause is None else (Pause(at(pause[0]), at(pause[1])),)
    d = deadline_for(catalogue, "transfer_guarantees", ("EU",), at("2026-11-02 10:00"), pauses)
    assert local_due_date(d.due_at, DUBLIN) == date.fromisoformat(expected)


# --- 4. a paused clock is frozen ---------------------------------------------------------------


def test_an_open_pause_leaves_the_due_date_and_every_rule_where_they_stood(catalogue) -> None:
    received = at("2026-03-10 10:00")
    before = deadline_for(catalogue, "access", ("EU",), received)
    paused = deadline_for(catalogue, "access", ("EU",), received, (Pause(at("2026-03-12 09:00")),))
    assert paused.due_at == before.due_at
    assert [rd.due_at for rd in paused.per_rule] == [rd.due_at for rd in before.per_rule]


# --- 5. an extension is judged by the date the person was told --------------------------------


def _gdpr(catalogue):
    return next(r for r in catalogue.deadline_rules("access", ("EU",)) if r.id == "gdpr.art12")


def test_a_notice_given_in_time_can_be_recorded_after_the_first_period(catalogue) -> None:
    """Received 5 Jan, told 20 Jan, recorded 1 Mar: the first period ended 5 Feb; accepted."""
    received = at("2026-01-05 10:00")
    late_record = Extension("gdpr.art12", 2, Unit.MONTHS, "many systems", date(2026, 1, 20), at("2026-03-01 11:00"))
    check_extension(received, _gdpr(catalogue), [], late_record, DUBLIN, now=at("2026-03-01 11:00"))
    d = deadline_for(catalogue, "access", ("EU",), received, extensions=(late_record,))
    assert local_due_date(d.due_at, DUBLIN) == date(2026, 4, 7)  # 5 Apr (Sun), 6 Apr Easter Mon


def test_a_notice_given_after_the_first_period_is_refused_quoting_both_dates(catalogue) -> None:
    received = at("2026-01-05 10:00")
    told_late = Extension("gdpr.art12", 2, Unit.MONTHS, "many systems", date(2026, 2, 6), at("2026-02-06 11:00"))
    with pytest.raises(DeadlineError, match=re.escape(
            "which ended on 2026-02-05; the person was told on 2026-02-06")):
        check_extension(received, _gdpr(catalogue), [], told_late, DUBLIN, now=at("2026-03-01 11:00"))


# --- 7. a right with no company window -----------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "juris", "ids"),
    [
        ("transfer_information", ("EU",), ["gdpr.art12"]),
        ("consent_withdrawal", ("EU", "UK"), ["gdpr.art12"]),
        ("transfer_information", ("OTHER",), ["policy.transfer_information"]),  # no law: policy
        ("transfer_information", ("US-CA",), ["policy.transfer_information"]),
        ("access", ("EU",), ["policy.access", "gdpr.art12"]),  # the company's promise stays
    ],
)
def test_the_law_alone_sets_a_transfer_right_deadline(catalogue, right, juris, ids) -> None:
    assert [r.id for r in catalogue.deadline_rules(right, juris)] == ids


def test_a_transfer_request_gets_the_law_month_not_thirty_days(catalogue) -> None:
    # 1 Mar + one month = 1 Apr (Wed); the company's 30 days would have said 31 Mar.
    d = deadline_for(catalogue, "transfer_information", ("EU",), at("2026-03-01 10:00"))
    assert local_due_date(d.due_at, DUBLIN) == date(2026, 4, 1)


# --- 8. each clock counts from the receipt date in its own zone ----------------------------------


def test_an_evening_californian_request_counts_from_its_californian_date(catalogue) -> None:
    """20:00 on 10 Mar in Los Angeles is 03:00 on 11 Mar in Dublin: CCPA counts from 10 Mar."""
    received = at("2026-03-10 20:00", LA)
    got = clocks(catalogue, "ccpa_know", ("US-CA",), received)
    assert got["CCPA: 45 calendar days"] == date(2026, 4, 24)  # not 25 Apr
    assert got["CCPA: confirm receipt within 10 business days"] == date(2026, 3, 24)
    assert got["Company policy: 30 days"] == date(2026, 4, 10)  # the company reads its own date
    # The day ends at the earlier midnight (Dublin's), so the org's "end of day" is exact.
    d = deadline_for(catalogue, "ccpa_know", ("US-CA",), received)
    ccpa = next(rd for rd in d.per_rule if rd.rule.id == "ccpa.answer")
    assert due_text(ccpa.due_at, DUBLIN) == "2026-04-24 end of day"


def test_a_day_never_runs_past_either_midnight() -> None:
    """An organisation in Los Angeles answering an Irish request: the Irish midnight comes first."""
    from console.deadlines import Calendar, Rule

    rule = Rule("gdpr.art12", "GDPR", 1, Unit.MONTHS, calendars=(Calendar("EU", "Europe/Dublin", "IE"),))
    d = compute_deadline(at("2026-03-10 10:00"), [rule], LA)
    assert d.due_at == at("2026-04-11 00:00")  # 10 Apr is a Friday; midnight Dublin (IST)
    assert due_text(d.due_at, LA) == "2026-04-10 16:00 PDT"
    assert d.due_at - at("2026-04-10 00:00") == timedelta(days=1)
