"""The pure deadline engine: dates in, dates out; no database, no I/O, no clock of its own.

Each clock counts on its own calendar: the time zone and public holidays of the jurisdiction whose
law it is (the company's own promise on the organisation's). Every instant returned is UTC-aware.
Periods follow Regulation (EEC, Euratom) No 1182/71 Art. 3, the rules the GDPR's periods are read
under: the day of the event is not counted (Art. 3(1)), a day-based period ends with the expiry of
the last hour of its last day (Art. 3(2)(b)/(c)), so a deadline "on 9 April" is the local midnight
that starts 10 April and a countdown runs to that instant. Where the jurisdiction's zone and the
organisation's differ, the day ends at the earlier of the two midnights, so the console never
reads a day as longer than either side does. Art. 3(5) (a period of two days or
more holds at least two working days) is not applied: no catalogued rolling period is that short.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.errors import DeadlineError, ValidationError

UTC = dt.UTC
_ZERO = timedelta(0)
_DAY = timedelta(days=1)
_SECOND = timedelta(seconds=1)
# A local day lasts at most 25 h (DST); beyond that "due today" is impossible, so skip the tz math.
_TODAY_HORIZON = timedelta(hours=26)


class Unit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    BUSINESS_DAYS = "business_days"
    MONTHS = "months"
    HOURS = "hours"


class Milestone(StrEnum):
    RESPONSE = "response"
    ACKNOWLEDGE = "acknowledge"  # confirm receipt (CCPA: 10 business days, 11 CCR s. 7021(a))


class DeadlineState(StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    PAUSED = "paused"
    CLOSED = "closed"


# The states most pressing first, the order filters, charts and legends list them in.
URGENCY = (DeadlineState.OVERDUE, DeadlineState.DUE_TODAY, DeadlineState.DUE_SOON, DeadlineState.ON_TRACK,
           DeadlineState.PAUSED, DeadlineState.CLOSED)


_UNIT_WORDS = {
    Unit.CALENDAR_DAYS: ("day", "days"),
    Unit.BUSINESS_DAYS: ("business day", "business days"),
    Unit.MONTHS: ("month", "months"),
    Unit.HOURS: ("hour", "hours"),
}


def _quantity(n: int, unit: Unit) -> str:
    one, many = _UNIT_WORDS[unit]
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Calendar:
    """Where a clock runs: a jurisdiction's time zone and public holidays."""

    where: str = ""  # jurisdiction id; "" is the organisation's own calendar
    zone: str | None = None  # IANA zone; None is the organisation's
    country: str | None = None  # `holidays` country code, e.g. "IE", "GB", "US"
    subdiv: str | None = None  # e.g. "ENG" (England and Wales), "CA"


@dataclass(frozen=True)
class Rule:
    """One clock that runs on a request: the company's promise or a law's period."""

    id: str
    label: str
    amount: int
    unit: Unit
    milestone: Milestone = Milestone.RESPONSE
    roll_forward: bool = False  # Reg. 1182/71 Art. 3(4): Sat/Sun/holiday end -> next working day
    pausable: bool = True  # the clock stops while waiting on the person
    holiday_country: str | None = None  # `holidays` country code, e.g. "IE", "DE", "US"
    holiday_subdiv: str | None = None  # e.g. "CA"
    extension_amount: int = 0  # maximum total extension (0 = none)
    extension_unit: Unit | None = None
    # One law, several jurisdictions (GDPR for EU and UK): the clock runs on each calendar and
    # the earliest end counts. Empty: one calendar from holiday_country/subdiv, organisation's zone.
    calendars: tuple[Calendar, ...] = ()

    @property
    def runs_on(self) -> tuple[Calendar, ...]:
        return self.calendars or (Calendar("", None, self.holiday_country, self.holiday_subdiv),)

    def __post_init__(self) -> None:
        """Refuse a malformed rule when it is built, not when a deadline is already shown."""
        if not self.id:
            raise ValidationError("a deadline rule needs an id")
        if self.amount < 0 or self.extension_amount < 0:
            raise ValidationError(f"{self.label}: amounts cannot be negative")
        if self.extension_amount and self.extension_unit is None:
            raise ValidationError(f"{self.label}: an extension needs a unit")
        if self.extension_unit is not None and (self.unit is Unit.HOURS) != (
            self.extension_unit is Unit.HOURS
        ):
            raise ValidationError(f"{self.label}: hours extend only hours, days only days")
        wheres = [c.where for c in self.calendars]
        if len(set(wheres)) != len(wheres):
            raise ValidationError(f"{self.label}: a jurisdiction's calendar is given twice")


