"""Run the demo server in-process on a background thread, or from the command line."""

from __future__ import annotations

import json
import logging
import threading
import urllib.request
from dataclasses import replace
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, make_server

from aurax_desktop.demo.app import DemoApp
from aurax_desktop.demo.config import DemoConfig
from aurax_desktop.demo.tasks import TaskBoard

log = logging.getLogger(__name__)


class DemoServer:
    """An AuraX-compatible server on loopback.

    ``DemoServer(task_seconds=0.5).start()`` returns the base URL; ``stop()``
    ends every stream and joins every thread. Also a context manager.
    """

    def __init__(self, config: DemoConfig | None = None, **options: Any) -> None:
        base = config or DemoConfig(port=0)
        self.config = replace(base, **options) if options else base
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._board: TaskBoard | None = None
        self.url = ""

    @property
    def api_key(self) -> str:
        return self.config.api_key

    @property
    def key_id(self) -> str:
        return self.config.key_id

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> str:
        if self._server is not None:
            return self.url
        board = TaskBoard(self.config.task_seconds)
        app = DemoApp(self.config, board)
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        try:
            server = make_server(self.config.host, self.config.port, app, threaded=True)
        except BaseException:
            board.stop()
            raise
        host, port = server.server_address[:2]
        host_text = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{host_text}]" if ":" in host_text else host_text
        self.url = f"http://{shown}:{port}"
        self._board, self._server = board, server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="demo-server",
            daemon=True,
        )
        self._thread.start()
        log.info("Demo server listening at %s", self.url)
        return self.url

    def stop(self) -> None:
        server, board, thread = self._server, self._board, self._thread
        self._server = self._board = self._thread = None
        if board is not None:
            board.stop()  # ends every open stream
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def serve_forever(self) -> None:
        """Serve on the calling thread until interrupted (for the command line)."""
        self.start()
        assert self._thread is not None
        try:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.stop()

    def stats(self) -> dict[str, Any]:
        """``GET /_demo/stats``: requests received per route, those refused with 429 per
        route, tasks created, credits left."""
        return self._get_json("/_demo/stats")  # type: ignore[no-any-return]

    def top_up(self, credits: float) -> float:
        """``POST /_demo/credits``: credits bought, added to the key's balance; what is
        left now."""
        request = urllib.request.Request(  # noqa: S310 - the demo server, on loopback
            self.url + "/_demo/credits",
            data=json.dumps({"add": credits}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - loopback
            return float(json.loads(answer.read())["credits"])

    def tasks(self) -> list[dict[str, Any]]:
        return self._get_json("/_demo/tasks")  # type: ignore[no-any-return]

    def task(self, task_id: str) -> dict[str, Any]:
        return self._get_json(f"/_demo/tasks/{task_id}")  # type: ignore[no-any-return]

    def _get_json(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as answer:  # noqa: S310 - loopback
            return json.loads(answer.read())

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
