"""Many asks, one call: how the window's views keep up with a busy batch.

A batch of a hundred try-ons brings several events a second for each job; a view that
redrew, recounted or relaid itself for each one would keep the GUI thread busy and the
window would stutter. A view asks its ``Coalesced`` instead: the first ask starts a
timer, the asks before it fires join it, and the view's update runs once. With
``FRAME_MS`` the view updates at most once a frame, however many events arrive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

FRAME_MS = 16
"""A frame at 60 Hz: an update shown this late is not seen as late."""


class Coalesced(QObject):
    """Runs ``action`` once, ``interval`` ms after the first of any number of asks."""

    def __init__(
        self, action: Callable[[], None], parent: QObject, *, interval: int = FRAME_MS
    ) -> None:
        super().__init__(parent)
        self._action = action
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval)
        self._timer.timeout.connect(self._run)
        self._stopped = False
        self.runs = 0
        """How many times the action ran (what the tests of coalescing count)."""

    def ask(self) -> None:
        """The action is wanted: it runs at the end of the interval begun by the first
        ask not yet served (never once the owner stopped)."""
        if not self._stopped and not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def now(self) -> None:
        """Run the action at once, serving a pending ask (for a reader that needs the
        view up to date)."""
        self._timer.stop()
        self._run()

    def stop(self) -> None:
        """The owner closes: a pending ask is dropped and later ones start nothing."""
        self._stopped = True
        self._timer.stop()

    def _run(self) -> None:
        self.runs += 1
        self._action()