@dataclass(frozen=True)
class Pause:
    """The clock stopped while waiting on the person; ``end`` None means still waiting.

    Day-based periods move by calendar days, the dates the clock stopped and restarted (ICO and
    EDPB: the time limit is paused until the information arrives); a pause within one day adds
    nothing. While a pause is open the due date stays as it stood when the clock stopped.
    """

    start: datetime
    end: datetime | None = None


@dataclass(frozen=True)
class Extension:
    """A further period granted under one rule (GDPR Art. 12(3), CCPA s. 1798.130(a)(2))."""

    rule_id: str
    amount: int
    unit: Unit
    reason: str
    notified_on: date
    granted_at: datetime


@dataclass(frozen=True)
class RuleDeadline:
    """One rule's own deadline, kept so the UI can show every clock, not only the winner."""

    rule: Rule
    due_at: datetime  # with pauses and extensions
    base_due_at: datetime  # the rule alone: no pause, no extension
    extended: bool
    paused_for: timedelta  # stopped time counted: whole calendar days, or exact for hour rules
    original_due_at: datetime | None = None  # end of the first period: pauses, no extension
    where: str = ""  # the jurisdiction whose calendar gave the earliest end

    @property
    def label(self) -> str:
        """The rule's label, naming the jurisdiction when the law runs on several calendars."""
        return f"{self.rule.label} ({self.where})" if len(self.rule.calendars) > 1 else self.rule.label


@dataclass(frozen=True)
class Deadline:
    """The request's due date and the rule that set it (policy and law differ: earliest wins)."""

    due_at: datetime
    rule: Rule
    per_rule: tuple[RuleDeadline, ...]
    acknowledge_at: datetime | None = None
    label: str = ""  # the winning rule's label, naming its jurisdiction where that matters


# --- calendars -----------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _holiday_dates(country: str, subdiv: str | None, year: int) -> frozenset[date]:
    """Public holidays of one year; neighbours are loaded because "observed" days cross years."""
    import holidays  # only business-day windows need calendars: loaded on first use

    try:
        cal = holidays.country_holidays(country, subdiv=subdiv, years=range(year - 1, year + 2))
    except NotImplementedError as exc:
        raise ValidationError(f"no holiday calendar for {country!r}/{subdiv!r}: {exc}") from exc
    return frozenset(d for d in cal if d.year == year)


def is_working_day(d: date, country: str | None = None, subdiv: str | None = None) -> bool:
    """Monday to Friday and not a public holiday of ``country``/``subdiv`` (none if None)."""
    if d.weekday() >= 5:
        return False
    return country is None or d not in _holiday_dates(country, subdiv, d.year)


def next_working_day(d: date, country: str | None = None, subdiv: str | None = None) -> date:
    """``d`` itself if it is a working day, else the next one (Reg. 1182/71 Art. 3(4))."""
    while not is_working_day(d, country, subdiv):
        d += _DAY
    return d


def add_business_days(
    start: date, n: int, country: str | None = None, subdiv: str | None = None
) -> date:
    """The n-th working day after ``start``; ``start`` itself never counts (day of receipt).

    CCPA regulations (11 CCR s. 7001) define a business day as Monday to Friday excluding
    holidays; the holiday calendar is the rule's, so the catalogue decides federal or state.
    """
    if n < 0:
        raise ValidationError("business days cannot be counted backwards")
    d = start
    while n:
        d += _DAY
        if is_working_day(d, country, subdiv):
            n -= 1
    return d


