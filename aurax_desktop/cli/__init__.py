"""``aurax``: AuraX from the command line, for batch work and scripts (no Qt).

Exit codes: 0 all succeeded, 1 some failed, 2 usage error (nothing was sent),
3 authentication or account problem.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """The ``aurax`` command. ``aurax --version`` answers before anything heavy loads."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:
        from aurax_desktop import __version__  # noqa: PLC0415 - the one light import

        print(f"aurax {__version__}")
        return 0
    from aurax_desktop.cli.main import main as run  # noqa: PLC0415 - loaded when used

    return run(arguments)


__all__ = ["main"]
