"""What users send on, written without Qt (the window and the command share it):
description tables as CSV, lookbooks as PDF, contact sheets as pictures."""

from aurax_desktop.exports.descriptions import (
    DescribedProduct,
    write_descriptions_csv,
    write_shopify_csv,
)

__all__ = ["DescribedProduct", "write_descriptions_csv", "write_shopify_csv"]
