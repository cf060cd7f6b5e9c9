"""What a user sees as "it does not fit": pages that scroll, controls cut off at the
window's edge or lying over each other, labels and buttons whose text does not fit (and
is not elided with the whole text in a tooltip). Used by the tests at the screen sizes
people have; runnable on its own for a report:

    python -m tests.ui.fit_check 1366x740 [--scale 2] [--dark]
"""

from __future__ import annotations

import itertools
import os
import sys

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenuBar,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QSplitterHandle,
    QStatusBar,
    QToolButton,
    QWidget,
)

SLACK = 1
"""Pixels of rounding forgiven."""


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return QRect(top_left, widget.size())


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0


def _inside_scroller(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True  # list views, tables, text edits: their content scrolls by design
        parent = parent.parentWidget()
    return False


def _leaf(widget: QWidget) -> bool:
    """A control or label (its own children are its business)."""
    return isinstance(widget, QAbstractButton | QLabel | QComboBox) or not widget.findChildren(
        QWidget
    )


def text_problem(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not show whole, or None."""
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        room = widget.contentsRect()
        if widget.wordWrap():
            needed = widget.heightForWidth(room.width())
            if needed > room.height() + SLACK:
                return f"label {text[:40]!r} needs {needed} px of height, has {room.height()}"
            return None
        hint = widget.sizeHint().width() - (widget.width() - room.width())
        if hint > room.width() + SLACK:
            if "…" in text and widget.toolTip():
                return None  # elided, the whole text in its tooltip
            return f"label {text[:40]!r} needs {hint} px, has {room.width()}"
        return None
    if isinstance(widget, QPushButton | QToolButton | QCheckBox):
        if isinstance(widget, QToolButton) and (
            not widget.text() or widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        ):
            return None  # its text is not shown (a name for screen readers, at most)
        if widget.sizeHint().width() > widget.width() + SLACK:
            return (
                f"{type(widget).__name__} {widget.text()[:40]!r} needs "
                f"{widget.sizeHint().width()} px, has {widget.width()}"
            )
    if isinstance(widget, QComboBox) and widget.minimumSizeHint().width() > widget.width() + SLACK:
        return f"combo {widget.currentText()[:40]!r} is cut ({widget.width()} px)"
    return None


def jobs_rows_shown(window: QMainWindow) -> float:
    """How many job rows fit in the Jobs list as it is now."""
    from aurax_desktop.ui.jobs.view import ROW_HEIGHT  # noqa: PLC0415

    view = window.job_list  # type: ignore[attr-defined]
    return float(view.viewport().height() / ROW_HEIGHT)


def problems(window: QMainWindow) -> list[str]:
    """Everything that does not fit in ``window`` as it is now shown."""
    QApplication.processEvents()
    found: list[str] = []
    frame = window.rect()
    for area in window.findChildren(QScrollArea):
        if _shown(area, window) and area.objectName() == "pageScroller":
            if area.horizontalScrollBar().maximum() > 0:
                found.append("the page scrolls sideways")
            if area.verticalScrollBar().maximum() > 0:
                found.append("the page scrolls down")
    widgets = [
        w
        for w in window.findChildren(QWidget)
        if _shown(w, window)
        and not isinstance(w, QScrollBar | QSplitterHandle | QMenuBar | QStatusBar)
        and not _inside_scroller(w)
        and w.window() is window
    ]
    for widget in widgets:
        rect = _window_rect(widget, window)
        if not frame.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
            found.append(f"{_name(widget)} is cut off at the window's edge ({rect})")
        why = text_problem(widget)
        if why:
            found.append(why)
    by_parent: dict[int, list[QWidget]] = {}
    for widget in widgets:
        parent = widget.parentWidget()
        if parent is not None and _leaf(widget):
            by_parent.setdefault(id(parent), []).append(widget)
    for siblings in by_parent.values():
        for one, other in itertools.combinations(siblings, 2):
            overlap = one.geometry().intersected(other.geometry())
            if overlap.width() > SLACK and overlap.height() > SLACK:
                found.append(f"{_name(one)} and {_name(other)} overlap")
    return found


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = f" {widget.text()[:30]!r}"
    name = widget.objectName() or widget.accessibleName()
    return f"{type(widget).__name__}{' ' + name if name else ''}{text}"


LONG_PEOPLE = ("SS27-resort-look-021-model-anna-maria.jpg", "SS27-resort-look-022-model-ben.jpg")
LONG_GARMENTS = {
    "dress-red.png": "SS27-resort-linen-midi-dress-washed-sand-navy.png",
    "sneakers-white.png": "SS27-resort-court-sneaker-white-leather.png",
    "top-striped.png": "SS27-resort-breton-top-striped-navy-ecru.png",
    "bag-leather.png": "SS27-resort-leather-tote-bag-cognac.png",
}


def load_samples(app: QApplication, window: QMainWindow) -> None:
    """A real catalog in the Try-On panes (two people, four garments, long names: the
    strips show), one finished job in the list and the viewer, and a status message."""
    import shutil  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    import time  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from aurax_desktop.jobs import TryOnInput  # noqa: PLC0415
    from aurax_desktop.ui.shell.demo_banner import samples  # noqa: PLC0415

    found = {s.path.name: s.path for s in samples()}
    folder = Path(tempfile.mkdtemp(prefix="aurax-fit-"))
    people = [folder / name for name in LONG_PEOPLE]
    for person in people:
        shutil.copy(found["person.jpg"], person)
    garments = []
    for sample, name in LONG_GARMENTS.items():
        shutil.copy(found[sample], folder / name)
        garments.append(folder / name)
    page = window.try_on  # type: ignore[attr-defined]
    page.person_pane.load_paths(people)
    page.garment_pane.load_paths(garments)
    runner = window.session.runner  # type: ignore[attr-defined]
    job_id = runner.submit_try_on(TryOnInput(people[0], garments[0]))
    deadline = time.monotonic() + 30

    def ready() -> bool:
        window.model.flush()  # type: ignore[attr-defined]
        job = window.cache.get(job_id)  # type: ignore[attr-defined]
        return (
            len(page.person_pane.photos()) == 2
            and len(page.garment_pane.photos()) == 4
            and not page.person_pane.loading
            and not page.garment_pane.loading
            and job is not None
            and job.status.is_final
        )

    while not ready():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the catalog did not open, or the job did not end")
    window.viewer.show_job(window.cache.get(job_id))  # type: ignore[attr-defined]
    window.say("A batch of 8 try-ons finished: 8 of 8 completed. See them in the Gallery.")  # type: ignore[attr-defined]
    for _ in range(20):
        app.processEvents()


def room(window: QMainWindow) -> list[str]:
    """What the issue asks of the room at these sizes: the result at least 300 px tall,
    three job rows at least, names that can be told apart."""
    found = []
    viewer = window.viewer  # type: ignore[attr-defined]
    if viewer.height() < 300:
        found.append(f"the result preview is {viewer.height()} px tall (needs 300)")
    if jobs_rows_shown(window) < 3:
        found.append(f"the Jobs list shows {jobs_rows_shown(window):.1f} rows (needs 3)")
    return found + names_told_apart(window)


READABLE = 24
"""The fewest characters of a long name a heading shows (cut in the middle)."""


def names_told_apart(window: QMainWindow) -> list[str]:
    """The names a user tells photos apart by: each pane's heading shows the shown
    photo's name (whole, or at least its start and end), the mask bar says for what,
    and no two strip items read the same."""
    found = []
    page = window.try_on  # type: ignore[attr-defined]
    labels = [page.person_pane.name_label, page.garment_pane.name_label, page.mask_label]
    for label in labels:
        whole, shown = label.full_text(), label.text()
        if shown != whole and len(shown) - 1 < READABLE:
            found.append(f"{label.accessibleName() or 'the mask bar'} shows only {shown!r}")
    kind = page.mask_label.full_text().split(" · ")[0]
    if not page.mask_label.text().startswith(kind):
        found.append(f"the mask bar cuts its type: {page.mask_label.text()!r}")
    for pane in (page.person_pane, page.garment_pane):
        strip = pane.strip
        texts = [strip.item(row).text() for row in range(strip.count())]
        if len(set(texts)) != len(texts):
            found.append(f"{strip.accessibleName()} read alike: {texts}")
    return found


def main() -> None:
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser()
    parser.add_argument("size")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    if args.dark:
        os.environ["AURAX_THEME"] = "dark"
    app = QApplication(sys.argv[:1])
    from aurax_desktop.app import configure_application, create_window, dispose  # noqa: PLC0415

    configure_application(app)
    width, height = (int(n) for n in args.size.split("x"))
    window = create_window(["--demo"])
    window.setGeometry(0, 0, width, height)
    for _ in range(20):
        app.processEvents()
    window.first_split()  # as a first run at this size
    failures = 0
    load_samples(app, window)
    for problem in room(window):
        failures += 1
        print(problem)
    for _ in range(20):
        app.processEvents()
    print(
        "minimum sizes:",
        {
            n: (p.minimumSizeHint().width(), p.minimumSizeHint().height())
            for n, p in (
                ("try-on", window.try_on),
                ("generate", window.generate),
                ("describe", window.describe),
                ("results", window.results_splitter),
                ("window", window),
            )
        },
    )
    for row in range(window.pages.count()):
        window.navigation.setCurrentRow(row)
        for _ in range(20):
            app.processEvents()
        for problem in problems(window):
            failures += 1
            print(f"page {row}: {problem}")
    print(
        f"window minimum: {window.minimumSizeHint().width()} x {window.minimumSizeHint().height()}"
    )
    print(f"job rows in view: {jobs_rows_shown(window):.1f}")
    window.close()
    dispose(window)
    print(f"{failures} problems at {args.size} x{args.scale:g}")


if __name__ == "__main__":
    main()
