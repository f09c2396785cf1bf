"""No import circles anywhere in our code, counting imports under TYPE_CHECKING, inside functions and
through `strawberry.lazy` (shared.testing.imports)."""

from pathlib import Path

from shared.testing.imports import circles, circles_in, import_graph

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = [
    (ROOT / "shared", "shared"),
    (ROOT / "services" / "menu", "menu"),
    (ROOT / "services" / "programmes", "programmes"),
    (ROOT / "services" / "capacity", "capacity"),
]


def test_no_module_imports_itself_back_by_any_path() -> None:
    found = circles_in(PACKAGES)
    assert not found, "import circles:\n" + "\n".join(" <-> ".join(group) for group in found)


def test_the_checker_sees_a_circle_through_a_function_level_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.b import thing\n")
    (package / "b.py").write_text("def thing():\n    from pkg import a\n    return a\n")
    (package / "c.py").write_text("import strawberry\nX = strawberry.lazy('pkg.a')\n")
    from shared.testing.imports import modules_under

    graph = import_graph(modules_under(tmp_path, "pkg"))
    assert graph["pkg.b"] == {"pkg.a"} and graph["pkg.c"] == {"pkg.a"}
    assert circles(graph) == [["pkg.a", "pkg.b"]]


SCHEMA_PARTS = ("schema", "types")


def _is_schema_module(name: str) -> bool:
    parts = name.split(".")
    return parts[0] != "shared" and (any(part in SCHEMA_PARTS for part in parts[1:]))


def test_schema_modules_take_enums_from_the_module_that_registers_them() -> None:
    """strawberry registers a plain enum by itself when a type or an input names it before our described_enum has
    run, and the described registration then clashes (or the schema loses its descriptions), depending on which
    module happened to be imported first. So a schema module takes an enum from the module that registers it (its
    concern's schema types, the service's types.py, shared.graphql.vocabulary), never from a pure module."""
    import ast
    import importlib
    from enum import Enum

    from shared.testing.imports import modules_under

    for _, package in PACKAGES[1:]:
        importlib.import_module(f"{package}.app")
    wrong = []
    for root, package in PACKAGES[1:]:
        for name, path in modules_under(root, package).items():
            if not _is_schema_module(name):
                continue
            tree = ast.parse(path.read_text())
            registers = {
                node.args[0].id
                for node in ast.walk(tree)
                if isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "described_enum"
                and node.args
                and isinstance(node.args[0], ast.Name)
            }
            for node in ast.walk(tree):
                if not isinstance(node, ast.ImportFrom) or not node.module or _is_schema_module(node.module):
                    continue
                if node.module.startswith("shared.graphql") or node.module == "shared.ordering":
                    continue  # registering modules of the shared library
                source = importlib.import_module(node.module)
                for alias in node.names:
                    value = getattr(source, alias.name, None)
                    # An enum of the schema (registered by now: the services' apps are imported above).
                    is_enum = isinstance(value, type) and issubclass(value, Enum)
                    is_enum = is_enum and hasattr(value, "__strawberry_definition__")
                    if is_enum and (alias.asname or alias.name) not in registers:
                        wrong.append(f"{name}: {alias.name} from {node.module}")
    assert not wrong, "\n".join(wrong)
