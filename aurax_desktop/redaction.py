"""Keeping secrets out of text: logs, messages and anything else written down."""

from __future__ import annotations

import re
import threading

MASK = "[redacted]"
_PATTERNS = (
    # x-api-key: VALUE, "x-api-key": "VALUE", x-api-key=VALUE, api_key='VALUE'
    re.compile(r"""(?i)(["']?(?:x-api-key|api[_-]?key)["']?\s*[:=]\s*["']?)([^\s"',;}]+)"""),
)
_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(secret: str) -> None:
    """Redact ``secret`` wherever it appears from now on (short strings are ignored)."""
    value = (secret or "").strip()
    if len(value) >= 6:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text
