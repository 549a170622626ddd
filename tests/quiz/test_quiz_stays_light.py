"""A quiz, grading included, reads recomputed values from the database: it never imports torch or textual."""

from __future__ import annotations

def test_a_graded_quiz_and_its_stats_import_no_torch(demo_db, recompute, fresh_studylog):
    recompute("inception-3a-weights", "weights in inception (3a), bias excluded", 163_328)
    recompute("inception-conv1-hypotheses", "conv1 full 7x7x3->64 weights, bias excluded", 9_408)
    out, heavy = fresh_studylog(demo_db.path, "quiz", "--tag", "inception", answers="163328\n9408\n")
    assert "✓ correct: 163,328" in out and heavy == []
    out, heavy = fresh_studylog(demo_db.path, "quiz", "--stats")
    assert "1 reviewed today" in out and heavy == []
