"""``python -m desktop`` and the ``testimony-shield`` command."""

import sys


def main() -> None:
    from desktop.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
