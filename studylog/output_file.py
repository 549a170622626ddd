"""Writing a file the user named (`export -o`): never the database, never an existing file unasked, never half.

Every command that writes a path from its arguments writes it through `write_output`.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from studylog.errors import StudylogError

SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")  # the database and the files SQLite keeps beside it


def _is_database_file(target: Path, database: Path) -> bool:
    """Whether target is the database or one of its companions: by name once links are resolved, and by
    inode (a hard link, another spelling of the same file)."""
    for suffix in SQLITE_COMPANIONS:
        protected = Path(f"{database}{suffix}")
        if target == protected.resolve():
            return True
        try:
            if target.exists() and protected.exists() and os.path.samefile(target, protected):
                return True
        except OSError:
            continue
    return False


def write_output(path: Path, text: str, *, database: Path, force: bool = False) -> Path:
    """Write text (UTF-8) to path as a whole, returning the file written (a symlink's target).

    Raises StudylogError, leaving every file as it was, when path is the database or its -wal, -shm or
    -journal file (through any symlink or hard link), when it exists and force is false, or when the
    write fails. The text goes to a temporary file in the same folder, flushed to disk, then renamed
    over path in one step: a reader sees the old file or the new one, never a part; interrupted (Ctrl-C,
    SIGTERM, SIGHUP), the temporary file is removed. Only SIGKILL can leave one, named `.NAME.XXXXXXXX.tmp`.
    """
    target = Path(path).expanduser().resolve()
    if _is_database_file(target, Path(database)):
        raise StudylogError(f"refusing to write to {path}: it is the database (--db) or one of its files; pick another file")
    if os.path.lexists(path) and not force:
        raise StudylogError(f"{path} exists; pass --force to replace it")
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with open(descriptor, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException as exc:  # a failed write, or Ctrl-C / SIGTERM mid-write (process_exit.py): no part left
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StudylogError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    return target
