"""A private D-Bus session bus with a notification service on it, for tests.

The bus is a real ``dbus-daemon``; the service answers ``Notify`` the way a desktop's
notification daemon does and records what it was asked to show, like the demo server
plays AuraX. Needs Debian's ``dbus`` package (``dbus-daemon``).
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE = "org.freedesktop.Notifications"


@dataclass
class NotificationService:
    address: str
    shown: list[tuple[str, str, str]] = field(default_factory=list)
    """(application, summary, body) of each notification, in order."""
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 20) -> list[tuple[str, str, str]]:
        with self._changed:
            self._changed.wait_for(lambda: len(self.shown) >= count, timeout)
            return list(self.shown)

    def _record(self, entry: tuple[str, str, str]) -> None:
        with self._changed:
            self.shown.append(entry)
            self._changed.notify_all()


def dbus_daemon_available() -> bool:
    return shutil.which("dbus-daemon") is not None


@contextmanager
def notification_service() -> Iterator[NotificationService]:
    """A session bus of its own, with ``org.freedesktop.Notifications`` owned on it."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        service = NotificationService(address)
        connection = open_dbus_connection(bus=address)
        reply = connection.send_and_get_reply(message_bus.RequestName(SERVICE), timeout=5)
        assert reply.body == (1,), f"could not own {SERVICE}: {reply.body}"
        stop = threading.Event()

        def serve() -> None:
            next_id = 0
            while not stop.is_set():
                try:
                    message = connection.receive(timeout=0.1)
                except TimeoutError:
                    continue
                except OSError:
                    return
                header = message.header
                if header.message_type is not MessageType.method_call:
                    continue
                if header.fields.get(HeaderFields.member) == "Notify":
                    app, _replaces, _icon, summary, body = message.body[:5]
                    service._record((app, summary, body))
                    next_id += 1
                    connection.send(new_method_return(message, "u", (next_id,)))

        thread = threading.Thread(target=serve, name="test-notification-service", daemon=True)
        thread.start()
        try:
            yield service
        finally:
            stop.set()
            thread.join(5)
            connection.close()
    finally:
        daemon.terminate()
        daemon.wait(5)
