"""What the first-run welcome sets up, without a screen: the database, the organisation's name
and time zone, the signing certificate. Each step stands alone (skippable, redone later).

The organisation's name and zone live in the policy catalogue (``[organisation]``); the welcome
does what the catalogue's own comment asks of another organisation: copy the folder into the
console's data folder, edit it, and use the copy. The shipped catalogue is never changed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from console import config, private_files
from console.context import Context
from console.errors import ValidationError
from console.policy import Catalogue, load_catalogue
from console.security.roles import Actor
from console.store.engine import data_dir, default_url, parse_url, secret_name_for
from console.uow import Database

DEMO_REQUESTS = config.DEMO_REQUESTS
POLICY_FOLDER = "policy"  # under the data folder: the organisation's own copy of the catalogue


@dataclass(frozen=True)
class DatabaseReady:
    url: str
    safe_url: str
    requests_added: int


def local_url() -> str:
    return default_url()


def server_url(host: str, port: int, database: str, user: str) -> str:
    """A PostgreSQL URL without a password (that goes to the keyring)."""
    from sqlalchemy.engine import URL

    if not host.strip() or not database.strip() or not user.strip():
        raise ValidationError("A shared server needs its host, the database name and your user name.")
    return URL.create("postgresql+psycopg", username=user.strip(), host=host.strip(), port=port,
                      database=database.strip()).render_as_string(hide_password=False)


def store_server_password(url: str, password: str) -> None:
    """The password goes to the keyring entry the engine reads; never into the URL or a file."""
    if password:
        from console import keychain

        keychain.set_secret(secret_name_for(parse_url(url)), password)


def check_server(url: str, password: str = "") -> str:
    """Connect without changing anything; the safe URL, or a StorageError that says why not."""
    store_server_password(url, password)
    db = Database(url, upgrade=False)
    try:
        with db.engine.connect():
            pass
        return db.safe_url
    finally:
        db.dispose()


def prepare_database(url: str, actor: Actor, catalogue: Catalogue, *, demo: bool,
                     progress: Callable[[int, int], None] | None = None,
                     cancel: Callable[[], bool] | None = None) -> DatabaseReady:
    """Create (migrate) the database; with ``demo``, fill it with synthetic requests to explore."""
    db = Database(url)
    try:
        added = 0
        if demo and db.is_empty():
            from console.demo import fill

            added = fill(Context(db, catalogue, actor), DEMO_REQUESTS, progress=progress, cancel=cancel).requests
        return DatabaseReady(url, db.safe_url, added)
    finally:
        db.dispose()


def time_zones() -> list[str]:
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))


def organisation_folder() -> Path:
    return data_dir() / POLICY_FOLDER


def write_organisation(name: str, time_zone: str, base: str | Path | None = None,
                       folder: Path | None = None) -> Path:
    """The organisation's copy of the catalogue with its name and zone; checked before it is used.

    ``base`` is the catalogue in use (default: the shipped one); the copy goes to ``folder``
    (default: the data folder's ``policy``). An existing copy is edited in place, atomically.
    """
    name, time_zone = name.strip(), time_zone.strip()
    if not name:
        raise ValidationError("The organisation needs a name (it is printed on every letter).")
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{time_zone!r} is not a time zone; pick one such as Europe/Dublin.") from None
    target = folder or organisation_folder()
    source = Path(base) if base else None
    current = load_catalogue(source)
    work = Path(tempfile.mkdtemp(prefix=".policy-", dir=_ensure(target.parent)))
    try:
        from_dir = Path(current.source)
        files = sorted(from_dir.glob("*.toml")) if from_dir.is_dir() else [from_dir]
        for file in files:
            shutil.copy2(file, work / file.name)
        org_file = _organisation_file(work)
        org_file.write_text(_edit_organisation(org_file.read_text(encoding="utf-8"), current.organisation.name,
                                               name, time_zone), encoding="utf-8")
        load_catalogue(work)  # a copy that does not load is never used
        if target.exists():
            old = target.with_name(target.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            work.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            work.rename(target)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return target


def _ensure(path: Path) -> Path:
    return private_files.private_dir(path)  # new folders 0700, like the data folder


def _organisation_file(folder: Path) -> Path:
    for file in sorted(folder.glob("*.toml")):
        if re.search(r"(?m)^\[organisation\]\s*$", file.read_text(encoding="utf-8")):
            return file
    raise ValidationError(f"{folder}: no file of the catalogue has an [organisation] table.")


def _edit_organisation(text: str, old_name: str, name: str, time_zone: str) -> str:
    """Replace name and time_zone in [organisation] (and the old name among its contact lines)."""
    start = re.search(r"(?m)^\[organisation\]\s*$", text)
    assert start is not None
    end_match = re.compile(r"(?m)^\[").search(text, start.end())
    end = end_match.start() if end_match else len(text)
    section = text[start.end():end]
    quoted = json.dumps(name, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    section = re.sub(r'(?m)^name\s*=.*$', lambda _m: f"name = {quoted}", section, count=1)
    section = re.sub(r'(?m)^time_zone\s*=.*$', lambda _m: f"time_zone = {json.dumps(time_zone)}", section, count=1)
    if old_name and old_name != name:
        section = section.replace(json.dumps(old_name, ensure_ascii=False), quoted)
    return text[:start.end()] + section + text[end:]


def create_trial_certificate(ctx: Context, common_name: str, email: str, passphrase: str,
                             out: Path | None = None) -> Path:
    """A self-signed certificate for trials, configured for signing (passphrase in the keyring).

    The keyring is checked first and a failure after the file is written removes it: nothing
    half-done stays behind.
    """
    from console import keychain
    from console.documents.certs import create_self_signed
    from console.packages.settings import configure_signing

    if not passphrase:
        raise ValidationError("A passphrase is needed to protect the signing key.")
    keychain.require_keyring()
    org = ctx.catalogue.organisation
    path = out or data_dir() / "signing" / "trial-signing.p12"
    private_files.private_dir(path.parent)
    p12 = create_self_signed(common_name.strip() or "Data Protection Team", org.name, email.strip() or org.contact_email,
                             passphrase=passphrase)
    existed = path.exists()
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(p12)
    tmp.replace(path)
    try:
        configure_signing(ctx, path, passphrase)
    except BaseException:
        if not existed:
            path.unlink(missing_ok=True)
        raise
    return path


def import_certificate(ctx: Context, path: str | Path, passphrase: str) -> Path:
    """The organisation's own PKCS#12: opened first (a wrong passphrase is refused), then used."""
    from console import keychain
    from console.packages.settings import configure_signing

    keychain.require_keyring()
    configure_signing(ctx, path, passphrase)
    return Path(path).expanduser().resolve()


@dataclass(frozen=True)
class Choices:
    """What the person chose in the welcome; an empty field means the step was skipped."""

    database: str  # "demo" | "empty" | "server"
    url: str = ""  # the server URL for "server" (no password in it)
    password: str = ""  # the server password, for the keyring
    organisation: str = ""
    time_zone: str = ""
    policy: str = ""  # the catalogue in use before the welcome ("" the shipped one)
    certificate: str = ""  # "" (later) | "trial" | "import"
    cert_name: str = ""
    cert_email: str = ""
    cert_file: str = ""
    cert_passphrase: str = ""


@dataclass(frozen=True)
class Outcome:
    url: str
    safe_url: str
    policy: str  # the organisation's catalogue copy, or "" when the shipped one stays in use
    requests_added: int
    certificate: str  # the PKCS#12 now used for signing, or ""
    notes: tuple[str, ...]  # what was left for later, and why


def apply(choices: Choices, *, progress: Callable[[int, int], None] | None = None,
          cancel: Callable[[], bool] | None = None) -> Outcome:
    """Database, then organisation, then certificate; a later step never undoes an earlier one."""
    from console.errors import AuthenticationError
    from console.session import local_actor, resolve_actor

    notes: list[str] = []
    url = choices.url if choices.database == "server" else local_url()
    if choices.database == "server":
        store_server_password(url, choices.password)
    policy = choices.policy
    catalogue = load_catalogue(policy or None)
    org = catalogue.organisation
    if (choices.organisation and choices.organisation.strip() != org.name) or (
            choices.time_zone and choices.time_zone.strip() != org.time_zone):
        policy = str(write_organisation(choices.organisation or org.name, choices.time_zone or org.time_zone,
                                        policy or None))
        catalogue = load_catalogue(policy)
    ready = prepare_database(url, local_actor(), catalogue, demo=choices.database == "demo",
                             progress=progress, cancel=cancel)
    cert = ""
    if choices.certificate:
        db = Database(url)
        try:
            actor = resolve_actor(db)
        except AuthenticationError:
            notes.append("The signing certificate was not set: this database needs a sign-in. An administrator "
                         "chooses it in Settings, Signing certificate.")
        else:
            ctx = Context(db, catalogue, actor)
            if choices.certificate == "trial":
                cert = str(create_trial_certificate(ctx, choices.cert_name, choices.cert_email, choices.cert_passphrase))
            else:
                cert = str(import_certificate(ctx, choices.cert_file, choices.cert_passphrase))
        finally:
            db.dispose()
    return Outcome(url, ready.safe_url, policy if policy != choices.policy else "", ready.requests_added, cert,
                   tuple(notes))
