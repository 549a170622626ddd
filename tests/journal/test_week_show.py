"""`week show` as a person reads it: verdicts beside the questions, wrapped lines under their own indent,
and last week's goals as reviewed."""

from __future__ import annotations

from click.testing import CliRunner
from rich.cells import cell_len

from studylog.cli import cli
from studylog.journal import goals, week_start, weeks

COURSE = "네이버 부스트캠프 AI Tech 6기"


def show(db, number, width=60):
    result = CliRunner().invoke(cli, ["week", "show", str(number), "--db", str(db.path)], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_questions_show_their_verdict_and_long_lines_wrap_under_their_indent(demo_db):
    lines = show(demo_db, 4)
    prose = lines[:next(i for i, line in enumerate(lines) if "공부 내용 링크" in line)]  # links print whole
    assert all(cell_len(line.rstrip()) <= 60 for line in prose)  # Hangul takes two columns
    headings = [line for line in lines if line.lstrip().startswith("Q. ")]
    assert len(headings) == 3
    text = "\n".join(lines)
    assert text.count("· not checked") == 3  # no check has run in a fresh database
    start = next(i for i, line in enumerate(lines) if "- 피어세션" in line)
    body = lines[start + 1:start + 4]  # the peer session's first paragraph, wrapped at 60 columns
    assert cell_len(body[0].rstrip()) > 50 and all(line.startswith("    ") and not line.startswith("     ") for line in body[:2])


def test_the_next_week_shows_last_weeks_goals_as_reviewed(demo_db):
    week5 = week_start.start_week(demo_db, 5, "seed", course=COURSE)
    week4 = weeks.find_week(demo_db, 4, COURSE)
    first = goals.week_goals(demo_db, week4.id)[0]
    goals.set_status(demo_db, first.id, "done")
    lines = show(demo_db, 5, width=200)
    start = lines.index("* Week 4's goals")
    assert lines[start + 1] == f"  #{first.id} {first.text} -> 완료"
    assert len([line for line in lines[start + 1:] if line.startswith("  #")]) == len(goals.week_goals(demo_db, week4.id))
    assert week5.number == 5
