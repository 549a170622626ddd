"""studylog: a weekly study log whose answers are recomputed by PyTorch checks."""

__version__ = "0.1.0"
