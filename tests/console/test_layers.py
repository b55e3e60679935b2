"""The layers hold: console/ never imports Qt or ui/, and pyproject.toml's import-linter contracts pass.

The contracts (storage below the application layer below the feature packages below the CLI,
ui/ kept off storage and the CLI) are checked in-process here, so `make test` (what CI runs)
fails on a broken one, as `make lint` does.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import console

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    from importlinter import configuration
    from importlinter.application import use_cases

    configuration.configure()
    passed = use_cases.lint_imports(str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True,
                                    is_debug_mode=True)  # a bad configuration raises, with its traceback
    out = capsys.readouterr().out
    assert "layers" in out and " KEPT" in out, out
    assert passed, out  # the broken contract and each import chain that breaks it


def test_no_console_module_pulls_in_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(console.__path__, "console.") if ".migrations" not in m.name
             and not m.name.endswith("__main__")]
    code = ("import importlib, sys\n"
            f"for n in {names!r}: importlib.import_module(n)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "", f"console imported {out.stdout.strip()}"
    assert len(names) > 20


def test_headless_cli_does_not_load_qt() -> None:
    """A command, and --help (which lists the window's screenshot command too), load no Qt."""
    code = ("import sys\nfrom ui.launch import main\nmain(['policy', 'check'])\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\nprint('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip().endswith("False"), out.stdout + out.stderr
    assert "screenshot" in out.stdout and "rendered offscreen" in out.stdout, out.stdout


def test_feature_packages_answer_from_their_public_api_without_loading_each_other() -> None:
    """console.packages names its API in __init__ but builds nothing until a name is asked for:
    the signing settings (what incidents and records use) load without the package builder."""
    import console.packages as packages

    assert set(packages.__all__) == set(packages._WHERE)
    for name in packages.__all__:
        assert getattr(packages, name) is not None
    code = ("import sys\nimport console.packages.settings, console.incidents.letters, console.processing.export\n"
            "print(sorted(m for m in sys.modules if m in ('console.packages.builder', 'console.packages.letters')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_no_private_name_is_imported_from_another_package() -> None:
    import ast

    crossing = []
    for path in [*(ROOT / "console").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        here = ".".join(path.relative_to(ROOT).with_suffix("").parts[:2])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                there = ".".join(node.module.split(".")[:2])
                crossing += [f"{path.relative_to(ROOT)}: {node.module}.{a.name}" for a in node.names
                             if a.name.startswith("_") and not a.name.startswith("__") and there != here]
    assert crossing == []


def test_no_console_module_takes_part_in_an_import_cycle() -> None:
    """Lazy imports included: a cycle hidden inside a function is still a cycle between two modules."""
    import grimp

    graph = grimp.build_graph("console", cache_dir=None)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []
    for root in edges:  # Tarjan's strongly connected components, without recursion
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
            targets = edges.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    assert cycles == [], cycles


def test_every_console_module_has_its_layer() -> None:
    """A new module or package must be placed in the layers contract, or nothing checks its imports."""
    import re
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    placed = {name for layer in layers for name in re.split(r"\s*[:|]\s*", layer.strip())}
    import console.security

    modules = [f"console.{m.name}" for m in pkgutil.iter_modules(console.__path__) if m.name != "__main__"]
    modules += [f"console.security.{m.name}" for m in pkgutil.iter_modules(console.security.__path__)]
    unplaced = [m for m in modules if m != "console.security"
                and not any(m == p or m.startswith(p + ".") for p in placed)]
    assert unplaced == [], "place these in pyproject.toml's layers contract"
