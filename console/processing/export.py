"""The Art. 30 record as a signed PDF (in the letters' layout) and as CSV, stamped with the catalogue's hash.

Both exports are audited: who took a copy of the record, of which catalogue version, and when.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from console import csvsafe
from console.documents.spec import Block, DocumentSpec, Heading, KeyValue, Paragraph, Spacer, Table
from console.errors import ValidationError
from console.policy import Catalogue
from console.policy.records import LEGAL_BASIS_TITLES, Activity, CookieCategory, catalogue_version
from console.security.roles import Perm

if TYPE_CHECKING:
    from console.context import Context
    from console.documents.finish import Signing

EM_DASH = "\u2014"
CSV_COLUMNS = ("kind", "id", "title", "purposes", "data_subjects", "categories", "legal_bases", "legal_basis",
               "recipients", "transfers", "retention", "security", "consent", "parent", "source")
LIST_SEP = "; "


@dataclass(frozen=True)
class Exported:
    """An export's content and what the audit trail says about it; the caller writes ``data``."""

    kind: str
    version: str
    activities: int
    cookie_categories: int
    signed: bool
    data: bytes = field(repr=False, default=b"")


def version_of(cat: Catalogue) -> str:
    return catalogue_version(cat.source)


def recipient_title(cat: Catalogue, recipient_id: str) -> str:
    """A recipient as the Art. 15 letter names it (disclosures.toml), by id."""
    return next((r.title for r in cat.disclosures.recipients if r.id == recipient_id), recipient_id)


def transfer_text(cat: Catalogue, route_id: str) -> str:
    route = next((r for r in cat.disclosures.routes if r.id == route_id), None)
    if route is None:
        return route_id
    return f"{', '.join(route.countries)} ({route.safeguard}), to {recipient_title(cat, route.recipient)}"


def transfers_text(cat: Catalogue, activity: Activity) -> str:
    if activity.transfers:
        return "\n".join(transfer_text(cat, t) for t in activity.transfers)
    return ("No transfer to a third country is recorded. Any transfer would rest on: "
            + ", ".join(cat.transfers.safeguards) + ".")


def retention_text(cat: Catalogue, activity: Activity) -> str:
    return "\n".join(f"{cat.category(c).title}: {cat.category(c).retention.text}" for c in activity.categories)


def bases_text(activity: Activity) -> str:
    return ", ".join(LEGAL_BASIS_TITLES[b] for b in activity.legal_bases)


def activity_rows(cat: Catalogue, a: Activity) -> list[tuple[str, str]]:
    """The Art. 30(1) fields of one activity, in words."""
    rec = cat.records
    return [
        ("Purposes (b)", "\n".join(a.purposes)),
        ("Data subjects (c)", ", ".join(rec.subject_title(s) for s in a.data_subjects)),
        ("Personal data (c)", "\n".join(f"{cat.category(c).title}: {cat.category(c).includes}" for c in a.categories)),
        ("Legal basis", f"{bases_text(a)}\n{a.legal_basis_text}"),
        ("Recipients (d)", "\n".join(recipient_title(cat, r) for r in a.recipients) or "None recorded"),
        ("Transfers (e)", transfers_text(cat, a)),
        ("Retention (f)", retention_text(cat, a)),
        ("Security measures (g)", "\n".join(rec.measure_title(m) for m in a.security) or "None recorded"),
        ("Policy passage", a.source),
    ]


def cookie_rows(cat: Catalogue, c: CookieCategory) -> list[tuple[str, str]]:
    consent = "Yes: explicit consent before use" if c.consent else "No: strictly necessary"
    return [
        ("Processes", c.processes),
        ("Functions", "\n".join(c.functions)),
        ("Consent needed", consent),
        ("Data categories", ", ".join(cat.category(x).title for x in c.categories)),
        ("Retention", c.retention),
        ("Policy passage", c.source),
    ]


def record_spec(cat: Catalogue, as_of: datetime, version: str) -> DocumentSpec:
    org = cat.organisation
    rec = cat.records
    day = as_of.astimezone(org.tz).date()
    blocks: list[Block] = [
        Paragraph(f"This is the record of processing activities that {org.name} keeps as controller under "
                  f"Art. 30(1) GDPR, drawn from its policy catalogue. It lists {len(rec.activities)} processing "
                  f"activities and {len(rec.cookie_categories)} cookie categories."),
        KeyValue([
            ("Controller (a)", f"{org.name}, {org.website}" if org.website else org.name),
            ("Contact point", ", ".join(org.contact_lines) or org.contact_email),
            ("Role", rec.controller_role or "Controller"),
            ("Supervisory authority", org.supervisory_authority),
            ("Catalogue version", f"sha256 {version}"),
            ("Record as of", f"{day.isoformat()}"),
        ]),
    ]
    for number, a in enumerate(rec.activities, start=1):
        blocks += [Heading(f"{number}. {a.title}", level=2),
                   Table(["Art. 30(1)", "Entry"], activity_rows(cat, a), widths=(1, 3.2))]
    if rec.cookie_categories:
        blocks += [Spacer(), Heading("Cookie inventory")]
        for c in rec.cookie_categories:
            blocks += [Heading(c.title, level=2), Table(["", "Entry"], cookie_rows(cat, c), widths=(1, 3.2))]
            if c.cookies:
                blocks.append(Table(["Cookie", "Provider", "Duration", "Party", "Purpose"],
                                    [(k.name, k.provider, k.duration, k.party, k.purpose) for k in c.cookies],
                                    widths=(1.2, 1.6, 0.9, 0.6, 2.4)))
    return DocumentSpec(
        title="Record of processing activities", reference=f"ROPA-{version[:12]}",
        organisation=org.name, organisation_lines=[line for line in (*org.contact_lines, org.website)
                                                   if line and line != org.name],
        subject="Record of processing activities (GDPR Art. 30) and cookie inventory",
        blocks=blocks, author=org.name, keywords=["GDPR Art. 30", "record of processing", f"catalogue {version}"],
        issued=day,
    )


