"""AuraX Desktop: a desktop studio for the AuraX fashion-AI service."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("aurax-desktop")
    """From the package's metadata: the version is written once, in pyproject.toml."""
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
