"""What every response letter shares: its frame, the request's facts, identity checks, the right
to complain, and the account of the package files whose fingerprint the signature covers.

Pure functions: a :class:`LetterInput` in, document blocks out, so a preview and the signed
letter are the same text, and tests need neither a database nor reportlab.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from console.deadlines import local_due_date
from console.documents.manifest import ManifestEntry
from console.documents.spec import Block, DocumentSpec, Heading, KeyValue, Paragraph, Table
from console.packages.exports import CategoryFile
from console.packages.settings import CertificateInfo
from console.packages.templates import Words
from console.policy import Catalogue, Category
from console.requests.facts import Facts
from console.requests.read_models import RequestView
from console.requests.sources import RecordView

KEYWORD_KIND = "privacy-console-package:"
KEYWORD_HASH = "data-manifest-sha256:"


@dataclass(frozen=True)
class LetterInput:
    """Everything one letter is made from."""

    view: RequestView
    catalogue: Catalogue
    words: Words
    kind: str
    issued: datetime
    records: Mapping[str, Sequence[RecordView]]
    files: tuple[ManifestEntry, ...] = ()
    data_hash: str = ""
    signer: CertificateInfo | None = None
    category_files: tuple[CategoryFile, ...] = ()
    facts: Facts = Facts()  # what was recorded as done: erasures, corrections, the answer

    @property
    def record_count(self) -> int:
        return sum(len(rows) for rows in self.records.values())

    def local(self, moment: datetime) -> date:
        return moment.astimezone(self.catalogue.organisation.tz).date()

    def date(self, moment: datetime | date) -> str:
        return self.words.date(moment if not isinstance(moment, datetime) else self.local(moment))

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.catalogue.categories if c.id == category_id), None)

    def category_title(self, category_id: str) -> str:
        known = self.category(category_id)
        fallback = known.title if known else category_id.replace("_", " ").capitalize()
        return self.words.optional("catalogue", f"categories.{category_id}.title", fallback)

    def category_text(self, category_id: str, key: str, fallback: str) -> str:
        """A catalogue text in the letter's language when the template translates it."""
        return self.words.optional("catalogue", f"categories.{category_id}.{key}", fallback)


def base_values(view: RequestView, catalogue: Catalogue, words: Words, issued: datetime) -> dict[str, object]:
    """The placeholders every template may use."""
    org = catalogue.organisation
    tz = org.tz
    known = catalogue.find_right(view.right)  # a right dropped from the catalogue still prints
    right = known.title if known is not None else view.right_title
    rights = words.table("common", "rights") if words.has("common", "rights") else {}
    return {
        "name": addressee(view),
        "subject_name": view.subject_name,
        "reference": view.reference,
        "organisation": org.name,
        "right": rights.get(view.right, right),
        "received": words.date(view.received_at.astimezone(tz).date()),
        "due": words.date(local_due_date(view.due_at, tz)),
        "today": words.date(issued.astimezone(tz).date()),
        "authority": catalogue.regime_for(view.right, view.jurisdictions, view.subject_is_child).authority,
        "contact_email": org.contact_email,
        "website": org.website or org.contact_email,
    }


def addressee(view: RequestView) -> str:
    """A parent or guardian acting for a child receives the letter."""
    return (view.guardian_name or view.subject_name) if view.subject_is_child else view.subject_name


def recipient_lines(view: RequestView, words: Words) -> tuple[str, ...]:
    if view.subject_is_child and view.guardian_name:
        return (view.guardian_name, view.guardian_email or "", words.text("common", "letter.regarding"))
    return (view.subject_name, view.subject_email)