def _uncell(value: str) -> str:
    """Undo csvsafe's guard (a leading apostrophe before a formula character) when reading back."""
    return value[1:] if value[:1] == "'" and value[1:2] in csvsafe.TRIGGERS else value


def csv_rows(cat: Catalogue) -> Iterator[dict[str, str]]:
    """One row an activity, a cookie category and a cookie; lists of ids joined by '; '."""
    for a in cat.records.activities:
        yield {"kind": "activity", "id": a.id, "title": a.title, "purposes": LIST_SEP.join(a.purposes),
               "data_subjects": LIST_SEP.join(a.data_subjects), "categories": LIST_SEP.join(a.categories),
               "legal_bases": LIST_SEP.join(a.legal_bases), "legal_basis": a.legal_basis_text,
               "recipients": LIST_SEP.join(a.recipients), "transfers": LIST_SEP.join(a.transfers),
               "retention": retention_text(cat, a), "security": LIST_SEP.join(a.security),
               "consent": "yes" if a.rests_on_consent else "no", "parent": "", "source": a.source}
    for c in cat.records.cookie_categories:
        yield {"kind": "cookie_category", "id": c.id, "title": c.title, "purposes": LIST_SEP.join(c.functions),
               "categories": LIST_SEP.join(c.categories), "legal_bases": "consent" if c.consent else "",
               "retention": c.retention, "consent": "yes" if c.consent else "no", "source": c.source}
        for k in c.cookies:
            yield {"kind": "cookie", "id": k.name, "title": k.purpose, "recipients": k.provider,
                   "retention": k.duration, "transfers": k.party, "parent": c.id,
                   "consent": "yes" if c.consent else "no"}


def record_csv(cat: Catalogue) -> str:
    out = io.StringIO()
    writer = csvsafe.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(cat))
    return out.getvalue()


def read_csv(text: str) -> list[dict[str, str]]:
    """The rows of an exported record, with the formula guard taken off again."""
    return [{k: _uncell(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]


def _require_records(cat: Catalogue) -> None:
    if not cat.records.activities:
        raise ValidationError(f"The catalogue {cat.source} has no processing activities ([[activities]]); "
                              "add them (see processing.toml in the shipped catalogue) before exporting a record.")


def export_pdf(ctx: Context, signing: Signing | None = None) -> Exported:
    """Render and sign (when a certificate is given) the record; the export is audited."""
    from console.documents.finish import finish
    from console.documents.pdf import render_pdf

    cat = ctx.catalogue
    _require_records(cat)
    version = version_of(cat)
    spec = record_spec(cat, ctx.now(), version)
    pdf = finish(render_pdf(spec), signing, spec.reference, "Record of processing activities (GDPR Art. 30)")
    return _audit(ctx, Exported("pdf", version, len(cat.records.activities), len(cat.records.cookie_categories),
                                signing is not None, pdf))


def export_csv(ctx: Context) -> Exported:
    """The record as CSV (UTF-8); the export is audited."""
    cat = ctx.catalogue
    _require_records(cat)
    return _audit(ctx, Exported("csv", version_of(cat), len(cat.records.activities),
                                len(cat.records.cookie_categories), False, record_csv(cat).encode("utf-8")))


def _audit(ctx: Context, done: Exported) -> Exported:
    with ctx.db.unit(ctx.actor, Perm.READ) as uow:
        uow.audit("records.export", "records", done.kind,
                  f"{done.activities} activities, {done.cookie_categories} cookie categories; "
                  f"catalogue {done.version}" + ("; signed" if done.signed else ""))
    return done


def export_to_file(ctx: Context, path: str | Path, signing: Signing | None = None) -> Exported:
    """Write the record to ``path`` as PDF (signed when ``signing`` is given) or CSV by its suffix; audited."""
    from console.files import write_out

    if Path(path).suffix.lower() == ".csv":
        done = export_csv(ctx)
    else:
        done = export_pdf(ctx, signing)
    write_out(str(path), done.data)
    return done
