"""A modal question's dialog goes once it is answered: kept as the window's hidden child
and alive from Python, it would be deleted twice as the program ends (a crash on the way
out)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from aurax_desktop.ui.common.modal import TEXT_QUESTION_WIDTH, ask_text, run_modal
from tests.ui.conftest import when_modal
from tests.ui.pseudo_check import clipped_texts


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


def test_a_question_for_a_line_of_text_wraps_a_long_file_name(qtbot: QtBot) -> None:
    """Naming the person of a photo with a 120-character name: the question grows taller,
    not as wide as the name, and every word of it shows."""
    window = QWidget()
    qtbot.addWidget(window)
    name = "Anna-Maria Kowalczyk-Schönberger studio 2026-11 full length, second look " * 2
    label = f"The name of the person in {name.strip()}.jpg, as lookbooks give it:"
    seen: list[tuple[int, list[str]]] = []

    def answer(dialog: QInputDialog) -> None:
        seen.append((dialog.width(), clipped_texts(dialog)))
        dialog.setTextValue("Anna")
        dialog.accept()

    when_modal(QInputDialog, answer)
    assert ask_text(window, "Name this person", label, "anna") == "Anna"
    ((width, clipped),) = seen
    assert width <= TEXT_QUESTION_WIDTH and clipped == []
    when_modal(QInputDialog, lambda dialog: dialog.reject())
    assert ask_text(window, "Name this person", label) is None  # cancelled
