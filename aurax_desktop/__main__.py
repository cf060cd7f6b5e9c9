"""``python -m aurax_desktop`` opens the window."""

import sys

from aurax_desktop.app import main

sys.exit(main())
