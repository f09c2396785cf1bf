"""`python -m capacity serve|migrate|seed|prepare|sdl`."""

from pathlib import Path

from shared.cli import ServiceDefinition
from shared.cli import main as run

from capacity.app import build_runtime, create_app
from capacity.schema import schema
from capacity.settings import CapacitySettings

SERVICE = ServiceDefinition(
    name="capacity", settings=CapacitySettings, create_app=create_app, build_runtime=build_runtime,
    schema=schema, migrations=Path(__file__).parent / "migrations",
)


def main() -> None:
    run(SERVICE)


if __name__ == "__main__":
    main()
