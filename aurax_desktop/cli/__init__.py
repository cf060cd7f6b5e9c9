"""``aurax``: AuraX from the command line, for batch work and scripts (no Qt).

Exit codes: 0 all succeeded, 1 some failed, 2 usage error (nothing was sent),
3 authentication or account problem.
"""

from aurax_desktop.cli.main import main

__all__ = ["main"]
