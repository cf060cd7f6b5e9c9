"""The command's entry point in the bundle (``aurax``)."""

import sys
from contextlib import suppress

from aurax_desktop.cli import main

with suppress(BrokenPipeError):
    sys.exit(main())
