"""A real HTTP server on loopback that answers from a script.

This is the one stand-in in the client's tests: it plays a misbehaving server
(5xx, garbage bodies, slow answers, broken streams) that the demo server,
which follows the contract, never is.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

Answer = Callable[[Request], Response]


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class ScriptedServer:
    """Answers requests to a path from a queue of scripted answers (the last one repeats)."""

    script: dict[str, deque[Answer]] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    url: str = ""

    def on(self, path: str, *answers: Answer) -> None:
        self.script[path] = deque(answers)

    def count(self, method: str, path: str) -> int:
        return sum(1 for s in self.seen if s.method == method and s.path == path)

    def _app(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        self.seen.append(Seen(request.method, request.path, dict(request.headers)))
        request.get_data()
        queue = self.script.get(request.path)
        if not queue:
            response = Response("no script", status=599)
        else:
            answer = queue.popleft() if len(queue) > 1 else queue[0]
            response = answer(request)
        return response(environ, start_response)

    def __enter__(self) -> ScriptedServer:
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def answer(
    body: str | bytes,
    status: int = 200,
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
    delay: float = 0.0,
) -> Answer:
    def respond(_request: Request) -> Response:
        if delay:
            time.sleep(delay)
        return Response(body, status=status, content_type=content_type, headers=headers)

    return respond


def stream(chunks: list[bytes], pause: float = 0.02) -> Answer:
    def respond(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for chunk in chunks:
                time.sleep(pause)
                yield chunk

        return Response(body(), content_type="text/event-stream", direct_passthrough=True)

    return respond
