"""Checking a key with one authenticated call that costs nothing."""

from __future__ import annotations

import uuid

from aurax_desktop import api
from aurax_desktop.api import NotFoundError
from aurax_desktop.translation import _


def check_connection(base_url: str, api_key: str, key_id: str) -> str:
    """Ask for a task that cannot exist: "not found" proves the key was accepted.

    Returns a sentence for the user; raises ``AuraxError`` (with a plain
    ``user_message``) when the key, the address or the network is the problem.
    """
    client = api.AuraxClient(  # the HTTP client, imported when a key is first checked
        base_url, api_key=api_key, key_id=key_id, retry=api.RetryPolicy(attempts=2, base_delay=0.3)
    )
    try:
        client.get_task(f"connection-check-{uuid.uuid4().hex[:8]}")
    except NotFoundError:
        # Translators: {address} is the server's address; {key_id} the key's id.
        message = _("Connected: {address} accepted the key {key_id}.")
        return message.format(address=client.base_url, key_id=key_id)
    finally:
        client.close()
    return _("Connected to {address}.").format(address=client.base_url)
