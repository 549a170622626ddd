"""The store of record: SQLModel tables, the engine factory, migrations and the database opener."""
