"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback.

Each carries the exit status the CLI ends with (README, "Your data is safe"): 1 for a mistake in input
or state, 4 when the database file itself cannot be opened, read or written.
"""


class StudylogError(Exception):
    """A mistake in input or state that the user can act on."""

    exit_code = 1


class NotFound(StudylogError):
    """The week, section, question or link asked for does not exist."""


class DatabaseTooNew(StudylogError):
    """The database was written by a newer studylog than this one."""


class DatabaseUnavailable(StudylogError):
    """The database file cannot be used: not SQLite, damaged, read-only, a FIFO or folder, unreadable."""

    exit_code = 4


class EditConflict(StudylogError):
    """Someone else saved the same row since it was read; saving would overwrite their text."""
