"""`studylog verify`'s live progress on stderr: a bar while checks run, and one line as each finishes."""

from __future__ import annotations

from contextlib import suppress

from rich.markup import escape

from studylog.commands.console import TerminalConsole  # a reader gone: 141, as for the table (process_exit.py)


class LiveProgress:
    """A progress bar on stderr, shown only once a check actually runs (a cached verify prints none)."""

    def __init__(self) -> None:
        self._progress = None
        self._task = None

    def __call__(self, event) -> None:
        if event.kind == "cached":
            return
        if self._progress is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=TerminalConsole(stderr=True, highlight=False), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("", total=event.total, completed=event.done)
        if event.kind == "started":
            self._progress.update(self._task, description=f"running {event.check_id}")
        else:
            run = event.run
            mark = {"passed": "[green]✓[/]", "failed": "[red]✗[/]"}.get(run.status, f"[bold red]{run.status}[/]")
            self._progress.console.print(f"{mark} {escape(run.check_id)}  [dim]{run.duration_s:.2f} s[/]")
            self._progress.update(self._task, completed=event.done)

    def close(self) -> None:
        """Take the bar off the screen; closing again does nothing."""
        if self._progress is not None:
            progress, self._progress = self._progress, None
            with suppress(OSError):  # a closed terminal (SIGHUP) has no bar left to take off
                progress.stop()
