"""Running the ``aurax`` command in a test, as a user would type it."""

from __future__ import annotations

from aurax_desktop.cli import main
from aurax_desktop.demo import DemoServer


def run(server: DemoServer | None, *argv: str) -> int:
    """The command's exit code, against ``server`` (None: its own options decide)."""
    prefix = ["--base-url", server.url] if server is not None else []
    try:
        return main([*prefix, *argv])
    except SystemExit as exit_:  # argparse's own refusals
        return int(exit_.code or 0)
