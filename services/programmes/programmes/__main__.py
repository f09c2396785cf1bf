"""`python -m programmes serve|migrate|seed|prepare|sdl`."""

from pathlib import Path

from shared.cli import ServiceDefinition
from shared.cli import main as run

from programmes.app import build_runtime, create_app
from programmes.schema import schema
from programmes.seed import seed
from programmes.settings import ProgrammesSettings

SERVICE = ServiceDefinition(
    name="programmes", settings=ProgrammesSettings, create_app=create_app, build_runtime=build_runtime,
    schema=schema, migrations=Path(__file__).parent / "migrations", seed=seed,
)


def main() -> None:
    run(SERVICE)


if __name__ == "__main__":
    main()
