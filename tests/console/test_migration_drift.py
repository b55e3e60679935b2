"""The migrations build the schema the models describe: Alembic's autogenerate comparison of the
migrated database with the models finds nothing to change (SQLite here, PostgreSQL on its tier).

A model edited without a migration (or a migration without the model) shows up here as the
operation Alembic would write, e.g. ``('add_column', None, 'requests', Column('x', ...))``.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from console.store import all_models  # noqa: F401 - registers every table
from console.store.base import Base

# Kept by hand-written SQL on purpose, outside the models: the name search's SQLite FTS5 tables
# and its PostgreSQL trigram index (created only where the account may; migration 0007).
RAW_SQL_TABLES = ("requests_name_fts",)
RAW_SQL_INDEXES = ("ix_requests_name_trgm",)


def _modelled(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    if type_ == "table" and name and name.startswith(RAW_SQL_TABLES):
        return False
    return not (type_ == "index" and name in RAW_SQL_INDEXES)


def test_the_migrated_schema_matches_the_models(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _modelled})
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], "\n".join(repr(d)[:300] for d in differences)
