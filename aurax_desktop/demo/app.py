"""The demo server's HTTP surface: the AuraX contract (AURAX_API.md) plus ``/_demo`` routes.

Answers as the real service does: both auth headers on every route, NestJS
error bodies, the contract's validation (400 with a message list), a credits
ledger per key (402 when exhausted, and then no task), SSE with heartbeats.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from typing import Any

from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from aurax_desktop.api.models import CREDITS
from aurax_desktop.demo import simulate
from aurax_desktop.demo.config import DemoConfig
from aurax_desktop.demo.faults import (
    MANY_IMAGES,
    SILENT_STREAM_SECONDS,
    damaged_download,
    dripping,
    huge_result,
    task_events,
)
from aurax_desktop.demo.tasks import DemoTask, TaskBoard
from aurax_desktop.demo.validation import (
    PRODUCT_TYPES,
    ApiError,
    checked_product_type,
    decode_image,
    dimension,
    image_field,
    mask_summary,
    optional_string,
    product_type_message,
)

log = logging.getLogger(__name__)


_ROUTES = Map(
    [
        Rule("/api/ai/vto", endpoint="POST /api/ai/vto", methods=["POST"]),
        Rule(
            "/api/ai/image-generation", endpoint="POST /api/ai/image-generation", methods=["POST"]
        ),
        Rule(
            "/api/ai/product-description",
            endpoint="POST /api/ai/product-description",
            methods=["POST"],
        ),
        Rule("/api/ai/task/<task_id>", endpoint="GET /api/ai/task/:id", methods=["GET"]),
        Rule(
            "/api/ai/task/<task_id>/stream", endpoint="GET /api/ai/task/:id/stream", methods=["GET"]
        ),
        Rule("/images/<image_id>", endpoint="GET /images/:imageId", methods=["GET"]),
        Rule("/_demo/stats", endpoint="GET /_demo/stats", methods=["GET"]),
        Rule("/_demo/tasks", endpoint="GET /_demo/tasks", methods=["GET"]),
        Rule("/_demo/tasks/<task_id>", endpoint="GET /_demo/tasks/:id", methods=["GET"]),
        Rule("/_demo/credits", endpoint="POST /_demo/credits", methods=["POST"]),
    ],
    strict_slashes=False,
)


def _json(payload: Any, status: int = 200) -> Response:
    return Response(json.dumps(payload), status=status, mimetype="application/json")


class DemoApp:
    """A WSGI application serving the AuraX contract."""

    def __init__(self, config: DemoConfig, board: TaskBoard) -> None:
        self.config = config
        self.board = board
        self.random = random.Random(config.seed)
        self._lock = threading.Lock()
        self._requests: Counter[str] = Counter()
        self._throttled: Counter[str] = Counter()
        self._credits = {config.key_id: float(config.credits)}
        self._recent: dict[str, deque[float]] = {}
        self._variants: Counter[str] = Counter()
        self.max_body = int(config.max_body_mb * 1024 * 1024)

    # WSGI plumbing

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        request.max_content_length = self.max_body
        request.max_form_memory_size = self.max_body
        response = self.dispatch(request)
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        adapter = _ROUTES.bind_to_environ(request.environ)
        try:
            endpoint, args = adapter.match()
        except HTTPException as exc:
            self._count(f"{request.method} (unmatched)")
            status = exc.code or 404
            message = f"Cannot {request.method} {request.path}"
            return ApiError(404 if status == 405 else status, message).response()
        self._count(str(endpoint))
        try:
            if "/_demo" not in str(endpoint):
                self._authenticate(request)
                self._throttle(request, str(endpoint))
                if self.config.latency:
                    time.sleep(self.config.latency)
            return self._handle(str(endpoint), request, **args)
        except ApiError as exc:
            return exc.response()
        except HTTPException as exc:  # too large a body, from Werkzeug's parsers
            if exc.code == 413:
                return ApiError(413, "request entity too large").response()
            return ApiError(exc.code or 400, exc.description or "Bad Request").response()

    def _handle(self, endpoint: str, request: Request, **args: str) -> Response:
        handlers: dict[str, Callable[..., Response]] = {
            "POST /api/ai/vto": self.try_on,
            "POST /api/ai/image-generation": self.image_generation,
            "POST /api/ai/product-description": self.product_description,
            "GET /api/ai/task/:id": self.task_status,
            "GET /api/ai/task/:id/stream": self.task_stream,
            "GET /images/:imageId": self.image,
            "GET /_demo/stats": self.stats,
            "GET /_demo/tasks": self.task_records,
            "GET /_demo/tasks/:id": self.task_record,
            "POST /_demo/credits": self.top_up,
        }
        return handlers[endpoint](request, **args)

    def _count(self, key: str) -> None:
        with self._lock:
            self._requests[key] += 1

    def _authenticate(self, request: Request) -> None:
        key = request.headers.get("x-api-key")
        key_id = request.headers.get("x-key-id")
        if not key or not key_id:
            raise ApiError(401, "Missing x-api-key or x-key-id header")
        if key != self.config.api_key or key_id != self.config.key_id:
            raise ApiError(401, "Invalid API key")

    def _throttle(self, request: Request, endpoint: str) -> None:
        limit = self.config.rate_limit
        if not limit:
            return
        key_id = request.headers.get("x-key-id", "")
        now = time.monotonic()
        with self._lock:
            recent = self._recent.setdefault(key_id, deque())
            while recent and now - recent[0] >= 1.0:
                recent.popleft()
            if len(recent) >= limit:
                self._throttled[endpoint] += 1
                wait = max(1, int(1.0 - (now - recent[0]) + 0.999))
                raise ApiError(
                    429, "ThrottlerException: Too Many Requests", {"Retry-After": str(wait)}
                )
            recent.append(now)

    def _charge(self, request: Request, kind: str) -> None:
        key_id = request.headers.get("x-key-id", "")
        cost = CREDITS[kind]
        with self._lock:
            balance = self._credits.get(key_id, 0.0)
            if balance + 1e-9 < cost:
                raise ApiError(
                    402,
                    f"Insufficient credits: this request costs {cost:g} credits and the "
                    f"account has {balance:g} left. Top up your AuraX account.",
                )
            self._credits[key_id] = balance - cost

    # The AuraX routes

    def _json_body(self, request: Request) -> dict[str, Any]:
        if request.content_length and request.content_length > self.max_body:
            raise ApiError(413, "request entity too large")
        raw = request.get_data(cache=False)
        if len(raw) > self.max_body:
            raise ApiError(413, "request entity too large")
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            raise ApiError(400, "Unexpected token in JSON body") from None
        if not isinstance(body, dict):
            raise ApiError(400, "The request body must be a JSON object")
        return body

    def try_on(self, request: Request) -> Response:
        body = self._json_body(request)
        errors: list[str] = []
        person = image_field(body, "personImage", errors, required=True)
        garment = image_field(body, "garmentImage", errors, required=True)
        mask = image_field(body, "maskBase64", errors, required=False)
        product_type = checked_product_type(body, errors)
        strength = body.get("garmentStrength")
        if strength is None:
            errors.append("garmentStrength should not be empty")
        elif isinstance(strength, bool) or strength not in (1, 2, 3):
            errors.append("garmentStrength must be one of the following values: 1, 2, 3")
        prompt = optional_string(body, "prompt", errors)
        run_with_prompt = body.get("runWithPrompt", False)
        if not isinstance(run_with_prompt, bool):
            errors.append("runWithPrompt must be a boolean value")
        if errors:
            raise ApiError(400, errors)
        assert person is not None and garment is not None and isinstance(strength, int)
        self._charge(request, "try-on")
        received: dict[str, Any] = {
            "personImage": {"size": list(person.size), "mode": person.mode},
            "garmentImage": {"size": list(garment.size), "mode": garment.mode},
            "mask": mask_summary(mask),
            "productType": product_type,
            "garmentStrength": strength,
            "prompt": prompt,
            "runWithPrompt": run_with_prompt,
            "fields": sorted(body),
        }
        task = self.board.create(
            "vto",
            received,
            self._result(
                lambda: simulate.try_on(person, garment, mask, str(product_type), int(strength))
            ),
            fail=self._should_fail(),
            images_named=self._images_named(),
        )
        return _json({"taskId": task.id}, status=201)

    def image_generation(self, request: Request) -> Response:
        body = self._json_body(request)
        errors: list[str] = []
        prompt = body.get("prompt")
        if prompt is not None and not isinstance(prompt, str):
            errors.append("prompt must be a string")
        elif not prompt or not prompt.strip():
            errors.append("prompt should not be empty")
        product_type = checked_product_type(body, errors)
        shape = image_field(body, "maskBase64", errors, required=False)
        width = dimension(body, "width", errors)
        height = dimension(body, "height", errors)
        if errors:
            raise ApiError(400, errors)
        self._charge(request, "image-generation")
        with self._lock:  # each generation of the same prompt is another variation
            variant = self._variants[str(prompt)]
            self._variants[str(prompt)] += 1
        received = {
            "prompt": prompt,
            "productType": product_type,
            "width": width,
            "height": height,
            "shape": {"size": list(shape.size)} if shape is not None else None,
            "fields": sorted(body),
        }
        task = self.board.create(
            "image-generation",
            received,
            self._result(
                lambda: simulate.generate(
                    str(prompt), str(product_type), width, height, shape, variant=variant
                )
            ),
            fail=self._should_fail(),
            images_named=self._images_named(),
        )
        return _json({"taskId": task.id}, status=201)

    def product_description(self, request: Request) -> Response:
        if request.content_length and request.content_length > self.max_body:
            raise ApiError(413, "request entity too large")
        errors: list[str] = []
        upload: FileStorage | None = request.files.get("image")
        product_type = request.form.get("productType")
        image = None
        if upload is None:
            errors.append("image should not be empty")
        else:
            image = decode_image(upload.read(), "image", errors)
        if product_type not in PRODUCT_TYPES:
            errors.append(product_type_message())
        if errors:
            raise ApiError(400, errors)
        assert image is not None and product_type is not None
        self._charge(request, "product-description")
        text = simulate.describe(image, product_type)
        return Response(text, status=201, content_type="text/plain; charset=utf-8")

    def _result(self, make: Callable[[], tuple[bytes, str]]) -> Callable[[], tuple[bytes, str]]:
        """The result maker, or a huge picture when --result-side asks for one."""
        return huge_result(self.config.result_side) if self.config.result_side else make

    def _images_named(self) -> int:
        return MANY_IMAGES if self.config.result_fault == "many-images" else 1

    def _should_fail(self) -> bool:
        with self._lock:
            return self.random.random() < self.config.fail_rate

    def _task(self, task_id: str) -> DemoTask:
        task = self.board.get(task_id)
        if task is None:
            raise ApiError(404, f"Task {task_id} not found")
        return task

    def task_status(self, request: Request, task_id: str) -> Response:
        return _json(self._task(task_id).as_status())

    def task_stream(self, request: Request, task_id: str) -> Response:
        task = self._task(task_id)
        if self.config.stream_fault == "silent":
            # Say nothing until the server stops (or the client goes): no head, no byte.
            self.board.stopping.wait(SILENT_STREAM_SECONDS)
            raise ApiError(503, "The demo server is stopping")
        with self._lock:
            drop = self.random.random() < self.config.drop_streams
        response = Response(
            task_events(
                self.board,
                task,
                self.config.heartbeat_seconds,
                drop=drop,
                fault=self.config.stream_fault,
            ),
            mimetype="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            direct_passthrough=True,
        )
        return response

    def image(self, request: Request, image_id: str) -> Response:
        found = self.board.image(image_id)
        if found is None:
            raise ApiError(404, f"Image {image_id} not found")
        data, mime = found
        if self.config.result_fault:
            body, headers, sent_as = damaged_download(data, self.config.result_fault)
            return Response(
                body, mimetype=sent_as or mime, headers=headers, direct_passthrough=True
            )
        headers = {"Content-Length": str(len(data))}
        if self.config.drip_images:
            body = dripping(data, self.config.drip_images)
            return Response(body, mimetype=mime, headers=headers, direct_passthrough=True)
        return Response(data, mimetype=mime, headers=headers)

    # Demo-only routes, for tests

    def stats(self, request: Request) -> Response:
        with self._lock:
            counts = dict(self._requests)
            throttled = dict(self._throttled)
            credits = dict(self._credits)
        return _json(
            {
                "requests": counts,
                "throttled": throttled,
                "tasks_created": self.board.count(),
                "credits": credits,
            }
        )

    def top_up(self, request: Request) -> Response:
        """Credits bought: ``{"add": N}`` added to the demo key's balance."""
        try:
            added = float((request.get_json(silent=True) or {}).get("add", 0))
        except (TypeError, ValueError):
            added = 0.0
        if not 0 < added <= 1_000_000:
            raise ApiError(400, "add: a number of credits above 0")
        with self._lock:
            key_id = self.config.key_id
            self._credits[key_id] = self._credits.get(key_id, 0.0) + added
            left = self._credits[key_id]
        return _json({"credits": left})

    def task_records(self, request: Request) -> Response:
        return _json(self.board.records())

    def task_record(self, request: Request, task_id: str) -> Response:
        task = self.board.get(task_id)
        if task is None:
            raise NotFound()
        return _json(task.as_record())
