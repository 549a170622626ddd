"""One check module read without importing it: its `@check(...)` functions, their literal arguments, and
what makes a module unreadable (a syntax error, a non-literal argument, a claim compared with itself),
named with file and line."""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

from studylog.bank.question_file import QuestionFileError, parse_question_file
from studylog.checks.self_comparison import self_comparison
from studylog.errors import StudylogError


class BadCheckModule(StudylogError):
    """A check module that cannot be read as written: a syntax error, a @check argument that is not a literal."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        super().__init__(f"{path}:{line or 1}: {message}")
        self.line = line or 1


@dataclass(frozen=True)
class CheckSpec:
    """A check as written: its id, its question, where it is, and its own time limit if it sets one.

    A module whose checks cannot be read stands as one spec with `problem` set (check id: the file's name),
    so it is reported as an error of its question while every other check is listed and run.
    """

    check_id: str
    question_slug: str
    module: Path
    function: str
    line: int
    timeout: float | None
    measures: bool = False  # @check(..., measures=True): it times something, so it runs with the machine to itself
    problem: str = ""
    mentions: tuple[str, ...] = ()  # of a module that cannot be read: the check ids its text names
    memory_gb: float | None = None  # @check(..., memory_gb=, cpu_s=): its own limits (checks/limits.py)
    cpu_s: float | None = None


def file_version(path: Path) -> tuple[int, int, int]:
    """What changes when a file is edited: its mtime, size and inode (editors often save by renaming)."""
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size, stat.st_ino


@functools.lru_cache(maxsize=256)
def _parse_cached(path: Path, _version: tuple[int, int, int]) -> ast.Module:
    try:
        return ast.parse(path.read_bytes(), filename=str(path))
    except SyntaxError as exc:
        raise BadCheckModule(path, exc.lineno, exc.msg) from None


def parse_python(path: Path) -> ast.Module:
    """The syntax tree of a Python file, parsed once per version of the file."""
    return _parse_cached(path, file_version(path))


def is_check(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether a function is decorated with @check(...)."""
    return any(map(_check_call, function.decorator_list))


def _check_call(decorator: ast.expr) -> ast.Call | None:
    if isinstance(decorator, ast.Call):
        func = decorator.func
        if (isinstance(func, ast.Name) and func.id == "check") or (isinstance(func, ast.Attribute) and func.attr == "check"):
            return decorator
    return None


def _literal(path: Path, node: ast.expr, what: str, kinds: tuple[type, ...]):
    try:
        value = ast.literal_eval(node)
    except ValueError:
        value = None
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise BadCheckModule(path, node.lineno, f"@check {what} must be a literal, so checks can be listed without running them")
    return value


@functools.lru_cache(maxsize=256)
def _pack_question(path: Path, _version: tuple[int, int, int]) -> str:
    try:
        return parse_question_file(path).id
    except (QuestionFileError, OSError):
        return ""


def default_question(module: Path) -> str:
    """The question of a module's checks that name none: the id of the pack question file beside it
    (same stem, `.md`), as packs written before `question=` was required do; "" when there is none."""
    beside = module.with_suffix(".md")
    return _pack_question(beside, file_version(beside)) if beside.is_file() else ""


def checks_in_module(path: Path) -> list[CheckSpec]:
    """The checks a module defines, in source order."""
    tree = parse_python(path)
    if (found := self_comparison(tree)) is not None:
        line, expression = found
        raise BadCheckModule(path, line, f"this claim compares {expression} with itself, so it cannot fail")
    specs = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for call in filter(None, map(_check_call, node.decorator_list)):
            if not call.args:
                raise BadCheckModule(path, call.lineno, "@check needs the check's id as its first argument")
            keywords = {k.arg: k.value for k in call.keywords}
            question = _literal(path, keywords["question"], "question", (str,)) if "question" in keywords else default_question(path)
            if not question:
                raise BadCheckModule(path, call.lineno, "@check needs question=\"...\", the id of the question it checks")
            timeout = _literal(path, keywords["timeout"], "timeout", (int, float)) if "timeout" in keywords else None
            measures = _literal(path, keywords["measures"], "measures", (bool,)) if "measures" in keywords else False
            check_id = _literal(path, call.args[0], "id", (str,))
            memory_gb, cpu_s = (_literal(path, keywords[k], k, (int, float)) if k in keywords else None for k in ("memory_gb", "cpu_s"))
            specs.append(CheckSpec(check_id, question, path, node.name, call.lineno, timeout, measures,
                                   memory_gb=memory_gb, cpu_s=cpu_s))
    return specs
