"""Persistence: SQLite through SQLAlchemy Core on typed mappings, migrations, repositories."""
