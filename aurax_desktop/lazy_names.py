"""Names a package gives that are imported when first asked for, so what the window's
first paint does not need (HTTP, documents, the runner) is not imported before it.

A package lists them, by the module that defines them, and sets its ``__getattr__``::

    __getattr__ = later(__name__, {"AuraxClient": "client"}, globals())
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def later(
    package: str, names: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each of ``names`` (name -> the module
    of the package defining it) imported on first use, then kept in ``namespace``."""

    def get(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return get
