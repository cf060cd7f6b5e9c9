"""What users send on, written without Qt (the window and the command share it):
description tables as CSV, lookbooks as PDF, contact sheets as pictures.

The description tables are imported at once; the documents (reportlab, fonts,
pictures) when first asked for, so a window paints before they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aurax_desktop.exports.descriptions import (
    DescribedProduct,
    write_descriptions_csv,
    write_shopify_csv,
)
from aurax_desktop.lazy_names import later

if TYPE_CHECKING:
    from aurax_desktop.exports.contact_sheet import write_contact_sheet
    from aurax_desktop.exports.lookbook import Lookbook, from_jobs, write_pdf
    from aurax_desktop.exports.paper import Paper, locale_paper, paper_for_locale

_LATER = {
    "write_contact_sheet": "contact_sheet",
    "Lookbook": "lookbook",
    "from_jobs": "lookbook",
    "write_pdf": "lookbook",
    "Paper": "paper",
    "locale_paper": "paper",
    "paper_for_locale": "paper",
}


__getattr__ = later(__name__, _LATER, globals())


__all__ = [
    "DescribedProduct",
    "Lookbook",
    "Paper",
    "from_jobs",
    "locale_paper",
    "paper_for_locale",
    "write_contact_sheet",
    "write_descriptions_csv",
    "write_pdf",
    "write_shopify_csv",
]
