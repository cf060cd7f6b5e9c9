"""Where requests may go: the configured server only, with ids as single path segments.

Every request URL is the configured base plus a path of our own; anything
the server sends (a task id, an image id) enters it only as one
percent-encoded path segment, after ``plain_id`` has checked it. The key's
headers go only to the base's origin (scheme, host and port).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from aurax_desktop.api.errors import InsecureConnectionError, UnsafeAnswerError
from aurax_desktop.translation import LazyText, _, lazy_gettext

DEFAULT_BASE_URL = "https://backend.aurax.co.in"
"""The AuraX service itself."""

_PLAIN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~:@+=-]{0,199}")
"""What an id from the server may look like: letters, digits and a few marks that
carry no meaning in a path (no slash, backslash, percent sign, query or fragment)."""


@dataclass(frozen=True)
class IdKind:
    """A kind of id the server gives, and what the user reads when one is refused."""

    name: str
    """The kind in the log's words: "a task id"."""
    empty: LazyText
    not_plain: LazyText


TASK_ID = IdKind(
    "a task id",
    lazy_gettext("AuraX's answer gives a task id that is empty."),
    lazy_gettext(
        "AuraX's answer gives a task id this program will not use, because it is not a "
        "plain id. The answer is kept with the job."
    ),
)
IMAGE_ID = IdKind(
    "an image id",
    lazy_gettext("AuraX's answer gives an image id that is empty."),
    lazy_gettext(
        "AuraX's answer gives an image id this program will not use, because it is not a "
        "plain id. The answer is kept with the job."
    ),
)
ANY_ID = IdKind(
    "an id",
    lazy_gettext("AuraX's answer gives an id that is empty."),
    lazy_gettext(
        "AuraX's answer gives an id this program will not use, because it is not a "
        "plain id. The answer is kept with the job."
    ),
)


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    return is_loopback_host(urlsplit(url).hostname or "")


def check_base_url(base_url: str) -> str:
    """The base URL without a trailing slash, or ``InsecureConnectionError``."""
    text = (base_url or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureConnectionError(
            _("'{address}' is not a server address. It should look like {example}.").format(
                address=text, example=DEFAULT_BASE_URL
            )
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InsecureConnectionError(
            _("'{address}' is not a plain server address. It should look like {example}.").format(
                address=text, example=DEFAULT_BASE_URL
            )
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InsecureConnectionError()
    return text.rstrip("/")


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of ``url``, with the scheme's default port filled in."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    default = 443 if scheme == "https" else 80
    return scheme, (parts.hostname or "").lower(), port or default


def plain_id(value: object, what: IdKind) -> str:
    """``value`` as an id fit for one path segment, or ``UnsafeAnswerError``.

    An id is plain when it is a short run of letters, digits and ``. _ ~ : @ + = -``
    that starts with a letter or digit: nothing that could change which server, or
    which path on it, a request goes to.
    """
    usable = isinstance(value, str | int) and not isinstance(value, bool)
    text = str(value).strip() if usable else ""
    if not text:
        raise UnsafeAnswerError(str(what.empty), detail=repr(value))
    if not _PLAIN_ID.fullmatch(text):
        raise UnsafeAnswerError(str(what.not_plain), detail=f"{what.name}: {text[:120]!r}")
    return text


def image_id_from(value: str, base_url: str) -> str:
    """The image id in ``value``: a plain id, or an address of the configured server's
    own ``/images/<id>``. Anything else (another host, another path) is refused."""
    text = (value or "").strip()
    parts = urlsplit(text)
    if parts.scheme or parts.netloc or text.startswith(("/", "\\")):
        own_path = urlsplit(base_url).path.rstrip("/") + "/images/"
        if (
            parts.scheme in ("http", "https")
            and origin(text) == origin(base_url)
            and parts.path.startswith(own_path)
            and not parts.query
            and not parts.fragment
        ):
            return plain_id(unquote(parts.path[len(own_path) :]), IMAGE_ID)
        raise UnsafeAnswerError(
            _(
                "AuraX's answer points to a result at an address this program will not "
                "send your key to, so it was not fetched. The answer is kept with the job."
            ),
            detail=f"image address: {text[:120]!r}",
        )
    return plain_id(text, IMAGE_ID)


def join_url(base_url: str, template: str, *ids: str) -> str:
    """``base_url`` + ``template`` with each ``{}`` replaced by one percent-encoded
    path segment (``ids`` must have passed ``plain_id``)."""
    segments = [quote(plain_id(i, ANY_ID), safe="") for i in ids]
    return base_url + template.format(*segments)
