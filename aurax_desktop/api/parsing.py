"""Tolerant readers for what the server sends: task states, events and error bodies.

The service's answers are only partly documented (AURAX_API.md, "Unknowns"),
so every reader here accepts any JSON and raises nothing but ``AuraxError``
subclasses: unknown statuses become ``TaskStatus.UNKNOWN``, extra fields are
kept in ``raw``, and ``output`` may be a dict, a list or a URL.
"""

from __future__ import annotations

import email.utils
import json
import math
import time
from collections.abc import Iterable
from typing import Any

from aurax_desktop.api.errors import (
    AccountError,
    AuraxError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
)
from aurax_desktop.api.models import TaskState, TaskStatus
from aurax_desktop.translation import _

BUY_CREDITS_URL = "https://aurax.co.in"
"""Where an AuraX account buys credits (the service's own site)."""

_IMAGE_KEYS = ("imageId", "image_id", "imageIds", "image_ids", "images", "imageUrl", "url", "id")
_MAX_TEXT = 300


def decode_json(body: bytes | str, what: str) -> Any:
    """JSON from a body, or ``UnexpectedResponseError`` naming what was expected."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise UnexpectedResponseError(detail=f"{what} is not JSON: {_snippet(body)}") from exc


def _snippet(body: bytes | str) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = " ".join(text.split())
    return text[:_MAX_TEXT] + ("..." if len(text) > _MAX_TEXT else "")


def _text_items(value: object) -> list[str]:
    """Messages as a list of strings, whatever shape the server sent."""
    if value is None:
        return []
    if isinstance(value, str):  # one line, bounded: it is shown in the window's words
        return [_snippet(value)] if value.strip() else []
    if isinstance(value, list | tuple):
        items: list[str] = []
        for item in value:
            items.extend(_text_items(item))
        return items
    if isinstance(value, dict):
        for key in ("message", "error", "detail", "reason"):
            if key in value:
                return _text_items(value[key])
        return [_snippet(json.dumps(value, default=str))]
    if isinstance(value, bool | int | float):
        return [str(value)]
    return []


def _image_ids(output: object) -> list[str]:
    """Image ids (or URLs) from a task's ``output`` of any known shape."""
    if output is None:
        return []
    if isinstance(output, str):
        return [output] if output.strip() else []
    if isinstance(output, list | tuple):
        ids: list[str] = []
        for item in output:
            ids.extend(_image_ids(item))
        return ids
    if isinstance(output, dict):
        for key in _IMAGE_KEYS:
            if key in output:
                found = _image_ids(output[key])
                if found:
                    return found
        return []
    if isinstance(output, int) and not isinstance(output, bool):
        return [str(output)]
    return []


def parse_task_state(payload: object, *, task_id: str = "") -> TaskState:
    """A ``TaskState`` from a status answer or a stream event's data."""
    if not isinstance(payload, dict):
        raise UnexpectedResponseError(
            detail=f"task state is not an object: {_snippet(str(payload))}"
        )
    raw_status = payload.get("status")
    status = TaskStatus.from_wire(raw_status)
    found_id = payload.get("id", payload.get("taskId"))
    ident = str(found_id) if isinstance(found_id, str | int) and str(found_id) else task_id
    messages = _text_items(payload.get("errorMessages")) + _text_items(payload.get("errorMessage"))
    if not messages and status is TaskStatus.FAILED:
        messages = _text_items(payload.get("error"))
    ids = _dedupe(_image_ids(payload.get("output")))
    return TaskState(
        task_id=ident,
        status=status,
        image_ids=tuple(ids),
        messages=tuple(_dedupe(messages)),
        raw_status=raw_status if isinstance(raw_status, str) else repr(raw_status),
        raw=payload,
    )


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def parse_task_id(payload: object) -> str:
    """The task id from a submission's answer ``{"taskId": "..."}``."""
    if isinstance(payload, dict):
        for key in ("taskId", "task_id", "id"):
            value = payload.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
            if isinstance(value, int) and not isinstance(value, bool):
                return str(value)
    raise UnexpectedResponseError(
        _("AuraX accepted the request but did not say which task it started."),
        detail=f"answer: {_snippet(json.dumps(payload, default=str))}",
    )


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds):
        return None
    return max(0.0, min(seconds, 3600.0))


def is_contract_error(body: bytes) -> bool:
    """True when ``body`` is the service's own error answer (NestJS: a JSON object with
    ``statusCode`` and ``message``), not a proxy's page or nothing."""
    try:
        payload = json.loads(body) if body else None
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(payload, dict)
        and isinstance(payload.get("statusCode"), int)
        and isinstance(payload.get("message"), str | list)
    )


def server_message_of(body: bytes) -> str | None:
    """What an error answer says in words (NestJS's ``message``, joined), if anything."""
    try:
        payload = json.loads(body) if body else None
    except (ValueError, RecursionError):
        if body.strip() and not body.lstrip().startswith(b"<"):
            return _snippet(body)
        return None
    if isinstance(payload, dict):
        messages = _text_items(payload.get("message")) or _text_items(payload.get("error"))
    else:
        messages = _text_items(payload)
    return ", ".join(messages) or None


def error_from_response(status: int, body: bytes, retry_after: str | None = None) -> AuraxError:
    """The ``AuraxError`` for an HTTP error answer (a NestJS-style body or anything else)."""
    server_message = server_message_of(body)
    detail = server_message
    said = _sentence(server_message)
    if status in (400, 422):
        return BadRequestError(
            # Translators: {message} is the service's own sentence, in English.
            _("AuraX refused the request: {message}").format(message=said) if said else None,
            status_code=status,
            server_message=server_message,
        )
    if status == 401:
        return AuthenticationError(status_code=status, server_message=server_message, detail=detail)
    if status == 402:
        return AccountError(
            _(
                "Your AuraX credits are used up, so nothing was sent. Buy more credits in your "
                "account at {address}, then send it again."
            ).format(address=BUY_CREDITS_URL)
            if said is None
            # Translators: {message} is the service's own sentence, in English.
            else _(
                "Your AuraX credits are used up, so nothing was sent. Buy more credits in your "
                "account at {address}, then send it again. AuraX says: {message}"
            ).format(address=BUY_CREDITS_URL, message=said),
            status_code=status,
            server_message=server_message,
        )
    if status == 403:
        return AccountError(
            # Translators: {message} is the service's own sentence, in English.
            _("Your AuraX account cannot do this: {message}").format(message=said)
            if said
            else None,
            status_code=status,
            server_message=server_message,
        )
    if status == 404:
        return NotFoundError(status_code=status, server_message=server_message, detail=detail)
    if status == 413:
        return PayloadTooLargeError(
            status_code=status, server_message=server_message, detail=detail
        )
    if status == 429:
        return RateLimitedError(
            retry_after=parse_retry_after(retry_after),
            status_code=status,
            server_message=server_message,
            detail=detail,
        )
    if status >= 500:
        return ServerError(status_code=status, server_message=server_message, detail=detail)
    return AuraxError(
        # Translators: {message} is the service's own sentence, in English.
        _("AuraX answered with an error: {message}").format(message=said) if said else None,
        status_code=status,
        server_message=server_message,
    )


def _sentence(message: str | None) -> str | None:
    """The server's message as a sentence (ending in a full stop), or None."""
    if not message:
        return None
    text = message.strip()
    return text + ("" if text.endswith((".", "!", "?")) else ".")
