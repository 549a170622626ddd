"""Control characters in stored text (an imported post's OSC 52, CSI, C1, bidi overrides) reach no terminal:
every command and the app show them written out (ESC as `\\x1b`)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.terminal import one_line, printable
from control_text import BIDI, C1, OSC52, RAW


@pytest.mark.parametrize("args", [
    ["week", "show", "3"], ["week", "list"], ["question", "list"], ["question", "show", "evil"],
    ["search", "body"], ["search", "question"], ["export", "3"], ["export", "3", "--format", "tistory-html"],
    ["quiz", "--cram"],
], ids=" ".join)
def test_no_command_prints_a_control_character(evil, args):
    result = CliRunner().invoke(cli, args, input="\n3\n")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert not RAW.findall(result.output), RAW.findall(result.output)
    assert "\\x1b" in result.output  # shown, not dropped


def test_export_to_a_file_holds_no_control_character(evil, tmp_path):
    target = tmp_path / "post.html"
    assert CliRunner().invoke(cli, ["export", "3", "--format", "tistory-html", "-o", str(target)]).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert not RAW.findall(text) and "\\x1b]52" in text


def test_printable_and_one_line_write_out_what_a_terminal_would_obey():
    assert printable(f"a{OSC52}b\tc\nd") == "a\\x1b]52;c;cm0gLXJmIH4=\\x07b\tc\nd"
    assert printable(f"{C1}{BIDI}\x00\x7f") == "\\x9b31m\\u202e\\x00\\x7f"
    assert one_line("first\nsecond\r\nthird\u2028\t") == "first\\nsecond\\x0d\\nthird"
    assert printable("한글 ×→ \\x1b") == "한글 ×→ \\x1b"


def test_json_output_escapes_what_a_terminal_would_obey_and_keeps_the_values(evil):
    import json

    result = CliRunner().invoke(cli, ["question", "list", "--json"])
    assert result.exit_code == 0 and not RAW.findall(result.output)
    (question,) = json.loads(result.output)
    assert question["answer"] == f"answer {C1}" and question["question"] == f"question {OSC52}"


def test_an_exported_html_file_imports_back_to_the_text_as_typed(evil, tmp_path):
    """The HTML's hidden markers carry the typed text with C1, DEL and bidi controls as JSON escapes, so the
    file holds none raw and import still gives back every character (a raw DEL once broke the marker's JSON)."""
    import json

    from studylog.journal.questions import get_question, update_question

    update_question(evil, get_question(evil, "evil").id, answer=f"answer {C1} del\x7f {BIDI}end")
    target = tmp_path / "post.html"
    assert CliRunner().invoke(cli, ["export", "3", "--format", "tistory-html", "-o", str(target)]).exit_code == 0
    assert not RAW.findall(target.read_text(encoding="utf-8"))
    copy = tmp_path / "copy.db"
    result = CliRunner().invoke(cli, ["--db", str(copy), "import", str(target)])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(cli, ["--db", str(copy), "question", "list", "--json"])
    (question,) = json.loads(shown.output)
    assert question["answer"] == f"answer {C1} del\x7f {BIDI}end" and question["question"] == f"question {OSC52}"
