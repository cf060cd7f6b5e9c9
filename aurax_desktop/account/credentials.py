"""The API key in the operating system's keyring, and nowhere else.

The key id may also appear in settings; the key never does. Environment
variables (``AURAX_API_KEY``, ``AURAX_KEY_ID``) take precedence for scripts
and CI and are never written anywhere. Plaintext keyring backends (such as
those of keyrings.alt) are refused: with no secure keyring the key is kept
for this session only.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Generic, TypeVar

from aurax_desktop.formats import format_number, plural_count
from aurax_desktop.redaction import register_secret
from aurax_desktop.translation import _, ngettext

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)


def _keyring() -> ModuleType:
    """The keyring library, imported when first used (it asks every installed backend
    to load: a window's first paint does not wait for that)."""
    import keyring  # noqa: PLC0415
    import keyring.backends.chainer  # noqa: PLC0415
    import keyring.backends.fail  # noqa: PLC0415
    import keyring.backends.null  # noqa: PLC0415
    import keyring.errors  # noqa: PLC0415

    return keyring


SERVICE = "aurax-desktop"
_KEY_ENTRY = "api-key"
_ID_ENTRY = "key-id"
ENV_KEY = "AURAX_API_KEY"
ENV_KEY_ID = "AURAX_KEY_ID"


@dataclass(frozen=True)
class Credentials:
    api_key: str = field(repr=False)
    key_id: str
    source: str = "keyring"
    """Where they came from: "keyring", "environment", "session" or "demo"."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "api_key", self.api_key.strip())
        object.__setattr__(self, "key_id", self.key_id.strip())
        if not self.api_key or not self.key_id:
            raise ValueError(_("Both the API key and the key id are needed."))
        register_secret(self.api_key)


class KeyringUnavailable(Exception):  # noqa: N818 - the public name the issue asks for
    """No secure keyring can hold the key; ``user_message`` says so in plain words."""

    def __init__(self, detail: str = "") -> None:
        self.user_message = _(
            "This computer has no secure password store available (a keyring or keychain), "
            "so the API key cannot be saved. You can use it for this session only; you will "
            "be asked again next time."
        )
        self.detail = detail
        super().__init__(self.user_message + (f" ({detail})" if detail else ""))


def _refusal(backend: KeyringBackend) -> str | None:
    """Why ``backend`` itself must not hold the key, or None when it may."""
    if isinstance(backend, _keyring().backends.fail.Keyring):
        return "no keyring backend"
    if isinstance(backend, _keyring().backends.null.Keyring):
        return "the null keyring keeps nothing"
    if type(backend).__module__.startswith("keyrings.alt"):
        return f"{type(backend).__name__} stores secrets in a plain file"
    return None


def secure_backend(
    backend: KeyringBackend,
) -> tuple[KeyringBackend | None, str]:
    """The backend to use for the key, and why there is none when there is none.

    keyring chains every installed backend; a chain is searched for its best
    secure member, which is then used alone, so a plaintext backend further
    down the chain is never read or written.
    """
    if isinstance(backend, _keyring().backends.chainer.ChainerBackend):
        reasons = []
        for inner in backend.backends:
            chosen, why = secure_backend(inner)
            if chosen is not None:
                return chosen, ""
            reasons.append(why)
        return None, "; ".join(reasons) or "no keyring backend"
    refusal = _refusal(backend)
    return (None, refusal) if refusal else (backend, "")


def from_environment() -> Credentials | None:
    key, key_id = os.environ.get(ENV_KEY, ""), os.environ.get(ENV_KEY_ID, "")
    if key.strip() and key_id.strip():
        return Credentials(key, key_id, source="environment")
    return None


class CredentialStore:
    """Saves, loads and clears the key and key id in the OS keyring."""

    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or _keyring().get_keyring()

    def describe(self) -> str:
        """Where the key is kept, in words for the Account menu."""
        chosen, _why = secure_backend(self.backend)
        if chosen is None:
            # Translators: where the API key is kept, as the Account menu says it ("Your
            # API key is kept in …"); so is the message below.
            return _("nowhere: this computer has no secure keyring")
        name = getattr(chosen, "name", type(chosen).__name__)
        # Translators: {name} is the keyring's own name ("SecretService Keyring").
        return _("the system keyring ({name})").format(name=name)

    def available(self) -> bool:
        return secure_backend(self.backend)[0] is not None

    def _checked(self) -> KeyringBackend:
        chosen, reason = secure_backend(self.backend)
        if chosen is None:
            raise KeyringUnavailable(reason)
        return chosen

    def save(self, credentials: Credentials) -> None:
        backend = self._checked()
        try:
            backend.set_password(self.service, _ID_ENTRY, credentials.key_id)
            backend.set_password(self.service, _KEY_ENTRY, credentials.api_key)
        except (_keyring().errors.KeyringError, OSError, RuntimeError) as exc:
            raise KeyringUnavailable(type(exc).__name__) from None

    def load(self) -> Credentials | None:
        """The stored credentials, or None when nothing (or no keyring) is there."""
        try:
            backend = self._checked()
            key = backend.get_password(self.service, _KEY_ENTRY)
            key_id = backend.get_password(self.service, _ID_ENTRY)
        except KeyringUnavailable:
            return None
        except (_keyring().errors.KeyringError, OSError, RuntimeError) as exc:
            log.warning("The keyring could not be read: %s", type(exc).__name__)
            return None
        if not key or not key_id:
            return None
        return Credentials(key, key_id, source="keyring")

    def clear(self) -> None:
        try:
            backend = self._checked()
        except KeyringUnavailable:
            return
        for entry in (_KEY_ENTRY, _ID_ENTRY):
            try:
                backend.delete_password(self.service, entry)
            except _keyring().errors.PasswordDeleteError:
                pass
            except (_keyring().errors.KeyringError, OSError, RuntimeError) as exc:
                raise KeyringUnavailable(type(exc).__name__) from None


def resolve_credentials(store: CredentialStore | None = None) -> Credentials | None:
    """The environment's credentials if both variables are set, else the keyring's."""
    return from_environment() or (store or CredentialStore()).load()


T = TypeVar("T")
KEYRING_PATIENCE_S = 2.0
"""How long a keyring may take before the user is told it is waiting (for its
password, or to be created)."""


class KeyringWaitTimeout(Exception):  # noqa: N818 - it is said to the user as it is
    """The keyring did not answer in time; ``user_message`` says so in plain words."""

    def __init__(self, seconds: float) -> None:
        self.user_message = ngettext(
            "The system keyring did not answer within {count} second (it may be locked, or "
            "asking for a password in another window). Unlock it and try again, or set "
            "AURAX_API_KEY and AURAX_KEY_ID for this command.",
            "The system keyring did not answer within {count} seconds (it may be locked, or "
            "asking for a password in another window). Unlock it and try again, or set "
            "AURAX_API_KEY and AURAX_KEY_ID for this command.",
            plural_count(seconds),
        ).format(count=format_number(seconds))
        super().__init__(self.user_message)


class KeyringCall(Generic[T]):
    """A keyring call on a thread of its own: a keyring that waits for the user (locked,
    or asking to create a keyring) never blocks the caller, who may wait for it with a
    limit, say so, or give up on it (the thread then ends whenever the keyring does)."""

    def __init__(self, call: Callable[[], T], on_done: Callable[[], None] | None = None) -> None:
        self.done = threading.Event()
        self.result: T | None = None
        self.error: BaseException | None = None
        self._call = call
        self._on_done = on_done
        self._thread = threading.Thread(target=self._run, name="aurax-keyring", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self.result = self._call()
        except BaseException as exc:  # handed to whoever waits
            self.error = exc
        finally:
            self.done.set()
        if self._on_done is not None:
            self._on_done()

    def wait(self, timeout: float | None = None) -> bool:
        return self.done.wait(timeout)

    def outcome(self) -> T | None:
        """The call's result (raises its error); only once ``done``."""
        if self.error is not None:
            raise self.error
        return self.result


def load_patiently(
    store: CredentialStore, *, deadline_s: float, waiting: Callable[[], None]
) -> Credentials | None:
    """The stored credentials; ``waiting()`` is called once the keyring has taken
    ``KEYRING_PATIENCE_S``; ``KeyringWaitTimeout`` once it has taken ``deadline_s``."""
    call = KeyringCall(store.load)
    if not call.wait(min(KEYRING_PATIENCE_S, deadline_s)):
        waiting()
        if not call.wait(max(0.0, deadline_s - KEYRING_PATIENCE_S)):
            raise KeyringWaitTimeout(deadline_s)
    return call.outcome()
