"""The `scormkit` command: a thin shell over the library that prints and sets exit codes.

`shell.py` holds the command group and error reporting; each other module adds its commands.
"""

from scormkit.cli import building, packages, xapi  # noqa: F401 - each registers its commands
from scormkit.cli.shell import main

__all__ = ["main"]
