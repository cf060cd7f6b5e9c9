"""Credentials in the OS keyring, and the user's settings (no Qt)."""

from aurax_desktop.account.credentials import (
    SERVICE,
    Credentials,
    CredentialStore,
    KeyringUnavailable,
    from_environment,
    resolve_credentials,
)
from aurax_desktop.account.settings import (
    LoadedSettings,
    Settings,
    SettingsStore,
    UploadSize,
)

__all__ = [
    "SERVICE",
    "CredentialStore",
    "Credentials",
    "KeyringUnavailable",
    "LoadedSettings",
    "Settings",
    "SettingsStore",
    "UploadSize",
    "from_environment",
    "resolve_credentials",
]
