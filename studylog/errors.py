"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback."""


class StudylogError(Exception):
    """A mistake in input or state that the user can act on."""


class NotFound(StudylogError):
    """The week, section, question or link asked for does not exist."""


class DatabaseTooNew(StudylogError):
    """The database was written by a newer studylog than this one."""


class EditConflict(StudylogError):
    """Someone else saved the same row since it was read; saving would overwrite their text."""
