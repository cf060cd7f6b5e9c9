"""Closing the window while a photo is being read (a picture link dragged from a browser
whose server drips a byte every 5 seconds, its headers or its body; a named pipe)
ends the program: the read is given up, never waited for. The real program runs in a
process of its own, its window closed as the user would close it once the read is
under way; the test waits for the process to end, within a bound far shorter than
the read would take."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from aurax_desktop.demo import DemoServer

DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from aurax_desktop import app as program
from aurax_desktop.ui.shell.main_window import MainWindow

base_url, what, where, told = sys.argv[1:5]
application = program.AuraxApplication(sys.argv[:1])


def drive():
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not shown or not shown[0].isVisible():
        QTimer.singleShot(20, drive)
        return
    window = shown[0]
    pane = window.features.try_on.person_pane
    if what == "link":
        pane.load_url(where)
    else:
        pane.load_path(Path(where))
    print("reading", flush=True)

    def close_when_told():
        if Path(told).exists():
            window.close()  # the last window: the program ends
        else:
            QTimer.singleShot(20, close_when_told)

    close_when_told()


QTimer.singleShot(0, drive)
code = program.main(["--base-url", base_url])
print("ended", code, flush=True)
sys.exit(code)
"""


class DrippingServer:
    """A web server whose answer comes one byte every 5 seconds, for ever: from its
    first header (``headers``) or after whole headers (``body``)."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.asked = threading.Event()
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.thread = threading.Thread(target=self._serve, name="dripping-server")
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/look.jpg"

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(65536)
                self.asked.set()
                answer = b"HTTP/1.1 200 OK\r\n"
                if self.where == "body":
                    connection.sendall(
                        answer + b"Content-Type: image/jpeg\r\nContent-Length: 900000\r\n\r\n"
                    )
                    answer = b"\xff\xd8" + b"\x00" * 899_998
                for byte in answer:
                    try:
                        connection.sendall(bytes([byte]))
                    except OSError:
                        break  # the reader went away
                    if self.stop.wait(5):  # the drip: a byte every 5 seconds
                        break

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.listener.close()


@pytest.fixture
def dripping(request: pytest.FixtureRequest) -> Iterator[DrippingServer]:
    server = DrippingServer(request.param)
    yield server
    server.close()


def run_and_close(
    server: DemoServer, tmp_path: Path, what: str, where: str, started: threading.Event | None
) -> subprocess.CompletedProcess[str]:
    told = tmp_path / "close now"
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, server.url, what, where, str(told)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "reading"
        if started is not None:  # the read is under way at the other end
            assert started.wait(30), "the link was never asked for"
        told.touch()
        out, err = process.communicate(timeout=30)  # the read alone would take minutes
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.parametrize("dripping", ["headers", "body"], indirect=True)
def test_closing_while_a_link_drips_ends_the_program(
    server: DemoServer, tmp_path: Path, dripping: DrippingServer
) -> None:
    done = run_and_close(server, tmp_path, "link", dripping.url, dripping.asked)
    assert done.returncode == 0, done.stderr
    assert "ended 0" in done.stdout and "Traceback" not in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="named pipes")
def test_closing_while_a_named_pipe_is_opened_ends_the_program(
    server: DemoServer, tmp_path: Path
) -> None:
    pipe = tmp_path / "anna.jpg"
    os.mkfifo(pipe)
    done = run_and_close(server, tmp_path, "file", str(pipe), None)
    assert done.returncode == 0, done.stderr
    assert "ended 0" in done.stdout and "Traceback" not in done.stderr
