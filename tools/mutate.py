"""A small AST mutation tester for the modules that carry a promise (`make mutation`; docs/testing.md).

For each module it makes every mutant of these kinds, one change at a time:

- comparisons: `<` <-> `<=`, `>` <-> `>=`, `==` <-> `!=`, `in` <-> `not in`, `is` <-> `is not`
- arithmetic: `+` <-> `-`, `*` <-> `/`, `//` -> `/`, `%` -> `*`, and the same in `x += y`
- constants: a number n -> n + 1 (0.5 -> 1.5, 1e-9 -> 1.000000001), True <-> False
- boolean operators: `and` <-> `or`; `not x` -> `x`
- statements: a statement -> `pass`, `return x` -> `return None`, `continue` <-> `break`

and runs the module's tests (MAP below) against it: the first failing test kills the mutant, a
mutant that runs past TIMEOUT seconds counts as killed (an endless loop is caught), one that passes
them survives. Survivors are run once more against the whole fast suite (FAST), so a kill by any
fast test counts. Docstrings, type annotations, `__all__` and `if TYPE_CHECKING:` blocks are not
mutated. Mutants known to be equivalent (EQUIVALENT, with the reason in docs/testing.md) are
listed apart and left out of the score.

Speed: one pytest session collects the fast suite once (module-level set-up, such as the banks the
tests load at import, runs then, unmutated); for each mutant the tool forks, the child swaps the
mutated functions' code into the live objects (so `from .scoring import score` elsewhere sees the
mutant too) and runs the chosen test items, stopping at the first failure. One child at a time: the
machine is shared.

    .venv/bin/python tools/mutate.py                       # every module, every mutant
    .venv/bin/python tools/mutate.py analysis/scoring.py   # one module
    .venv/bin/python tools/mutate.py --sample 40 --seed 1  # at most 40 mutants per module
"""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import random
import select
import signal
import sys
import time
import types
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ontwikkelscan"

# module -> the tests that should kill its mutants (fast ones; no terminal, browser or install)
MAP: dict[str, list[str]] = {
    "analysis/scoring.py": ["tests/test_scoring.py", "tests/test_contexts_scoring.py", "tests/test_margins.py",
                            "tests/test_contexts_bank.py"],
    "analysis/anonymity.py": ["tests/test_anonymity.py", "tests/test_feedback.py"],
    "analysis/feedback.py": ["tests/test_feedback.py", "tests/test_anonymity.py", "tests/test_cli_feedback.py"],
    "analysis/patterns.py": ["tests/test_patterns.py", "tests/test_bank_patterns.py"],
    "files/answers.py": ["tests/test_loading_errors.py", "tests/test_cli_scan.py", "tests/test_contexts_bank.py",
                         "tests/test_inputs.py"],
    "files/survey/values.py": ["tests/test_survey_parts.py", "tests/test_survey_exports.py",
                               "tests/test_rater_import.py"],
    "files/fsio.py": ["tests/test_fsio.py"],
    "analysis/itemstats.py": ["tests/test_itemstats_bank.py", "tests/test_itemstats.py", "tests/test_cli_items.py",
                              "tests/test_cli_consult.py"],
    "analysis/fdist.py": ["tests/test_fdist.py"],
}
# the whole fast suite: what survivors are tried against once more
SLOW = {"tests/test_tmux_scan.py", "tests/test_tmux_tables.py", "tests/test_browser.py", "tests/test_install.py",
        "tests/test_docs_scripts.py", "tests/test_makefile.py", "tests/test_readme_commands.py"}
TIMEOUT = 120.0
FAST_TIMEOUT = 900.0

# (module, line, description) of mutants that no test can kill because the program does the same;
# each one is argued in docs/testing.md
EQUIVALENT: set[tuple[str, int, str]] = {
    ("analysis/scoring.py", 131, "is -> is not"),  # the cache holds its bank, so a found entry is always this bank
    ("analysis/scoring.py", 201, "0.0 -> 1.0"),  # ranked() sorts gaps of scored competencies: never None
    ("analysis/patterns.py", 33, "1 -> 2"),  # most_common(2)[0] is still the most common value
    ("analysis/patterns.py", 46, "<= -> <"),  # a one-value set under the two-value {min, max}: < is <=
    # analysis/fdist.py (docs/testing.md): a limit no input reaches, an edge of measure zero, a switch point
    ("analysis/fdist.py", 17, "10000 -> 10001"),  # the fraction converges in about sqrt(max(a, b)) terms
    ("analysis/fdist.py", 23, "> -> >="), ("analysis/fdist.py", 29, "> -> >="),  # |d| exactly 1e-300
    ("analysis/fdist.py", 31, "> -> >="), ("analysis/fdist.py", 31, "delete `c = c if abs(c) > _TINY else _TINY`"),
    ("analysis/fdist.py", 33, "< -> <="),  # a step of exactly 1 +- 1e-16
    ("analysis/fdist.py", 45, "< -> <="), ("analysis/fdist.py", 45, "1.0 -> 2.0"),  # either side converges:
    ("analysis/fdist.py", 45, "2.0 -> 3.0"),  # moving the switch point only costs terms
    ("analysis/fdist.py", 52, "<= -> <"),  # x = 0 gives t = 0, and I_0 = 0
    ("analysis/fdist.py", 63, "1.0 -> 2.0"),  # the first mid is 1, where I = 1 >= p: hi is 1 again
    ("analysis/fdist.py", 68, "< -> <="),  # I(mid) exactly p: either bound is the quantile
}

