"""Numeric prompts: loaded from a pack's front matter into the database, the bundled ones, and clear errors for
bad ones."""

from __future__ import annotations

import pytest

from studylog.bank.pack import load_pack, read_pack
from studylog.checks.discovery import discover
from studylog.config import bundled_questions_dir
from studylog.errors import StudylogError
from studylog.quiz.prompts import NumericPrompt, prompts_by_question

HEAD = '+++\nid = "q"\ntitle = "t"\n'
BODY = "+++\n\n## Question\n\nq\n\n## Answer\n\na\n"


def bank(tmp_path, front_matter: str):
    (tmp_path / "q.md").write_text(HEAD + front_matter + BODY, encoding="utf-8")
    return {item.source.id: list(item.prompts) for item in read_pack(tmp_path).questions}


def test_the_demo_loads_the_inception_prompts_into_the_database(demo_db):
    prompts = prompts_by_question(demo_db)
    assert prompts["inception-v1-params"][0] == NumericPrompt(
        text="inception (3a)의 weight 수(bias 제외)는?", check="inception-3a-weights",
        claim="weights in inception (3a), bias excluded", unit=1024,
    )
    assert "aux-classifier-softmax" not in prompts


def test_a_packs_prompts_land_in_the_database_once(tmp_path, db):
    bank(tmp_path, '[[prompts]]\ntext = "n?"\ncheck = "c"\nclaim = "l"\nunit = 1024\n')
    load_pack(db, tmp_path)
    load_pack(db, tmp_path)  # a reload of an unchanged pack adds nothing
    assert prompts_by_question(db) == {"q": [NumericPrompt("n?", "c", "l", 1024)]}


def test_every_bundled_prompt_names_a_check_of_its_question_and_a_claim_it_states():
    checks = {spec.check_id: spec for spec in discover([bundled_questions_dir()])}
    prompts = {item.source.id: item.prompts for item in read_pack(bundled_questions_dir()).questions}
    assert sum(map(len, prompts.values())) >= 3
    for slug, entries in prompts.items():
        for prompt in entries:
            spec = checks[prompt.check]
            assert spec.question_slug == slug
            assert f'"{prompt.claim}"' in spec.module.read_text(encoding="utf-8")


def test_unit_defaults_to_1000(tmp_path):
    assert bank(tmp_path, '[[prompts]]\ntext = "n?"\ncheck = "c"\nclaim = "l"\n')["q"][0].unit == 1000


@pytest.mark.parametrize(
    "front_matter, message",
    [
        ('[[prompts]]\ntext = "n?"\ncheck = "c"\n', r"prompts\[0\]: needs a non-empty string 'claim'"),
        ('[[prompts]]\ntext = ""\ncheck = "c"\nclaim = "l"\n', r"prompts\[0\]: needs a non-empty string 'text'"),
        ('[[prompts]]\ntext = "n?"\ncheck = "c"\nclaim = "l"\nunit = 1023\n', r"'unit' must be 1000 or 1024"),
        ('[[prompts]]\ntext = "n?"\ncheck = "c"\nclaim = "l"\nanswer = 3\n', r"unknown field 'answer'"),
        ('prompts = "n?"\n', r"'prompts' must be an array of tables"),
        ('prompts = [1]\n', r"prompts\[0\]: expected a \[\[prompts\]\] table"),
    ],
)
def test_bad_prompts_name_the_file_and_field(tmp_path, front_matter, message):
    with pytest.raises(StudylogError, match=message) as error:
        bank(tmp_path, front_matter)
    assert str(tmp_path / "q.md") in str(error.value)
