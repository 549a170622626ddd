"""`studylog pack add|export|list` as a study group uses them: one member exports their questions, checks and
references into a git repository, another clones and adds it, edits a question, pulls the first member's
changes and adds again: new questions arrive, unedited ones update, the edited one is skipped and said so."""

from __future__ import annotations

import subprocess
import textwrap

from click.testing import CliRunner

from studylog.checks.discovery import discover
from studylog.checks.fingerprint import code_hash
from studylog.cli import cli
from studylog.config import check_dirs
from studylog.journal import questions, weeks
from studylog.quiz.prompts import add_prompt, prompts_by_question
from studylog.store.database import open_database

CHECK = '''
from studylog.checks import check, ref


@check("bn-count", question="bn-params")
def bn_count(ctx):
    ctx.claim("learnable parameters", 2 * 64).equals(ref("bn-2015", "text", "params").number)
'''
REFERENCE = '''
[meta]
title = "Batch Normalization"
authors = ["Sergey Ioffe", "Christian Szegedy"]
year = 2015
arxiv = "1502.03167"

[text.params]
source = "Algorithm 1"
value = 128
'''


def git(folder, *args) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout


def run(db_path, *args) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def member_a(tmp_path):
    """A's database: week 5 with two questions of their own, one with a check (and a reference) and a prompt."""
    db = open_database(tmp_path / "a" / "studylog.db")
    week = weeks.create_week(db, 5, course="스터디")
    questions.add_question(db, "BatchNorm2d(64)의 학습 파라미터 수는?", "몇 개?", "128", slug="bn-params", week_id=week.id, tags=["bn"])
    questions.add_question(db, "LayerNorm은 배치에 의존하나?", "", "아니다", slug="ln-batch", week_id=week.id, tags=["ln"])
    add_prompt(db, "bn-params", "BatchNorm2d(64)의 파라미터 수는?", "bn-count", "learnable parameters")
    checks = tmp_path / "a" / "checks"
    (checks / "references").mkdir(parents=True)
    (checks / "bn_params.py").write_text(textwrap.dedent(CHECK), encoding="utf-8")
    (checks / "references" / "bn-2015.toml").write_text(textwrap.dedent(REFERENCE), encoding="utf-8")
    return db


def test_a_pack_travels_between_two_databases_through_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_AUTHOR_NAME", "a"), monkeypatch.setenv("GIT_AUTHOR_EMAIL", "a@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "a"), monkeypatch.setenv("GIT_COMMITTER_EMAIL", "a@example.org")
    a = member_a(tmp_path)
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    out = run(a.path, "pack", "export", str(repo), "--week", "5")
    assert "wrote 2 questions, 1 check module, 1 reference file" in out
    assert sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts) == [
        "pack.toml", "references/bn-2015.toml", "week5/bn-params.md", "week5/bn_params.py", "week5/ln-batch.md"]
    git(repo, "add", "-A"), git(repo, "commit", "-qm", "A's week 5")

    clone = tmp_path / "b" / "pack"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    b_path = tmp_path / "b" / "studylog.db"
    out = run(b_path, "pack", "add", str(clone))
    assert out.startswith("pack repo: 2 added, 0 updated, 0 unchanged, 0 skipped; weeks created: 5")
    b = open_database(b_path)
    row = questions.get_question(b, "bn-params")
    assert (row.title, row.answer, questions.question_tags(b, row.id)) == ("BatchNorm2d(64)의 학습 파라미터 수는?", "128", ["bn"])
    assert weeks.find_week(b, 5, "스터디").id == row.week_id
    assert prompts_by_question(b)["bn-params"][0].claim == "learnable parameters"
    spec = next(s for s in discover(check_dirs(b_path)) if s.check_id == "bn-count")  # B's checks/ has A's module
    assert spec.module.is_relative_to(tmp_path / "b" / "checks") and code_hash(spec)  # and its reference is found
    assert "nothing to update" in run(b_path, "pack", "add", str(clone))

    questions.update_question(b, row.id, answer="128: γ와 β (내 설명)")  # B edits one question
    a_row = questions.get_question(a, "ln-batch")
    questions.update_question(a, a_row.id, answer="아니다: 샘플마다 정규화한다")  # A improves the other
    questions.update_question(a, questions.get_question(a, "bn-params").id, answer="128 = 2 × 64")  # and the one B edited
    questions.add_question(a, "GroupNorm의 그룹 수는?", "", "32", slug="gn-groups", week_id=weeks.find_week(a, 5).id)
    run(a.path, "pack", "export", str(repo))
    git(repo, "add", "-A"), git(repo, "commit", "-qm", "A's edits")
    git(clone, "pull", "-q")
    out = run(b_path, "pack", "add", str(clone))
    assert out.splitlines()[:2] == ["pack repo: 1 added, 1 updated, 0 unchanged, 1 skipped",
                                    "  skipped bn-params: edited in this database since the pack loaded it"]
    assert questions.get_question(b, "bn-params").answer == "128: γ와 β (내 설명)"
    assert questions.get_question(b, "ln-batch").answer == "아니다: 샘플마다 정규화한다"
    assert questions.get_question(b, "gn-groups").answer == "32"
    listed = run(b_path, "pack", "list", "--json")
    assert '"name": "repo"' in listed and '"loaded": 3, "edited": 1' in listed


