"""The quiz stats as one rich Text: what `studylog quiz --stats` prints and the TUI's stats screen shows."""

from __future__ import annotations

from rich.text import Text

from studylog.quiz.heatmap import heatmap
from studylog.quiz.stats import LEECH_LAPSES, RETENTION_DAYS, QuizStats


def stats_report(summary: QuizStats) -> Text:
    """Due and reviewed today with retention, the heatmap of recent weeks, then the leeches."""
    retention = f"{summary.retention:.0%}" if summary.retention is not None else "–"
    report = Text(
        f"{summary.today}: {summary.due_now} due now · {summary.reviewed_today} reviewed today · "
        f"retention {retention} (last {RETENTION_DAYS} days)\n"
    )
    report.append_text(heatmap(summary.reviews_per_day))
    report.append(f"\nleeches (failed {LEECH_LAPSES}+ times): " + ("none" if not summary.leeches else ""))
    for leech in summary.leeches:
        report.append(f"\n  {leech.slug:<28} {leech.lapses}×  {leech.title}")
    return report
