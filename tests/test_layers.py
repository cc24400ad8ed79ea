"""The code's layers: front ends reach a backend only through the protocol and the registry,
and a backend's own code stays in its subpackage."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

FRONT_ENDS = [
    *(ROOT / "writer" / name for name in ("cli.py", "commands.py", "batch.py", "batch_api.py")),
    *(ROOT / "writer" / name for name in ("evals.py", "importer.py", "drafting.py")),
    *sorted((ROOT / "tui").rglob("*.py")),
]
CONCRETE = ("writer.backends.offline", "writer.backends.openai")


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_front_end_imports_a_concrete_backend() -> None:
    reaching = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in FRONT_ENDS
        for name in imported(path)
        if name.startswith(CONCRETE)
    }
    assert reaching == set()


def test_the_composer_sees_only_the_backend_protocol() -> None:
    offline = ROOT / "writer" / "backends" / "offline"
    for path in offline.glob("*.py"):
        backends = {n for n in imported(path) if n.startswith("writer.backends")}
        assert backends <= {
            "writer.backends.base",
            *(f"{CONCRETE[0]}.{p.stem}" for p in offline.glob("*.py")),
        }, path


def test_front_ends_ask_for_a_capability_by_its_flag_not_getattr() -> None:
    for path in FRONT_ENDS:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr":
                target = ast.unparse(node.args[0])
                assert "backend" not in target, f"{path.relative_to(ROOT)}: getattr({target}, …)"
