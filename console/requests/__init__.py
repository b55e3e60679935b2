"""Rights requests: lifecycle, commands, queue queries, bulk intake, subject data."""
