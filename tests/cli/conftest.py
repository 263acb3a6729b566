"""The command-line fixtures (a demo database per module, `run` on a copy of it) for every
command-line test module."""

from tests.cli.test_cli import demo_db, run  # noqa: F401
