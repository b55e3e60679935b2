"""``privacy-console incident ...``: the breach log with its 72-hour clock, headless."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from console.cli import args as args_
from console.cli.app import context
from console.cli.args import command
from console.cli.args import instant as when
from console.cli.output import emit_json, table
from console.context import Context
from console.deadlines import format_time_left
from console.documents.finish import Signing
from console.errors import ValidationError
from console.files import write_out
from console.incidents import commands, notifications, queries, rules
from console.incidents.read_models import IncidentView
from console.packages.settings import configured_signing

CLOCK_WORDS = {"notified": "notified", "notified_late": "notified late", "not_notifying": "not notifying",
               "closed": "closed"}




def _facts(p: argparse.ArgumentParser, *, required_title: bool) -> None:
    p.add_argument("--title", required=required_title, help="what happened, in a few words")
    p.add_argument("--description", help="what happened, in full")
    p.add_argument("--detected-at", type=when, help="when it was detected (ISO 8601 with zone)")
    p.add_argument("--discovery", help="how it was discovered")
    p.add_argument("--reported-by")
    p.add_argument("--nature", action="append", help="confidentiality, integrity, availability (repeatable)")
    p.add_argument("--cyber", action=argparse.BooleanOptionalAction, default=None, help="a cyber incident")
    p.add_argument("--category", action="append", help="data category, or special_category, credentials, "
                   "financial, official_documents, location, children (repeatable)")
    p.add_argument("--subjects", action="append", metavar="CATEGORY",
                   help="categories of data subjects concerned (Art. 33(3)(a)): an id of the record of processing "
                   "(visitors, users, customers, children) or words for others, e.g. 'Employees' (repeatable)")
    p.add_argument("--people", type=args_.COUNT, help="approximate number of people affected")
    p.add_argument("--records", type=args_.COUNT, help="approximate number of records affected")
    p.add_argument("--consequences", help="likely consequences for the people")
    p.add_argument("--measures", help="containment and recovery measures")
    p.add_argument("--contact", help="contact point (default: the organisation's privacy contact)")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("incident", help="breach incidents: open, log, assess, notify, close, list, report")
    rs = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    op = rs.add_parser("open", parents=[common], help="log a breach; the 72-hour clock starts at awareness")
    _facts(op, required_title=True)
    op.add_argument("--aware-at", type=when, help="when the organisation became aware (default: now)")
    op.add_argument("--link", action="append", default=[], metavar="REQUEST", help="a related request (repeatable)")
    op.set_defaults(func=cmd_open)

    up = rs.add_parser("update", parents=[common], help="add or change facts as they come in")
    up.add_argument("reference")
    _facts(up, required_title=False)
    up.add_argument("--aware-at", type=when, help="correct the time of awareness (moves the clock)")
    up.set_defaults(func=cmd_update)

    command(rs, "show", common, cmd_show, "one incident in full, with its timeline", "reference")

    ls = command(rs, "list", common, cmd_list, "incidents with their authority clock")
    ls.add_argument("--queue", default="open", choices=queries.QUEUES)
    ls.add_argument("--drills", default="exclude", choices=queries.DRILLS)
    ls.add_argument("--status")
    ls.add_argument("--risk", help="no_risk, risk, high_risk, or - for not assessed")
    ls.add_argument("--search", default="")
    ls.add_argument("--sort", default="authority_due_at", choices=list(queries.SORTS))
    ls.add_argument("--desc", action="store_true")
    ls.add_argument("--limit", type=args_.LIMIT, default=50)

    lg = command(rs, "log", common, cmd_log, "add a timeline entry (or correct one with --corrects N)", "reference", "text")
    lg.add_argument("--kind", default="note", choices=[k for k in rules.LOG_KINDS if k != "correction"])
    lg.add_argument("--at", type=when, help="when it happened (default: now)")
    lg.add_argument("--corrects", type=args_.ID, metavar="N", help="the number of the entry this corrects")

    adv = command(rs, "advance", common, cmd_advance, "open -> triaged -> contained -> resolved (or --to)", "reference")
    adv.add_argument("--to", help="target status")
    adv.add_argument("--note", default="", help="what was done (for contained: the containment measures)")
    adv.add_argument("--at", type=when, help="when it happened (default: now)")

    ass = command(rs, "assess", common, cmd_assess, "record the risk to people and the reasoning", "reference")
    ass.add_argument("--risk", required=True, help="no_risk, risk, high_risk")
    ass.add_argument("--reasoning", required=True)
    ass.add_argument("--consequences", help="likely consequences for the people")

    dec = command(rs, "decide", common, cmd_decide, "record whether the authority and the people are told", "reference")
    dec.add_argument("--authority", choices=["notify", "not_notify"])
    dec.add_argument("--people", choices=["notify", "not_notify"])
    dec.add_argument("--reason", default="")
    dec.add_argument("--exemption", choices=[e.value for e in rules.Exemption],
                     help="why people are not told although the risk is high (Art. 34(3))")

    no = rs.add_parser("notify", parents=[common], help="record a report to the authority or a notice to people")
    no.add_argument("reference")
    who = no.add_mutually_exclusive_group(required=True)
    who.add_argument("--authority", action="store_true", help="a report to the supervisory authority")
    who.add_argument("--people", action="store_true", help="a notice to the people affected")
    no.add_argument("--follow-up", action="store_true", help="a further report after the initial one")
    no.add_argument("--sent-at", type=when, help="when it was sent (default: now)")
    no.add_argument("--authority-ref", help="the authority's reference for the case")
    no.add_argument("--late-reason", default="", help="why the report comes after 72 hours")
    no.add_argument("--channel", choices=rules.PEOPLE_CHANNELS, help="how people were told")
    no.add_argument("--count", type=args_.COUNT, help="how many people were told")
    no.add_argument("--summary", default="")
    no.add_argument("--document", metavar="PDF",
                    help="authority, initial: the report PDF as it was sent (kept with its SHA-256; later builds of "
                    "the initial report return it unchanged). Default: the report built now, dated when sent")
    no.set_defaults(func=cmd_notify)

    cl = command(rs, "close", common, cmd_close, "close a resolved incident (checks the notifications)", "reference")
    cl.add_argument("--note", default="")

    ro = command(rs, "reopen", common, cmd_reopen, "reopen a closed incident", "reference")
    ro.add_argument("--reason", required=True)

    command(rs, "link", common, cmd_link, "link a rights request to the incident", "reference", "request")

    rp = command(rs, "report", common, cmd_report, "build a document: authority, people, register, drill")
    rp.add_argument("kind", choices=["authority", "people", "register", "drill"])
    rp.add_argument("reference", nargs="?", help="the incident (not for the register)")
    rp.add_argument("--out", required=True, help="the PDF file to write")
    rp.add_argument("--csv", help="register: also write the CSV here")
    rp.add_argument("--phase", choices=["initial", "follow_up"], help="authority: which report")
    rp.add_argument("--cert", metavar="P12", help="sign with this PKCS#12 file instead of the configured certificate "
                    "('privacy-console cert use'); the passphrase comes from the keyring")
    rp.add_argument("--no-sign", action="store_true", help="an unsigned draft even if a certificate is configured")


def print_view(view: IncidentView, args: argparse.Namespace, ctx: Context) -> int:
    if args.json:
        emit_json(view)
        return 0
    tz = ctx.catalogue.organisation.tz

    def t(value: datetime | None) -> str:
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z") if value else "-"

    drill = "  [DRILL]" if view.is_drill else ""
    print(f"{view.reference}  {view.title}  [{view.status}]{drill}")
    print(f"  detected  {t(view.detected_at)}   aware {t(view.became_aware_at)}")
    clock = CLOCK_WORDS.get(view.clock) or f"{view.state}, {format_time_left(view.time_left())} left"
    print(f"  authority due {t(view.authority_due_at)}  ({clock})")
    print(f"  risk      {view.risk or 'not assessed'}" + (f": {view.risk_reasoning}" if view.risk_reasoning else ""))
    print(f"  people    {view.people_count if view.people_count is not None else '?'}   records "
          f"{view.records_count if view.records_count is not None else '?'}   natures {', '.join(view.natures) or '-'}"
          f"   categories {', '.join(view.categories) or '-'}")
    print(f"  subjects  {', '.join(ctx.catalogue.records.subject_title(i) for i in view.subject_categories) or 'not recorded'}")
    print(f"  decision  authority {view.authority_decision or '-'}, people {view.people_decision or '-'}"
          + (f" ({view.people_exemption})" if view.people_exemption else ""))
    for n in view.notifications:
        extra = f" ref {n.authority_reference}" if n.authority_reference else ""
        extra += f" {n.channel} x{n.recipients}" if n.audience == "people" else ""
        extra += f" document SHA-256 {n.document_sha256}" if n.document_sha256 else ""
        print(f"  notified  {n.audience} {n.phase} {t(n.sent_at)}{extra}" + (" LATE" if n.late else ""))
    for link in view.linked_requests:
        print(f"  linked    {link.reference} ({link.right}, {link.status})")
    print("  timeline:")
    for e in view.timeline:
        fix = f" [corrects #{e.corrects}]" if e.corrects else ""
        fixed = f" [corrected by #{', #'.join(map(str, e.corrected_by))}]" if e.corrected_by else ""
        print(f"   #{e.seq:<3} {t(e.at)}  {e.actor:<14} {e.kind:<10} {e.text}{fix}{fixed}")
    if view.closing_problems and view.status != "closed":
        print("  before closing: " + "; ".join(view.closing_problems))
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    ctx = context(args)
    new = commands.NewIncident(
        title=args.title, became_aware_at=args.aware_at or ctx.now(), detected_at=args.detected_at,
        description=args.description or "", discovery=args.discovery or "", reported_by=args.reported_by or "",
        natures=tuple(args.nature or ()), cyber=bool(args.cyber), categories=tuple(args.category or ()),
        subject_categories=tuple(args.subjects or ()), people_count=args.people, records_count=args.records, consequences=args.consequences or "",
        measures=args.measures or "", contact_point=args.contact or "", linked_requests=tuple(args.link),
    )
    return print_view(commands.open_incident(ctx, new), args, ctx)


def cmd_update(args: argparse.Namespace) -> int:
    ctx = context(args)
    names = {"title": "title", "description": "description", "detected_at": "detected_at", "discovery": "discovery",
             "reported_by": "reported_by", "nature": "natures", "cyber": "cyber", "category": "categories",
             "subjects": "subject_categories", "people": "people_count", "records": "records_count", "consequences": "consequences",
             "measures": "measures", "contact": "contact_point", "aware_at": "became_aware_at"}
    changes = {field: getattr(args, arg) for arg, field in names.items() if getattr(args, arg) is not None}
    if not changes:
        raise ValidationError("Nothing to update: give at least one fact, e.g. --people 1200.")
    return print_view(commands.update_incident(ctx, args.reference, changes), args, ctx)


def cmd_show(args: argparse.Namespace) -> int:
    ctx = context(args)
    return print_view(queries.get_incident(ctx, args.reference), args, ctx)


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    f = queries.IncidentFilter(queue=args.queue, drills=args.drills, status=args.status, risk=args.risk,
                               search=args.search, sort=args.sort, descending=args.desc)
    now = ctx.now()
    page = queries.list_incidents(ctx, f, limit=max(1, args.limit), now=now)
    total = queries.count_incidents(ctx, f, now=now)
    if args.json:
        emit_json({"queue": args.queue, "count": total, "rows": page.rows})
        return 0
    tz = ctx.catalogue.organisation.tz
    rows = [[r.reference + (" (drill)" if r.is_drill else ""), r.title[:40], r.status, r.risk or "-",
             r.authority_due_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
             CLOCK_WORDS.get(r.clock) or format_time_left(r.time_left(now)), r.state] for r in page.rows]
    table(rows, ["reference", "title", "status", "risk", "authority due", "left", "clock"])
    print(f"({len(page.rows)} shown of {total:,})")
    return 0


def cmd_log(args: argparse.Namespace) -> int:
    ctx = context(args)
    view = commands.log_entry(ctx, args.reference, args.text, kind=args.kind, at=args.at, corrects=args.corrects)
    return print_view(view, args, ctx)


def cmd_advance(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.to:
        view = commands.transition(ctx, args.reference, args.to, note=args.note, at=args.at)
    else:
        view = commands.advance(ctx, args.reference, note=args.note, at=args.at)
    return print_view(view, args, ctx)


def cmd_assess(args: argparse.Namespace) -> int:
    ctx = context(args)
    view = notifications.assess(ctx, args.reference, args.risk, args.reasoning, consequences=args.consequences)
    return print_view(view, args, ctx)


def cmd_decide(args: argparse.Namespace) -> int:
    ctx = context(args)
    authority = None if args.authority is None else args.authority == "notify"
    people = None if args.people is None else args.people == "notify"
    view = notifications.decide(ctx, args.reference, authority=authority, people=people, reason=args.reason,
                                exemption=args.exemption)
    return print_view(view, args, ctx)


def cmd_notify(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.authority:
        if args.channel or args.count is not None:
            raise ValidationError("--channel and --count describe a notice to people; use them with --people.")
        view = notifications.notify_authority(
            ctx, args.reference, sent_at=args.sent_at, phase="follow_up" if args.follow_up else "initial",
            authority_reference=args.authority_ref, summary=args.summary, late_reason=args.late_reason,
            document=_read_document(args.document) if args.document else None)
    else:
        if args.follow_up or args.authority_ref or args.late_reason or args.document:
            raise ValidationError("--follow-up, --authority-ref, --late-reason and --document belong to a report to "
                                  "the authority.")
        if not args.channel or args.count is None:
            raise ValidationError("A notice to people needs --channel (how) and --count (how many were told).")
        view = notifications.notify_people(ctx, args.reference, channel=args.channel, recipients=args.count,
                                           sent_at=args.sent_at, summary=args.summary)
    return print_view(view, args, ctx)


def _read_document(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}") from None


def cmd_close(args: argparse.Namespace) -> int:
    ctx = context(args)
    return print_view(commands.close(ctx, args.reference, args.note), args, ctx)


def cmd_reopen(args: argparse.Namespace) -> int:
    ctx = context(args)
    return print_view(commands.reopen(ctx, args.reference, args.reason), args, ctx)


def cmd_link(args: argparse.Namespace) -> int:
    ctx = context(args)
    return print_view(commands.link_request(ctx, args.reference, args.request), args, ctx)


def signing_from(args: argparse.Namespace, ctx: Context) -> Signing | None:
    """The certificate response packages sign with (--cert, the environment or the setting), or None."""
    if getattr(args, "no_sign", False):
        return None
    return configured_signing(ctx, getattr(args, "cert", None))


def cmd_report(args: argparse.Namespace) -> int:
    from console.incidents import drill_report, letters, register

    ctx = context(args)
    signing = signing_from(args, ctx)
    if args.kind != "register" and not args.reference:
        raise ValidationError(f"The {args.kind} document needs the incident reference.")
    if args.kind == "register":
        pdf = register.register_pdf(ctx, signing=signing)
        if args.csv:
            write_out(args.csv, register.register_csv(ctx))
    elif args.kind == "authority":
        pdf = letters.authority_report(ctx, args.reference, phase=args.phase, signing=signing)
        kept = letters.initial_document(ctx, args.reference) if args.phase == "initial" else None
        if kept is not None:  # the report as it was sent, not a new build (and not signed again)
            signing = None
            if not args.json:
                print(f"The initial report as sent, unchanged (SHA-256 {kept[1]}); build --phase follow_up "
                      "for the facts as they are now.", file=sys.stdout)
    elif args.kind == "people":
        pdf = letters.people_notice(ctx, args.reference, signing=signing)
    else:
        pdf = drill_report.drill_report(ctx, args.reference, signing=signing)
    write_out(args.out, pdf)
    result = {"kind": args.kind, "reference": args.reference, "out": str(Path(args.out).resolve()),
              "bytes": len(pdf), "signed": signing is not None, "csv": args.csv}
    if args.json:
        emit_json(result)
    else:
        print(f"Wrote {args.out} ({len(pdf):,} bytes{', signed' if signing else ''})"
              + (f" and {args.csv}" if args.csv else ""), file=sys.stdout)
    return 0
