"""The bundled question bank and reference tables, mapped in from questions/ and references/ (see setup.py)."""
