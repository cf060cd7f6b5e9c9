"""Export lookbook…: the shown batch as a PDF or a contact sheet, written on a worker by
the same Qt-free exporter as ``aurax lookbook``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from aurax_desktop.exports import Lookbook, from_jobs, write_contact_sheet, write_pdf
from aurax_desktop.jobs import Job, slug
from aurax_desktop.ui.common.background import BackgroundWork

KINDS = {
    "PDF lookbook (*.pdf)": ".pdf",
    "Contact sheet, PNG picture (*.png)": ".png",
    "Contact sheet, JPEG picture (*.jpg *.jpeg)": ".jpg",
}


def write_lookbook(book: Lookbook, target: Path) -> tuple[Path, list[str]]:
    """The lookbook written (a PDF, or a contact sheet picture); notes on looks left out."""
    if target.suffix.lower() == ".pdf":
        return write_pdf(book, target)
    return write_contact_sheet(book, target)


def ask_target(parent: QWidget, folder: Path, title: str) -> Path | None:
    """The file to write, from the save dialog (its kind from the name or the filter)."""
    suggested = folder / f"{slug(title) or 'lookbook'}.pdf"
    chosen, kind = QFileDialog.getSaveFileName(
        parent, "Export lookbook", str(suggested), ";;".join(KINDS)
    )
    if not chosen:
        return None
    target = Path(chosen)
    if target.suffix.lower() not in (".pdf", ".png", ".jpg", ".jpeg"):
        target = target.with_name(target.name + KINDS.get(kind, ".pdf"))
    return target


def export_lookbook(
    parent: QWidget,
    work: BackgroundWork,
    jobs: list[Job],
    *,
    filtered: bool,
    folder: Path,
    said: Callable[[str], None],
    failed: Callable[[str], None],
    heading: tuple[str, str] = ("", ""),
) -> None:
    """Ask where, then write on a worker; ``said`` tells what was written. ``jobs`` are
    those the Gallery's filter shows (``filtered``: a filter is on)."""
    subtitle, logo = heading
    logo_path = Path(logo) if logo else None
    book = from_jobs(
        jobs,
        subtitle=subtitle,
        logo=logo_path if logo_path is not None and logo_path.is_file() else None,
    )
    if not book.pages:
        failed(
            "No finished try-on of this batch passes the Gallery's filter: change the "
            "filter, or flag and rate some results first."
            if filtered
            else "There are no finished try-ons in this batch to export yet."
        )
        return
    target = ask_target(parent, folder, book.title)
    if target is None:
        return
    looks = f"{book.looks} looks of {len(book.pages)} people"
    work.run(
        lambda: write_lookbook(book, target),
        lambda written: said(
            f"Lookbook saved: {written[0].name} ({looks})."
            + (f" Left out: {'; '.join(written[1])}" if written[1] else "")
        ),
        lambda error: failed(
            f"The lookbook could not be written to {target}: "
            f"{getattr(error, 'strerror', None) or error}"
        ),
    )
