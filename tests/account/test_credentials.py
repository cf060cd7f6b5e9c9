"""CredentialStore with the tests' in-memory keyring, and the backends it refuses."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
from keyring.backends import fail
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import PlaintextKeyring

from aurax_desktop.account import (
    Credentials,
    CredentialStore,
    KeyringUnavailable,
    from_environment,
    resolve_credentials,
)
from tests.memory_keyring import MemoryKeyring


def test_save_load_clear(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore()
    assert store.load() is None
    store.save(Credentials(" sk-1234567 ", "kid"))
    loaded = store.load()
    assert loaded == Credentials("sk-1234567", "kid", source="keyring")
    assert memory_keyring.entries[("aurax-desktop", "api-key")] == "sk-1234567"
    assert "sk-1234567" not in repr(loaded)
    store.clear()
    assert store.load() is None and memory_keyring.entries == {}
    store.clear()  # clearing twice is fine


def test_plaintext_backend_is_refused(tmp_path: object) -> None:
    plain = PlaintextKeyring()
    store = CredentialStore(backend=plain)
    assert not store.available()
    with pytest.raises(KeyringUnavailable) as info:
        store.save(Credentials("sk-1234567", "kid"))
    assert "for this session only" in info.value.user_message
    assert "plain file" in str(info.value)
    assert store.load() is None


def chain_of(*members: object) -> ChainerBackend:
    """keyring's own chain backend, over the given members."""
    return type("Chain", (ChainerBackend,), {"backends": list(members)})()  # type: ignore[no-any-return]


def test_a_chain_uses_its_secure_member_and_never_the_plaintext_one() -> None:
    secure, plain = MemoryKeyring(), PlaintextKeyring()
    store = CredentialStore(backend=chain_of(secure, plain))
    assert store.available()
    store.save(Credentials("sk-1234567", "kid"))
    assert secure.entries[("aurax-desktop", "api-key")] == "sk-1234567"
    only_plain = CredentialStore(backend=chain_of(plain))
    assert not only_plain.available()
    with pytest.raises(KeyringUnavailable, match="plain file"):
        only_plain.save(Credentials("sk-1234567", "kid"))


def test_no_keyring_at_all() -> None:
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore()
    assert not store.available()
    with pytest.raises(KeyringUnavailable, match="no secure password store"):
        store.save(Credentials("sk-1234567", "kid"))
    assert store.load() is None


class LockedKeyring(MemoryKeyring):
    """Stands in for a locked keychain that refuses access (cannot be made real here)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")


@pytest.mark.logs_expected(r"keyring could not be read")
def test_locked_keychain() -> None:
    store = CredentialStore(backend=LockedKeyring())
    with pytest.raises(KeyringUnavailable):
        store.save(Credentials("sk-1234567", "kid"))
    assert store.load() is None


def test_environment_takes_precedence_and_is_never_written(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    CredentialStore().save(Credentials("sk-keyring-1", "kid-keyring"))
    assert resolve_credentials() == Credentials("sk-keyring-1", "kid-keyring")
    monkeypatch.setenv("AURAX_API_KEY", "sk-env-12345")
    monkeypatch.setenv("AURAX_KEY_ID", "kid-env")
    assert resolve_credentials() == Credentials("sk-env-12345", "kid-env", source="environment")
    assert "sk-env-12345" not in memory_keyring.entries.values()
    monkeypatch.setenv("AURAX_KEY_ID", "")
    assert from_environment() is None


def test_credentials_need_both_parts() -> None:
    with pytest.raises(ValueError, match="Both the API key and the key id"):
        Credentials(" ", "kid")
