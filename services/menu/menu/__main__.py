"""`python -m menu serve|migrate|seed|prepare|sdl`."""

from pathlib import Path

from shared.cli import ServiceDefinition
from shared.cli import main as run

from menu.app import build_runtime, create_app
from menu.schema import schema
from menu.seed import seed
from menu.settings import MenuSettings

SERVICE = ServiceDefinition(
    name="menu", settings=MenuSettings, create_app=create_app, build_runtime=build_runtime,
    schema=schema, migrations=Path(__file__).parent / "migrations", seed=seed,
)


def main() -> None:
    run(SERVICE)


if __name__ == "__main__":
    main()