_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
        ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_BIN = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
        ast.Mod: ast.Mult}
_SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
           ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
           ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%"}


@dataclass(frozen=True)
class Mutant:
    module: str
    index: int  # the n-th mutation point in the module (stable for one source)
    line: int
    description: str

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.module, self.line, self.description)


def _skipped(tree: ast.Module) -> set[int]:
    """ids of nodes not to mutate: docstrings, annotations, __all__, TYPE_CHECKING blocks."""
    skip: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            mark(body[0])
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            mark(node.returns)
            for arg in [*node.args.args, *node.args.kwonlyargs, *node.args.posonlyargs, node.args.vararg,
                        node.args.kwarg]:
                if arg is not None:
                    mark(arg.annotation)
        if isinstance(node, ast.AnnAssign):
            mark(node.annotation)
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            mark(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            mark(node)
        if isinstance(node, ast.ImportFrom) or isinstance(node, ast.Import):
            mark(node)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("TypeVar", "cast"):
            mark(node)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in (
                "Literal", "Mapping", "Sequence", "tuple", "dict", "list"):  # types in aliases
            mark(node)
    return skip


def _points(tree: ast.Module) -> list[tuple[ast.AST, str, object]]:
    """Every mutation point: (node, description, how) in a stable order."""
    skip = _skipped(tree)
    points: list[tuple[ast.AST, str, object]] = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in _CMP:
                    points.append((node, f"{_SYMBOL[type(op)]} -> {_SYMBOL[_CMP[type(op)]]}", ("cmp", i)))
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in _BIN:
            if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
                continue  # "%" formatting and string concatenation: messages, not arithmetic
            points.append((node, f"{_SYMBOL[type(node.op)]} -> {_SYMBOL[_BIN[type(node.op)]]}", ("bin",)))
        elif isinstance(node, ast.Constant) and type(node.value) in (int, float, bool):
            if isinstance(node.value, bool):
                points.append((node, f"{node.value} -> {not node.value}", ("const",)))
            else:
                points.append((node, f"{node.value!r} -> {_bumped(node.value)!r}", ("const",)))
        elif isinstance(node, ast.BoolOp):
            other = "or" if isinstance(node.op, ast.And) else "and"
            points.append((node, f"{'and' if other == 'or' else 'or'} -> {other}", ("bool",)))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            points.append((node, "not x -> x", ("not",)))
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.For, ast.While, ast.If, ast.With,
                             ast.Try, ast.ExceptHandler)):
            for field in ("body", "orelse", "finalbody"):
                for i, stmt in enumerate(getattr(node, field, []) or []):
                    if id(stmt) in skip or isinstance(stmt, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef,
                                                             ast.Pass, ast.Global, ast.Nonlocal)) \
                            or isinstance(stmt, ast.AnnAssign) and stmt.value is None:  # `x: int`: no code
                        continue
                    if isinstance(stmt, ast.Return):
                        if stmt.value is not None and not (isinstance(stmt.value, ast.Constant)
                                                           and stmt.value.value is None):
                            points.append((stmt, "return x -> return None", ("return",)))
                    elif isinstance(stmt, ast.Continue):
                        points.append((stmt, "continue -> break", ("loopctl",)))
                    elif isinstance(stmt, ast.Break):
                        points.append((stmt, "break -> continue", ("loopctl",)))
                    elif not isinstance(node, ast.Module):
                        points.append((node, f"delete `{_short(stmt)}`", ("delete", field, i)))
    return points


def _short(stmt: ast.stmt) -> str:
    text = ast.unparse(stmt).splitlines()[0]
    return text if len(text) <= 60 else text[:57] + "..."


def _bumped(value: int | float) -> int | float:
    return value + 1


