"""Numeric prompts in question front matter: the bundled one, and clear errors for bad ones."""

from __future__ import annotations

import pytest

from studylog.checks.discovery import discover
from studylog.config import bundled_questions_dir, question_dirs
from studylog.errors import StudylogError
from studylog.quiz.prompts import NumericPrompt, prompts_by_question

HEAD = '+++\nid = "q"\ntitle = "t"\n'
BODY = "+++\n\n## Question\n\nq\n\n## Answer\n\na\n"


def bank(tmp_path, front_matter: str):
    (tmp_path / "q.md").write_text(HEAD + front_matter + BODY, encoding="utf-8")
    return prompts_by_question([tmp_path])


def test_the_inception_question_asks_for_the_3a_weights_with_k_1024():
    prompts = prompts_by_question(question_dirs())
    assert prompts["inception-v1-params"][0] == NumericPrompt(
        text="inception (3a)의 weight 수(bias 제외)는?", check="inception-3a-weights",
        claim="weights in inception (3a), bias excluded", unit=1024,
    )
    assert prompts["aux-classifier-softmax"] == []


def test_every_bundled_prompt_names_a_check_of_its_question_and_a_claim_it_states():
    checks = {spec.check_id: spec for spec in discover()}
    prompts = prompts_by_question([bundled_questions_dir()])
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
