"""The `handbook` command line (python -m handbook.cli, or the `handbook` script)."""

from .main import main

__all__ = ["main"]
