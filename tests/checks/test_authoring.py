"""`studylog check new` and its templates: question add → check new → verify fails saying what to fill in →
fill in the value → verify passes; bad input is one line with nothing written."""

from __future__ import annotations

import os
import re

import pytest
from click.testing import CliRunner

from studylog.checks.authoring import new_check
from studylog.checks.discovery import discover
from studylog.checks.templates import TEMPLATES, render
from studylog.cli import cli
from studylog.config import check_dirs
from studylog.errors import StudylogError

# Each template's placeholder, filled with the value worked out by hand for the example it ships with.
FILLED = {
    "params": 2 * 64,                                 # BatchNorm2d(64): a weight and a bias per channel
    "macs": (7 * 7 * 3) * 64 * 112 * 112,             # a 7x7/2 conv 3->64 at 224: kernel volume x out channels x output positions
    "shape": [1, 64, (224 + 2 * 3 - 7) // 2 + 1, (224 + 2 * 3 - 7) // 2 + 1],
    "same": 0.0,                                      # cross-entropy is NLL of log-softmax
    "grad": ["2.bias", "2.weight"],                   # the first Linear is frozen
    "time": 2 * 64 * 1024 * 1024,                     # a multiply and an add per weight per row
}
PLACEHOLDER = re.compile(r"fill_in\(\"[^\"]*\"\)")


def run(*args):
    return CliRunner().invoke(cli, list(args), terminal_width=200)


def fill(path, value) -> None:
    source = path.read_text(encoding="utf-8")
    path.write_text(PLACEHOLDER.sub(repr(value), source, count=1), encoding="utf-8")


def test_question_add_check_new_fill_in_verify(db):
    assert run("question", "add", "BatchNorm2d(64)의 학습 파라미터 수는?", "--id", "bn-params").exit_code == 0
    result = run("check", "new", "bn-params")
    assert result.exit_code == 0, result.output
    path = db.path.parent / "checks" / "bn_params.py"
    assert result.output.splitlines()[-1] == str(path)
    assert '"""BatchNorm2d(64)의 학습 파라미터 수는?' in path.read_text(encoding="utf-8")
    before = run("verify", "bn-params")
    assert before.exit_code == 1
    assert "fill in: the number of parameters, bias included" in before.output
    fill(path, FILLED["params"])
    after = run("verify", "bn-params")
    assert after.exit_code == 0, after.output
    again = run("check", "new", "bn-params", "--template", "shape")  # a second module, the first untouched
    assert again.output.splitlines()[-1] == str(path.with_name("bn_params_2.py"))
    assert "128" in path.read_text(encoding="utf-8")
    assert run("check", "path", "bn-params").output.split() == [str(path), str(path.with_name("bn_params_2.py"))]
    listed = run("check", "list", "bn-params").output
    assert "bn-params-params" in listed and "bn-params-shape" in listed


def test_every_template_fails_until_filled_then_holds(db):
    """Each template runs in the real runner: its placeholder fails, the value worked out by hand holds."""
    from studylog.checks.runner import run_checks
    from studylog.journal.questions import add_question

    add_question(db, "templates", slug="tpl")
    paths = {name: new_check(db.path, "tpl", "templates?", name) for name in TEMPLATES}
    runs = run_checks(db, ["tpl"], jobs=2)
    assert {r.status for r in runs} == {"failed"}, [(r.check_id, r.message) for r in runs]
    assert all(any(str(c.expected).startswith("fill in: ") for c in r.claims) for r in runs)
    for name, path in paths.items():
        fill(path, FILLED[name])
    runs = run_checks(db, ["tpl"], jobs=2)
    assert {r.check_id: r.status for r in runs} == {f"tpl-{name}": "passed" for name in TEMPLATES}, [r.message for r in runs]


@pytest.mark.parametrize("args, message", [
    (["check", "new", "nope"], "Error: no question 'nope'"),
    (["check", "new", "q", "--template", "bogus"], "'bogus' is not one of 'params', 'macs'"),
])
def test_bad_input_is_one_line_and_writes_nothing(db, args, message):
    assert run("question", "add", "q", "--id", "q").exit_code == 0
    result = run(*args)
    assert result.exit_code != 0 and message in result.output
    assert not (db.path.parent / "checks").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_check_folder_that_cannot_be_written_is_one_line(db):
    run("question", "add", "q", "--id", "q")
    folder = db.path.parent / "checks"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run("check", "new", "q")
        assert result.exit_code == 1 and result.output.startswith(f"Error: cannot write a check module in {folder}")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_check_folder_that_is_a_file_is_one_line(db):
    run("question", "add", "q", "--id", "q")
    (db.path.parent / "checks").write_text("not a folder")
    result = run("check", "new", "q")
    assert result.exit_code == 1 and result.output.startswith(f"Error: cannot write a check module in {db.path.parent / 'checks'}")


def test_an_unknown_template_is_refused_by_the_service_too(tmp_path):
    with pytest.raises(StudylogError, match="no template 'bogus'; choose one of: params, macs, shape, same, grad, time"):
        new_check(tmp_path / "x.db", "q", "q?", "bogus")
    assert not (tmp_path / "checks").exists()


def test_the_question_text_is_the_docstring_even_with_quotes_and_backslashes():
    source = render("params", check_id="c", question="q", text='a """quoted""" \\ text')
    namespace: dict = {}
    exec(compile(source.split("import")[0], "t", "exec"), namespace)  # the docstring alone
    assert namespace["__doc__"].startswith('a """quoted""" \\ text')


def test_discovery_finds_the_new_module_without_a_question_file(db):
    run("question", "add", "q", "--id", "q")
    path = new_check(db.path, "q", "q?")
    assert [(s.check_id, s.question_slug, s.module) for s in discover(check_dirs(db.path)) if s.question_slug == "q"] == [
        ("q-params", "q", path)]
