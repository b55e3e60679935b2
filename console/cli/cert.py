"""``privacy-console cert ...``: the organisation's signing certificate."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from console.cli import args as args_
from console.cli import prompt
from console.cli.app import context
from console.cli.args import command
from console.cli.output import emit_json
from console.errors import ValidationError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("cert", help="the signing certificate: create one for trials, use one, show it")
    cs = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    create = cs.add_parser("create-self-signed", parents=[common],
                           help="make a self-signed PKCS#12 certificate for trials")
    create.add_argument("--cn", required=True, help="common name, e.g. 'Data Protection Team'")
    create.add_argument("--org", required=True, help="organisation name")
    create.add_argument("--email", required=True)
    create.add_argument("--out", required=True, metavar="FILE.p12")
    create.add_argument("--days", type=args_.bounded(1, 36_500), default=365, help="valid for this many days (default 365)")
    create.add_argument("--key-type", choices=("ec", "rsa"), default="ec")
    create.add_argument("--pem", metavar="FILE.pem", help="also write the public certificate, to publish")
    create.add_argument("--force", action="store_true", help="replace an existing file")
    create.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from the first line of standard input (scripts)")
    create.add_argument("--store-passphrase", action="store_true", help="keep the passphrase in the OS keyring")
    create.add_argument("--use", action="store_true", help="configure it for signing right away (implies --store-passphrase)")
    create.set_defaults(func=cmd_create)

    use = command(cs, "use", common, cmd_use, "sign packages with this PKCS#12 file from now on")
    use.add_argument("file", metavar="FILE.p12")
    use.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from the first line of standard input (scripts)")
    use.add_argument("--timestamp-url", metavar="URL", help="an RFC 3161 time-stamp server to ask on each signature")
    use.add_argument("--no-timestamp", action="store_true", help="sign without a time stamp")
    use.add_argument("--location", help="where the signature is made (default: the organisation's city)")

    trust = cs.add_parser("trust", parents=[common],
                          help="trust this published certificate (or CA) when verifying packages",
                          description="Set the organisation's published certificate, or the CA that issues it, as "
                          "the trust anchor 'package verify' checks signers against. Without one, verify reports "
                          "'intact, signer not verified' (exit 20). Replaces the anchors set before.")
    trust.add_argument("file", metavar="CERT.pem", nargs="?", help="PEM or DER certificate(s)")
    trust.add_argument("--clear", action="store_true", help="remove the trust anchors")
    trust.set_defaults(func=cmd_trust)

    show = command(cs, "show", common, cmd_show, "the configured certificate (subject, validity, fingerprint)")
    show.add_argument("--pem", metavar="FILE.pem", help="write the public certificate here, for recipients")


def read_passphrase(from_stdin: bool, *, confirm: bool = False) -> str:
    """From stdin (first line) for scripts, else asked without echo (twice when ``confirm``)."""
    if from_stdin:
        return prompt.stdin_line("certificate passphrase", "--passphrase-stdin")
    return prompt.secret("Certificate passphrase: ", "certificate passphrase", "--passphrase-stdin", confirm=confirm)


def _write_private(path: Path, data: bytes, force: bool) -> None:
    """Owner-only permissions, written beside and renamed: never half a key file."""
    if path.exists() and not force:
        raise ValidationError(f"{path} exists already; give --force to replace it.")
    tmp = path.with_name(path.name + ".part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Cannot write {path}: {exc.strerror or exc}") from None


def _print_info(info, path: str | None, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    if args.json:
        emit_json({"path": path, "common_name": info.common_name, "organisation": info.organisation,
                   "email": info.email, "subject": info.subject, "fingerprint": info.fingerprint,
                   "not_before": info.not_before, "not_after": info.not_after})
        return
    if path:
        print(f"  file        {path}")
    print(f"  subject     {info.subject}")
    print(f"  valid       {info.not_before:%Y-%m-%d} to {info.not_after:%Y-%m-%d}")
    print(f"  fingerprint {info.fingerprint} (SHA-256; publish it so recipients can compare)")


def cmd_create(args: argparse.Namespace) -> int:
    """Everything that can fail is asked first; a failure after the files are written removes them."""
    from console import keychain
    from console.documents.certs import create_self_signed
    from console.packages.settings import PASSPHRASE_SECRET, certificate_info, configure_signing

    out = Path(args.out).expanduser()
    pem = Path(args.pem).expanduser() if args.pem else None
    for path in (out, pem):
        if path is not None and path.exists() and not args.force:
            raise ValidationError(f"{path} exists already; give --force to replace it.")
    passphrase = read_passphrase(args.passphrase_stdin, confirm=True)
    if args.use or args.store_passphrase:
        keychain.require_keyring()
    ctx = context(args) if args.use else None
    p12 = create_self_signed(args.cn, args.org, args.email, days=args.days, key_type=args.key_type,
                             passphrase=passphrase)
    info = certificate_info(p12, passphrase)
    created = [p for p in (out, pem) if p is not None and not p.exists()]
    try:
        _write_private(out, p12, args.force)
        if pem is not None:
            pem.write_bytes(info.pem)
        if ctx is not None:
            configure_signing(ctx, out, passphrase)
        elif args.store_passphrase:
            keychain.set_secret(PASSPHRASE_SECRET, passphrase)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
    if not args.json:
        print(f"Created a self-signed signing certificate in {out}")
        if args.use:
            print("  configured for signing; passphrase stored in the keyring")
    _print_info(info, str(out.resolve()), args)
    return 0


def cmd_use(args: argparse.Namespace) -> int:
    from console.packages.settings import UNCHANGED, configure_signing

    if args.timestamp_url and args.no_timestamp:
        raise ValidationError("Give either --timestamp-url or --no-timestamp, not both.")
    timestamp = None if args.no_timestamp else (args.timestamp_url or UNCHANGED)
    passphrase = read_passphrase(args.passphrase_stdin)
    info = configure_signing(context(args), args.file, passphrase, timestamp_url=timestamp,
                             location=args.location if args.location is not None else UNCHANGED)
    if not args.json:
        print(f"Packages are now signed with {Path(args.file).expanduser().resolve()}; passphrase stored in the keyring")
    _print_info(info, str(Path(args.file).expanduser().resolve()), args)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from console.packages.settings import open_signer, signing_settings

    ctx = context(args)
    signer = open_signer(ctx)
    settings = signing_settings(ctx)
    if args.pem:
        Path(args.pem).write_bytes(signer.info.pem)
    _print_info(signer.info, settings.pkcs12_path, args)
    if not args.json:
        print(f"  time stamp  {settings.timestamp_url or 'none (the signing time is our own claim)'}")
        print(f"  location    {signer.location}")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from console.packages.settings import set_trust_anchor

    if bool(args.file) == bool(args.clear):
        raise ValidationError("Give the certificate file to trust, or --clear (not both).")
    described = set_trust_anchor(context(args), None if args.clear else args.file)
    if args.json:
        emit_json({"trusted": described})
    elif args.clear:
        print("No trust anchor is set now: 'package verify' reports signers as not verified.")
    else:
        print("Packages now verify against:")
        for line in described:
            print(f"  {line}")
    return 0
