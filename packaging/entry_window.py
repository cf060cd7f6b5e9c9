"""The window's entry point in the bundle (``aurax-desktop``)."""

import sys

from aurax_desktop.app import main

sys.exit(main())
