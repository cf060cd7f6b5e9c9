"""Run inside ``dbus-run-session``: unlock a fresh gnome-keyring, then save, read and
clear a key through CredentialStore and the real Secret Service. Prints one JSON line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import keyring
import secretstorage

from aurax_desktop.account import Credentials, CredentialStore
from aurax_desktop.account.credentials import secure_backend

SERVICE = "aurax-desktop-test"


def main() -> None:
    started = subprocess.run(
        ["gnome-keyring-daemon", "--replace", "--unlock", "--components=secrets", "--daemonize"],
        input=b"test-password\n",
        capture_output=True,
        timeout=30,
        check=True,
    )
    for line in started.stdout.decode().splitlines():
        name, _, value = line.partition("=")
        if value:
            os.environ[name] = value
    store = CredentialStore(service=SERVICE)
    chosen, _ = secure_backend(keyring.get_keyring())
    report: dict[str, object] = {"backend": type(chosen).__module__, "available": store.available()}
    store.save(Credentials(sys.argv[1], "key-id-7"))
    loaded = store.load()
    report["loaded"] = [loaded.api_key, loaded.key_id] if loaded else None
    # Read it back through the Secret Service's own API, not through keyring.
    connection = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(connection)
    items = list(collection.search_items({"service": SERVICE}))
    report["secret_service_items"] = sorted(
        (item.get_attributes().get("username", ""), item.get_secret().decode()) for item in items
    )
    store.clear()
    report["after_clear"] = store.load() is None and not list(
        collection.search_items({"service": SERVICE})
    )
    print(json.dumps(report))


if __name__ == "__main__":
    main()
