"""A claim never compares a value with itself: `ctx.claim("n", n).equals(n)` is found in the source, before
anything runs. (At run time, claims.py refuses the same object, or the same cited cell read twice.)"""

from __future__ import annotations

import ast

RULE_METHODS = {"equals", "close_to", "rounds_to", "compare", "one_of", "differs_from"}


def _compared(rule_call: ast.Call) -> list[ast.expr]:
    """The expressions a rule call holds the claimed value against (each value of a literal one_of dict)."""
    if not rule_call.args:
        return []
    first = rule_call.args[0]
    return [v for v in first.values if v is not None] if isinstance(first, ast.Dict) else [first]


def self_comparison(tree: ast.Module) -> tuple[int, str] | None:
    """(line, the expression) of the first `ctx.claim(label, x).<rule>(x)` in `tree`, or None."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RULE_METHODS:
            target = node.func.value
            if isinstance(target, ast.Call) and isinstance(target.func, ast.Attribute) and target.func.attr == "claim":
                claimed = ast.dump(target.args[1]) if len(target.args) >= 2 else None
                for expr in _compared(node):
                    if ast.dump(expr) == claimed:
                        return node.lineno, ast.unparse(expr)
    return None
