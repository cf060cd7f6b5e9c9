"""The Try-On studio's commands: open a person photo, a garment photo or a season's
garment list, and paste a photo (File and Edit menus)."""

from __future__ import annotations

from aurax_desktop.translation import _
from aurax_desktop.ui.common.commands import Commands, Rule
from aurax_desktop.ui.common.folders import FolderMemory
from aurax_desktop.ui.studio.page import TryOnPage


def declare_studio_commands(
    commands: Commands, page: TryOnPage, connected: Rule, folders: FolderMemory
) -> None:
    """``connected``: whether jobs can be sent (the studio's photos are for sending);
    ``folders``: where a garment list is looked for (where the last one was)."""
    add = commands.add
    add(
        "openPerson",
        _("Open person photo…"),
        page.person_pane.browse,
        icon_name="person",
        shortcut="Ctrl+O",
        enabled_when=connected,
    )
    add(
        "openGarment",
        _("Open garment photo…"),
        page.garment_pane.browse,
        icon_name="garment",
        shortcut="Ctrl+Shift+O",
        enabled_when=connected,
    )
    add(
        "openGarmentList",
        _("Open a garment list…"),
        lambda: page.open_garment_list(folders),
        icon_name="lookbook",
        shortcut="Ctrl+Shift+L",
        enabled_when=connected,
        tip=_("A season's list (CSV or XLSX: file, type, SKU, name, price, colour)"),
    )
    add(
        "openPeopleList",
        _("Open a people list…"),
        lambda: page.open_people_list(folders),
        icon_name="person",
        enabled_when=connected,
        tip=_("The models' photos and their names (CSV or XLSX: file, name)"),
    )
    add(
        "pastePhoto",
        _("Paste photo"),
        page.paste_photo,
        icon_name="paste",
        enabled_when=connected,
    )
