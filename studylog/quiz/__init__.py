"""Spaced repetition over the questions: FSRS scheduling, grading typed numbers against recomputed claims, stats."""
