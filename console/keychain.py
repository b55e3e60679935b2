"""The one door to the OS keyring.

Backend failures become one :class:`SecretStoreError` with a message that says what to do;
there is no plaintext fallback: a backend that keeps secrets in a plain file (keyrings.alt's
``PlaintextKeyring``) or keeps nothing (the null and fail backends) is refused, also when it is
only one link of a chain, because a chain falls back to it silently. Tests install an in-memory
backend with ``keyring.set_keyring`` (or PYTHON_KEYRING_BACKEND for subprocesses).

keyring is loaded at the first secret asked for, not on import: finding its backends takes
about 70 ms, which opening a local database as its owner (the window's first paint) never needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from console.errors import SecretStoreError

if TYPE_CHECKING:
    from types import ModuleType

SERVICE = "privacy-console"

_NO_KEYRING = (
    "No OS keyring is available to hold secrets (database passwords, signing passphrase, "
    "evidence key). Start a Secret Service (for example gnome-keyring) or run the console "
    "in a desktop session; secrets are never stored in plain text."
)


_NO_STORE_MODULES = ("keyring.backends.null",)  # the fail backend raises NoKeyringError: _NO_KEYRING


def _refused(backend: object) -> str | None:
    """The dotted name of a backend that would keep secrets in plain text or not at all."""
    for b in [backend, *getattr(backend, "backends", [])]:  # a ChainerBackend lists its links
        kind = type(b)
        name = f"{kind.__module__}.{kind.__qualname__}"
        if kind.__module__ in _NO_STORE_MODULES or (
                kind.__module__.startswith("keyrings.alt") and "plaintext" in kind.__qualname__.lower()):
            return name
    return None


def _keyring() -> ModuleType:
    import keyring

    return keyring


def _check_backend() -> None:
    name = _refused(_keyring().get_keyring())
    if name is not None:
        raise SecretStoreError(
            f"The keyring backend {name} keeps secrets in plain text or not at all, so Privacy Console "
            "refuses it: start a Secret Service (for example gnome-keyring), or uninstall keyrings.alt, "
            "or choose a secure backend with PYTHON_KEYRING_BACKEND.")


def get_secret(name: str) -> str | None:
    """The stored secret called ``name``, or None when there is none."""
    _check_backend()
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return _keyring().get_password(SERVICE, name)
    except NoKeyringError as exc:
        raise SecretStoreError(_NO_KEYRING) from exc
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to read a secret: {exc}") from exc


def require_keyring() -> None:
    """Fail now, with the clear message, when there is no keyring: before a command writes anything."""
    get_secret("keyring-check")


def keyring_available() -> bool:
    """Whether secrets can be kept (the first-run welcome says what is lost without)."""
    try:
        require_keyring()
    except SecretStoreError:
        return False
    return True


def set_secret(name: str, value: str) -> None:
    """Store ``value`` under ``name`` in the keyring, replacing any earlier value."""
    _check_backend()
    from keyring.errors import KeyringError, NoKeyringError

    try:
        _keyring().set_password(SERVICE, name, value)
    except NoKeyringError as exc:
        raise SecretStoreError(_NO_KEYRING) from exc
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to store a secret: {exc}") from exc


def delete_secret(name: str) -> bool:
    """Remove ``name``; False when it was not there."""
    _check_backend()
    from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

    try:
        _keyring().delete_password(SERVICE, name)
        return True
    except PasswordDeleteError:
        return False
    except NoKeyringError as exc:
        raise SecretStoreError(_NO_KEYRING) from exc
    except KeyringError as exc:
        raise SecretStoreError(f"The OS keyring refused to delete a secret: {exc}") from exc


def get_or_create_secret(name: str, factory) -> str:  # type: ignore[no-untyped-def]
    """The secret ``name``, created with ``factory()`` and stored on first use (e.g. a key)."""
    value = get_secret(name)
    if value is None:
        value = factory()
        set_secret(name, value)
    return value
