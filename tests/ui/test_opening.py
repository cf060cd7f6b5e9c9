"""Photos given when the program starts (the file manager's "Open with", the command
line) open in the Try-On page: a name that says a product in the Garment pane, others
in the Person pane, a missing file named. The real window in demo mode."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QUrl
from PySide6.QtGui import QFileOpenEvent
from pytestqt.qtbot import QtBot

from aurax_desktop import app
from aurax_desktop.api import ImageGenerationRequest, ProductType
from aurax_desktop.app import create_window
from aurax_desktop.demo import TRIAL_CREDITS, DemoServer
from aurax_desktop.imaging import ImageError, load_image
from aurax_desktop.jobs.ownership import InstanceLock
from aurax_desktop.ui.shell.handover import file_opened, hand_over, inbox_dir
from tests.conftest import client_for
from tests.factories import jpeg_bytes, person_jpeg
from tests.ui.conftest import close_window, drop
from tests.ui.window_driver import WindowDriver


def test_photos_given_at_start_open_in_the_try_on_page(qtbot: QtBot, tmp_path: Path) -> None:
    anna = tmp_path / "anna.jpg"
    anna.write_bytes(person_jpeg())
    dress = tmp_path / "red-summer-dress.jpg"
    dress.write_bytes(jpeg_bytes((400, 600), (200, 30, 40)))
    gone = tmp_path / "gone.jpg"
    window = create_window(["--demo", str(anna), str(dress), str(gone)])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    try:
        page = driver.try_on
        qtbot.waitUntil(
            lambda: page.person_pane.source is not None and page.garment_pane.source is not None,
            timeout=10_000,
        )
        assert [p.name for p in page.person_pane.photos()] == ["anna.jpg"]
        assert [p.name for p in page.garment_pane.photos()] == ["red-summer-dress.jpg"]
        assert page.product_type.currentData() == "DRESS"  # suggested from the name
        assert driver.current_page() == "try-on"
        assert "Not found, so not opened: gone.jpg" in driver.status()
        assert page.blocker() == ""  # ready to try on
        demo = window.session.demo
        assert demo is not None  # a season can be tried whole (40 x 10 is 1,200 credits)
        assert demo.stats()["credits"][demo.key_id] == TRIAL_CREDITS >= 1200
    finally:
        close_window(window)


def test_photos_opened_while_it_runs_go_to_the_running_window(qtbot: QtBot, tmp_path: Path) -> None:
    blouse = tmp_path / "white-blouse.jpg"
    blouse.write_bytes(jpeg_bytes((400, 400), (240, 240, 240)))
    window = create_window(["--demo"])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    lock = InstanceLock()
    assert lock.acquire()  # as the running program holds it
    try:
        # launched again with a photo ("Open with"): no second window, no question
        assert app.main([str(blouse)]) == 0
        garments = driver.try_on.garment_pane
        qtbot.waitUntil(lambda: garments.source is not None, timeout=10_000)
        assert [p.name for p in garments.photos()] == ["white-blouse.jpg"]
        qtbot.waitUntil(lambda: not list(inbox_dir().glob("*.json")), timeout=5000)
        # macOS hands a file opened with the program to it as an event: the same route
        skirt = tmp_path / "pleated-skirt.jpg"
        skirt.write_bytes(jpeg_bytes((400, 400), (30, 30, 120)))
        assert file_opened(QFileOpenEvent(str(skirt)))
        qtbot.waitUntil(lambda: len(garments.photos()) == 2, timeout=10_000)
        assert not file_opened(QEvent(QEvent.Type.Show))
        # a handover left by a window long gone is dropped at the next start
        stale = inbox_dir() / "0-old.json"
        stale.write_text(json.dumps([str(blouse)]), encoding="utf-8")
        os.utime(stale, (time.time() - 3600, time.time() - 3600))
        other = create_window(["--demo"])
        qtbot.addWidget(other)
        try:
            assert not stale.exists()
        finally:
            close_window(other)
    finally:
        lock.release()
        close_window(window)


@pytest.mark.logs_expected(r"handover that cannot be read")
def test_hostile_handovers_never_block_or_hang_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    """A device, a named pipe, a JSON nested past any depth: refused or set aside, and
    the next handover opens."""
    pipe = tmp_path / "model-pipe.jpg"
    os.mkfifo(pipe)
    window = create_window(["--demo"])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    try:
        inbox = inbox_dir()
        nested = inbox / "1-nested.json"
        nested.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        (inbox / "2-device.json").write_text(json.dumps(["/dev/zero", str(pipe)]))
        qtbot.waitUntil(lambda: not list(inbox.glob("*.json")), timeout=10_000)
        assert (inbox / "unreadable" / "1-nested.json").exists()
        people = driver.try_on.person_pane
        qtbot.waitUntil(lambda: not people.loading, timeout=10_000)
        assert people.photos() == []
        said = people.message_text()
        assert "zero" in said and "model-pipe.jpg" in said
        for special in (Path("/dev/zero"), pipe):  # however it is asked for, never read
            with pytest.raises(ImageError, match="device or a pipe"):
                load_image(special)
        # the next handover is not blocked
        anna = tmp_path / "anna.jpg"
        anna.write_bytes(person_jpeg())
        hand_over([anna])
        qtbot.waitUntil(lambda: [p.name for p in people.photos()] == ["anna.jpg"], timeout=10_000)
    finally:
        close_window(window)


def test_closing_never_waits_for_a_dripping_link(
    qtbot: QtBot, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory(task_seconds=0.1, drip_images=60.0)  # a minute to send a picture
    client = client_for(server)
    try:
        task = client.submit_image_generation(
            ImageGenerationRequest("a red scarf", ProductType.OTHER, width=64, height=64)
        )
        deadline = time.monotonic() + 10
        while not client.get_task(task).image_ids and time.monotonic() < deadline:
            time.sleep(0.1)
        image_id = client.get_task(task).image_ids[0]
    finally:
        client.close()
    window = create_window(["--demo"])
    driver = WindowDriver(window)
    qtbot.addWidget(window)
    url = f"{server.url}/images/{image_id}"
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    drop(driver.try_on.person_pane, mime)
    qtbot.waitUntil(lambda: driver.try_on.person_pane.loading, timeout=5000)
    qtbot.wait(500)  # the download has started, and drips
    started = time.monotonic()
    close_window(window)
    assert time.monotonic() - started < 2.0