def _line(node: ast.AST, how: object) -> int:
    if isinstance(how, tuple) and how[0] == "delete":
        return getattr(getattr(node, how[1])[how[2]], "lineno", 0)
    return getattr(node, "lineno", 0)


def mutants(module: str) -> list[Mutant]:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    return [Mutant(module, i, _line(node, how), description)
            for i, (node, description, how) in enumerate(_points(tree))]


def mutated_tree(module: str, index: int) -> ast.Module:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    node, _, how = _points(tree)[index]
    kind = how[0]  # type: ignore[index]
    if kind == "cmp":
        i = how[1]  # type: ignore[index]
        node.ops[i] = _CMP[type(node.ops[i])]()  # type: ignore[attr-defined]
    elif kind == "bin":
        node.op = _BIN[type(node.op)]()  # type: ignore[attr-defined]
    elif kind == "const":
        value = node.value  # type: ignore[attr-defined]
        node.value = (not value) if isinstance(value, bool) else _bumped(value)  # type: ignore[attr-defined]
    elif kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()  # type: ignore[attr-defined]
    elif kind == "not":
        replacement = node.operand  # type: ignore[attr-defined]
        _replace(tree, node, replacement)
    elif kind == "return":
        node.value = ast.Constant(None)  # type: ignore[attr-defined]
    elif kind == "loopctl":
        _replace(tree, node, ast.Break() if isinstance(node, ast.Continue) else ast.Continue())
    elif kind == "delete":
        _, field, i = how  # type: ignore[misc]
        body = getattr(node, field)
        body[i] = ast.Pass()
    return ast.fix_missing_locations(tree)


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, ast.copy_location(new, old))
                return
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if item is old:
                        value[i] = ast.copy_location(new, old)
                        return


# --------------------------------------------------------------------------- running


def _dotted(module: str) -> str:
    return "ontwikkelscan." + module.removesuffix(".py").replace("/", ".")


def _install(module: str, tree: ast.Module) -> None:
    """Put the mutant into the live module: new globals, and the new code inside the old function objects."""
    live = sys.modules[_dotted(module)]
    fresh: dict[str, object] = {"__name__": live.__name__, "__file__": live.__file__, "__package__": live.__package__,
                                "__builtins__": live.__dict__["__builtins__"]}
    exec(compile(tree, str(PACKAGE / module), "exec"), fresh)  # noqa: S102 - the mutant of our own module
    for name, new in fresh.items():
        if name.startswith("__"):
            continue
        old = live.__dict__.get(name)
        inner_old = inspect.unwrap(old) if callable(old) else old  # @contextmanager, @lru_cache: the function inside
        inner_new = inspect.unwrap(new) if callable(new) else new
        if isinstance(inner_old, types.FunctionType) and isinstance(inner_new, types.FunctionType):
            _swap(inner_old, inner_new)
        elif isinstance(old, type) and isinstance(new, type) and old.__module__ == live.__name__:
            for attr, member in vars(new).items():
                before = vars(old).get(attr)
                if isinstance(before, (staticmethod, classmethod)) and isinstance(member, type(before)):
                    before, member = before.__func__, member.__func__
                elif isinstance(before, property) and isinstance(member, property):
                    before, member = before.fget, member.fget
                if isinstance(before, types.FunctionType) and isinstance(member, types.FunctionType):
                    _swap(inspect.unwrap(before), inspect.unwrap(member))  # type: ignore[arg-type]
                elif before is not None and not callable(before) and not attr.startswith("__") and before != member:
                    setattr(old, attr, member)  # a class constant
        elif not isinstance(old, types.ModuleType) and not callable(old):
            if old is not new and old != new:  # a module constant: here and where it was imported by name
                for other in list(sys.modules.values()):
                    if getattr(other, "__name__", "").startswith("ontwikkelscan") and \
                            other.__dict__.get(name) is old:
                        other.__dict__[name] = new
            live.__dict__[name] = new


def _swap(old: types.FunctionType, new: types.FunctionType) -> None:
    if old.__code__.co_freevars == new.__code__.co_freevars:
        old.__code__ = new.__code__
        old.__defaults__ = new.__defaults__
        old.__kwdefaults__ = new.__kwdefaults__
        old.__globals__.update({k: v for k, v in new.__globals__.items()
                                if k not in old.__globals__ and not k.startswith("__")})


