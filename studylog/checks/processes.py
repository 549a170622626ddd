"""What the runner asks the kernel about its processes (Linux; elsewhere each answer is "unknown"):
making a process the reaper of its orphaned descendants, a process's children, and who holds SQLite's
write lock on a database.

A check's descendants that leave its process group (setsid, a double fork) are found this way: the
check process is a subreaper, so they stay below it while it runs; when it ends they become children
of the zygote, itself a subreaper, which kills every child that is not a running check.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36  # <linux/prctl.h>
WAL_WRITE_LOCK_OFFSET = 120  # SQLite's WAL write lock: byte 120 of the -shm file (sqlite3.c, WALINDEX_LOCK_OFFSET)


def become_subreaper() -> bool:
    """Make this process adopt its descendants orphaned by their parents (prctl(2)); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def parent_of(pid: int) -> int | None:
    """The parent process id of `pid`, from /proc/<pid>/stat; None if it is gone or /proc is missing."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    return int(stat[stat.rindex(b")") + 2 :].split()[1])  # after "pid (comm) state": ppid


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (an empty list without /proc)."""
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if entry.isdigit() and parent_of(int(entry)) == pid:
            found.append(int(entry))
    return found


def descends_from(pid: int, ancestors: set[int]) -> int | None:
    """Which of `ancestors` `pid` is or descends from, following parents up; None if none of them."""
    seen = set()
    while pid and pid not in seen:
        if pid in ancestors:
            return pid
        seen.add(pid)
        pid = parent_of(pid) or 0
    return None


def write_lock_holders(database: Path) -> list[int]:
    """The processes holding SQLite's WAL write lock on `database` (an open write transaction), read from
    /proc/locks by the inode of its -shm file; an empty list when none does or it cannot be told."""
    try:
        shm = os.stat(f"{database}-shm")
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    file_id = f"{os.major(shm.st_dev):02x}:{os.minor(shm.st_dev):02x}:{shm.st_ino}"
    holders = []
    for line in lines:
        fields = line.split()  # "1: POSIX ADVISORY WRITE 10770 fe:00:2146317 120 120"
        if len(fields) >= 8 and fields[1] == "POSIX" and fields[3] == "WRITE" and fields[6] == str(WAL_WRITE_LOCK_OFFSET):
            if fields[5] == file_id and fields[4].isdigit():
                holders.append(int(fields[4]))
    return holders
