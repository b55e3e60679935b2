"""The letters that carry or change the person's data: access, portability, erasure certificate,
rectification and restriction. Each returns the body blocks; :func:`content.document` frames them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from console.documents.spec import Block, Heading, KeyValue, Paragraph, Table
from console.packages import exports
from console.packages.content import LetterInput, bullets, identity, request_facts
from console.requests.sources import RecordView, as_text, source_name

WIDE = 5  # more fields than this print as one "field: value" cell per record


_ACRONYMS = {"ip": "IP", "id": "ID", "url": "URL", "iban": "IBAN", "vat": "VAT", "utc": "UTC"}
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]00:?00)?$")


def _label(field: str) -> str:
    """'ip_address' -> 'IP address': a system's field name as a column heading."""
    words = [_ACRONYMS.get(w.lower(), w) for w in field.replace("_", " ").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _cell(value: object) -> str:
    """A value as printed: a UTC time stamp without the T and offset noise, the rest as is."""
    text = as_text(value)
    match = _ISO.match(text)
    if match and (match.group(3) or "") != "":
        return f"{match.group(1)} {match.group(2)} UTC"
    if match:
        return f"{match.group(1)} {match.group(2)}"
    return text


def _gathered(inp: LetterInput) -> str:
    moments = [r.gathered_at for rows in inp.records.values() for r in rows]
    return inp.date(max(moments)) if moments else inp.date(inp.issued)


def _sources(rows: Sequence[RecordView]) -> list[str]:
    return list(dict.fromkeys(source_name(r.source) for r in rows))


def _record_table(inp: LetterInput, rows: Sequence[RecordView]) -> Table:
    """A category's records: a column a field, or one text cell a record when there are many fields."""
    w = inp.words
    fields = exports.fields_of(rows)
    several = len(_sources(rows)) > 1
    system = [w.text("access", "source_column")] if several else []
    if len(fields) <= WIDE:
        columns = [*system, *(_label(f) for f in fields)] or [w.text("access", "value_column")]
        body = [[*([source_name(r.source)] if several else []),
                 *(_cell(r.data.get(f)) for f in fields)] for r in rows]
        if not fields:
            body = [[""] for _ in rows]
        return Table(columns, body)
    columns = ["#", *system, w.text("access", "record_column")]
    body = []
    for number, r in enumerate(rows, start=1):
        text = "\n".join(f"{_label(k)}: {_cell(v)}" for k, v in r.data.items())
        body.append([str(number), *([source_name(r.source)] if several else []), text])
    return Table(columns, body, widths=(1, *((3,) if several else ()), 12))


def access(inp: LetterInput) -> list[Block]:
    w = inp.words
    blocks: list[Block] = [
        Paragraph(w.text("access", "intro")),
        Paragraph(w.text("access", "summary", records=f"{inp.record_count:,}",
                         categories=len(inp.records), gathered=_gathered(inp))),
    ]
    if any(f.path == exports.JSON_NAME for f in inp.files):
        blocks.append(Paragraph(w.text("access", "machine_readable")))
    blocks += request_facts(inp) + identity(inp)
    blocks += [Heading(w.text("access", "data_heading")), Paragraph(w.text("access", "data_intro"))]
    for category, rows in inp.records.items():
        blocks.append(Heading(w.text("access", "category_heading", title=inp.category_title(category),
                                     count=f"{len(rows):,}"), 2))
        known = inp.category(category)
        notes = []
        if known is not None:
            notes.append(w.text("access", "category_includes",
                                includes=inp.category_text(category, "includes", known.includes)))
        sources = _sources(rows)
        if len(sources) == 1:
            notes.append(f"{w.text('access', 'source_column')}: {sources[0]}")
        if notes:
            blocks.append(Paragraph("\n".join(notes), small=True))
        blocks.append(_record_table(inp, rows))
    return blocks + article15(inp)


def article15(inp: LetterInput) -> list[Block]:
    """Purposes, legal basis, source and retention per category; recipients, automated decisions
    and profiling, transfers, rights: all from the catalogue, for the categories the person's data is in."""
    w, cat = inp.words, inp.catalogue
    held = tuple(inp.records)
    blocks: list[Block] = [Heading(w.text("access", "info_heading")), Paragraph(w.text("access", "info_intro"))]
    for category in held:
        known = inp.category(category)
        if known is None:
            continue
        blocks.append(Heading(inp.category_title(category), 2))
        pairs = (
            (w.text("access", "purposes"), inp.category_text(category, "purposes", "; ".join(known.purposes))),
            (w.text("access", "legal_basis"), inp.category_text(category, "legal_basis", known.legal_basis)),
            (w.text("access", "source"), inp.category_text(category, "source", known.source)),
            (w.text("access", "retention"), inp.category_text(category, "retention", known.retention.text)),
        )
        blocks.append(KeyValue(tuple((k, v) for k, v in pairs if k)))  # a regime may leave a label out
    blocks += _activities(inp, held)
    blocks += _recipients(inp, held) + _automated(inp, held) + _transfers(inp, held)
    factors = w.optional("catalogue", "retention_factors", "; ".join(cat.retention_factors))
    blocks += [Heading(w.text("access", "retention_heading"), 2),
               Paragraph(w.text("access", "retention_text", factors=factors))]
    blocks += [Heading(w.text("access", "rights_heading"), 2), Paragraph(w.text("access", "rights_intro")),
               bullets(w.lines("access", "rights_list"))]
    return blocks


def _activities(inp: LetterInput, held: Sequence[str]) -> list[Block]:
    """The record of processing's activities that use the categories disclosed (Art. 30 and 15(1)(a)-(d)):
    what each is for, on what legal basis, who receives the data and how long it is kept."""
    from console.policy.records import LEGAL_BASIS_TITLES
    from console.processing.export import recipient_title
    from console.processing.links import activities_for

    w, cat = inp.words, inp.catalogue
    acts = activities_for(cat, held)
    heading = w.text("access", "activities_heading")
    if not acts or not heading:  # a regime's letter without GDPR's record of processing (CCPA, COPPA)
        return []
    rows = []
    for a in acts:
        kept = "\n".join(f"{inp.category_title(c)}: {inp.category_text(c, 'retention', cat.category(c).retention.text)}"
                         for c in a.categories if c in held)
        purposes = list(a.purposes)
        if w.has("catalogue", f"activities.{a.id}.purposes"):  # the language's words, in the catalogue's order
            translated = w.raw("catalogue", f"activities.{a.id}.purposes")
            if isinstance(translated, list) and len(translated) == len(purposes):
                purposes = [str(p) for p in translated]
        bases = ", ".join(w.optional("catalogue", f"legal_bases.{b}", LEGAL_BASIS_TITLES[b]) for b in a.legal_bases)
        rows.append((w.optional("catalogue", f"activities.{a.id}.title", a.title), "\n".join(purposes), bases,
                     "; ".join(w.optional("catalogue", f"recipients.{r}.title", recipient_title(cat, r))
                               for r in a.recipients) or w.text("access", "activities_no_recipients"), kept))
    columns = [w.text("access", k) for k in ("activity_column", "purposes", "legal_basis", "activity_recipients",
                                             "retention")]
    return [Heading(heading, 2), Paragraph(w.text("access", "activities_intro")),
            Table(columns, rows, widths=(3, 3, 2.4, 3, 3.6))]


def _titles(inp: LetterInput, categories: Sequence[str], held: Sequence[str]) -> str:
    return ", ".join(inp.category_title(c) for c in categories if c in held)


def _recipients(inp: LetterInput, held: Sequence[str]) -> list[Block]:
    w = inp.words
    found = inp.catalogue.disclosures.recipients_of(held)
    blocks: list[Block] = [Heading(w.text("access", "recipients_heading"), 2)]
    if not found:
        return [*blocks, Paragraph(w.text("access", "recipients_none"))]
    rows = [(w.optional("catalogue", f"recipients.{r.id}.title", r.title), _titles(inp, r.categories, held),
             w.optional("catalogue", f"recipients.{r.id}.purpose", r.purpose)) for r in found]
    columns = [w.text("access", k) for k in ("recipient_column", "categories_column", "purpose_column")]
    return [*blocks, Paragraph(w.text("access", "recipients_intro")), Table(columns, rows, widths=(4, 3, 4))]


def _automated(inp: LetterInput, held: Sequence[str]) -> list[Block]:
    w, automated = inp.words, inp.catalogue.disclosures.automated
    blocks: list[Block] = [Heading(w.text("access", "automated_heading"), 2)]
    if automated is None:
        return []  # the catalogue says nothing, so neither does the letter
    blocks.append(Paragraph(w.text("access", "automated_yes" if automated.solely_automated else "automated_none")))
    found = inp.catalogue.disclosures.profiling_of(held)
    if not found:
        return [*blocks, Paragraph(w.text("access", "profiling_none"))]
    blocks.append(Paragraph(w.text("access", "profiling_intro")))
    for p in found:
        blocks.append(KeyValue((
            (w.text("access", "profiling_what"), w.optional("catalogue", f"profiling.{p.id}.title", p.title)),
            (w.text("access", "profiling_data"), _titles(inp, p.categories, held)),
            (w.text("access", "profiling_logic"), w.optional("catalogue", f"profiling.{p.id}.logic", p.logic)),
            (w.text("access", "profiling_consequences"),
             w.optional("catalogue", f"profiling.{p.id}.consequences", p.consequences)),
        )))
    return blocks


def _transfers(inp: LetterInput, held: Sequence[str]) -> list[Block]:
    w, cat = inp.words, inp.catalogue
    named = list(cat.transfers.safeguards)
    if w.has("catalogue", "transfers.safeguards"):  # the language's names, in the catalogue's order
        translated = w.raw("catalogue", "transfers.safeguards")
        if isinstance(translated, list) and len(translated) == len(named):
            named = [str(t) for t in translated]
    by_name = dict(zip(cat.transfers.safeguards, named, strict=True))
    safeguards = "; ".join(named)
    blocks: list[Block] = [Heading(w.text("access", "transfers_heading"), 2)]
    routes = cat.disclosures.routes_of(held)
    if not routes:
        return [*blocks, Paragraph(w.text("access", "transfers_none", safeguards=safeguards))]
    names = {r.id: r for r in cat.disclosures.recipients}
    rows = [(", ".join(r.countries), by_name.get(r.safeguard, r.safeguard),
             _titles(inp, r.categories, held),
             w.optional("catalogue", f"recipients.{r.recipient}.title", names[r.recipient].title)) for r in routes]
    columns = [w.text("access", k) for k in ("country_column", "safeguard_column", "categories_column",
                                             "recipient_column")]
    return [*blocks, Paragraph(w.text("access", "transfers_intro")), Table(columns, rows, widths=(3, 3, 3, 4)),
            Paragraph(w.text("access", "transfers_copy"))]


def portability(inp: LetterInput) -> list[Block]:
    w, details = inp.words, inp.view.details
    blocks: list[Block] = [Paragraph(w.text("portability", "intro"))]
    if details.get("destination"):
        blocks.append(Paragraph(w.text("portability", "destination", destination=str(details["destination"]))))
    if details.get("format"):
        blocks.append(Paragraph(w.text("portability", "format", format=str(details["format"]).upper())))
    blocks.append(Paragraph(w.text("portability", "summary", records=f"{inp.record_count:,}",
                                   categories=len(inp.records))))
    blocks += request_facts(inp) + identity(inp)
    blocks += [Heading(w.text("portability", "files_heading")), Paragraph(w.text("portability", "files_intro"))]
    columns = [w.text("portability", k) for k in ("file_column", "category_column", "records_column", "fields_column")]
    rows: list[list[Any]] = [
        [exports.JSON_NAME, w.text("portability", "json_description"), f"{inp.record_count:,}", ""],
        [exports.SCHEMA_NAME, w.text("portability", "schema_description"), "", ""],
    ]
    rows += [[f.path, inp.category_title(f.category), f"{f.records:,}",
              ", ".join((*exports.META_COLUMNS, *f.fields))] for f in inp.category_files]
    blocks += [Heading(w.text("portability", "schema_heading"), 2), Table(columns, rows, widths=(3, 3, 1.4, 5))]
    return blocks


def _held_counts(inp: LetterInput) -> dict[tuple[str, str], int]:
    """(system, category) -> records of the person's data found there."""
    counts: dict[tuple[str, str], int] = {}
    for category, rows in inp.records.items():
        for r in rows:
            key = (source_name(r.source), category)
            counts[key] = counts.get(key, 0) + 1
    return counts


def _on_by(inp: LetterInput, moment: object, who: str) -> str:
    return inp.words.text("common", "recorded.on_by", on=inp.date(moment), by=who)  # type: ignore[arg-type]


def erasure(inp: LetterInput) -> list[Block]:
    """The certificate: one row per recorded erasure or retention, exactly as recorded."""
    w = inp.words
    counts = _held_counts(inp)
    rows, any_kept = [], False
    for fact in inp.facts.erasures:
        count = counts.get((fact.system, fact.category))
        if fact.outcome == "retained":
            any_kept = True
            known = inp.category(fact.category)
            reason = fact.legal_reason or ""
            if known is not None and w.has("catalogue", f"categories.{fact.category}.retention"):
                reason = w.text("erasure", "retained_reason",
                                retention=inp.category_text(fact.category, "retention", known.retention.text),
                                legal_basis=inp.category_text(fact.category, "legal_basis", known.legal_basis))
            outcome, why = w.text("erasure", "retained"), reason
        else:
            outcome, why = w.text("erasure", "erased"), fact.method or ""
        rows.append((fact.system, inp.category_title(fact.category), f"{count:,}" if count else "—", outcome, why,
                     _on_by(inp, fact.done_at, fact.done_by)))
    columns = [w.text("erasure", k) for k in ("system_column", "category_column", "records_column",
                                              "outcome_column", "reason_column", "when_column")]
    blocks: list[Block] = [Paragraph(w.text("erasure", "intro")),
                           Heading(w.text("erasure", "table_heading")),
                           Table(columns, rows, widths=(2.2, 2.2, 1.3, 1.5, 4.2, 2.6))]
    if any_kept:
        blocks.append(Paragraph(w.text("erasure", "retained_note")))
    if any(f.outcome == "erased" for f in inp.facts.erasures):
        blocks.append(Paragraph(w.text("erasure", "certify")))
    blocks.append(Paragraph(w.text("erasure", "recipients")))
    return blocks + request_facts(inp) + identity(inp)


def rectification(inp: LetterInput) -> list[Block]:
    """The corrections as recorded: field, before and after (or what was done), where, when, by whom."""
    w = inp.words
    unknown = w.text("rectification", "unknown")
    rows = []
    for fact in inp.facts.corrections:
        after = fact.new_value if fact.new_value is not None else ""
        if fact.description:
            after = f"{after}\n{fact.description}".strip()
        rows.append((_label(fact.field), fact.system, fact.old_value or unknown, after,
                     _on_by(inp, fact.done_at, fact.done_by)))
    columns = [w.text("rectification", k) for k in ("field_column", "system_column", "before_column",
                                                    "after_column", "when_column")]
    return [Paragraph(w.text("rectification", "intro")),
            Heading(w.text("rectification", "table_heading")), Table(columns, rows, widths=(2, 2, 3, 3, 2.6)),
            Paragraph(w.text("rectification", "recipients")),
            *request_facts(inp), *identity(inp)]


def restriction(inp: LetterInput) -> list[Block]:
    w, view = inp.words, inp.view
    raw = view.details.get("restriction") or {}
    spec = raw if isinstance(raw, dict) else {"parameters": str(raw)}
    purposes = spec.get("purposes") or []
    purposes = [purposes] if isinstance(purposes, str) else [str(p) for p in purposes]
    categories = spec.get("categories") or list(view.categories)
    assert inp.facts.restriction is not None  # recorded.require_facts checked it: never the build date
    since = inp.local(inp.facts.restriction.applied_at)
    pairs = [
        (w.text("restriction", "what"), str(spec.get("parameters") or "—")),
        (w.text("restriction", "purposes"), "; ".join(purposes) or "—"),
        (w.text("restriction", "categories"),
         ", ".join(inp.category_title(str(c)) for c in categories) or w.text("restriction", "all_categories")),
        (w.text("restriction", "since"), w.date(since)),
    ]
    blocks: list[Block] = [Paragraph(w.text("restriction", "intro")), KeyValue(tuple(pairs)),
                           Paragraph(w.text("restriction", "meaning")), Paragraph(w.text("restriction", "lifting"))]
    return blocks + request_facts(inp) + identity(inp)
