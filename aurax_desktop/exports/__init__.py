"""What users send on, written without Qt (the window and the command share it):
description tables as CSV, lookbooks as PDF, contact sheets as pictures."""

from aurax_desktop.exports.contact_sheet import write_contact_sheet
from aurax_desktop.exports.descriptions import (
    DescribedProduct,
    write_descriptions_csv,
    write_shopify_csv,
)
from aurax_desktop.exports.lookbook import Lookbook, from_jobs, write_pdf
from aurax_desktop.exports.paper import Paper, locale_paper, paper_for_locale

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
