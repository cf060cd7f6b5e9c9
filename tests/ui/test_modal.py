"""A modal question's dialog goes once it is answered: kept as the window's hidden child
and alive from Python, it would be deleted twice as the program ends (a crash on the way
out)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.modal import run_modal
from tests.ui.conftest import when_modal


def test_an_answered_dialog_is_deleted_and_its_answer_kept(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    dialog = QDialog(window)
    dialog.setObjectName("answer me")
    when_modal(QDialog, lambda shown: shown.accept())
    assert run_modal(dialog) == QDialog.DialogCode.Accepted
    assert dialog.objectName() == "answer me"  # still there for the caller, right after
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    assert window.findChildren(QDialog) == []
