"""Keyring calls that never freeze the window: each runs on a thread of its own
(``KeyringCall``), and a keyring that waits for the user (locked, or asking to create
a keyring) is said to be waiting, with Cancel, which goes on with a key kept for
this session only."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from aurax_desktop.account import KeyringCall

SHOW_AFTER_MS = 500
"""A keyring that answers sooner is never mentioned."""
WAITING_TEXT = (
    "Waiting for the system keyring…\n\nIt may be locked, or asking for its password (or "
    "to create a keyring) in another window."
)


class KeyringWaiter(QObject):
    """Runs ``call`` on its own thread; ``done(result)``, ``failed(error)`` or, when the
    user gives up waiting, ``cancelled()``: exactly one of them, on the GUI thread."""

    _finished = Signal()

    def __init__(
        self,
        call: Callable[[], Any],
        parent: QWidget,
        *,
        done: Callable[[Any], object],
        failed: Callable[[BaseException], object],
        cancelled: Callable[[], object],
    ) -> None:
        super().__init__(parent)
        self._done, self._failed, self._cancelled = done, failed, cancelled
        self._over = False
        self.dialog = QProgressDialog(WAITING_TEXT, "Use a key for this session only", 0, 0, parent)
        self.dialog.setObjectName("keyringWait")
        self.dialog.setWindowTitle("AuraX Desktop")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.hide()
        self.dialog.canceled.connect(self._give_up)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(SHOW_AFTER_MS)
        self._later.timeout.connect(self._show)
        self._finished.connect(self._deliver)
        self.call = KeyringCall(call, on_done=self._announce)
        self._later.start()

    def _announce(self) -> None:
        """On the keyring's thread: hand the outcome to the GUI thread."""
        with contextlib.suppress(RuntimeError):  # the window went meanwhile
            self._finished.emit()

    def _show(self) -> None:
        if not self._over:
            self.dialog.show()

    @Slot()
    def _deliver(self) -> None:
        if self._over:
            return  # the user gave up waiting: what came later is not used
        self._end()
        try:
            result = self.call.outcome()
        except Exception as exc:
            self._failed(exc)
            return
        self._done(result)

    def _give_up(self) -> None:
        if not self._over:
            self._end()
            self._cancelled()

    def _end(self) -> None:
        self._over = True
        self._later.stop()
        self.dialog.blockSignals(True)
        self.dialog.hide()
        self.dialog.deleteLater()

    def stop(self) -> None:
        """The window closes: nothing more is shown or delivered."""
        if not self._over:
            self._end()
