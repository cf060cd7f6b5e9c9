"""A question's buttons are words alone, as the program's style sheet says: the platform's
stock pictures (a green tick, a red cross) clash with the program's flat icons. Checked
on Qt's X11 platform under Xvfb, where plain Fusion shows those pictures (the offscreen
platform never does); skipped where Xvfb is not installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.at_spi_session import start_display

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")

ASK = r"""
import json, sys
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
app = QApplication(sys.argv[:1])
if sys.argv[1] == "program":
    from aurax_desktop.ui.common.theme import apply_theme
    apply_theme(app)
else:
    app.setStyle("Fusion")
box = QMessageBox(QMessageBox.Icon.Question, "AuraX", "Send?",
                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
box.show()
app.processEvents()
print(json.dumps([not b.icon().isNull() for b in box.findChildren(QPushButton)]))
"""


def pictured(display: str, style: str) -> list[bool]:
    """Whether each button of a question shows a picture, in ``style``."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    run = subprocess.run(
        [sys.executable, "-c", ASK, style],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    shown: list[bool] = json.loads(run.stdout.splitlines()[-1])
    return shown


def test_a_question_s_buttons_show_no_stock_pictures(tmp_path: Path) -> None:
    server, display = start_display()
    try:
        assert pictured(display, "plain") == [True, True]  # what the style sheet prevents
        assert pictured(display, "program") == [False, False]
    finally:
        server.kill()
        server.wait()
