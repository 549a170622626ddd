"""Alembic migrations of the studylog database, applied by studylog.store.database.open_database."""
