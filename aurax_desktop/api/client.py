"""``AuraxClient``: the one client the window, the command line and scripts share."""

from __future__ import annotations

import base64
import codecs
import json
import logging
import time
import uuid
from typing import Any

import requests
import urllib3.exceptions

from aurax_desktop.api.addresses import DEFAULT_BASE_URL, TASK_ID, image_id_from, plain_id
from aurax_desktop.api.deadline import Alarm, Deadline
from aurax_desktop.api.errors import (
    DownloadError,
    FollowStoppedError,
    InvalidRequestError,
    MaybeSentError,
    UnexpectedResponseError,
)
from aurax_desktop.api.models import (
    ImageGenerationRequest,
    ProductType,
    TaskState,
    TryOnRequest,
    image_mime,
)
from aurax_desktop.api.parsing import decode_json, parse_task_id, parse_task_state
from aurax_desktop.api.stopping import StopSignal
from aurax_desktop.api.streaming import TaskStream
from aurax_desktop.api.transport import ProgressCallback, RetryPolicy, Transport
from aurax_desktop.formats import format_number
from aurax_desktop.redaction import register_secret
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

MAX_DOWNLOAD_BYTES = 128 * 1024 * 1024
"""The largest result image fetched."""
DOWNLOAD_SECONDS = 300.0
"""The longest a result download may take, whatever the deadline."""


BASE64_PIECE = 3 * 64 * 1024
"""Bytes base64-encoded in one call (a multiple of 3, so the pieces join seamlessly):
a call holds the interpreter lock throughout, and a whole 4 MB upload in one call
held it for about 15 ms, a stall of the window's thread on every submission."""


def base64_in_pieces(data: bytes | bytearray | memoryview) -> bytearray:
    """``data`` base64-encoded as one call would, a piece at a time, so other threads
    (the window's) take their turn between pieces."""
    view = memoryview(data).cast("B")
    encoded = bytearray()
    for start in range(0, len(view), BASE64_PIECE):
        encoded += base64.b64encode(view[start : start + BASE64_PIECE])
    return encoded


def json_with_images(fields: dict[str, Any], images: dict[str, bytes]) -> bytes:
    """A JSON object of ``fields`` plus ``images`` as plain base64 strings.

    Base64 needs no escaping, so the (large) image strings are put in as they
    are: encoding them with json.dumps would hold the interpreter lock for tens
    of milliseconds and stall the window on every submission.
    """
    entries = [f"{json.dumps(key)}:{json.dumps(value)}".encode() for key, value in fields.items()]
    entries += [
        json.dumps(key).encode() + b':"' + base64_in_pieces(data) + b'"'
        for key, data in images.items()
    ]
    return b"{" + b",".join(entries) + b"}"


