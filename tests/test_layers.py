"""The house's layering, read from every module's imports (docs/architecture.md).

Stages never import upward, there is no import cycle anywhere, only `cli/` and `flows/` import
`cli/` or `flows/`, `publish/` reads the warehouse and never the reverse, and no command module
of the CLI imports another.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("extract", "transform", "warehouse", "pipeline", "publish", "flows", "cli", "mirror")
# What each stage may import, besides itself (the shells at the top may import anything).
MAY_IMPORT = {
    "extract": set(),
    "transform": set(),
    "warehouse": {"transform"},
    "publish": {"transform", "warehouse"},
    "pipeline": {"extract", "transform", "warehouse"},
    "mirror": {"transform", "warehouse", "pipeline"},
    "benchmarks": {"extract", "transform", "warehouse", "pipeline", "publish", "mirror"},
}


def modules() -> dict[str, Path]:
    found = {}
    for package in (*PACKAGES, "benchmarks"):
        for path in (ROOT / package).rglob("*.py"):
            if "site" in path.relative_to(ROOT).parts[1:-1]:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The project modules `name` imports, anywhere in it (inside functions too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        yield from (t for t in targets if t in known and t != name)


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: set(imported(name, path, set(found))) for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle_anywhere(graph: dict[str, set[str]]) -> None:
    assert cycles(graph) == []


def test_the_cycle_finder_finds_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_stages_import_only_what_is_below_them(graph: dict[str, set[str]]) -> None:
    upward = [
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        if (stage := name.split(".")[0]) in MAY_IMPORT
        and (other := target.split(".")[0]) != stage
        and other not in MAY_IMPORT[stage]
    ]
    assert upward == []


def test_only_the_shells_import_the_shells(graph: dict[str, set[str]]) -> None:
    outside = [
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        if target.split(".")[0] in {"cli", "flows"} and name.split(".")[0] not in {"cli", "flows"}
    ]
    assert outside == []
    assert not any(
        t.startswith("cli") for n, ts in graph.items() if n.startswith("flows") for t in ts
    )


def test_no_command_module_imports_another(graph: dict[str, set[str]]) -> None:
    commands = {n for n in graph if n.startswith("cli.") and n not in {"cli.common", "cli.main"}}
    assert commands, "no command modules found"
    assert {n: graph[n] & commands for n in commands if graph[n] & commands} == {}


def calls(module: str, function: str) -> set[str]:
    """The names `function` (or `Class.method`) in `module` calls directly (its own body,
    nested blocks too)."""
    tree: ast.AST = ast.parse((ROOT / f"{module.replace('.', '/')}.py").read_text(encoding="utf-8"))
    if "." in function:
        owner, function = function.split(".")
        [tree] = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == owner]
    [found] = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function
    ]
    names = set()
    for node in ast.walk(found):
        if isinstance(node, ast.Call):
            target = node.func
            if isinstance(target, ast.Name):
                names.add(target.id)
            elif isinstance(target, ast.Attribute):
                names.add(target.attr)
    return names


@pytest.mark.parametrize(
    ("command", "flow_module", "flow"),
    [("ingest", "flows.ingest", "nightly_ingest"), ("reparse", "flows.reparse", "reparse")],
)
def test_five_hops_from_a_command_to_its_first_row(
    command: str, flow_module: str, flow: str
) -> None:
    """docs/architecture.md: command → its job (or, with a Prefect server, its flow) →
    run_reports → the loader (each report as it is handed over) → save_outcome →
    save_report → _record_version (the report's first row), the same for ingest and
    reparse."""
    chain = [
        ("cli.runs", command, {command}),  # pipeline.jobs.<command>
        ("cli.runs", command, {flow, "reparse_flow"} if command == "reparse" else {flow}),
        ("pipeline.jobs", command, {"run_reports"}),
        (flow_module, flow, {"run_reports"}),
        ("pipeline.reports", "run_reports", {"ReportLoader", "loading_behind", "gather"}),
        ("pipeline.loader", "ReportLoader.report", {"_save_report"}),
        ("pipeline.loader", "ReportLoader._save_report", {"save_outcome"}),
        ("warehouse.load", "save_outcome", {"save_report"}),
        ("warehouse.load", "save_report", {"_record_version"}),
    ]
    for module, function, callee in chain:
        assert calls(module, function) & callee, (module, function, callee)
    assert "INSERT INTO assessment_version" in (ROOT / "warehouse/load.py").read_text()
