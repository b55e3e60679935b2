"""The import sample the README points to is a file the console accepts, line for line."""

from __future__ import annotations

import csv

from console.requests import intake
from console.resources import resource_path


def test_the_shipped_sample_imports_whole(ctx) -> None:
    sample = resource_path("samples", "requests-import.csv")
    with sample.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        columns = tuple(reader.fieldnames or ())
    assert set(intake.REQUIRED) <= set(columns) <= set(intake.FIELDS)
    result = intake.import_file(ctx, sample)
    assert result.imported == len(rows) == 8
    assert {r["right"] for r in rows} >= {"access", "rectification", "erasure", "restriction", "portability"}