class _Plugin:
    """Runs inside one pytest session: collects the fast suite once, then forks a child per mutant that
    installs the mutant and runs the chosen test items, stopping at the first failure."""

    def __init__(self, args: argparse.Namespace, modules: list[str]) -> None:
        self.args, self.modules = args, modules
        self.failed = False
        self.status = 1

    def pytest_runtest_logreport(self, report: object) -> None:
        if getattr(report, "failed", False):
            self.failed = True

    def pytest_runtestloop(self, session: object) -> bool:
        items = list(session.items)  # type: ignore[attr-defined]
        self.status = _loop(self, items)
        return True

    def run(self, module: str, index: int | None, items: list[object], timeout: float) -> str:
        """'killed', 'survived' or 'timeout' (counted as killed)."""
        pid = os.fork()
        if pid == 0:
            code = 3
            try:
                os.setpgid(0, 0)
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                if index is not None:
                    _install(module, mutated_tree(module, index))
                code = 0
                for i, item in enumerate(items):
                    following = items[i + 1] if i + 1 < len(items) else None
                    item.ihook.pytest_runtest_protocol(item=item, nextitem=following)  # type: ignore[attr-defined]
                    if self.failed:
                        code = 1
                        break
            finally:
                os._exit(code)
        deadline = time.monotonic() + timeout
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
            if time.monotonic() > deadline:
                os.killpg(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return "timeout"
            select.select([], [], [], 0.02)


def say(text: str) -> None:
    os.write(_OUT, (text + "\n").encode())


def _loop(plugin: _Plugin, items: list[object]) -> int:
    args, modules = plugin.args, plugin.modules

    def mapped(module: str) -> list[object]:
        wanted = {str(ROOT / t) for t in MAP[module]}
        return [i for i in items if str(i.path) in wanted]  # type: ignore[attr-defined]

    union = [i for i in items if any(str(i.path) == str(ROOT / t) for m in modules for t in MAP[m])]  # type: ignore[attr-defined]
    if plugin.run(modules[0], None, union, FAST_TIMEOUT) != "survived":
        say("the tests fail without any mutant; fix them first")
        return 2
    rng = random.Random(args.seed)
    started = time.monotonic()
    totals = {"killed": 0, "survived": 0, "equivalent": 0}
    for module in modules:
        found = mutants(module)
        chosen = sorted(rng.sample(found, args.sample), key=lambda m: m.index) if 0 < args.sample < len(found) else found
        counts = {"killed": 0, "survived": 0, "equivalent": 0}
        t0 = time.monotonic()
        subset = mapped(module)
        for mutant in chosen:
            if mutant.key in EQUIVALENT:
                counts["equivalent"] += 1
                continue
            outcome = plugin.run(module, mutant.index, subset, TIMEOUT)
            if outcome == "survived" and not args.no_fast:
                outcome = plugin.run(module, mutant.index, items, FAST_TIMEOUT)
            if outcome == "survived":
                counts["survived"] += 1
                say(f"  survived: {module}:{mutant.line}: {mutant.description}")
            else:
                counts["killed"] += 1
        tested = counts["killed"] + counts["survived"]
        say(f"{module}: {len(chosen)} of {len(found)} mutants, {counts['killed']} killed, {counts['survived']} "
            f"survived, {counts['equivalent']} equivalent; {100 * counts['killed'] / max(tested, 1):.1f}% killed "
            f"({time.monotonic() - t0:.0f} s)")
        for k in totals:
            totals[k] += counts[k]
    tested = totals["killed"] + totals["survived"]
    say(f"total: {tested + totals['equivalent']} mutants, {totals['killed']} killed, {totals['survived']} survived, "
        f"{totals['equivalent']} equivalent; {100 * totals['killed'] / max(tested, 1):.1f}% of the non-equivalent "
        f"killed ({time.monotonic() - started:.0f} s)")
    return 0 if tested == 0 or totals["killed"] / tested >= 0.98 else 1


_OUT = os.dup(1)


def main(argv: list[str] | None = None) -> int:
    import pytest

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="modules under ontwikkelscan/ (default: all of MAP)")
    parser.add_argument("--sample", type=int, default=0, help="at most this many mutants per module (random)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--no-fast", action="store_true", help="do not try survivors against the whole fast suite")
    args = parser.parse_args(argv)
    modules = args.modules or list(MAP)
    os.chdir(ROOT)
    if args.no_fast:
        files = sorted({t for m in modules for t in MAP[m]})
    else:
        files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob("test_*.py")
                       if str(p.relative_to(ROOT)) not in SLOW)
    plugin = _Plugin(args, modules)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # pytest's own report of the collection is not wanted; the results go to _OUT
    pytest.main([*files, "-q", "-p", "no:randomly", "-p", "no:cacheprovider", "--no-cov", "-s"], plugins=[plugin])
    return plugin.status


if __name__ == "__main__":
    sys.exit(main())
