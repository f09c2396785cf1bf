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
