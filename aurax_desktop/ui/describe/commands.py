"""The Describe page's commands: its table exported as a CSV, or as a Shopify product
CSV (File menu), once it holds a photo."""

from __future__ import annotations

from aurax_desktop.translation import _
from aurax_desktop.ui.common.commands import Commands
from aurax_desktop.ui.describe.page import DescribePage


def declare_describe_commands(commands: Commands, page: DescribePage) -> None:
    def has_rows() -> bool:
        return page.model.rowCount() > 0

    commands.add(
        "exportDescriptions",
        _("Export descriptions as CSV…"),
        lambda: page.export(shopify=False),
        icon_name="save",
        enabled_when=has_rows,
        tip=_("The Describe page's table: file, product type, description"),
    )
    commands.add(
        "exportShopify",
        _("Export descriptions for Shopify…"),
        lambda: page.export(shopify=True),
        icon_name="save",
        enabled_when=has_rows,
        tip=_("The Describe page's table as a Shopify product CSV"),
    )
