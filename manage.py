#!/usr/bin/env python
"""Django's command-line utility; `toandan` is the same with dashes allowed."""

from toandan.cli import main

if __name__ == "__main__":
    main()
