"""``privacy-console request ...``: the whole lifecycle of a rights request, headless."""

from __future__ import annotations

import argparse
from datetime import UTC, timedelta, tzinfo

from console.cli import args as args_
from console.cli import request_fast
from console.cli.app import context as _open_context
from console.cli.args import command
from console.cli.args import day as _day
from console.cli.args import instant as _when
from console.cli.output import Progress, emit_json, warn
from console.deadlines import format_time_left
from console.errors import ValidationError
from console.requests import commands, intake, queries
from console.requests.lifecycle import RejectReason
from console.requests.read_models import RequestView
from console.timefmt import due as due_text


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("request", help="rights requests: add, list, show, verify, advance, ...")
    rs = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = command(rs, "add", common, cmd_add, "register a new request")
    add.add_argument("--right", required=True, help="right id (see 'policy show')")
    add.add_argument("--subject-name", required=True)
    add.add_argument("--subject-email", required=True)
    add.add_argument("--received", type=_when, help="when it arrived (ISO 8601 with zone; default: now)")
    add.add_argument("--jurisdiction", action="append", default=[], help="EU, UK, US-CA, US, OTHER (repeatable)")
    add.add_argument("--channel", default="email", choices=commands.CHANNELS)
    add.add_argument("--language", default="")
    add.add_argument("--account-id")
    add.add_argument("--child", action="store_true", help="the subject is under 13; a parent or guardian acts")
    add.add_argument("--guardian-name")
    add.add_argument("--guardian-email")
    add.add_argument("--assignee")
    add.add_argument("--priority", default="normal", choices=commands.PRIORITIES)
    add.add_argument("--notes", default="")
    add.add_argument("--category", action="append", default=[], help="data category concerned (repeatable)")
    add.add_argument("--correction", action="append", default=[], metavar="FIELD=VALUE", help="rectification: what to correct")
    add.add_argument("--restriction", help="restriction: the parameters and purposes")
    add.add_argument("--format", dest="portability_format", help="portability: json or csv")
    add.add_argument("--destination", help="portability: where the data goes")

    ls = command(rs, "list", common, cmd_list, "a queue of requests")
    ls.add_argument("--queue", default="open", help=f"{', '.join(queries.QUEUES)} or right:<id>")
    ls.add_argument("--right")
    ls.add_argument("--status")
    ls.add_argument("--assignee", help="a user, or - for nobody")
    ls.add_argument("--deadline", choices=queries.DEADLINE_STATES)
    ls.add_argument("--search", default="")
    ls.add_argument("--sort", default="due_at", choices=list(queries.SORTS))
    ls.add_argument("--desc", action="store_true")
    ls.add_argument("--limit", type=args_.LIMIT, default=50)

    command(rs, "show", common, cmd_show, "one request in full", "reference")

    command(rs, "assign", common, cmd_assign, "assign to a user (or - for nobody)", "reference", "assignee")

    ver = command(rs, "verify", common, cmd_verify, "tick (or fail) a verification item", "reference")
    ver.add_argument("item", nargs="?", help="checklist item id (omit to list the checklist)")
    ver.add_argument("--fail", action="store_true", help="the check failed (give --comment)")
    ver.add_argument("--second", action="store_true", help="confirm as the second verifier")
    ver.add_argument("--comment", default="")
    ver.add_argument("--evidence", help="a file to attach, stored encrypted")

    for name, helptext in (("pause", "stop the clock while waiting on the person"), ("resume", "restart the clock")):
        sp = command(rs, name, common, cmd_pause if name == "pause" else cmd_resume, helptext, "reference")
        sp.add_argument("--reason", default="")

    ext = command(rs, "extend", common, cmd_extend, "extend a law's clock, with the reason and when the person was told", "reference")
    ext.add_argument("--amount", type=args_.bounded(1, 1000), required=True, help="in the rule's extension unit (months for GDPR, days for CCPA)")
    ext.add_argument("--reason", required=True)
    ext.add_argument("--notified-on", type=_day, required=True, help="the date the person was told")
    ext.add_argument("--rule", help="which clock (default: the first extendable one)")

    adv = command(rs, "advance", common, cmd_advance, "move to the next step (or --to a status)", "reference")
    adv.add_argument("--to", help="target status")
    adv.add_argument("--reason", default="",
                     help="why (needed to reopen, and to complete a request whose response was never sent)")

    rej = command(rs, "reject", common, cmd_reject, "reject with grounds and a reason shown to the person", "reference")
    rej.add_argument("--grounds", required=True, choices=[r.value for r in RejectReason])
    rej.add_argument("--reason", required=True)

    wd = command(rs, "withdraw", common, cmd_withdraw, "the person withdrew the request", "reference")
    wd.add_argument("--reason", required=True)

    ro = command(rs, "reopen", common, cmd_reopen, "reopen a completed request", "reference")
    ro.add_argument("--reason", required=True)

    command(rs, "acknowledge", common, cmd_ack, "record that receipt was confirmed to the person", "reference")

    imp = rs.add_parser("import", parents=[common], help="import requests from CSV or JSON, all or nothing",
                        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=IMPORT_FORMAT)
    imp.add_argument("file", help="a UTF-8 .csv file with a header line, or a .json list of objects with the same keys")
    imp.set_defaults(func=cmd_import)

    from console.cli import request_facts

    request_facts.register(rs, common, lambda a: context(a))  # looked up when run: tests replace it


