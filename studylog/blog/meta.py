"""Hidden markers: what a reader does not need to see but import does (section kinds, question ids).

A marker is an HTML comment, `<!-- studylog:section {"kind": "peer_session", "level": 2} -->`, which
CommonMark passes through and browsers do not show. `<` and `>` are written as JSON escapes so that
no value can end the comment early.
"""

from __future__ import annotations

import json

from studylog.terminal import json_text

PREFIX = "studylog:"


def marker(name: str, data: dict | None = None) -> str:
    """The comment text (without `<!--`/`-->`) for a marker."""
    payload = "" if data is None else " " + json_text(data, sort_keys=True)  # no control character raw
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e")
    return f" {PREFIX}{name}{payload} "


def read_marker(comment: str) -> tuple[str, dict] | None:
    """(name, data) from a comment's text, None when it is not a studylog marker.

    Raises ValueError (with the reason) when the marker's JSON is broken.
    """
    text = comment.strip()
    if not text.startswith(PREFIX):
        return None
    name, _, payload = text[len(PREFIX):].partition(" ")
    if not payload.strip():
        return name, {}
    try:
        data = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise ValueError(f"expected a JSON object after '{PREFIX}{name}' ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object after '{PREFIX}{name}', got {type(data).__name__}")
    return name, data
