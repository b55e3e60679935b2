"""Import every model module so the metadata (and Alembic) sees every table."""

from console.store import fact_models, models, withdrawal_models  # noqa: F401

try:  # model modules of features that land separately
    from console.store import incident_models  # noqa: F401
except ImportError:  # pragma: no cover - until the incidents feature exists
    pass