class AuraxClient:
    """Speaks the AuraX API (see AURAX_API.md). Thread-safe for concurrent calls.

    The API key is held only in memory and sent only to ``base_url``; it never
    appears in ``repr``, logs or exceptions.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        api_key: str,
        key_id: str,
        timeout: tuple[float, float] = (10.0, 60.0),
        post_timeout: tuple[float, float] = (10.0, 180.0),
        stream_read_timeout: float = 75.0,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
    ) -> None:
        if not isinstance(api_key, str) or not api_key.strip():
            raise InvalidRequestError(_("The API key is empty. Enter your AuraX API key."))
        if not isinstance(key_id, str) or not key_id.strip():
            raise InvalidRequestError(_("The key id is empty. Enter your AuraX key id."))
        self.key_id = key_id.strip()
        register_secret(api_key)  # never shown in any log line from now on
        self.stream_read_timeout = stream_read_timeout
        self._transport = Transport(
            base_url,
            {"x-api-key": api_key.strip(), "x-key-id": self.key_id},
            timeout=timeout,
            post_timeout=post_timeout,
            retry=retry or RetryPolicy(),
            session=session,
        )

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    def __repr__(self) -> str:
        return f"AuraxClient(base_url={self.base_url!r}, key_id={self.key_id!r})"

    def close(self) -> None:
        self._transport.close()

    # Submissions: POSTs, never repeated once they may have reached the server.

    def submit_try_on(
        self, request: TryOnRequest, *, on_upload_progress: ProgressCallback | None = None
    ) -> str:
        """Start a virtual try-on (3 credits); returns the task id."""
        fields: dict[str, Any] = {
            "productType": request.product_type.value,
            "garmentStrength": request.garment_strength,
        }
        images = {"personImage": request.person_image, "garmentImage": request.garment_image}
        if request.mask:
            images["maskBase64"] = request.mask
        if request.prompt:
            fields["prompt"] = request.prompt
        if request.run_with_prompt:
            fields["runWithPrompt"] = True
        return self._submit("/api/ai/vto", json_with_images(fields, images), on_upload_progress)

    def submit_image_generation(
        self,
        request: ImageGenerationRequest,
        *,
        on_upload_progress: ProgressCallback | None = None,
    ) -> str:
        """Start an image generation (1 credit); returns the task id."""
        fields: dict[str, Any] = {
            "prompt": request.prompt,
            "productType": request.product_type.value,
            "width": request.width,
            "height": request.height,
        }
        images = {"maskBase64": request.shape_image} if request.shape_image else {}
        body = json_with_images(fields, images)
        return self._submit("/api/ai/image-generation", body, on_upload_progress)

    def _submit(self, path: str, body: bytes, on_progress: ProgressCallback | None) -> str:
        response = self._transport.post(
            self._transport.url(path),
            body=body,
            content_type="application/json",
            on_progress=on_progress,
        )
        with response:
            try:
                task_id = plain_id(
                    parse_task_id(decode_json(response.content, "the submission's answer")),
                    TASK_ID,
                )
            except UnexpectedResponseError as exc:
                # Accepted (2xx) but not the contract's answer: it may well have been charged.
                raise MaybeSentError(
                    _(
                        "AuraX accepted the request but its answer names no task this program "
                        "can follow. It may have been charged; look for its result before "
                        "sending it again."
                    ),
                    status_code=response.status_code,
                    detail=exc.detail or str(exc),
                ) from exc
        log.info("Submitted %s: task %s", path, task_id)
        return task_id

    def describe_product(
        self,
        image: bytes,
        product_type: ProductType | str = ProductType.GARMENT,
        filename: str = "product.jpg",
    ) -> str:
        """A product description of the photo (0.25 credits); answers at once."""
        if not image:
            raise InvalidRequestError(_("The product photo is empty. Choose another picture."))
        kind = ProductType.parse(product_type)
        boundary = uuid.uuid4().hex
        safe_name = (filename or "product.jpg").replace('"', "").replace("\r", "").replace("\n", "")
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="productType"\r\n\r\n'
            f"{kind.value}\r\n".encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="image"; '
            f'filename="{safe_name}"\r\nContent-Type: {image_mime(image)}\r\n\r\n'.encode(),
            bytes(image),
            f"\r\n--{boundary}--\r\n".encode(),
        ]
        response = self._transport.post(
            self._transport.url("/api/ai/product-description"),
            body=b"".join(parts),
            content_type=f"multipart/form-data; boundary={boundary}",
        )
        with response:
            try:
                return _description_text(response)
            except UnexpectedResponseError as exc:
                raise MaybeSentError(
                    _(
                        "AuraX answered with something that is not a description. It may have "
                        "been charged; nothing was stored as the description."
                    ),
                    status_code=response.status_code,
                    detail=exc.detail or str(exc),
                ) from exc

    # Reading a task: GETs, retried with backoff, never past the caller's deadline.

    def get_task(
        self, task_id: str, *, stop: StopSignal | None = None, deadline: Deadline | None = None
    ) -> TaskState:
        """The task's current state."""
        url = self._transport.url("/api/ai/task/{}", plain_id(task_id, TASK_ID))
        response = self._transport.get(url, stop=stop, deadline=deadline)
        with response:
            payload = decode_json(response.content, "the task status")
        return parse_task_state(payload, task_id=task_id)

    def stream_task(
        self,
        task_id: str,
        *,
        deadline: Deadline | None = None,
        read_timeout: float | None = None,
        stop: StopSignal | None = None,
    ) -> TaskStream:
        """The task's live event stream. Close it (from any thread) to stop reading.

        ``read_timeout``: the longest wait for the answer's head and then for each
        piece of it (default ``stream_read_timeout``). A head that does not come in
        time raises ``NetworkError`` at once when ``read_timeout`` is given (the
        caller decides what next: the follow routine asks for the status); refusals
        worth riding out (429, 5xx, a refused connection) are asked again, and
        ``stop`` ends the waits between those tries."""
        url = self._transport.url("/api/ai/task/{}/stream", plain_id(task_id, TASK_ID))
        response = self._transport.get(
            url,
            stream=True,
            deadline=deadline,
            stop=stop,
            timeout=(self._transport.timeout[0], read_timeout or self.stream_read_timeout),
            retry_slow=read_timeout is None,
            headers={"Accept": "text/event-stream", "Cache-Control": "no-cache"},
        )
        return TaskStream(response, task_id)

    def get_image(
        self,
        image_id: str,
        *,
        on_progress: ProgressCallback | None = None,
        stop: StopSignal | None = None,
        deadline: Deadline | None = None,
        max_bytes: int = MAX_DOWNLOAD_BYTES,
    ) -> bytes:
        """The bytes of a result image (an id from ``TaskState.image_ids``).

        The download ends by ``deadline`` (and within ``DOWNLOAD_SECONDS``) and at
        ``max_bytes``; a stalled, dripping or oversized download raises
        ``DownloadError``. The image stays at the server: following the task again
        fetches it.
        """
        limit = Deadline(DOWNLOAD_SECONDS)
        if deadline is not None and deadline.at < limit.at:
            limit = deadline
        url = self._transport.url("/images/{}", image_id_from(image_id, self.base_url))
        response = self._transport.get(
            url, stream=True, stop=stop, deadline=limit, headers={"Accept": "image/*"}
        )
        alarm = Alarm(response.close, limit.at, name="aurax-download-alarm")
        with response, alarm, (stop or StopSignal()).closing(response.close):
            total = _content_length(response)
            if total > max_bytes:
                raise DownloadError(
                    _("The result is too large to download ({size} MB).").format(
                        size=format_number(total // 1_000_000)
                    ),
                    detail=f"Content-Length {total}",
                )
            data, broke = _read_image(response, total, max_bytes, on_progress)
        if stop is not None and stop.is_set():
            raise FollowStoppedError()
        if alarm.rang or limit.expired():
            raise DownloadError(
                _(
                    "The result did not finish downloading in time. It is still at AuraX; "
                    "follow the job again to fetch it."
                ),
                detail=f"{len(data)} bytes in",
            )
        if broke or (total and len(data) != total):
            raise DownloadError(
                _(
                    "The result's download broke off. It is still at AuraX; follow the job "
                    "again to fetch it."
                ),
                detail=f"{len(data)} of {total} bytes",
            )
        if not data:
            raise DownloadError(_("AuraX sent an empty result."))
        return data


def _read_image(
    response: requests.Response,
    total: int,
    max_bytes: int,
    on_progress: ProgressCallback | None,
) -> tuple[bytes, bool]:
    """The body as it comes, and whether it broke off."""
    chunks: list[bytes] = []
    done = 0
    started = time.monotonic()
    try:
        while chunk := response.raw.read1(256 * 1024):
            chunks.append(chunk)
            done += len(chunk)
            if done > max_bytes:
                raise DownloadError(
                    _("The result is too large to download (over {size} MB).").format(
                        size=format_number(max_bytes // 1_000_000)
                    )
                )
            if on_progress is not None:
                on_progress(done, total)
    except (
        requests.exceptions.RequestException,
        urllib3.exceptions.HTTPError,
        OSError,
        ValueError,
        AttributeError,
    ) as exc:
        log.info(
            "Image download ended after %d bytes in %.1f s: %s",
            done,
            time.monotonic() - started,
            type(exc).__name__,
        )
        return b"".join(chunks), True
    return b"".join(chunks), False


def _content_length(response: requests.Response) -> int:
    try:
        return max(0, int(response.headers.get("Content-Length") or 0))
    except ValueError:
        return 0


def _description_text(response: requests.Response) -> str:
    """The description in a 2xx answer: plain text (the contract), or, tolerated, a JSON
    string or an object with a ``description`` text. An HTML page, an error object or
    nothing is not a description (``UnexpectedResponseError``)."""
    content_type = response.headers.get("Content-Type", "").lower()
    body = response.content
    head = body.lstrip()[:256].lower()
    if "html" in content_type or head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head")):
        raise UnexpectedResponseError(detail="the description answer is a web page")
    if "json" in content_type or head.startswith((b"{", b"[")):
        text = _json_description(body)
    else:
        charset = "utf-8"
        if "charset=" in content_type:
            charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'")
        text = decoded_text(body, charset)
    text = text.replace("\x00", "").strip()
    if not text:
        raise UnexpectedResponseError(detail="the description answer is empty")
    return text


ODD_CODECS = frozenset({"idna", "punycode", "raw_unicode_escape", "unicode_escape", "undefined"})
"""Codecs that are not a text's character set, though Python knows them."""


def decoded_text(body: bytes, charset: str) -> str:
    """``body`` as text in the answer's character set; in an unknown or odd one (or one
    it is not written in) as UTF-8, unreadable bytes replaced: the text is kept, never
    lost to a decoding error after it was charged."""
    try:
        info = codecs.lookup(charset or "utf-8")
        if info.name in ODD_CODECS or not getattr(info, "_is_text_encoding", True):
            raise LookupError(charset)
        return body.decode(info.name, "replace")
    except (LookupError, UnicodeError, ValueError, TypeError):
        return body.decode("utf-8", "replace")


def _json_description(body: bytes) -> str:
    try:
        payload = json.loads(body)
    except ValueError:
        if body.lstrip().startswith((b"{", b"[")):
            raise UnexpectedResponseError(detail="the description answer is broken JSON") from None
        return body.decode("utf-8", "replace")
    if isinstance(payload, str):
        return payload
    if isinstance(payload, dict) and not any(
        key in payload for key in ("statusCode", "error", "errors")
    ):
        for key in ("description", "text"):
            if isinstance(payload.get(key), str):
                return str(payload[key])
    raise UnexpectedResponseError(
        detail=f"the description answer is JSON without a description: {str(payload)[:200]}"
    )
