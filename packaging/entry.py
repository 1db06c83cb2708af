"""The packaged program's entry point: the same as the `cadre-desktop` console script."""

import sys

from cadre_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
