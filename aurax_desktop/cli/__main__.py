"""``python -m aurax_desktop.cli``: the ``aurax`` command."""

import sys
from contextlib import suppress

from aurax_desktop.cli.main import main

with suppress(BrokenPipeError):
    sys.exit(main())
