"""AuraX Desktop: a desktop studio for the AuraX fashion-AI service."""

from __future__ import annotations

from functools import cache


@cache
def _installed_version() -> str:
    """From the package's metadata: the version is written once, in pyproject.toml.
    Read when first asked for (reading package metadata costs a window's first paint
    a twentieth of a second)."""
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("aurax-desktop")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
