"""Writing a file the user named (`export -o`): never the database, never an existing file unasked, never half.

Every command that writes a path from its arguments writes it through `write_output`; every file studylog
writes for the user (a pack's files too) goes through `replace_whole`, so a kill never leaves half of one.
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


def replace_whole(path: Path, data: bytes) -> None:
    """Write data to path (a symlink's target) through a temporary file in the same folder, flushed to disk, then
    renamed over it in one step, keeping an existing file's permissions: a reader, or the next run after a crash,
    sees the old file or the new one, never a part. A failure or an interrupt (Ctrl-C, SIGTERM, SIGHUP) removes the
    temporary file; only SIGKILL can leave one, named `.NAME.XXXXXXXX.tmp`. Raises OSError."""
    target = Path(path).resolve()
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:  # a failed write, or an interrupt mid-write (process_exit.py): no part left
        temporary.unlink(missing_ok=True)
        raise


def write_output(path: Path, text: str, *, database: Path, force: bool = False) -> Path:
    """Write text (UTF-8) to path as a whole (replace_whole), returning the file written (a symlink's target).

    Raises StudylogError, leaving every file as it was, when path is the database or its -wal, -shm or
    -journal file (through any symlink or hard link), when it exists and force is false, or when the
    write fails.
    """
    target = Path(path).expanduser().resolve()
    if _is_database_file(target, Path(database)):
        raise StudylogError(f"refusing to write to {path}: it is the database (--db) or one of its files; pick another file")
    if os.path.lexists(path) and not force:
        raise StudylogError(f"{path} exists; pass --force to replace it")
    try:
        replace_whole(target, text.encode("utf-8"))
    except OSError as exc:
        raise StudylogError(f"cannot write {path}: {exc.strerror or exc}") from None
    return target
