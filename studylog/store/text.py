"""Unicode normalisation: Korean typed on macOS arrives decomposed (NFD); everything is stored and queried as NFC."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """The NFC form of text (composed Hangul syllables)."""
    return unicodedata.normalize("NFC", text)
