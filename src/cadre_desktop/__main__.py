import sys

from cadre_desktop.cli.main import main

sys.exit(main())
