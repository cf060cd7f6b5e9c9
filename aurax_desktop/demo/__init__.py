"""An AuraX-compatible demo server on loopback (no Qt).

It serves the whole contract of AURAX_API.md so the program works with no
account and the tests run against real HTTP. Its "AI" is a simulation: try-ons
composite the garment into the person photo and are marked as demos,
generations are drawn from the prompt, descriptions come from the photo's
colours.
"""

from aurax_desktop.demo.config import DEMO_API_KEY, DEMO_KEY_ID, TRIAL_CREDITS, DemoConfig
from aurax_desktop.demo.server import DemoServer

__all__ = ["DEMO_API_KEY", "DEMO_KEY_ID", "TRIAL_CREDITS", "DemoConfig", "DemoServer"]
