"""Storage: engine, models, migrations and the unit of work."""
