#!/usr/bin/env python
"""Django's command-line utility (the `stockvis` console script is the same thing)."""

from stockvis.cli import main

if __name__ == "__main__":
    main()
