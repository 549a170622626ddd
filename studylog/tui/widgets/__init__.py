"""Reusable widgets of the app: vim-keyed lists, the autosaving editor, verdict badges, check tables,
and the quiz's card, answer box, rating buttons and stats."""