IMPORT_FORMAT = """\
columns (the first four are required; the others may be left empty or left out):
  right            a right id from 'privacy-console policy show' (access, erasure, ccpa_delete, inquiry...)
  subject_name     the person's name
  subject_email    the person's email address
  received_at      when it arrived, with its zone: 2026-03-10T10:00:00+00:00
  jurisdictions    EU, UK, US-CA, US or OTHER; several separated by ';' (default: the organisation's)
  channel          email, web_form (default), letter or phone
  language         a letter language of the catalogue (en, de)
  account_id       the person's account in your systems
  child            yes for a subject under 13; then guardian_name and guardian_email are required
  assignee, priority (low, normal, high, urgent), notes
  categories       data category ids separated by ';' (usage, account, profile, ...)
  corrections      rectification: field=new value pairs separated by ';'
  restriction      restriction: the parameters and purposes concerned
  format, destination  portability: the format asked for and where to send it
A sample: resources/samples/requests-import.csv. Any bad line stops the import: nothing is added,
and every bad line is listed with its number and the reason."""

_ZONE: list[tzinfo] = []


def context(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    ctx = _open_context(args)
    _ZONE[:] = [ctx.catalogue.organisation.tz]
    return ctx


def view_zone() -> tzinfo:
    """The organisation's zone, for printing (set when the context opens)."""
    return _ZONE[0] if _ZONE else UTC


def _print(view: RequestView, args: argparse.Namespace) -> int:
    if args.json:
        emit_json(view)
        return 0
    left = format_time_left(timedelta(seconds=view.seconds_left)) if view.deadline_state != "closed" else "closed"
    print(f"{view.reference}  {view.right_title}  [{view.status}]")
    print(f"  subject   {view.subject_name} <{view.subject_email}>" + (f"  account {view.subject_account_id}" if view.subject_account_id else ""))
    if view.subject_is_child:
        print(f"  guardian  {view.guardian_name} <{view.guardian_email}>")
    print(f"  received  {view.received_at.astimezone(view_zone()).strftime('%Y-%m-%d %H:%M %Z')} via {view.channel}; jurisdictions {', '.join(view.jurisdictions)}")
    tz = view_zone()
    print(f"  due       {due_text(view.due_at, tz)}  ({view.due_rule})  {view.deadline_state}, {left}")
    for r in view.rules:
        print(f"            - {r.label}: {due_text(r.due_at, tz)}" + (" (confirm receipt)" if r.milestone == "acknowledge" else ""))
    print(f"  assignee  {view.assignee or '-'}   priority {view.priority}")
    if view.duplicate_of:
        print(f"  duplicate of {view.duplicate_of}?")
    if view.outcome:
        print(f"  outcome   {view.outcome}: {view.outcome_reason or ''}")
    if view.checklist:
        print("  verification:")
        for c in view.checklist:
            mark = {"passed": "x", "failed": "!"}.get(c.result or "", " ")
            who = f" by {c.done_by}" if c.done_by else ""
            second = f", confirmed by {c.second_by}" if c.second_by else ""
            print(f"    [{mark}] {c.item_id:<26} {c.label}{who}{second}" + (" (optional)" if not c.required else ""))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    details: dict[str, object] = {}
    if args.correction:
        pairs = []
        for item in args.correction:
            field, sep, value = item.partition("=")
            if not sep or not field.strip():
                raise ValidationError(f"--correction {item!r}: write FIELD=NEW VALUE, e.g. 'postal address=34 New Road'")
            pairs.append({"field": field.strip(), "to": value.strip()})
        details["corrections"] = pairs
    if args.restriction:
        details["restriction"] = {"parameters": args.restriction}
    if args.portability_format:
        details["format"] = args.portability_format
    if args.destination:
        details["destination"] = args.destination
    new = commands.NewRequest(
        right=args.right, subject_name=args.subject_name, subject_email=args.subject_email,
        received_at=args.received or ctx.now(), jurisdictions=tuple(args.jurisdiction), channel=args.channel,
        language=args.language, subject_account_id=args.account_id, subject_is_child=args.child,
        guardian_name=args.guardian_name, guardian_email=args.guardian_email, assignee=args.assignee,
        priority=args.priority, notes=args.notes, categories=tuple(args.category), details=details,
    )
    return _print(commands.add_request(ctx, new), args)


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    f = queries.QueueFilter(queue=args.queue, right=args.right, status=args.status, assignee=args.assignee,
                            deadline=args.deadline, search=args.search, sort=args.sort, descending=args.desc)
    now = ctx.now()
    limit = max(1, args.limit)
    page = queries.fetch_page(ctx, f, limit=limit, now=now)
    request_fast.show(page.rows, queries.count(ctx, f, now=now), args.queue, ctx.catalogue.organisation.tz, now, args.json)
    if not (args.search or args.assignee):  # the next run of this shape may take the fast path
        cat = ctx.catalogue
        request_fast.remember(request_fast.shape_key(args.queue, args.right, args.status, args.deadline, args.sort,
                                                     args.desc, limit),
                              args.db, queries.list_statements(ctx, f, limit), cat.source,
                              cat.organisation.time_zone, cat.due_soon_hours)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from console.requests.access import open_request

    ctx = context(args)
    view = open_request(ctx, args.reference, purpose="request show")  # an audited read of personal data
    code = _print(view, args)
    if not args.json and view.events:
        print("  history:")
        for e in view.events:
            print(f"    {e.at.isoformat(timespec='seconds')} {e.actor:<14} {e.action:<14} {e.detail}")
    return code


def cmd_assign(args: argparse.Namespace) -> int:
    return _print(commands.assign(context(args), args.reference, None if args.assignee == "-" else args.assignee), args)


def cmd_verify(args: argparse.Namespace) -> int:
    from console import verification

    ctx = context(args)
    if not args.item:
        return _print(commands.get_request(ctx, args.reference), args)
    if args.second:
        view = verification.second_check(ctx, args.reference, args.item, args.comment)
    else:
        view = verification.check_item(ctx, args.reference, args.item, "failed" if args.fail else "passed",
                                       args.comment, evidence=args.evidence)
    return _print(view, args)


def cmd_pause(args: argparse.Namespace) -> int:
    return _print(commands.pause(context(args), args.reference, args.reason), args)


def cmd_resume(args: argparse.Namespace) -> int:
    return _print(commands.resume(context(args), args.reference, args.reason), args)


def cmd_extend(args: argparse.Namespace) -> int:
    return _print(commands.extend(context(args), args.reference, args.amount, args.reason, args.notified_on, args.rule), args)


def cmd_advance(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.to:
        return _print(commands.transition(ctx, args.reference, args.to, reason=args.reason), args)
    return _print(commands.advance(ctx, args.reference, reason=args.reason), args)


def cmd_reject(args: argparse.Namespace) -> int:
    return _print(commands.reject(context(args), args.reference, args.grounds, args.reason), args)


def cmd_withdraw(args: argparse.Namespace) -> int:
    return _print(commands.withdraw(context(args), args.reference, args.reason), args)


def cmd_reopen(args: argparse.Namespace) -> int:
    return _print(commands.reopen(context(args), args.reference, args.reason), args)


def cmd_ack(args: argparse.Namespace) -> int:
    return _print(commands.acknowledge(context(args), args.reference), args)


def cmd_import(args: argparse.Namespace) -> int:
    ctx = context(args)
    result = intake.import_file(ctx, args.file, progress=None if args.json else Progress("import"))
    if args.json:
        emit_json(result)
    else:
        print(f"Imported {result.imported} requests from {args.file}" +
              (f"; {len(result.duplicates)} flagged as possible duplicates" if result.duplicates else ""))
    warn(result.warnings)
    return 0
