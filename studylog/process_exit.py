"""How a command ends when the world around it does: a kill, a closed terminal, a reader that went away.

SIGTERM and SIGHUP are raised as `Terminated`, a KeyboardInterrupt, so they take the path a Ctrl-C takes: the
transaction under way rolls back, `verify` stops its checks and keeps the finished results, and the command
exits 128 + N, as a shell reports a process ended by signal N (130 SIGINT, 129 SIGHUP, 143 SIGTERM). A reader
that went away (`studylog week show 4 | head -1`) ends the command quietly with 141 (128 + SIGPIPE, what
`ls | head -1` reports); an output that cannot be written (a full disk) is one `Error:` line, exit 1.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import click

from studylog.errors import StudylogError

INTERRUPTED = 128 + signal.SIGINT  # 130, a Ctrl-C
BROKEN_PIPE = 128 + signal.SIGPIPE  # 141, the reader of the output went away
OUTPUT_FAILED = StudylogError.exit_code  # the output cannot be written: a mistake in state
NO_ROOM = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}  # a full disk or quota, a file too big, a device gone
TERMINATING = (signal.SIGTERM, signal.SIGHUP)
INTERRUPTING = (signal.SIGINT, *TERMINATING)


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived; every `except KeyboardInterrupt` cleanup runs for it as for a Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _terminate(signum: int, _frame) -> None:
    for other in TERMINATING:  # a second kill must not cut short the cleanup the first one started
        signal.signal(other, _note)
    raise Terminated(signum)


def _note(_signum: int, _frame) -> None:
    """A Python-level 'ignore': unlike SIG_IGN it does not pass to the processes started while cleaning up."""


def raise_on_termination() -> None:
    """From now on SIGTERM and SIGHUP raise Terminated in the main thread (the app replaces this with its own)."""
    for signum in TERMINATING:
        signal.signal(signum, _terminate)


def interrupted(exc: BaseException) -> int | None:
    """128 + N when exc is an interrupt by signal N, or click's Abort raised for one (a prompt turns it into
    Abort); None for anything else (an end of input, a refused confirmation)."""
    for cause in (exc, exc.__context__):
        if isinstance(cause, KeyboardInterrupt):
            return 128 + getattr(cause, "signum", signal.SIGINT)
    return None


def ended_by(status: int) -> str:
    """How an interrupt with that status reads: 'interrupted' for Ctrl-C, else 'terminated by SIGTERM' and so on."""
    return "interrupted" if status == INTERRUPTED else f"terminated by {signal.Signals(status - 128).name}"


def tell(message: str) -> None:
    """One line on stderr if it can still be written: a closed terminal refuses it (EIO), and that is not an error."""
    with suppress(OSError):
        click.echo(message, err=True)


def drop_output() -> None:
    """Point stdout at /dev/null: what is still buffered for a reader that is gone is dropped, and the flush
    Python does at exit cannot fail (which would print 'Exception ignored' and exit 120)."""
    with suppress(OSError, ValueError, AttributeError):  # AttributeError: no stdout at all (started with it closed)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextmanager
def ending_cleanly() -> Iterator[None]:
    """Around a command: an interrupt exits 128 + N with one line, a broken pipe exits 141 without a word, an
    output that cannot be written (no space left, a closed terminal) is one line; never a traceback."""
    try:
        yield
    except (KeyboardInterrupt, click.Abort) as exc:
        if (status := interrupted(exc)) is None:
            raise
        tell(ended_by(status))  # every write is one transaction: nothing half-written stays
        raise click.exceptions.Exit(status) from None
    except OSError as exc:
        if (status := _output_failed(exc)) is None:
            raise
        raise click.exceptions.Exit(status) from None


def _output_failed(exc: OSError) -> int | None:
    """The exit status for an output that could not be written (stdout's pipe closed, no room left), after
    saying so; None for any other OSError (one naming a file says which itself)."""
    if exc.filename is not None or exc.errno not in (errno.EPIPE, *NO_ROOM):
        return None
    drop_output()
    if exc.errno == errno.EPIPE:
        return BROKEN_PIPE
    tell(f"Error: cannot write the output: {exc.strerror or exc}")
    return OUTPUT_FAILED


def flushed(status: int | str | None) -> int | str | None:
    """The exit status once stdout is flushed: a command's own failure stands; else a flush that fails (the last
    of the output, still buffered, had no reader or no room) decides it as it would have inside the command.
    Started with stdout closed (`>&-`), Python has none, and click wrote nothing: the status stands."""
    if sys.stdout is None:
        return status
    try:
        sys.stdout.flush()
    except OSError as exc:
        failed = _output_failed(exc)
        drop_output()  # whatever the error, the flush at exit must not meet it again
        return failed if failed is not None and status in (0, None) else status
    return status


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the block runs (storing finished results, stopping processes) and
    raise the first one when it ends, so the cleanup is never cut short. Off the main thread, where signals are
    never handled, it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {signum: signal.signal(signum, lambda n, _f: arrived.append(n)) for signum in INTERRUPTING}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if arrived:  # handled as it would have been, now that the cleanup is done
        handler = previous[arrived[0]]
        if callable(handler):
            handler(arrived[0], None)
        elif handler == signal.SIG_DFL:
            signal.raise_signal(arrived[0])
