"""A result handed on as a photo for the Try-On page: the next person to dress, or a
garment to try on (the history keeps which job it came from)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HandedOn:
    path: Path
    """The result's file."""
    name: str
    """The photo's name in its pane."""
    job_id: str
    """The job it came from."""
    made_from: str | None = None
    """The photo it was made from: replaced by it when that photo is in the pane."""
    product_type: str | None = None
    """A garment's product type."""
