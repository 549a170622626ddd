"""Numbers at the edge (2^63 and beyond, negative, not a number) are one clear line, never an OverflowError."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.errors import StudylogError
from studylog.journal import weeks
from studylog.store.models import Section

EDGES = [str(2**63), "-1", "10000"]
COMMANDS = [
    ["week", "new", "{n}"], ["week", "show", "{n}"], ["export", "{n}"], ["export", "4", "--shakiest", "{n}"],
    ["question", "list", "--week", "{n}"], ["question", "add", "x", "--week", "{n}"], ["question", "show", "{n}"],
    ["quiz", "--week", "{n}"], ["quiz", "--stats", "--week", "{n}"], ["search", "x", "--limit", "{n}"],
    ["import", "{post}", "--week", "{n}"], ["verify", "--list", "--jobs", "{n}"],
]


@pytest.mark.parametrize("edge", EDGES)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_number_option_refuses_the_edge_in_one_line(demo_db, tmp_path, args, edge):
    post = tmp_path / "post.md"
    post.write_text("# [week8] 8주차\n\n## 회고\n\n좋았다\n", encoding="utf-8")
    before = [(w.week.number, w.sections) for w in weeks.list_weeks(demo_db)]
    argv = [a.format(n=edge, post=post) for a in args]
    result = CliRunner().invoke(cli, ["--db", str(demo_db.path), *argv])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 0:  # 10,000 is a fine limit or number of jobs, not a week number
        assert args[0] in ("search", "verify", "export") and edge == "10000", result.output
    else:
        errors = [line for line in result.output.splitlines() if line.startswith("Error")]
        assert len(errors) == 1 and result.output.rstrip().endswith(errors[0]), result.output
    assert [(w.week.number, w.sections) for w in weeks.list_weeks(demo_db)] == before


@pytest.mark.parametrize("number", [2**63, 10**40, 10_000])
def test_a_post_titled_with_a_huge_week_number_is_refused_by_file(db, tmp_path, number):
    post = tmp_path / "big.md"
    post.write_text(f"# [week{number}] 회고\n\n## 배운 것\n\n내용\n", encoding="utf-8")
    before = db.path.read_bytes()
    result = CliRunner().invoke(cli, ["import", str(post)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert str(post) in result.output and ("out of range" in result.output or "expected a title" in result.output)
    assert db.path.read_bytes() == before


def test_services_refuse_numbers_sqlite_cannot_hold(demo_db):
    week = weeks.find_week(demo_db, 4)
    with pytest.raises(StudylogError, match="week number 9223372036854775808 is out of range"):
        weeks.create_week(demo_db, 2**63)
    with pytest.raises(StudylogError, match="out of range"):
        weeks.update_week(demo_db, week.id, number=10_000)
    with pytest.raises(StudylogError, match="section position 9223372036854775808 is too large to store"):
        with demo_db.session() as s:  # any writer, an importer's too, meets the same check at flush
            s.add(Section(week_id=week.id, title="x", position=2**63))
    assert weeks.find_week(demo_db, 4).id == week.id
