"""`python -m capacity serve|migrate|seed|prepare|sdl`."""

from capacity.app import SERVICE
from shared.cli import main as run


def main() -> None:
    run(SERVICE)


if __name__ == "__main__":
    main()
