"""The database file as SQLite opens it: exactly the path given, whatever its name, or one clear error.

Light on purpose (sqlite3 and the standard library only): a cached `verify` reads through it without
loading SQLAlchemy. Every connection to a studylog database, the ORM's included, is made by `connect`.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from studylog.errors import DatabaseUnavailable

BUSY_TIMEOUT_S = 10.0
FILE_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFDIR: "a folder", stat.S_IFSOCK: "a socket",
              stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}


def uri(path: Path, **query: str) -> str:
    """A `file:` URI naming exactly `path`: `?`, `#` and `%` in a file name are escaped, never parsed."""
    absolute = quote(os.fsencode(os.path.abspath(path)))
    return f"file://{absolute}" + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def has_data(path: Path) -> bool:
    """Whether `path` holds a database to open (False: missing or empty, SQLite makes a new one).

    Raises DatabaseUnavailable for what SQLite cannot open or would hang on: a FIFO, a folder, a
    device, an unreadable file, a file that is not SQLite (its header is checked, not guessed from errors).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot open the database {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise DatabaseUnavailable(f"{path} is {kind}, not a database file; point --db at an SQLite file")
    if info.st_size == 0:
        return False
    if not _reads_as_sqlite(path):
        raise DatabaseUnavailable(f"{path} is not an SQLite database (another kind of file, or cut short); pick another --db")
    return True


def _reads_as_sqlite(path: Path) -> bool:
    """Whether SQLite takes the file for a database: it checks the 16-byte header `SQLite format 3\\0` on the
    first read (SQLITE_NOTADB otherwise).

    Read through SQLite, never with open() and close(): closing any descriptor of the file drops every POSIX
    lock this process holds on it, its SQLite connections' included, and another process closing its connection
    then takes itself for the last one and deletes the `-wal` and `-shm` still in use here (the app's saves were
    lost, the file corrupted; sqlite.org/howtocorrupt.html 2.2). SQLite keeps its own descriptors of a file open
    while any of its connections in the process holds a lock on it."""
    try:
        reader = sqlite3.connect(uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"cannot read the database {path}: {exc}") from None
    try:
        reader.execute("PRAGMA schema_version").fetchone()
        return True
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB or "not a database" in str(exc):
            return False
        raise DatabaseUnavailable(f"cannot read the database {path}: {exc}") from None
    finally:
        reader.close()


def _folder_is_read_only(path: Path) -> bool:
    """SQLite's WAL mode needs `<db>-shm` beside the file; in a folder we cannot write it can only read
    the file as it stands, which is exact when no `-wal` holds changes not yet copied back."""
    wal = Path(f"{path}-wal")
    return not os.access(Path(path).parent, os.W_OK) and not (wal.exists() and wal.stat().st_size > 0)


def connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection to the file at `path` (usable from any thread); read_only never creates or writes it."""
    query = {"mode": "ro"} if read_only else {}
    if has_data(path) and _folder_is_read_only(path):
        query = {"mode": "ro", "immutable": "1"}
    try:
        return sqlite3.connect(uri(path, **query), uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    except sqlite3.Error as exc:
        raise unavailable(path, exc) from None


def require_writable(path: Path) -> None:
    """Raise DatabaseUnavailable now if changes to `path` cannot be saved (the file or, for WAL's
    `-wal`/`-shm` files, its folder is read-only), before work whose results would be lost."""
    folder = Path(path).parent
    if (Path(path).exists() and not os.access(path, os.W_OK)) or not os.access(folder, os.W_OK):
        raise unavailable(path, sqlite3.OperationalError("attempt to write a readonly database"))


DAMAGED = ("malformed", "not a database", "vtable constructor failed")  # the last: a search index's pages damaged


def unavailable(path: Path, error: BaseException) -> DatabaseUnavailable:
    """An SQLite error about the file itself (read-only, corrupt, cannot open) as one line to act on."""
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    if "readonly" in reason or "read-only" in reason:
        what = "the file" if os.access(Path(path).parent, os.W_OK) else "its folder"
        return DatabaseUnavailable(f"{path} cannot be changed: {what} is read-only; nothing was changed")
    if any(sign in reason for sign in DAMAGED):
        return DatabaseUnavailable(f"{path} is damaged or not an SQLite database ({reason}); pick another --db")
    return DatabaseUnavailable(f"cannot use the database {path}: {reason}")


FILE_ERRORS = ("readonly", "read-only", "unable to open", "disk i/o", "disk is full", "database or disk is full", *DAMAGED)


def is_file_error(error: BaseException) -> bool:
    """Whether an SQLite error is about the database file (unavailable) rather than a query or a lock."""
    return any(sign in str(error).lower() for sign in FILE_ERRORS)