def test_export_says_what_it_left_out_and_refuses_an_empty_selection(tmp_path):
    db_path = tmp_path / "studylog.db"
    run(db_path, "pack", "add", "boostcamp", "--week", "1")
    db = open_database(db_path)
    questions.add_question(db, "MLE의 분산 추정량은 왜 편향되나?", "", "n으로 나눠서", slug="mle-variance", week_id=weeks.find_week(db, 1).id)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "pack", "export", str(tmp_path / "out"), "--week", "1"])
    assert result.exit_code == 0 and result.output.startswith("wrote 1 question, 0 check modules")
    assert "left out numpy-contiguous-strides: loaded from pack 'boostcamp'" in result.output
    assert (tmp_path / "out" / "week1" / "mle-variance.md").is_file() and not (tmp_path / "out" / "week1" / "numpy_strides.py").exists()
    result = CliRunner().invoke(cli, ["--db", str(db_path), "pack", "export", str(tmp_path / "out2"), "--tag", "numpy"])
    assert result.exit_code == 1 and "no question of your own matches: the 1 that do were loaded from boostcamp" in result.output
    assert not (tmp_path / "out2").exists()
    result = CliRunner().invoke(cli, ["--db", str(db_path), "pack", "export", str(tmp_path / "out"), "--tag", "no-such-tag"])
    assert result.exit_code == 1 and result.output.strip() == "Error: no question matches tag 'no-such-tag'"
    result = CliRunner().invoke(cli, ["--db", str(db_path), "pack", "add", "no-such-pack"])
    assert result.exit_code == 1 and "no bundled pack named 'no-such-pack' (boostcamp) and no folder no-such-pack" in result.output


def test_export_and_add_replace_each_file_whole_through_a_rename(tmp_path):
    """A file being read while export (or add) rewrites it stays whole for its reader: the new text arrives as a new
    file renamed over the path, so a kill mid-write leaves the old file, never half a question or a truncated
    manifest; no temporary file stays behind."""
    a = member_a(tmp_path)
    repo = tmp_path / "repo"
    run(a.path, "pack", "export", str(repo), "--week", "5")
    question = repo / "week5" / "ln-batch.md"
    b_path = tmp_path / "b" / "studylog.db"
    run(b_path, "pack", "add", str(repo))
    manifest = tmp_path / "b" / "checks" / "repo" / ".pack-files.json"
    with question.open(encoding="utf-8") as reader, manifest.open(encoding="utf-8") as manifest_reader:
        old_text, old_manifest = question.read_text(encoding="utf-8"), manifest.read_text(encoding="utf-8")
        questions.update_question(a, questions.get_question(a, "ln-batch").id, answer="아니다: 샘플마다 정규화한다")
        (tmp_path / "a" / "checks" / "bn_params.py").write_text(textwrap.dedent(CHECK) + "# A's note\n", encoding="utf-8")
        run(a.path, "pack", "export", str(repo))
        run(b_path, "pack", "add", str(repo))
        assert reader.read() == old_text and manifest_reader.read() == old_manifest  # the files they opened, whole
    assert "샘플마다 정규화한다" in question.read_text(encoding="utf-8")
    assert manifest.read_text(encoding="utf-8") != old_manifest
    assert [p for p in tmp_path.rglob("*.tmp")] == []
