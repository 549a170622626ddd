"""Import and export know goals: boxes and `->` notes in a post's goal sections come in as goals with their
status, and export writes the lines back as they were."""

from __future__ import annotations


from click.testing import CliRunner

from studylog.blog.export import export_week
from studylog.cli import cli
from studylog.journal import goals, weeks
from shared_inputs import SHARED

SEED = SHARED / "seeds" / "week4-retrospective.txt"
TRY_LINES = ["- [x] 코테 3문제", "- [ ] 논문 한 편 읽기", "- 블로그 정리 -> 이번주에 진행 못함", "- 운동 -> 포기"]
POST = "\n".join(["# [week3] 3주차 회고", "", "## Keep", "", "- 매일 강의 듣기", "", "## Try", "", *TRY_LINES, ""])


def import_file(db, path):
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db.path)])
    assert result.exit_code == 0, result.output


def test_a_kpt_posts_try_items_come_in_as_goals_and_go_out_as_written(db, tmp_path):
    post = tmp_path / "week3.md"
    post.write_text(POST, encoding="utf-8")
    import_file(db, post)
    week = weeks.find_week(db, 3)
    assert [s.kind for s in weeks.week_detail(db, week.id).sections] == ["keep", "try"]
    found = [(g.text, g.status, g.note) for g in goals.week_goals(db, week.id)]
    assert found == [
        ("코테 3문제", "done", ""), ("논문 한 편 읽기", "open", ""),
        ("블로그 정리", "open", "이번주에 진행 못함"), ("운동", "dropped", "포기"),
    ]
    exported = export_week(db, week.id).splitlines()
    start = exported.index("## Try") + 2
    assert [line.replace("\\", "") for line in exported[start:start + 4]] == TRY_LINES  # escapes aside, as typed


def test_the_seed_posts_goals_come_in_with_its_note(db):
    import_file(db, SEED.resolve())
    week = weeks.find_week(db, 4)
    by_text = {g.text: (g.status, g.note) for g in goals.week_goals(db, week.id)}
    assert by_text["멘토님이 추천해주신 자료를 보면서, 수학 기초를 쌓자. , 유튜브"] == ("open", "이번주에 진행 못함.")
    assert by_text["밀린 코테 진행.(이건 이제 포기상태...)"] == ("open", "")  # no `->`: the words are the goal's own
    assert len(by_text) == 7  # 주말 계획's four and 목표's three
