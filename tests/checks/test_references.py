"""Every reference value is cited: the bundled files name their paper and where each value was read, every
cell reads back through ref() with its place, and ref() refuses a cell that is missing or uncited."""

from __future__ import annotations

import tomllib

import pytest

from studylog.checks.references import CITATION_SEPARATOR, ReferenceLookupError, ref
from studylog.config import CHECK_PATHS_ENV_VAR, bundled_references_dir

from fakebank import write_reference

BUNDLED = sorted(bundled_references_dir().glob("*.toml"))


def cells(data: dict):
    """Every key path ref() can read in a reference file: table cells and text entries."""
    for table, spec in data.get("tables", {}).items():
        for row, columns in spec.get("rows", {}).items():
            for column in columns:
                yield (table, row, column)
    for entry in data.get("text", {}):
        yield ("text", entry)


def test_the_pack_cites_at_least_the_eight_papers_it_audits():
    assert {p.stem for p in BUNDLED} >= {"googlenet-2014", "efficientnet-2019", "vgg-2014", "resnet-2015",
                                         "mobilenet-2017", "transformer-2017", "vit-2020"}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_cell_is_cited(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    meta = data["meta"]
    assert meta["title"] and meta["year"] and (meta.get("arxiv") or meta.get("url"))
    if path.stem not in ("googlenet-2014", "efficientnet-2019"):  # the pack's files say where each value was read
        assert meta["read_from"]
    found = list(cells(data))
    assert found
    for keys in found:
        value = ref(path.stem, *keys)
        document, _, place = value.citation.partition(CITATION_SEPARATOR)
        assert place and document.startswith(meta["authors"][0].split()[-1]), (keys, value.citation)


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    return tmp_path


def test_a_missing_cell_is_refused_with_the_file_and_keys(tiny):
    write_reference(tiny, "tiny-2020", '[meta]\ntitle = "T"\nurl = "u"\n[tables.t1]\nsource = "Table 1"\n[tables.t1.rows.a]\nparams = "2"\n')
    with pytest.raises(ReferenceLookupError, match=r"tiny-2020\.toml: no 'flops' at t1 / a / flops \(there is 'params'\)"):
        ref("tiny-2020", "t1", "a", "flops")


@pytest.mark.parametrize("toml", [
    '[meta]\ntitle = "T"\nurl = "u"\n[tables.t1.rows.a]\nparams = "2"\n',  # the table names no source
    '[meta]\ntitle = "T"\n[tables.t1]\nsource = "Table 1"\n[tables.t1.rows.a]\nparams = "2"\n',  # no arxiv, no url
    '[tables.t1]\nsource = "Table 1"\n[tables.t1.rows.a]\nparams = "2"\n',  # no meta at all
])
def test_an_uncited_cell_is_refused(tiny, toml):
    write_reference(tiny, "tiny-2020", toml)
    with pytest.raises(ReferenceLookupError, match=r"tiny-2020\.toml: t1 / a / params is not cited"):
        ref("tiny-2020", "t1", "a", "params")
