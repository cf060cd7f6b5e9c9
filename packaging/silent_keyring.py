"""A system keyring that never answers, for ``check_bundle.py``: it owns the Secret
Service's name on the session bus (so keyring's Secret Service backend takes it for
the keyring) and receives every call without ever replying, as a keyring daemon that
hangs does. Prints "ready" once the name is its own; runs until it is killed.

Run inside a private D-Bus session: ``dbus-run-session -- python silent_keyring.py``.
"""

from __future__ import annotations

from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

SERVICE_NAME = "org.freedesktop.secrets"
PRIMARY_OWNER = 1


def main() -> None:
    connection = open_dbus_connection(bus="SESSION")
    answer = connection.send_and_get_reply(message_bus.RequestName(SERVICE_NAME))
    if answer.body != (PRIMARY_OWNER,):
        raise SystemExit(f"the name {SERVICE_NAME} is taken already: {answer.body}")
    print("ready", flush=True)
    while True:
        connection.receive()  # and never a reply


if __name__ == "__main__":
    main()
