"""执法监督工作台 — start the window, or run a headless subcommand (``python main.py --help``)."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
