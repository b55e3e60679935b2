"""Shared set-up for the package tests (no tests here): a verified request whose data comes from
the sample company, and helpers to read the PDFs the way a person would."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from console import verification
from console.context import Context
from console.documents import create_self_signed
from console.packages import configure_signing
from console.requests import commands, sources
from console.sample_company import make_sample_company, register_sample_source
from console.security.roles import Actor, Role
from tests import factories

PASSPHRASE = "tęsknota Øresund 42"
NAME = "Zofia Łódźka-Müller"
EMAIL = "zofia@example.org"
ACCOUNT = "ACC-0000001"


DPO = "Miximonster DPO"
TEAM = "Miximonster Data Protection Team"


@cache
def org_p12(common_name: str = DPO) -> bytes:
    """The organisation's trial certificate (PKCS#12 under PASSPHRASE), made once per name and run."""
    return create_self_signed(common_name, "Miximonster", "privacy@miximonster.com", passphrase=PASSPHRASE)


def org_p12_file(tmp_path: Path, common_name: str = DPO) -> Path:
    path = tmp_path / "org.p12"
    path.write_bytes(org_p12(common_name))
    return path


def sign_as_org(ctx: Context, tmp_path: Path, common_name: str = DPO) -> Any:
    """Packages and letters are signed with :func:`org_p12` from now on, as after `cert use`."""
    return configure_signing(ctx, org_p12_file(tmp_path, common_name), PASSPHRASE)


def add_request(ctx: Context, right: str = "access", *, language: str = "en", details: dict[str, Any] | None = None,
                email: str = EMAIL, name: str = NAME, account: str | None = ACCOUNT) -> str:
    return factories.add_request(ctx, right, name=name, email=email, account=account, days_ago=3, language=language,
                                 details=details or {})


def gather(ctx: Context, ref: str, tmp_path: Path) -> None:
    """The subject's records from the sample company database, as `data fetch` gathers them."""
    db = make_sample_company(tmp_path / "company.sqlite3", [(EMAIL, ACCOUNT, NAME), ("other@example.org", None, "Other Person")])
    register_sample_source(ctx, db)
    result = sources.fetch_from_sources(ctx, ref)
    assert result.records > 0 and not result.problems


def verify_identity(ctx: Context, ref: str) -> None:
    """Tick every check (with a second verifier where the right needs one) and move on."""
    view = commands.get_request(ctx, ref)
    second = ctx.as_actor(Actor("sam.keane", Role.ANALYST))  # a second, signed-in account
    for item in view.checklist:
        verification.check_item(ctx, ref, item.item_id, "passed")
        if ctx.catalogue.right(view.right).second_verifier:
            verification.second_check(second, ref, item.item_id, "")
    if commands.get_request(ctx, ref).status != "in_progress":
        commands.advance(ctx, ref)
    assert commands.get_request(ctx, ref).status == "in_progress"


def ready_request(ctx: Context, tmp_path: Path, right: str = "access", **kwargs: Any) -> str:
    ref = add_request(ctx, right, **kwargs)
    gather(ctx, ref, tmp_path)
    verify_identity(ctx, ref)
    return ref


def record_all_erasures(ctx: Context, ref: str) -> None:
    """Record every system and category the data was found in: transactions kept, the rest erased."""
    from console.packages.exports import source_name
    from console.requests import facts

    held = {(source_name(r.source), c) for c, rows in sources.records(ctx, ref).items() for r in rows}
    for system, category in sorted(held):
        if category == "transaction":
            facts.record_erasure(ctx, ref, system, category, erased=False)
        else:
            facts.record_erasure(ctx, ref, system, category, erased=True, method="Rows deleted from the live database")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def pdftotext(pdf: Path) -> str:
    out = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout


def flat(text: str) -> str:
    """pdftotext output with line breaks and runs of spaces folded, to search for phrases."""
    return " ".join(text.split())


def listing(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")} if folder.exists() else set()
