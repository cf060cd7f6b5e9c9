"""Desktop notifications on Linux, through the freedesktop.org Notifications service.

Most Linux desktops (GNOME among them) have no system tray, so Qt's tray balloon
cannot show there; the Notifications service on the session bus always can. This
is a blocking call: run it on a worker. Windows and macOS use the tray instead.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

APP_NAME = "AuraX Desktop"
SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_S = 3.0
SHOW_FOR_MS = 8000


def notify_desktop(title: str, text: str, *, icon: str = "") -> bool:
    """Show a notification; True when the service took it, False when there is none
    (no session bus, no notification service, or not Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        from jeepney import DBusAddress, MessageType, new_method_call  # noqa: PLC0415
        from jeepney.io.blocking import open_dbus_connection  # noqa: PLC0415
    except ImportError:
        return False
    call = new_method_call(
        DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE),
        "Notify",
        "susssasa{sv}i",
        (APP_NAME, 0, icon, title, text, [], {}, SHOW_FOR_MS),
    )
    try:
        with open_dbus_connection(bus="SESSION") as connection:
            reply = connection.send_and_get_reply(call, timeout=TIMEOUT_S)
    except (OSError, KeyError, ValueError, TimeoutError) as exc:
        # KeyError: no session bus address in the environment.
        log.info("No desktop notification (%s)", type(exc).__name__)
        return False
    if reply.header.message_type is MessageType.error:
        log.info("The notification service refused: %s", reply.body[:1])
        return False
    return True
