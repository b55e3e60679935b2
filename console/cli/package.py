"""``privacy-console package ...``: build, preview, verify, list and record as sent."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from console.cli import args as args_
from console.cli.app import context
from console.cli.args import command
from console.cli.args import instant as _when
from console.cli.output import Progress, emit_json, table
from console.errors import ValidationError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from console.packages.kinds import KINDS

    p = sub.add_parser("package", help="response packages: build and sign, verify, list, record as sent")
    ps = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    build = command(ps, "build", common, cmd_build, "build (and sign) the response package of a request", "reference")
    build.add_argument("--out", required=True, metavar="DIR", help="folder to put the package in")
    build.add_argument("--kind", choices=KINDS, help="which package (default: the request's right, or rejection)")
    build.add_argument("--zip", action="store_true", help="one .zip file instead of a folder")
    build.add_argument("--no-sign", action="store_true", help="an unsigned draft (never to be sent)")
    build.add_argument("--cert", metavar="P12", help="sign with this PKCS#12 file instead of the configured one")
    build.add_argument("--passphrase-stdin", action="store_true",
                       help="read the certificate's passphrase from stdin instead of the keyring")

    preview = command(ps, "preview", common, cmd_preview, "write the unsigned letter to look at before building", "reference")
    preview.add_argument("--out", required=True, metavar="FILE.pdf")
    preview.add_argument("--kind", choices=KINDS)

    from console.packages.verify import EXIT_HELP

    verify = ps.add_parser("verify", parents=[common], help="check a package folder or .zip: signature and every file",
                           description="Check a package: every file against the manifest, the letter's signature "
                           "and signer, the binding its signed revision states (reference, kind, outcome, subject, "
                           "language, template, data files) and, with the database, this console's record of the "
                           "packages it built. The signer counts as verified only against a trust anchor: the "
                           "certificates set with 'privacy-console cert trust' plus any --trust.",
                           epilog=EXIT_HELP)
    verify.add_argument("path")
    verify.add_argument("--trust", action="append", default=[], metavar="CERT.pem",
                        help="a certificate (or CA) to trust, besides the configured ones (repeatable)")
    verify.add_argument("--no-db", action="store_true",
                        help="check the package alone, without the database's trust anchors and record")
    verify.set_defaults(func=cmd_verify)

    command(ps, "list", common, cmd_list, "the packages built for a request", "reference")

    sent = command(ps, "sent", common, cmd_sent, "record that the package went out to the person", "reference")
    sent.add_argument("--id", type=args_.ID, help="which package (default: the newest one not yet sent)")
    sent.add_argument("--at", type=_when, help="when it was sent (ISO 8601 with zone; default: now)")


def _passphrase(args: argparse.Namespace) -> str | None:
    if not getattr(args, "passphrase_stdin", False):
        return None
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise ValidationError("--passphrase-stdin was given but stdin held no passphrase.")
    return line


def cmd_build(args: argparse.Namespace) -> int:
    from console.packages import build_package

    ctx = context(args)
    result = build_package(
        ctx, args.reference, args.out, kind=args.kind, sign=not args.no_sign, zip=args.zip,
        progress=None if args.json else Progress("package"), cert_path=args.cert, passphrase=_passphrase(args),
    )
    for warning in result.warnings:
        sys.stderr.write(f"privacy-console: warning: {warning}\n")
    if args.json:
        emit_json(result)
        return 0
    print(f"Built {result.kind} package of {result.reference}: {result.path}")
    print(f"  letter     {result.letter} ({result.pages} pages), {len(result.files)} files, {result.size:,} bytes")
    if result.records:
        print(f"  records    {result.records:,}")
    print(f"  manifest   {result.manifest_hash}")
    print(f"  printed    {result.data_manifest_hash} (package fingerprint in the letter)")
    if result.signed:
        print(f"  signed     by {result.signed_by} at {result.signed_at.isoformat() if result.signed_at else ''}")
    else:
        print("  UNSIGNED draft: do not send it")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from console.packages import preview_pdf

    pdf = preview_pdf(context(args), args.reference, args.kind)
    target = Path(args.out)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(pdf)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Cannot write {args.out}: {exc.strerror or exc}") from None
    print(f"Wrote the preview to {args.out} ({len(pdf):,} bytes, unsigned)")
    return 0


def _trust(paths: list[str]) -> list[bytes]:
    roots = []
    for path in paths:
        try:
            roots.append(Path(path).read_bytes())
        except OSError as exc:
            raise ValidationError(f"The certificate {path} cannot be read: {exc.strerror or exc}") from None
    return roots


def _signature_line(report) -> str:  # type: ignore[no-untyped-def]
    """What the signature is, never 'valid' or 'no change' for one that is broken."""
    if not (report.intact and report.valid):
        what = "BROKEN (the signed content no longer matches)" if not report.intact else \
            "BROKEN (the signature does not match the certificate)"
        return what
    trust = "signer trusted" if report.trusted else "signer NOT verified"
    changed = "CHANGED after signing" if report.modified_after_signing else "no change after signing"
    level = f", PAdES {report.level}" if report.level else ""
    return f"intact, valid{level}; {trust}; {changed}"


def cmd_verify(args: argparse.Namespace) -> int:
    from console.cli import PROG
    from console.packages import verify_package

    ctx = None if args.no_db else context(args)
    report = verify_package(args.path, _trust(args.trust) or None, ctx=ctx)
    if args.json:
        emit_json(report)
    else:
        print(f"Package {report.path}" + (f" ({report.reference} {report.kind})" if report.kind else ""))
        if report.signed:
            print(f"  signature  {_signature_line(report)}")
            print(f"  signer     {report.signer_subject}")
            print(f"  fingerprint {report.signer_fingerprint}")
            if report.signed_at:
                print(f"  signed at  {report.signed_at}")
        print(f"  files      {report.files_checked} listed in the manifest")
        if report.data_manifest_hash:
            print(f"  package fingerprint {report.data_manifest_hash} (recomputed from the files)")
        if report.recorded is not None:
            print(f"  record     {'built by this console' if report.recorded else 'NOT recorded by this console'}")
        for note in report.notes:
            print(f"  note: {note}")
        print(report.summary + (f" [exit {report.exit_code}: {', '.join(report.failures)}]" if report.failures else ""))
    for problem in report.problems:
        sys.stderr.write(f"{PROG}: {problem}\n")
    return report.exit_code


def cmd_list(args: argparse.Namespace) -> int:
    from console.packages import list_packages

    found = list_packages(context(args), args.reference)
    if args.json:
        emit_json(found)
        return 0
    if not found:
        print(f"No packages built for {args.reference.upper()} yet.")
        return 0
    rows = [[str(p.id), p.kind, p.built_at.isoformat(timespec="seconds"), p.built_by,
             p.signed_at.isoformat(timespec="seconds") if p.signed_at else "unsigned",
             p.sent_at.isoformat(timespec="seconds") if p.sent_at else "-", p.manifest_hash[:16], p.path]
            for p in found]
    table(rows, ["id", "kind", "built", "by", "signed", "sent", "manifest", "path"])
    return 0


def cmd_sent(args: argparse.Namespace) -> int:
    from console.packages import mark_sent

    view = mark_sent(context(args), args.reference, args.id, args.at)
    if args.json:
        emit_json(view)
    else:
        print(f"Recorded package {view.id} ({view.kind}) of {view.reference} as sent on {view.sent_at.isoformat() if view.sent_at else ''}")
    return 0
