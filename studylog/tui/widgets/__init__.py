"""Reusable widgets of the app: vim-keyed lists, the autosaving editor, verdict badges, check tables."""
