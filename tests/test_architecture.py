"""The stages stay visible: the import graph of verify/, read from the source, runs one way.

Every `import` and `from … import` at any depth of every module is an edge. The graph has no
cycle, and no module imports from a stage above its own:

    records (records, errors, messages) -> reading -> statements -> rules -> checking -> gate
    -> report -> inputs (inputs, loaders, config) -> cli -> __main__

and report, which shows what the gate decided, never imports the gate itself. Imports sit at
the top of a module; the only function-local ones are the lazy imports of heavy libraries
listed in LAZY, each with a comment saying why.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "verify"
STAGES = ("records", "reading", "statements", "rules", "checking", "gate", "report", "inputs", "cli", "main")
# modules outside the stage subpackages, by stage
TOP_LEVEL = {
    "verify": "records", "verify.records": "records", "verify.regexes": "records", "verify.user_cache": "records", "verify.errors": "records", "verify.messages": "records",
    "verify.inputs": "inputs", "verify.loaders": "inputs", "verify.config": "inputs",
    "verify.cli": "cli", "verify.__main__": "main",
}
FORBIDDEN = {("report", "gate")}  # formats print what the gate decided; they never decide it
# (module, imported module): the only function-local imports, each lazy for the start-up it saves
LAZY = {
    ("verify.reading.numerals", "cn2an"),
    ("verify.rules.formula.solve", "sympy"),
    ("verify.report.rows", "tabulate"),
    ("verify.checking.engine", "concurrent.futures"),
    ("verify.reading.charset", "charset_normalizer"),
    ("verify.inputs.docx_file", "docx"),
    ("verify.inputs.pdf_file", "pdfminer"),
    ("verify.cli", "importlib.metadata"),
    ("verify.report.terminal", "wcwidth"),
}


def module_name(path: Path) -> str:
    """verify/rules/formula/parse.py -> verify.rules.formula.parse; a package's __init__ -> the package."""
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage_of(module: str) -> str:
    """The stage a module belongs to: its subpackage, or its place in TOP_LEVEL."""
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES and module not in TOP_LEVEL):
        return parts[1]
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    raise AssertionError(f"{module} belongs to no stage: put it in a stage subpackage or add it to TOP_LEVEL")


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    is_package = MODULES[module].name == "__init__.py"
    base = base[:len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str) -> list[tuple[str, int, bool]]:
    """(imported module, line, inside a function) for every import of a module, at any depth."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        local = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno, in_function) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                found.append((submodule if submodule in MODULES else target, node.lineno, in_function))
        for child in ast.iter_child_nodes(node):
            visit(child, local)

    visit(tree, False)
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the modules of verify it imports."""
    return {m: {target for target, _, _ in imports(m) if target in MODULES and target != m} for m in MODULES}


def test_every_module_has_a_stage():
    for module in MODULES:
        assert stage_of(module) in STAGES


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                walk(nxt)
        path.pop()
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            walk(module)


def test_imports_follow_the_stage_order():
    wrong = []
    for module, targets in graph().items():
        here = stage_of(module)
        for target in targets:
            there = stage_of(target)
            if STAGES.index(there) > STAGES.index(here) or (here, there) in FORBIDDEN:
                wrong.append(f"{module} ({here}) imports {target} ({there})")
    assert not wrong, "imports against the stage order:\n" + "\n".join(sorted(wrong))


def test_reading_knows_no_rules_and_report_no_gate_or_cli():
    """The examples of the issue, spelt out."""
    edges = graph()
    for module, targets in edges.items():
        if stage_of(module) == "reading":
            assert not {t for t in targets if stage_of(t) in ("rules", "checking")}, module
        if stage_of(module) == "report":
            assert not {t for t in targets if stage_of(t) in ("gate", "cli")}, module


def test_function_local_imports_are_only_the_listed_lazy_ones():
    local = set()
    for module in MODULES:
        lines = MODULES[module].read_text(encoding="utf-8").splitlines()
        for target, line, in_function in imports(module):
            if in_function:
                local.add((module, target))
                assert "#" in lines[line - 1], f"{module}:{line}: a lazy import says why in a comment"
    assert local == LAZY


def test_rule_loader_is_handed_the_kinds():
    assert not {t for t in graph()["verify.rules.loader"] if t.startswith("verify.checking")}


def test_every_package_is_installed():
    """pyproject names every subpackage, so a wheel holds them all."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    packages = {module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    assert packages <= listed


def test_only_cli_inputs_and_the_cache_touch_files_and_exit():
    """File access, stdout and exit codes belong to the outer modules (and the solve cache)."""
    outer = {"verify.cli", "verify.inputs", "verify.loaders", "verify.config", "verify.__main__",
             "verify.rules.formula.cache",
             "verify.regexes",              # the compiled-pattern cache, beside the solve cache
             "verify.user_cache",           # the cache folder both caches write to
             "verify.reading.numerals",     # reads its own lexicon (package data), never a user's file
             "verify.statements.vocabulary"}  # reads its own vocabulary (package data), likewise
    touching = re.compile(r"\b(open\(|read_text|read_bytes|write_text|write_bytes|sys\.exit|sys\.stdout|"
                          r"sys\.stdin|print\(|\.is_file\(|\.is_dir\(|rglob\(|os\.replace)")
    offenders = [f"{m}:{n}" for m, path in MODULES.items() if m not in outer
                 for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if touching.search(text.split("#")[0]) and not text.lstrip().startswith(('"', "'"))]
    assert not offenders, offenders
