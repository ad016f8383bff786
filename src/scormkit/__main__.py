"""`python -m scormkit` runs the command-line tool."""

from scormkit.cli import main

main()