def document(inp: LetterInput, name: str, blocks: Sequence[Block]) -> DocumentSpec:
    """The letter frame around ``blocks``: letterhead, addressee, greeting, complaint, package, closing."""
    w, org = inp.words, inp.catalogue.organisation
    body = list(blocks)
    if inp.view.subject_is_child and inp.view.guardian_name:  # after the first paragraph, which
        body.insert(1, Paragraph(w.text("common", "letter.on_behalf")))  # follows the greeting
    return DocumentSpec(
        title=w.text(name, "title"),
        subject=w.text(name, "subject"),
        reference=inp.view.reference,
        organisation=org.name,
        organisation_lines=tuple(line for line in (*org.contact_lines, org.website) if line and line != org.name),
        recipient_lines=recipient_lines(inp.view, w),
        blocks=(Paragraph(w.text("common", "letter.greeting")), *body, *complaint(inp), *package_blocks(inp)),
        closing=tuple(w.lines("common", "letter.closing")),
        language=inp.words.language,
        author=f"{org.name}",
        keywords=(f"{KEYWORD_KIND}{inp.kind}", f"{KEYWORD_HASH}{inp.data_hash}"),
        issued=inp.local(inp.issued),
        labels=w.labels(),
    )


def request_facts(inp: LetterInput, *, answered: bool = True) -> list[Block]:
    w, view = inp.words, inp.view
    channels = w.table("common", "channels")
    pairs = [
        (w.text("common", "request.right"), str(w.values["right"])),
        (w.text("common", "request.received"), f"{inp.date(view.received_at)} ({channels.get(view.channel, view.channel)})"),
    ]
    if view.categories:
        pairs.append((w.text("common", "request.categories"), ", ".join(inp.category_title(c) for c in view.categories)))
    if answered:
        pairs.append((w.text("common", "request.answered"), inp.date(inp.issued)))
    elif inp.view.due_at <= inp.issued:
        pairs.append((w.text("common", "request.was_due"), str(w.values["due"])))
    else:
        pairs.append((w.text("common", "request.due"), str(w.values["due"])))
    return [Heading(w.text("common", "request.heading")), KeyValue(tuple(pairs))]


def identity(inp: LetterInput) -> list[Block]:
    """The checks made, never the documents: a response must not carry copies of ID papers."""
    w = inp.words
    checklist = inp.view.checklist
    if not checklist:
        return []
    rows = []
    for item in checklist:
        result = {"passed": "identity.passed", "failed": "identity.failed"}.get(item.result or "", "identity.open")
        label = w.optional("catalogue", f"checklist.{item.item_id}", item.label)
        if not item.required:
            label = f"{label} ({w.text('common', 'identity.optional')})"
        rows.append((label, w.text("common", result), inp.date(item.done_at) if item.done_at else "—"))
    columns = (w.text("common", "identity.check"), w.text("common", "identity.result"),
               w.text("common", "identity.checked_on"))
    return [Heading(w.text("common", "identity.heading")), Paragraph(w.text("common", "identity.intro")),
            Table(columns, rows, widths=(5, 2, 2))]


def complaint(inp: LetterInput) -> list[Block]:
    w = inp.words
    return [Heading(w.text("common", "complaint.heading")), Paragraph(w.text("common", "complaint.text")),
            Paragraph(w.text("common", "letter.contact"))]


def _size(words: Words, size: int) -> str:
    return words.text("common", "package.bytes", size=f"{size:,}")


def package_blocks(inp: LetterInput) -> list[Block]:
    """The files, their checksums and the fingerprint the signature vouches for."""
    w = inp.words
    out: list[Block] = [Heading(w.text("common", "package.heading"), 2)]
    if inp.files:
        out.append(Paragraph(w.text("common", "package.intro"), small=True))
        columns = (w.text("common", "package.file"), w.text("common", "package.size"),
                   w.text("common", "package.checksum"))
        out.append(Table(columns, [(e.path, _size(w, e.size), e.sha256) for e in inp.files], widths=(3, 2, 6)))
    else:
        out.append(Paragraph(w.text("common", "package.letter_only"), small=True))
    pairs = [(w.text("common", "package.fingerprint"), inp.data_hash)]
    if inp.signer is not None:
        pairs.append((w.text("common", "package.certificate"), inp.signer.fingerprint))
    out.append(KeyValue(tuple(pairs)))
    if inp.signer is not None:
        signer = inp.signer.common_name or inp.signer.subject
        out.append(Paragraph(w.text("common", "package.signed", signer=signer), small=True))
        out.append(Paragraph(w.text("common", "package.certificate_note"), small=True))
    else:
        out.append(Paragraph(w.text("common", "package.unsigned"), small=True))
    return out


def bullets(items: Sequence[str]) -> Paragraph:
    return Paragraph("\n".join(f"•  {item}" for item in items))
