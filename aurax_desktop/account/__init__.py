"""Credentials in the OS keyring, and the user's settings (no Qt)."""

from aurax_desktop.account.credentials import (
    SERVICE,
    Credentials,
    CredentialStore,
    KeyringUnavailable,
    from_environment,
    resolve_credentials,
)

__all__ = [
    "SERVICE",
    "CredentialStore",
    "Credentials",
    "KeyringUnavailable",
    "from_environment",
    "resolve_credentials",
]
