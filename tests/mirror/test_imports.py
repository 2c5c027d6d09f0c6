"""mirror/'s modules import each other without a cycle, read from their source (imports inside
functions count too): a cycle once made every builder depend on a PDF writer and back."""

from __future__ import annotations

import ast
from pathlib import Path

MIRROR = Path(__file__).parents[2] / "mirror"


def mirror_imports(tree: ast.Module) -> set[str]:
    """The mirror modules one module imports, by bare name ("model", "pdf", ...)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("mirror."):
                found.add(node.module.removeprefix("mirror."))
            elif node.module == "mirror":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix("mirror.")
                for alias in node.names
                if alias.name.startswith("mirror.")
            )
    return found


def import_graph() -> dict[str, set[str]]:
    return {
        path.stem: mirror_imports(ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(MIRROR.glob("*.py"))
    }


def cycle_from(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A chain of imports leading from `start` back to it, if there is one."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        module, chain = stack.pop()
        for target in sorted(graph.get(module, ())):
            if target == start:
                return [*chain, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*chain, target]))
    return None


def test_no_import_cycle() -> None:
    graph = import_graph()
    assert {"model", "site", "skin", "build", "skin_drupal", "pdf", "pdf_reportlab"} <= set(graph)
    cycles = [c for m in graph if (c := cycle_from(graph, m))]
    assert not cycles, " ; ".join(" -> ".join(c) for c in cycles)


def test_the_model_imports_no_other_mirror_module() -> None:
    assert import_graph()["model"] == set()


def functions(module: str) -> set[str]:
    tree = ast.parse((MIRROR / f"{module}.py").read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_no_module_redefines_the_functions_of_a_module_it_imports() -> None:
    """A skin that imported the builder and defined its functions again under the same names
    was a copy of it, not a skin."""
    for module, targets in import_graph().items():
        for target in targets:
            same = functions(module) & functions(target)
            assert not same, f"{module} redefines {target}'s {sorted(same)}"
