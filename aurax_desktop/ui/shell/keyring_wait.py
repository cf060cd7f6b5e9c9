"""Keyring calls that never freeze the window: each runs on a thread of its own
(``KeyringCall``), and a keyring that waits for the user (locked, or asking to create
a keyring) is said to be waiting, with Cancel, which goes on with a key kept for
this session only. The waiting is shown only while it lasts: once it is over, its
dialog can never show itself again (a ``QProgressDialog`` shows itself after four
seconds unless told not to, even hidden, even over the welcome dialog that followed)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from aurax_desktop.account import KeyringCall
from aurax_desktop.translation import _, lazy_gettext

SHOW_AFTER_MS = 500
"""A keyring that answers sooner is never mentioned."""
WAITING_TITLE = lazy_gettext("Waiting for the system keyring — AuraX Desktop")
WAITING_TEXT = lazy_gettext(
    "Waiting for the system keyring…\n\nIt may be locked, or asking for its password (or "
    "to create a keyring) in another window."
)


class KeyringWaiter(QObject):
    """Runs ``call`` on its own thread; ``done(result)``, ``failed(error)`` or, when the
    user gives up waiting, ``cancelled()``: exactly one of them, on the GUI thread."""

    _finished = Signal()
    _gaveUp = Signal()

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
        self._lock = threading.Lock()
        """Held while the keyring's thread hands its outcome over, and while the waiting
        is ended: once it is over, that thread never touches this object again (the
        window may be destroying it)."""
        self.dialog = QProgressDialog(
            str(WAITING_TEXT), _("Use a key for this session only"), 0, 0, parent
        )
        self.dialog.setObjectName("keyringWait")
        self.dialog.setWindowTitle(str(WAITING_TITLE))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.reset()  # stops its own timer: it is shown by ours, or never
        self.dialog.hide()
        self.dialog.canceled.connect(self._give_up)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(SHOW_AFTER_MS)
        self._later.timeout.connect(self._show)
        self._finished.connect(self._deliver)
        # What giving up leads to (a modal welcome dialog) runs once the progress dialog's
        # Cancel has returned: a nested event loop inside its own signal would delete the
        # dialog (deleteLater) while its code is still running.
        self._gaveUp.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self.call = KeyringCall(call, on_done=self._announce)
        self._later.start()

    def _announce(self) -> None:
        """On the keyring's thread: hand the outcome to the GUI thread, unless the
        waiting is over (given up, or the window closing): a keyring answering late,
        as the window goes, must not signal an object being destroyed."""
        with self._lock:
            if self._over:
                return
            with contextlib.suppress(RuntimeError):  # the window went without a word
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
            self._gaveUp.emit()

    def _end(self) -> None:
        with self._lock:
            self._over = True
        self._later.stop()
        self.dialog.blockSignals(True)
        # Never shown again: its own timer stopped (a deletion asked for now waits for
        # any modal dialog that follows, such as the welcome, to close first).
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def stop(self) -> None:
        """The window closes: nothing more is shown or delivered."""
        if not self._over:
            self._end()
