"""The subject's data as files another program can read: one JSON, one CSV a category, a schema.

Files are bytes in a fixed order with sorted JSON keys, so the same data always gives the same
checksums (the package fingerprint printed in the letter depends on them).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console import csvsafe
from console.policy import Catalogue
from console.requests.read_models import RequestView
from console.requests.sources import RecordView, as_text, source_name

FORMAT = "privacy-console/subject-data"
VERSION = 1
JSON_NAME = "data.json"
SCHEMA_NAME = "schema.json"
CSV_FOLDER = "csv"
META_COLUMNS = ("source", "gathered_at")

Records = Mapping[str, Sequence[RecordView]]


@dataclass(frozen=True)
class CategoryFile:
    """What the letter says about one CSV file."""

    category: str
    path: str
    records: int
    fields: tuple[str, ...]


def fields_of(rows: Sequence[RecordView]) -> tuple[str, ...]:
    """Every field name used in a category, in the order the records first show them."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row.data:
            seen.setdefault(str(key), None)
    return tuple(seen)


def data_json(view: RequestView, catalogue: Catalogue, records: Records, generated: datetime) -> bytes:
    """All categories in one structured document (the portability right's "structured" copy)."""
    body = {
        "format": FORMAT,
        "version": VERSION,
        "controller": catalogue.organisation.name,
        "reference": view.reference,
        "subject": {"name": view.subject_name, "email": view.subject_email,
                    "account_id": view.subject_account_id},
        "generated_at": generated.isoformat(),
        "categories": {
            category: {
                "title": catalogue.category(category).title if _known(catalogue, category) else category,
                "records": [
                    {"source": source_name(r.source), "gathered_at": r.gathered_at.isoformat(), "data": r.data}
                    for r in rows
                ],
            }
            for category, rows in records.items()
        },
    }
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n").encode()


def category_csv(rows: Sequence[RecordView]) -> bytes:
    """One category as CSV (RFC 4180: comma, CRLF, quoted where needed; UTF-8 without BOM)."""
    fields = fields_of(rows)
    buffer = io.StringIO()
    writer = csvsafe.Writer(buffer)
    writer.writerow([*META_COLUMNS, *fields])
    for r in rows:
        writer.writerow([source_name(r.source), r.gathered_at.isoformat(),
                         *(as_text(r.data.get(f)) for f in fields)])
    return buffer.getvalue().encode("utf-8")


def csv_path(category: str) -> str:
    return f"{CSV_FOLDER}/{category}.csv"


def csv_files(records: Records) -> tuple[dict[str, bytes], tuple[CategoryFile, ...]]:
    files: dict[str, bytes] = {}
    described: list[CategoryFile] = []
    for category, rows in records.items():
        path = csv_path(category)
        files[path] = category_csv(rows)
        described.append(CategoryFile(category, path, len(rows), fields_of(rows)))
    return files, tuple(described)


def _json_type(values: list[object]) -> list[str] | str:
    names = {"str": "string", "int": "integer", "float": "number", "bool": "boolean",
             "NoneType": "null", "dict": "object", "list": "array"}
    found = sorted({names.get(type(v).__name__, "string") for v in values})
    return found[0] if len(found) == 1 else found


def schema_json(catalogue: Catalogue, records: Records) -> bytes:
    """A JSON Schema of data.json, with the CSV columns of each category (``x-csv``)."""
    categories: dict[str, Any] = {}
    for category, rows in records.items():
        known = _known(catalogue, category)
        fields = fields_of(rows)
        properties = {
            f: {"type": _json_type([r.data[f] for r in rows if f in r.data]),
                "description": f.replace("_", " ").capitalize()}
            for f in fields
        }
        categories[category] = {
            "type": "object",
            "description": (catalogue.category(category).includes if known else category),
            "title": catalogue.category(category).title if known else category,
            "x-csv": {"file": csv_path(category), "columns": [*META_COLUMNS, *fields],
                      "encoding": "UTF-8", "delimiter": ",", "header": True},
            "properties": {
                "title": {"type": "string"},
                "records": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["source", "gathered_at", "data"],
                        "properties": {
                            "source": {"type": "string", "description": "The system the record came from"},
                            "gathered_at": {"type": "string", "format": "date-time",
                                            "description": "When the console gathered the record"},
                            "data": {"type": "object", "properties": properties},
                        },
                    },
                },
            },
        }
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Personal data exported by {catalogue.organisation.name}",
        "description": f"The structure of {JSON_NAME}; each category is also one CSV file "
                       f"in {CSV_FOLDER}/ with the columns listed under x-csv.",
        "type": "object",
        "required": ["format", "version", "reference", "subject", "generated_at", "categories"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "controller": {"type": "string"},
            "reference": {"type": "string"},
            "subject": {"type": "object"},
            "generated_at": {"type": "string", "format": "date-time"},
            "categories": {"type": "object", "properties": categories},
        },
    }
    return (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _known(catalogue: Catalogue, category: str) -> bool:
    return any(c.id == category for c in catalogue.categories)
