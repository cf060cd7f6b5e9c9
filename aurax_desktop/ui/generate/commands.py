"""The Generate page's command: open a shape image (File menu), the picture whose
silhouette the generated product follows."""

from __future__ import annotations

from aurax_desktop.translation import _
from aurax_desktop.ui.common.commands import Commands, Rule
from aurax_desktop.ui.generate.page import GeneratePage


def declare_generate_commands(commands: Commands, page: GeneratePage, connected: Rule) -> None:
    """``connected``: whether jobs can be sent (the shape image is for sending)."""
    commands.add(
        "openShape",
        _("Open shape image…"),
        page.shape_pane.browse,
        icon_name="image",
        enabled_when=connected,
        tip=_("A picture of the product's shape, for the Generate page"),
    )
