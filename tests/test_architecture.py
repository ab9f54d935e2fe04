"""The stages stay visible: the import graph of verify/, read from the source, runs one way.

Every `import` and `from … import` at any depth of every module is an edge. The graph has no
cycle, and no module imports from a stage above its own:

    records (records, errors, messages) -> reading -> statements -> rules -> checking -> gate
    -> report -> inputs (inputs, loaders, config) -> cli -> __main__

and report, which shows what the gate decided, never imports the gate itself. Imports sit at
the top of a module; the only function-local ones are the lazy imports of sympy and cn2an
(LAZY), each with a comment saying why. A module needed only by some runs (a report format, an
input format's reader, the charset detector, the worker pool) is loaded by name from its own
package, and such a load is an edge of the graph like any import.
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
    "verify": "records", "verify.records": "records", "verify.regexes": "records", "verify.regex_starts": "records", "verify.user_cache": "records", "verify.digest": "records", "verify.yaml_data": "records", "verify.safe_yaml": "records", "verify.errors": "records", "verify.messages": "records", "verify.frozen": "records", "verify.printable": "records",
    "verify.inputs": "inputs", "verify.loaders": "inputs", "verify.config": "inputs",
    "verify.cli": "cli", "verify.arguments": "cli", "verify.__main__": "main",
}
FORBIDDEN = {("report", "gate")}  # formats print what the gate decided; they never decide it
# (module, imported module): the only function-local imports, each lazy for the start-up it saves
LAZY = {
    ("verify.reading.numerals", "cn2an"),
    ("verify.rules.formula.solve", "sympy"),
    ("verify.config", "tomllib"), ("verify.inputs", "tempfile"),
}
# module -> the modules it loads by name (importlib.import_module), each in its own package
LOADED_BY_NAME = {
    "verify.report": {"verify.report.json_report", "verify.report.sarif", "verify.report.junit",
                      "verify.report.markdown", "verify.report.github", "verify.report.html",
                      "verify.report.table", "verify.report.numbers_table",
                      "verify.report.statements_report", "verify.report.rule_docs"},
    "verify.inputs": {"verify.inputs.docx_file", "verify.inputs.pdf_file", "verify.inputs.html_file",
                      "verify.inputs.markdown_file"},
    "verify.reading.charset": {"verify.reading.charset_detection"},
    "verify.checking.engine": {"verify.checking.parallel"},
    "verify.yaml_data": {"verify.safe_yaml"},
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


def loads_by_name(module: str) -> list[ast.Call]:
    """Every importlib.import_module(...) call of a module."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "import_module"]


def graph() -> dict[str, set[str]]:
    """Module -> the modules of verify it imports, or loads by name."""
    return {m: {target for target, _, _ in imports(m) if target in MODULES and target != m} | LOADED_BY_NAME.get(m, set())
            for m in MODULES}


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


def test_modules_loaded_by_name_are_listed_and_of_the_loaders_own_package():
    """A load by name cannot hide an edge: each one is listed (and so in the graph above), and
    names a module of the loading module's own package, by a prefix written in the call."""
    loaders = {m for m in MODULES if loads_by_name(m)}
    assert loaders == set(LOADED_BY_NAME)
    for module, targets in LOADED_BY_NAME.items():
        package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        assert targets <= set(MODULES) and all(t.rpartition(".")[0] == package for t in targets), module
        for call in loads_by_name(module):
            name = call.args[0]
            prefix = name.value if isinstance(name, ast.Constant) else \
                "".join(p.value if isinstance(p, ast.Constant) else ("{}" if _is_dunder_name(p) else "?") for p in name.values)
            prefix = prefix.replace("{}", module)
            assert prefix.startswith(package + "."), f"{module} loads {prefix!r} by name, outside {package}"
            assert prefix.rstrip("?") in {t for t in targets} or prefix.endswith("?"), (module, prefix)


def _is_dunder_name(part: ast.AST) -> bool:
    return isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name) and part.value.id == "__name__"


def test_a_json_run_loads_no_table_library():
    """The formats are loaded by name so that CI's JSON run never pays for the table's libraries."""
    import subprocess
    import sys

    code = ("import sys; from verify.cli import main; main(['--format', 'json', '-']); "
            "sys.stderr.write(' '.join(m for m in ('tabulate', 'wcwidth', 'charset_normalizer', "
            "'concurrent.futures.process', 'docx', 'pdfminer', 'sympy', 'importlib.metadata') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], input="全市引进集聚人才22.78万人。\n", capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.stderr.strip() == ""


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
    outer = {"verify.cli", "verify.arguments", "verify.inputs", "verify.loaders", "verify.config", "verify.__main__",
             "verify.rules.formula.cache",
             "verify.regexes",              # the compiled-pattern cache, beside the solve cache
             "verify.user_cache",           # the cache folder the caches write to
             "verify.yaml_data",            # the parsed-YAML cache, beside them
             "verify.reading.numerals",     # reads its own lexicon (package data), never a user's file
             "verify.statements.vocabulary"}  # reads its own vocabulary (package data), likewise
    touching = re.compile(r"\b(open\(|read_text|read_bytes|write_text|write_bytes|sys\.exit|sys\.stdout|"
                          r"sys\.stdin|print\(|\.is_file\(|\.is_dir\(|rglob\(|os\.replace)")
    offenders = [f"{m}:{n}" for m, path in MODULES.items() if m not in outer
                 for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if touching.search(text.split("#")[0]) and not text.lstrip().startswith(('"', "'"))]
    assert not offenders, offenders
