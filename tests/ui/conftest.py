"""Windows built by app.create_window against real demo servers, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QThread,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.app import create_window
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import Job, JobKind, JobQuery, JobStatus
from aurax_desktop.jobs.params import Sent, TryOnParams, encode
from aurax_desktop.languages import choose
from aurax_desktop.translation import current_language
from aurax_desktop.ui.common.language import apply_language
from aurax_desktop.ui.common.theme import apply_theme
from aurax_desktop.ui.gallery.grid import ResultsGallery
from aurax_desktop.ui.gallery.model import GalleryModel
from aurax_desktop.ui.shell.main_window import MainWindow
from tests.factories import garment_jpeg, jpeg_bytes, person_jpeg
from tests.ui.window_driver import WindowDriver

WindowFactory = Callable[..., WindowDriver]
ENGLISH = choose(["en"])
"""What the tests speak (their machine's language is set aside: tests/conftest.py)."""
D = TypeVar("D", bound=QDialog)


@pytest.fixture
def open_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[WindowFactory]:
    """``open_window(server)`` or ``open_window(demo=True)``: a shown main window, and its
    driver."""
    opened: list[MainWindow] = []

    def make(server: DemoServer | None = None, *, demo: bool = False) -> WindowDriver:
        if server is not None:
            monkeypatch.setenv("AURAX_API_KEY", server.api_key)
            monkeypatch.setenv("AURAX_KEY_ID", server.key_id)
            window = create_window(["--base-url", server.url])
        else:
            window = create_window(["--demo"] if demo else [])
        qtbot.addWidget(window)
        opened.append(window)
        qtbot.waitExposed(window)
        if server is not None:  # the key from the environment is used once it shows
            qtbot.waitUntil(lambda: window.session.connected)
        return WindowDriver(window)

    yield make
    for window in opened:
        close_window(window)


def close_window(window: MainWindow) -> None:
    window.close()
    window.session.shutdown()
    QApplication.processEvents()


@pytest.fixture(autouse=True, scope="session")
def _the_programs_look(qapp: QApplication) -> None:
    """Fusion, the palette and the style sheet, as the program applies them before its
    window (``configure_application``): what a test measures is what a user sees,
    whichever test ran before it."""
    apply_theme(qapp)


@pytest.fixture(autouse=True)
def _qt_in_english_again() -> Iterator[None]:
    """A window opened in another language leaves Qt's words, direction and locale as
    they were for the next test."""
    yield
    if current_language() != ENGLISH:
        apply_language(ENGLISH)


@pytest.fixture(autouse=True)
def _no_timers_left_running() -> Iterator[None]:
    """Fail a test that leaves a running QTimer or QThread anywhere: in any window still
    alive, shown or not, or owned by the application itself."""
    yield
    QApplication.processEvents()
    app = QApplication.instance()
    owners: list[QObject] = [*QApplication.topLevelWidgets()]
    if app is not None:
        owners.append(app)
    running = [
        f"{type(owner).__name__}: {timer.objectName() or repr(timer)} in "
        f"{type(timer.parent()).__name__} ({timer.parent().objectName()})"
        for owner in owners
        for timer in owner.findChildren(QTimer)
        if timer.isActive()
    ]
    running += [
        f"{type(owner).__name__}: {thread!r}"
        for owner in owners
        for thread in owner.findChildren(QThread)
        if thread.isRunning()
    ]
    assert not running, f"timers or threads left running: {running}"


@pytest.fixture
def photos(tmp_path: Path) -> dict[str, Path]:
    files = {
        "person.jpg": person_jpeg((600, 900)),
        "garment.jpg": garment_jpeg(),
        "notes.jpg": b"these are notes, not a picture" * 10,
        "broken.jpg": person_jpeg()[:400],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return {name: tmp_path / name for name in files}


def drop(widget: QWidget, mime: QMimeData) -> None:
    """A drop as the file manager or a browser makes it (synthetic drag events)."""
    point = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drop_file(widget: QWidget, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop(widget, mime)


def stroke(
    widget: QWidget, points: list[QPointF], button: Qt.MouseButton = Qt.MouseButton.LeftButton
) -> None:
    """Press, move through ``points`` and release, as real mouse events."""

    def send(
        kind: QEvent.Type, point: QPointF, pressed: Qt.MouseButton, held: Qt.MouseButton
    ) -> None:
        QApplication.sendEvent(
            widget,
            QMouseEvent(
                kind,
                point,
                widget.mapToGlobal(point),
                pressed,
                held,
                Qt.KeyboardModifier.NoModifier,
            ),
        )

    send(QEvent.Type.MouseButtonPress, points[0], button, button)
    for point in points[1:]:
        send(QEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, button)
    send(QEvent.Type.MouseButtonRelease, points[-1], button, Qt.MouseButton.NoButton)


def load_both(qtbot: QtBot, driver: WindowDriver, photos: dict[str, Path]) -> None:
    """Drop the person and the garment photo, and wait until both are open."""
    person, garment = driver.pane("person"), driver.pane("garment")
    drop_file(person, photos["person.jpg"])
    drop_file(garment, photos["garment.jpg"])
    qtbot.waitUntil(lambda: person.source is not None and garment.source is not None, timeout=10000)


def run_try_on(
    qtbot: QtBot,
    driver: WindowDriver,
    photos: dict[str, Path],
    status: JobStatus = JobStatus.COMPLETED,
) -> Job:
    """Load both photos, submit, and wait for the new job to reach ``status``."""
    before = {job.id for job in driver.jobs()}
    load_both(qtbot, driver, photos)
    driver.try_on.submit()

    def reached() -> Job | None:
        return next((j for j in driver.jobs() if j.id not in before and j.status is status), None)

    qtbot.waitUntil(lambda: reached() is not None, timeout=20000)
    job = reached()
    assert job is not None
    return job


def when_modal(kind: type[D], act: Callable[[D], None]) -> None:
    """Run ``act`` on the next modal dialog of ``kind`` once it is open (the code under
    test blocks in its exec() meanwhile)."""

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, check)


def answer_next_dialog(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` in the next message box that opens; returns its text once shown."""
    seen: list[str] = []

    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(button).click()

    when_modal(QMessageBox, click)
    return seen


def answer_batch_question(
    *, send: bool = True, name: str | None = None, describe: bool = False
) -> list[str]:
    """Answer the next question before a batch (its name and the descriptions as given);
    returns what it said, once it was shown."""
    from aurax_desktop.ui.studio.batch import BatchQuestion  # noqa: PLC0415

    seen: list[str] = []

    def answer(question: BatchQuestion) -> None:
        seen.append(question.text())
        seen.append(question.send_button.text())
        if name is not None:
            question.name_edit.setText(name)
        question.describe.setChecked(describe)
        seen.append(question.text())
        seen.append(question.send_button.text())
        seen.extend(  # then whom and what it names
            label.text()
            for label in question.findChildren(QLabel)
            if label.text().startswith(("People:", "Garments:"))
        )
        if send:
            question.send_button.click()
        else:
            question.reject()

    when_modal(BatchQuestion, answer)
    return seen


def sent_grid(qtbot: QtBot, driver: WindowDriver, tmp_path: Path) -> list[Job]:
    """Two people by two garments, sent and finished; shown in the Gallery."""
    people = []
    for number, name in enumerate(("anna", "ben")):
        path = tmp_path / f"SS27-resort-look-{name}.jpg"  # the loupe says "anna"
        path.write_bytes(jpeg_bytes((600, 900), (205 - 20 * number, 180, 160)))  # two people
        people.append(path)
    garments = []
    for name, colour in (("linen-dress", (200, 40, 20)), ("silk-dress", (20, 40, 200))):
        path = tmp_path / f"{name}.jpg"
        path.write_bytes(jpeg_bytes((400, 400), colour))
        garments.append(path)
    page = driver.try_on
    page.person_pane.load_paths(people)
    page.garment_pane.load_paths(garments)
    qtbot.waitUntil(lambda: page.blocker() == "" and len(page.garment_pane.photos()) == 2)
    answer_batch_question(name="Resort")
    page.submit()
    store = driver.session.store

    def ended() -> list[Job]:
        jobs = store.query(JobQuery(limit=50))
        return jobs if len(jobs) == 4 and all(j.status.is_final for j in jobs) else []

    qtbot.waitUntil(lambda: bool(ended()), timeout=30_000)
    qtbot.waitUntil(lambda: driver.gallery.model.counts()["done"] == 4, timeout=10_000)
    return ended()


def answer_export_options(*, scope: str = "shown", paper: str | None = None) -> list[str]:
    """Choose which looks go in (``scope``: "shown", "favourites" or "selected") and the
    paper ("a4", "letter"; None: as offered) in the next export's options, then go on to
    the save dialog; returns the paper offered and the choices' labels, once shown."""
    from aurax_desktop.ui.gallery.export_options import ExportOptionsDialog  # noqa: PLC0415

    seen: list[str] = []

    def answer(dialog: ExportOptionsDialog) -> None:
        seen.append(str(dialog.paper.currentData()))
        seen.extend(b.text() for b in (dialog.shown, dialog.favourites, dialog.selected))
        {"shown": dialog.shown, "favourites": dialog.favourites, "selected": dialog.selected}[
            scope
        ].setChecked(True)
        if paper is not None:
            dialog.paper.setCurrentIndex(dialog.paper.findData(paper))
        dialog.save_button.click()

    when_modal(ExportOptionsDialog, answer)
    return seen


def batch_try_on(
    row: int, column: int, *, person: str, garment: str, product_type: str = "DRESS"
) -> Job:
    """A finished try-on of "batch-1", in its grid's cell (``row``, ``column``), of the
    photos named ``person`` and ``garment`` (for a Gallery model shown without a window)."""
    return Job(
        id=f"job-{row}-{column}",
        kind=JobKind.TRY_ON,
        status=JobStatus.COMPLETED,
        product_type=product_type,
        params=encode(
            TryOnParams(garment_strength=2, garment_name=garment),
            Sent(batch_row=row, batch_column=column),
        ),
        source_name=person,
        batch="batch-1",
        created_at=float(row * 1000 + column),
        revision=1,
    )


def shown_grid(qtbot: QtBot, model: GalleryModel, width: int, height: int) -> ResultsGallery:
    """The Gallery's grid of ``model`` alone, shown at that size (the test stops it, as
    the window does)."""
    view = ResultsGallery(model)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view
