"""``privacy-console audit ...``: verify the hash chain, list and export the trail, protect it.

``audit verify`` exits 12 when the chain is broken and names every entry concerned, so a
scheduled job (cron, CI) notices tampering. ``audit protect`` adds append-only triggers to a
local file; on PostgreSQL ``db setup-server`` (console.security.server) does that and more.
"""

from __future__ import annotations

import argparse
import sys

from console.cli import args as args_
from console.cli.app import context, open_database
from console.cli.args import command
from console.cli.args import instant as _when
from console.cli.output import Progress, emit_json, table
from console.errors import ConsoleError, ValidationError
from console.security import audit_trail, protect
from console.security.audit_trail import AuditFilter
from console.store import integrity


class TamperedError(ConsoleError):
    exit_code = 12




def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("audit", help="the audit trail: verify, list, export, protect")
    a = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    v = a.add_parser("verify", parents=[common],
                     help="check the hash chain, checkpoints and seals; non-zero exit naming each problem")
    v.add_argument("--checkpoint", metavar="FILE", help="also check against a checkpoint exported with 'audit checkpoint --out'")
    v.set_defaults(func=cmd_verify)

    c = command(a, "checkpoint", common, cmd_checkpoint, "seal the chain head now with the audit key; export it to a file")
    c.add_argument("--out", metavar="FILE", help="write the checkpoint there too (keep it off this machine)")

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--actor", help="user name")
    filters.add_argument("--action", help="action, or a prefix ending in '.' or '*' (auth. = sign-ins)")
    filters.add_argument("--target", help="target id (DSR-2026-000001) or type:id (user:jo)")
    filters.add_argument("--since", type=_when, help="from this time (ISO 8601 with zone)")
    filters.add_argument("--until", type=_when, help="before this time")

    ls = a.add_parser("list", parents=[common, filters], help="entries, newest first")
    ls.add_argument("--limit", type=args_.LIMIT, default=50)
    ls.add_argument("--before", type=args_.ID, metavar="ID", help="only entries older than this id (the next page)")
    ls.set_defaults(func=cmd_list)

    ex = a.add_parser("export", parents=[common, filters], help="write the (filtered) trail as CSV")
    ex.add_argument("--csv", required=True, metavar="FILE", help="the CSV file to write ('-' for standard output)")
    ex.set_defaults(func=cmd_export)

    pr = a.add_parser("protect", parents=[common],
                      help="a local file: triggers that refuse changing audit rows (a server: db setup-server)")
    pr.add_argument("--check", action="store_true", help="only report whether the protections are in place")
    pr.set_defaults(func=cmd_protect)


def _filter(args: argparse.Namespace) -> AuditFilter:
    return AuditFilter(actor=args.actor, action=args.action, target=args.target, since=args.since, until=args.until)


def cmd_verify(args: argparse.Namespace) -> int:
    ctx = context(args)
    integrity.require_sound(ctx.db.engine, ctx.db.safe_url, "the audit check")  # unread pages hide damage
    report = audit_trail.verify_audit(ctx, args.checkpoint)
    if args.json:
        emit_json({"ok": report.ok, "entries": report.entries, "seconds": round(report.seconds, 3),
                   "head": {"id": report.head[0], "hash": report.head[1]} if report.head else None,
                   "checkpoint": vars(report.checkpoint) if report.checkpoint else None,
                   "problems": [{"entry": p.entry_id, "problem": p.problem} for p in report.problems],
                   "server": report.server,
                   "findings": [{"where": f.where, "problem": f.problem} for f in report.findings],
                   "notes": report.notes})
    elif report.ok:
        if report.server_checked:
            print("Server grants, policies, triggers and functions: as installed by db setup-server")
        head = f"; newest entry {report.head[0]} hash {report.head[1]}" if report.head else ""
        sealed = f"; {report.checkpoint.short}" if report.checkpoint else ""
        print(f"Audit trail intact: {report.entries:,} entries checked in {report.seconds:.2f} s{head}{sealed}")
    else:
        for p in report.problems:
            print(f"entry {p.entry_id}: {p.problem}")
        for line in report.server:
            print(f"server: {line}")
        for f in report.findings:
            print(str(f))
    if not args.json:
        for note in report.notes:
            print(note)
    if report.server and not report.problems and not report.findings:
        raise TamperedError(f"The server's protections were changed: {len(report.server)} difference(s) from setup.")
    if not report.ok:
        parts = ["entries " + ", ".join(str(p.entry_id) for p in report.problems[:20])] if report.problems else []
        parts += [f.where for f in report.findings[:8]]
        more = len(report.findings) - 8
        raise TamperedError(f"The audit trail was tampered with: {len(report.problems) + len(report.findings)} "
                            f"problem(s) at {'; '.join(parts)}{f' and {more} more' if more > 0 else ''}.")
    return 0


def cmd_checkpoint(args: argparse.Namespace) -> int:
    ctx = context(args)
    sealed, path = audit_trail.create_checkpoint(ctx, args.out)
    if args.json:
        emit_json({**vars(sealed), "file": str(path) if path else None})
    else:
        print(f"Sealed {sealed.short}" + (f"; exported to {path}" if path else ""))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    ctx = context(args)
    page = audit_trail.list_audit(ctx, _filter(args), before=args.before, limit=max(1, args.limit))
    if args.json:
        emit_json({"rows": page.rows, "next_before": page.next_before})
        return 0
    tz = ctx.catalogue.organisation.tz
    table([[str(r.id), r.at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.action,
            f"{r.target_type}:{r.target_id}" if r.target_type else r.target_id, r.detail[:60]] for r in page.rows],
          ["id", "at", "actor", "action", "target", "detail"])
    if page.next_before:
        print(f"(more: --before {page.next_before})")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.csv == "-":
        n = audit_trail.export_csv(ctx, sys.stdout, _filter(args))
    else:
        n = audit_trail.export_csv(ctx, args.csv, _filter(args), progress=Progress("export"))
        print(f"Wrote {n:,} audit entries to {args.csv}", file=sys.stderr if args.json else sys.stdout)
    return 0


def cmd_protect(args: argparse.Namespace) -> int:
    db = open_database(args)
    if db.dialect == "postgresql" and not args.check:
        raise ValidationError("On PostgreSQL the protections are part of 'privacy-console db setup-server', "
                              "run once by the database owner.")
    if not args.check:
        protect.protect(db)
        print("Triggers installed: UPDATE and DELETE on audit_log are refused in this file.")
    st = protect.status(db)
    if args.json:
        emit_json(st)
    else:
        print(f"append-only triggers: {'in place' if st.triggers else 'MISSING'}")
        if st.dialect == "postgresql":
            print("roles that can still change audit rows: " + (", ".join(st.roles_that_can_change) or "none besides superusers"))
    return 0 if st.triggers else 13
