"""What every page that sends jobs shares: sending on a worker, then telling the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from aurax_desktop.ui.common.background import BackgroundWork

SpendCheck = Callable[[float, str], bool]
"""Asked before sending, with the cost and what is sent (the window's daily limit):
False keeps it unsent."""


class SendingPage(QWidget):
    """Subclasses build their request and call ``send``; ``update_submit`` shows the state."""

    submitted = Signal(list)  # the ids of the jobs sent
    failed = Signal(str)

    def __init__(
        self, work: BackgroundWork, allow_spend: SpendCheck, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.work = work
        self._sending = False
        self.allow_spend = allow_spend

    def update_submit(self) -> None:
        raise NotImplementedError

    def send(self, build: Callable[[], Any]) -> None:
        """Run ``build`` (which submits) on a worker; the button is busy meanwhile."""
        self._sending = True
        self.update_submit()
        self.work.run(build, self._sent, self._not_sent)

    def _sent(self, result: Any) -> None:
        self._sending = False
        self.update_submit()
        self.submitted.emit(result)

    def _not_sent(self, error: BaseException) -> None:
        self._sending = False
        self.update_submit()
        self.failed.emit(getattr(error, "user_message", str(error)))
