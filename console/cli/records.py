"""``privacy-console records show|export``: the record of processing activities and the cookie inventory."""

from __future__ import annotations

import argparse
import sys

from console.cli.args import command
from console.cli.output import emit_json
from console.errors import ValidationError
from console.policy import load_catalogue


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("records", help="records of processing (Art. 30) and the cookie inventory: show, export")
    rs = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    command(rs, "show", common, cmd_show, "every processing activity and cookie category")
    ex = command(rs, "export", common, cmd_export, "write the record as a signed PDF and/or CSV (audited)")
    ex.add_argument("--out", metavar="PDF", help="the PDF file to write")
    ex.add_argument("--csv", metavar="CSV", help="the CSV file to write")
    ex.add_argument("--cert", metavar="P12", help="sign with this PKCS#12 file instead of the configured certificate "
                    "('privacy-console cert use'); the passphrase comes from the keyring")
    ex.add_argument("--no-sign", action="store_true", help="an unsigned draft even if a certificate is configured")
    fo = rs.add_parser("for", parents=[common], help="the activities that use a request's or a breach's data categories")
    which = fo.add_mutually_exclusive_group(required=True)
    which.add_argument("--request", metavar="REF", help="a request reference")
    which.add_argument("--incident", metavar="REF", help="a breach reference")
    fo.set_defaults(func=cmd_for)
    wd = rs.add_parser("withdraw", parents=[common],
                       help="record what a consent-withdrawal request names (cookie categories, activities)")
    wd.add_argument("reference", help="the consent_withdrawal request")
    wd.add_argument("--cookie", action="append", default=[], metavar="CATEGORY", help="a cookie category id")
    wd.add_argument("--activity", action="append", default=[], metavar="ACTIVITY", help="a processing activity id")
    wd.set_defaults(func=cmd_withdraw)


def cmd_show(args: argparse.Namespace) -> int:
    from console.processing.export import bases_text, retention_text, transfers_text, version_of

    cat = load_catalogue(args.policy)
    rec = cat.records
    version = version_of(cat)
    if args.json:
        emit_json({"catalogue": cat.source, "version": version, "controller": cat.organisation.name,
                   "contact": cat.organisation.contact_email, "controller_role": rec.controller_role,
                   "data_subjects": rec.data_subjects, "security_measures": rec.security_measures,
                   "activities": [{**_plain(a), "retention": retention_text(cat, a)} for a in rec.activities],
                   "cookie_categories": rec.cookie_categories})
        return 0
    print(f"Records of processing — {cat.organisation.name} ({cat.organisation.contact_email})\n"
          f"Catalogue {cat.source}, version {version}\n")
    for a in rec.activities:
        print(f"{a.id}: {a.title}\n  purposes: {'; '.join(a.purposes)}\n  data: {', '.join(a.categories)}"
              f"; subjects: {', '.join(a.data_subjects)}\n  legal basis: {bases_text(a)}\n"
              f"  recipients: {', '.join(a.recipients) or 'none'}\n  transfers: {transfers_text(cat, a)}\n"
              f"  retention: {retention_text(cat, a).replace(chr(10), '; ')}\n")
    print("Cookie inventory:")
    for c in rec.cookie_categories:
        consent = "consent needed" if c.consent else "strictly necessary, no consent"
        names = ", ".join(k.name for k in c.cookies) or "no cookies listed"
        print(f"  {c.id:<12} {consent}; data: {', '.join(c.categories)}; {c.retention}; cookies: {names}")
    return 0


def _plain(value: object) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(value)  # type: ignore[call-overload, no-any-return]


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from console.cli.app import context
    from console.cli.incident import signing_from
    from console.files import write_out
    from console.processing.export import export_csv, export_pdf

    if not args.out and not args.csv:
        raise ValidationError("Say where to write the record: --out ropa.pdf and/or --csv ropa.csv.")
    ctx = context(args)
    done = []
    if args.out:
        done.append((args.out, export_pdf(ctx, signing_from(args, ctx))))
    if args.csv:
        done.append((args.csv, export_csv(ctx)))
    for path, d in done:
        write_out(path, d.data)
    if args.json:
        emit_json([{"path": str(Path(p).resolve()), "kind": d.kind, "version": d.version, "bytes": len(d.data),
                    "signed": d.signed, "activities": d.activities, "cookie_categories": d.cookie_categories}
                   for p, d in done])
        return 0
    for path, d in done:
        signed = ", signed" if d.signed else ""
        print(f"Wrote {path} ({len(d.data):,} bytes{signed}): {d.activities} activities, "
              f"{d.cookie_categories} cookie categories", file=sys.stdout)
    print(f"Catalogue version: sha256 {done[0][1].version}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from console.cli.app import context
    from console.processing.withdrawals import record_withdrawal

    ctx = context(args)
    done = record_withdrawal(ctx, args.reference, cookies=args.cookie, activities=args.activity)
    if args.json:
        emit_json(done)
        return 0
    for w in done:
        what = "withdrawn" + (f"; continues: {w.continues_on}" if w.continues_on else "") \
            if w.outcome == "withdrawn" else f"cannot be withdrawn: {w.reason}"
        print(f"{w.target_kind.replace('_', ' ')} {w.target_id}: {what}")
    return 0


def cmd_for(args: argparse.Namespace) -> int:
    from console.cli.app import context
    from console.processing.links import activities_for, activity_summary

    ctx = context(args)
    if args.request:
        from console.requests.commands import get_request

        view = get_request(ctx, args.request)
    else:
        from console.incidents.queries import get_incident

        view = get_incident(ctx, args.incident)  # type: ignore[assignment]
    acts = [activity_summary(ctx.catalogue, a) for a in activities_for(ctx.catalogue, view.categories)]
    if args.json:
        emit_json({"reference": view.reference, "categories": view.categories, "activities": acts})
        return 0
    if not view.categories:
        print(f"{view.reference} names no data categories yet.")
    elif not acts:
        print(f"{view.reference}: no processing activity uses {', '.join(view.categories)}.")
    for a in acts:
        print(f"{a['id']}: {a['title']} [{a['categories']}]\n  legal basis: {a['legal_basis']}\n"
              f"  recipients: {a['recipients']}\n  transfers: {a['transfers']}\n"
              f"  retention: {a['retention'].replace(chr(10), '; ')}")
    return 0