def add_months(d: date, n: int) -> date:
    """Same day number n months later, or that month's last day (Reg. 1182/71 Art. 3(2)(c)).

    31 Jan + 1 month is 28 Feb (29 Feb in a leap year); 31 Mar + 1 month is 30 Apr.
    """
    year, month0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(year, month0 + 1, min(d.day, calendar.monthrange(year, month0 + 1)[1]))


def end_of_day(d: date, tz: tzinfo | str) -> datetime:
    """The UTC instant the local day ``d`` ends: the local midnight starting the next day."""
    nxt = d + _DAY
    return datetime(nxt.year, nxt.month, nxt.day, tzinfo=_zone(tz)).astimezone(UTC)


def local_due_date(due_at: datetime, tz: tzinfo | str) -> date:
    """The local day a deadline falls on (a day-based deadline's midnight belongs to the day before)."""
    return (_aware(due_at, "due_at") - timedelta(microseconds=1)).astimezone(_zone(tz)).date()


# --- validation helpers --------------------------------------------------------------------


@lru_cache(maxsize=64)
def _zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"unknown time zone {name!r}") from exc


def _zone(tz: tzinfo | str) -> tzinfo:
    return _zone_named(tz) if isinstance(tz, str) else tz


def _aware(value: datetime, name: str) -> datetime:
    """The same instant in UTC; naive datetimes are refused (off by the offset = missed).

    UTC also matters for arithmetic: Python subtracts two datetimes sharing one tzinfo on the
    wall clock, so a pause across a DST change would be an hour off in a local zone.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"{name} must carry a time zone (got {value.isoformat()})")
    return value if value.tzinfo is UTC else value.astimezone(UTC)


_Interval = tuple[datetime, datetime]


def _merge_pauses(received_at: datetime, pauses: Sequence[Pause]) -> list[_Interval]:
    """Ended pauses as sorted, disjoint intervals (overlaps count once).

    An open pause is checked but moves nothing yet: while the clock stands still the due date
    stays as it was when it stopped, and the time left is frozen (see ``time_left``).
    """
    spans: list[_Interval] = []
    for p in pauses:
        start = _aware(p.start, "pause start")
        if start < received_at:
            raise ValidationError(
                f"a pause cannot start ({start.isoformat()}) before the request was received "
                f"({received_at.isoformat()})"
            )
        if p.end is None:
            continue
        end = _aware(p.end, "pause end")
        if end < start:
            raise ValidationError("a pause cannot end before it starts")
        if end > start:
            spans.append((start, end))
    spans.sort()
    merged: list[_Interval] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


_Parts = tuple[tuple[Unit, int], ...]


def _extension_parts(rule: Rule, extensions: Sequence[Extension]) -> _Parts:
    """The extensions granted under ``rule``, summed per unit in the order first granted.

    What was granted is applied even if the catalogue changed since (check_extension is the
    gate, at grant time); only an extension that cannot mean anything here is refused.
    """
    parts: dict[Unit, int] = {}
    for ext in extensions:
        if ext.rule_id != rule.id:
            continue
        if ext.amount <= 0:
            raise ValidationError("an extension must add a positive amount")
        if (ext.unit is Unit.HOURS) != (rule.unit is Unit.HOURS):
            raise ValidationError(
                f"{rule.label} runs in {_UNIT_WORDS[rule.unit][1]}; "
                f"an extension in {_UNIT_WORDS[ext.unit][1]} cannot apply to it"
            )
        parts[ext.unit] = parts.get(ext.unit, 0) + ext.amount
    return tuple(parts.items())




# --- the core ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cal:
    """A calendar with its zones resolved: the jurisdiction's and the organisation's."""

    where: str
    zone: tzinfo
    org: tzinfo
    country: str | None
    subdiv: str | None


@lru_cache(maxsize=1024)
def _resolve(rule: Rule, org: tzinfo) -> tuple[_Cal, ...]:
    return tuple(_Cal(c.where, _zone(c.zone) if c.zone else org, org, c.country, c.subdiv) for c in rule.runs_on)


def _add(d: date, n: int, unit: Unit, cal: _Cal) -> date:
    if unit is Unit.MONTHS:
        return add_months(d, n)
    if unit is Unit.BUSINESS_DAYS:  # always a working day, even for n = 0 from a Saturday
        return next_working_day(add_business_days(d, n, cal.country, cal.subdiv), cal.country, cal.subdiv)
    return d + n * _DAY


def _day_end(d: date, cal: _Cal) -> datetime:
    """The end of day ``d``: the earlier midnight of the jurisdiction's and the organisation's."""
    own = end_of_day(d, cal.zone)
    return own if cal.zone is cal.org else min(own, end_of_day(d, cal.org))


def _due(received_at: datetime, rule: Rule, cal: _Cal, stopped: timedelta, extra: _Parts = ()) -> datetime:
    """One rule's due instant on one calendar, given the stopped time and the total extension.

    Hours (GDPR Art. 33's 72 h) run exactly from the event: Reg. 1182/71 Art. 3(1) would start
    at the next full hour, so this is up to an hour earlier, never later. Day-based periods
    count from the receipt date in the jurisdiction's zone; the extension runs from the end of
    the first period ("two further months"); stopped whole days move the last day, and the
    Art. 3(4) roll-forward applies to the moved day (it is the period's last day).
    """
    if rule.unit is Unit.HOURS:
        hours = rule.amount + sum(n for _, n in extra)
        return (received_at + timedelta(hours=hours) + stopped).astimezone(UTC)
    return _day_due(received_at.astimezone(cal.zone).date(), rule, cal, stopped.days, extra)


@lru_cache(maxsize=65_536)
def _day_due(start: date, rule: Rule, cal: _Cal, stopped_days: int, extra: _Parts) -> datetime:
    """A day-based period depends only on the receipt date, so one answer serves every request
    received that day (a queue, a migration or a demo asks for the same few hundred dates)."""
    end = _add(start, rule.amount, rule.unit, cal)
    for unit, n in extra:
        end = _add(end, n, unit, cal)
    end += stopped_days * _DAY
    if rule.roll_forward or rule.unit is Unit.BUSINESS_DAYS:
        end = next_working_day(end, cal.country, cal.subdiv)
    return _day_end(end, cal)


def _stopped(rule: Rule, cal: _Cal, start: datetime, end: datetime) -> timedelta:
    """What one pause adds: the exact time for hour rules, else the calendar days between the
    date the clock stopped and the date it restarted (a pause within one day adds nothing)."""
    if rule.unit is Unit.HOURS:
        return end - start
    return (end.astimezone(cal.zone).date() - start.astimezone(cal.zone).date()).days * _DAY


def _with_pauses(
    received_at: datetime, rule: Rule, cal: _Cal, merged: list[_Interval], extra: _Parts
) -> tuple[datetime, timedelta]:
    """Due instant and counted stopped time; a pause starting after the clock ran out is ignored.

    Pausing an overdue request must not turn it back on track, so each pause counts only if it
    starts before the due instant as already moved by the earlier pauses.
    """
    due = _due(received_at, rule, cal, _ZERO, extra)
    stopped = _ZERO
    if not rule.pausable:
        return due, stopped
    for start, end in merged:
        if start >= due:
            break
        add = _stopped(rule, cal, start, end)
        if add:
            stopped += add
            due = _due(received_at, rule, cal, stopped, extra)
    return due, stopped


def _on_calendar(
    received_at: datetime, rule: Rule, cal: _Cal, merged: list[_Interval], extra: _Parts
) -> RuleDeadline:
    due, stopped = _with_pauses(received_at, rule, cal, merged, extra)
    original = due if not extra else _with_pauses(received_at, rule, cal, merged, ())[0]
    base = _due(received_at, rule, cal, _ZERO)
    return RuleDeadline(rule, due, base, bool(extra), stopped, original, cal.where)


def _rule_deadline(
    received_at: datetime, rule: Rule, org: tzinfo, merged: list[_Interval], extensions: Sequence[Extension]
) -> RuleDeadline:
    """The earliest end over the rule's calendars; ties by jurisdiction id, never by list order."""
    extra = _extension_parts(rule, extensions)
    found = [_on_calendar(received_at, rule, cal, merged, extra) for cal in _resolve(rule, org)]
    return min(found, key=lambda rd: (rd.due_at, rd.where))


def rule_due_at(
    received_at: datetime,
    rule: Rule,
    tz: ZoneInfo | str,
    pauses: Sequence[Pause] = (),
    extensions: Sequence[Extension] = (),
) -> RuleDeadline:
    """One rule's deadline; extensions naming other rules are ignored. ``tz``: the organisation's."""
    received = _aware(received_at, "received_at")
    return _rule_deadline(received, rule, _zone(tz), _merge_pauses(received, pauses), extensions)


def compute_deadline(
    received_at: datetime,
    rules: Sequence[Rule],
    tz: ZoneInfo | str,
    pauses: Sequence[Pause] = (),
    extensions: Sequence[Extension] = (),
) -> Deadline:
    """Every rule's deadline and the earliest response deadline, which is the request's.

    Ties go to the rule given first (the catalogue lists the policy before the laws, in its own
    order whatever order the jurisdictions came in), so the answer is deterministic. An
    extension naming a rule not given (a law's clock dropped from the catalogue since) changes
    nothing, so a stored request can always be recomputed.
    """
    received = _aware(received_at, "received_at")
    if not rules:
        raise ValidationError("a deadline needs at least one rule")
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise ValidationError(f"deadline rules repeat an id: {', '.join(ids)}")
    zone = _zone(tz)
    merged = _merge_pauses(received, pauses)
    per_rule = tuple(_rule_deadline(received, r, zone, merged, extensions) for r in rules)
    best: RuleDeadline | None = None
    acknowledge_at: datetime | None = None
    for rd in per_rule:
        if rd.rule.milestone is Milestone.ACKNOWLEDGE:
            if acknowledge_at is None or rd.due_at < acknowledge_at:
                acknowledge_at = rd.due_at
        elif best is None or rd.due_at < best.due_at:
            best = rd
    if best is None:
        raise ValidationError("a deadline needs at least one rule with a response milestone")
    return Deadline(best.due_at, best.rule, per_rule, acknowledge_at, best.label)


def check_extension(
    received_at: datetime,
    rule: Rule,
    existing: Sequence[Extension],
    new: Extension,
    tz: ZoneInfo | str,
    pauses: Sequence[Pause] = (),
    now: datetime | None = None,
) -> None:
    """Refuse an extension the law does not allow, with a message a person can act on.

    GDPR Art. 12(3): up to two further months in total, the person informed within one month of
    receipt together with the reasons; CCPA s. 1798.130(a)(2): 45 more days once, with notice
    inside the first 45. The date the person was told decides, not when the console hears of
    it: a notice given in time may be recorded later. ``now`` is required (keyword or
    positional); it is optional in the signature only so positional calls keep working.
    """
    received = _aware(received_at, "received_at")
    if now is None:
        raise ValidationError("checking an extension needs the current time")
    now = _aware(now, "now")
    granted = _aware(new.granted_at, "granted_at")
    zone = _zone(tz)
    if new.rule_id != rule.id:
        raise ValidationError(f"extension names rule {new.rule_id!r}, not {rule.id!r}")
    if not rule.extension_amount or rule.extension_unit is None:
        raise DeadlineError(f"{rule.label} cannot be extended")
    unit = rule.extension_unit
    if new.unit is not unit:
        raise DeadlineError(
            f"{rule.label} is extended in {_UNIT_WORDS[unit][1]}, not {_UNIT_WORDS[new.unit][1]}"
        )
    if new.amount <= 0:
        raise ValidationError(f"an extension must add at least {_quantity(1, unit)}")
    if not new.reason.strip():
        raise DeadlineError("an extension needs a reason: the person must be told why it is late")
    used = sum(e.amount for e in existing if e.rule_id == rule.id)
    left = max(rule.extension_amount - used, 0)
    if new.amount > left:
        raise DeadlineError(
            f"{rule.label} allows at most {_quantity(rule.extension_amount, unit)} of extension "
            f"in total; {_quantity(left, unit) if left else 'none'} left, "
            f"{_quantity(new.amount, unit)} asked"
        )
    cals = _resolve(rule, zone)
    receipt_day = min(received.astimezone(c.zone).date() for c in cals)
    if new.notified_on < receipt_day or granted < received:
        raise DeadlineError(
            f"the extension cannot come before the request was received on {receipt_day.isoformat()}"
        )
    merged = _merge_pauses(received, pauses)
    first, cal = min(((_with_pauses(received, rule, c, merged, ())[0], c) for c in cals),
                     key=lambda fc: (fc[0], fc[1].where))
    if rule.unit is Unit.HOURS:
        first_day, shown = first.astimezone(zone).date(), first.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    else:
        first_day = local_due_date(first, cal.zone)
        shown = first_day.isoformat()
    if new.notified_on > first_day:
        raise DeadlineError(
            f"the extension must be notified within the first period, which ended on {shown}; "
            f"the person was told on {new.notified_on.isoformat()}"
        )
    if granted > now or new.notified_on > now.astimezone(zone).date():
        raise ValidationError(
            "an extension cannot be recorded as granted or notified in the future"
        )


# --- the per-second path: keep it cheap ----------------------------------------------------


def _utc(value: datetime) -> datetime:
    """Cheap UTC normalisation for the per-second path (due_at is already UTC: no work)."""
    if value.tzinfo is UTC:
        return value
    if value.tzinfo is None:
        raise ValidationError("deadline times must carry a time zone")
    return value.astimezone(UTC)


def deadline_state(
    due_at: datetime | None,
    now: datetime,
    tz: ZoneInfo | str,
    due_soon: timedelta,
    paused: bool = False,
    closed: bool = False,
) -> DeadlineState:
    """The badge for a row; called for every visible row every second.

    CLOSED, then PAUSED, win over dates. OVERDUE from the due instant on. DUE_TODAY when the
    deadline falls before the coming local midnight, for day- and hour-based rules alike, so the
    word "today" is always literally true (a 48 h inquiry due at 09:00 tomorrow is DUE_SOON, not
    DUE_TODAY). DUE_SOON when at most ``due_soon`` is left. No deadline at all is ON_TRACK.
    """
    if closed:
        return DeadlineState.CLOSED
    if paused:
        return DeadlineState.PAUSED
    if due_at is None:
        return DeadlineState.ON_TRACK
    due_at, now = _utc(due_at), _utc(now)
    left = due_at - now
    if left <= _ZERO:
        return DeadlineState.OVERDUE
    if left <= _TODAY_HORIZON and due_at <= end_of_day(now.astimezone(_zone(tz)).date(), tz):
        return DeadlineState.DUE_TODAY
    if left <= due_soon:
        return DeadlineState.DUE_SOON
    return DeadlineState.ON_TRACK


def time_left(due_at: datetime, now: datetime, paused_since: datetime | None = None) -> timedelta:
    """Whole seconds to the due instant, rounded up: zero or less means overdue, as on a timer.

    While paused, the time left is frozen at what it was when the clock stopped (the due date
    does not move until the clock restarts), so a paused request never counts down.
    """
    if paused_since is not None:
        now = paused_since
    return -((_utc(now) - _utc(due_at)) // _SECOND) * _SECOND


def format_time_left(delta: timedelta) -> str:
    """Countdown text: "12d 03:04:05", "03:04:05", "-2d 01:00:00" when overdue; no sub-seconds."""
    seconds = abs(delta) // _SECOND
    sign = "-" if delta < _ZERO and seconds else ""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return f"{sign}{days}d {clock}" if days else f"{sign}{clock}"
