"""``AuraxClient``: the one client the window, the command line and scripts share."""

from __future__ import annotations

import base64
import json
import logging
import uuid
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from aurax_desktop.api.errors import (
    InsecureConnectionError,
    InvalidRequestError,
    NetworkError,
    UnexpectedResponseError,
)
from aurax_desktop.api.following import EventCallback, TaskFollower
from aurax_desktop.api.models import ImageGenerationRequest, ProductType, TaskState, TryOnRequest
from aurax_desktop.api.parsing import decode_json, parse_task_id, parse_task_state
from aurax_desktop.api.stopping import StopSignal
from aurax_desktop.api.streaming import TaskStream
from aurax_desktop.api.transport import (
    ProgressCallback,
    RetryPolicy,
    Transport,
    is_loopback_host,
)
from aurax_desktop.redaction import register_secret

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://backend.aurax.co.in"
MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024


def json_with_images(fields: dict[str, Any], images: dict[str, bytes]) -> bytes:
    """A JSON object of ``fields`` plus ``images`` as plain base64 strings.

    Base64 needs no escaping, so the (large) image strings are put in as they
    are: encoding them with json.dumps would hold the interpreter lock for tens
    of milliseconds and stall the window on every submission.
    """
    entries = [f"{json.dumps(key)}:{json.dumps(value)}".encode() for key, value in fields.items()]
    entries += [
        json.dumps(key).encode() + b':"' + base64.b64encode(bytes(data)) + b'"'
        for key, data in images.items()
    ]
    return b"{" + b",".join(entries) + b"}"


def image_mime(data: bytes) -> str:
    """The MIME type of image bytes from their signature (JPEG, PNG, WebP)."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return "application/octet-stream"


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
            raise InvalidRequestError("The API key is empty. Enter your AuraX API key.")
        if not isinstance(key_id, str) or not key_id.strip():
            raise InvalidRequestError("The key id is empty. Enter your AuraX key id.")
        self.key_id = key_id.strip()
        register_secret(api_key)  # never shown in any log line from now on
        self.stream_read_timeout = stream_read_timeout
        self._transport = Transport(
            base_url,
            {"x-api-key": api_key.strip(), "x-key-id": self.key_id, "Accept": "application/json"},
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
            payload = decode_json(response.content, "the submission's answer")
        task_id = parse_task_id(payload)
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
            raise InvalidRequestError("The product photo is empty. Choose another picture.")
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
            return _description_text(response)

    # Reading a task: GETs, retried with backoff.

    def get_task(self, task_id: str, *, stop: StopSignal | None = None) -> TaskState:
        """The task's current state."""
        response = self._transport.get(self._task_url(task_id), stop=stop)
        with response:
            payload = decode_json(response.content, "the task status")
        return parse_task_state(payload, task_id=task_id)

    def stream_task(self, task_id: str, *, read_timeout: float | None = None) -> TaskStream:
        """The task's live event stream. Close it (from any thread) to stop reading."""
        timeout = min(read_timeout or self.stream_read_timeout, self.stream_read_timeout)
        response = self._transport.get(
            self._task_url(task_id) + "/stream",
            stream=True,
            timeout=(self._transport.timeout[0], max(timeout, 0.5)),
            headers={"Accept": "text/event-stream", "Cache-Control": "no-cache"},
        )
        return TaskStream(response, task_id)

    def wait_for_task(
        self,
        task_id: str,
        *,
        deadline_s: float = 600.0,
        on_event: EventCallback | None = None,
        stop: StopSignal | None = None,
        poll_interval: float = 2.0,
        max_poll_interval: float = 10.0,
        stream_attempts: int = 3,
    ) -> TaskState:
        """Follow the task until it ends and return its final state.

        Raises ``TaskFailedError`` when the service fails or cancels it,
        ``TaskDeadlineError`` after ``deadline_s`` seconds and
        ``FollowStoppedError`` when ``stop`` is set.
        """
        return TaskFollower(
            self,
            task_id,
            deadline_s=deadline_s,
            on_event=on_event,
            stop=stop,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            stream_attempts=stream_attempts,
            silent_check_s=30.0,
        ).run()

    def get_image(
        self,
        image_id: str,
        *,
        on_progress: ProgressCallback | None = None,
        stop: StopSignal | None = None,
    ) -> bytes:
        """The bytes of a result image (an id from ``TaskState.image_ids``, or its URL)."""
        url, authenticated = self._image_url(image_id)
        response = self._transport.get(
            url, stream=True, stop=stop, authenticated=authenticated, headers={"Accept": "image/*"}
        )
        with response:
            total = int(response.headers.get("Content-Length") or 0)
            if total > MAX_DOWNLOAD_BYTES:
                raise UnexpectedResponseError(detail=f"the image is {total} bytes")
            chunks: list[bytes] = []
            done = 0
            try:
                for chunk in response.iter_content(chunk_size=64 * 1024):
                    chunks.append(chunk)
                    done += len(chunk)
                    if done > MAX_DOWNLOAD_BYTES:
                        raise UnexpectedResponseError(detail="the image is too large")
                    if on_progress is not None:
                        on_progress(done, total)
            except requests.exceptions.RequestException as exc:
                raise NetworkError(detail="the image download broke off") from exc
        data = b"".join(chunks)
        if not data:
            raise UnexpectedResponseError(detail="the image is empty")
        return data

    def _task_url(self, task_id: str) -> str:
        if not isinstance(task_id, str) or not task_id.strip():
            raise InvalidRequestError("The task id is empty.")
        return self._transport.url(f"/api/ai/task/{quote(task_id.strip(), safe='')}")

    def _image_url(self, image_id: str) -> tuple[str, bool]:
        """Where to fetch an image, and whether our key may be sent there."""
        text = (image_id or "").strip()
        if not text:
            raise InvalidRequestError("The image id is empty.")
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.hostname:
            if self._transport.is_own_url(text):
                return text, True
            if parts.scheme == "http" and not is_loopback_host(parts.hostname):
                raise InsecureConnectionError(
                    "The result is at an insecure address, so it was not downloaded."
                )
            return text, False  # someone else's host: never send our key there
        if text.startswith("/"):
            return self._transport.url(text), True
        return self._transport.url(f"/images/{quote(text, safe='')}"), True


def _description_text(response: requests.Response) -> str:
    content_type = response.headers.get("Content-Type", "")
    body = response.content
    if "json" in content_type:
        payload = decode_json(body, "the description")
        if isinstance(payload, str):
            text = payload
        elif isinstance(payload, dict):
            found = next(
                (
                    payload[k]
                    for k in ("description", "text", "data", "result")
                    if isinstance(payload.get(k), str)
                ),
                None,
            )
            if found is None:
                raise UnexpectedResponseError(detail="the description answer has no text")
            text = found
        else:
            raise UnexpectedResponseError(detail="the description answer has no text")
    else:
        charset = "utf-8"
        if "charset=" in content_type:
            charset = content_type.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
        try:
            text = body.decode(charset, "replace")
        except LookupError:
            text = body.decode("utf-8", "replace")
    text = text.strip()
    if not text:
        raise UnexpectedResponseError("AuraX returned an empty description.")
    return text
