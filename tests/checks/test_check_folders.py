"""Check folders without environment variables: `checks/` beside the database, config.toml's check_paths,
$STUDYLOG_CHECK_PATHS; `studylog paths` prints them; `verify --list` names checks whose question is not in
the database."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from studylog.checks.discovery import discover
from studylog.cli import cli
from studylog.config import CHECK_PATHS_ENV_VAR, check_dirs, config_path, default_check_dir
from studylog.journal.questions import add_question

CHECK = 'from studylog.checks import check\n\n@check("{check}", question="{question}")\ndef c(ctx):\n    ctx.claim("two", 1 + 1).equals(2)\n'


def write_check(folder, check, question):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{check}.py").write_text(CHECK.format(check=check, question=question), encoding="utf-8")


def test_checks_beside_the_database_the_config_and_the_environment_are_all_found(tmp_path, monkeypatch):
    db_path = tmp_path / "log" / "study.db"
    write_check(tmp_path / "log" / "checks", "beside", "q1")
    config_path().write_text('check_paths = ["shared", "~/nowhere-such"]\n', encoding="utf-8")
    write_check(config_path().parent / "shared", "configured", "q2")
    write_check(tmp_path / "env", "from-env", "q3")
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path / "env"))
    assert default_check_dir(db_path) == tmp_path / "log" / "checks"
    assert {"beside", "configured", "from-env"} <= {s.check_id for s in discover(check_dirs(db_path))}
    assert "beside" not in {s.check_id for s in discover(check_dirs(tmp_path / "elsewhere.db"))}


def test_a_bad_config_file_is_one_line_naming_it(tmp_path):
    config_path().write_text("check_paths = 'not a list'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["verify", "--list", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 3
    assert result.output.strip() == f"Error: {config_path()}: check_paths must be a list of folder names, such as [\"~/study/checks\"]"


def test_paths_prints_every_path_and_json_for_scripts(tmp_path):
    db_path = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["paths", "--json", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["database"] == {"path": str(db_path), "source": "--db", "exists": False}
    assert [entry["path"] for entry in found["check_folders"]][1] == str(tmp_path / "checks")
    assert found["config"]["path"] == os.environ["STUDYLOG_CONFIG"]
    assert found["keymap"]["path"] == str(config_path().parent / "keys.toml")
    text = CliRunner().invoke(cli, ["config", "--db", str(db_path)]).output
    assert f"{tmp_path / 'checks'} (missing)  [beside the database; `check new` writes here]" in text


def test_verify_list_names_checks_whose_question_is_not_in_the_database(db):
    write_check(db.path.parent / "checks", "known-check", "known")
    write_check(db.path.parent / "checks", "orphan-check", "gone")
    add_question(db, "known", slug="known")
    out = CliRunner().invoke(cli, ["verify", "--list", "known-check", "orphan-check"], terminal_width=200).output
    assert "gone: no such question in this database" in out
    assert out.index("known  (known-check.py)") < out.index("gone: no such question")


def test_verify_a_check_id_of_a_broken_module_reports_its_file_and_line(db):
    folder = db.path.parent / "checks"
    folder.mkdir()
    (folder / "broken.py").write_text('from studylog.checks import check\n\n@check("bn-broken", question="bn")\ndef c(ctx)\n    pass\n')
    result = CliRunner().invoke(cli, ["verify", "bn-broken"], terminal_width=200)
    assert result.exit_code == 2, result.output
    assert f"{folder / 'broken.py'}:4: expected ':'" in result.output
