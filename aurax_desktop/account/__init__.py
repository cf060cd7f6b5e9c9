"""Credentials in the OS keyring, and the user's settings (no Qt)."""

from aurax_desktop.account.credentials import (
    SERVICE,
    Credentials,
    CredentialStore,
    KeyringCall,
    KeyringUnavailable,
    KeyringWaitTimeout,
    from_environment,
    load_patiently,
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
    "KeyringCall",
    "KeyringUnavailable",
    "KeyringWaitTimeout",
    "LoadedSettings",
    "Settings",
    "SettingsStore",
    "UploadSize",
    "from_environment",
    "load_patiently",
    "resolve_credentials",
]
