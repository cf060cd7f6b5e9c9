"""HTTP for the client: authentication headers, timeouts, retries and address rules.

GETs retry connection failures, 429 and 5xx with exponential backoff and
jitter, honouring Retry-After. A POST is retried only when the connection
could not even be opened: once a POST may have reached the server it is never
sent again, because every accepted request costs credits.
"""

from __future__ import annotations

import ipaddress
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import requests.adapters
from urllib3.exceptions import NewConnectionError

from aurax_desktop.api.errors import (
    AuraxError,
    FollowStoppedError,
    InsecureConnectionError,
    NetworkError,
    RateLimitedError,
    ServerError,
)
from aurax_desktop.api.parsing import error_from_response
from aurax_desktop.api.stopping import StopSignal

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes done, bytes in all; 0 when unknown)."""


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """The base URL without a trailing slash, or ``InsecureConnectionError``."""
    text = (base_url or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureConnectionError(
            f"'{text}' is not a server address. It should look like https://backend.aurax.co.in."
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InsecureConnectionError()
    return text.rstrip("/")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a GET is repeated."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds before try ``attempt + 1`` (attempt counts from 0)."""
        backoff = min(self.max_delay, self.base_delay * (2**attempt))
        jittered = float(backoff * random.uniform(0.5, 1.0))
        if retry_after is not None:
            return max(jittered, min(float(retry_after), float(self.max_retry_after)))
        return jittered


class _ProgressBody:
    """A request body that reports how much of it has been read (sent)."""

    def __init__(self, data: bytes, callback: ProgressCallback) -> None:
        self._data = memoryview(data)
        self._pos = 0
        self._callback = callback

    def __len__(self) -> int:
        return len(self._data)

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size is None or size < 0 else self._pos + size
        chunk = self._data[self._pos : end].tobytes()
        self._pos += len(chunk)
        self._callback(self._pos, len(self._data))
        return chunk


class Transport:
    """One authenticated HTTP session to an AuraX server."""

    def __init__(
        self,
        base_url: str,
        headers: Mapping[str, str],
        *,
        timeout: tuple[float, float],
        post_timeout: tuple[float, float],
        retry: RetryPolicy,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.timeout = timeout
        self.post_timeout = post_timeout
        self.retry = retry
        self._session = session or requests.Session()
        if session is None:
            # Room for every worker's connection: streams, downloads and submissions at once.
            adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=32)
            self._session.mount("https://", adapter)
            self._session.mount("http://", adapter)
        self._session.verify = True
        self._session.headers.update(headers)
        host = urlsplit(self.base_url).hostname or ""
        self._loopback = is_loopback_host(host)
        if self._loopback:
            # Never route loopback traffic through a proxy from the environment.
            self._session.trust_env = False

    def url(self, path: str) -> str:
        return urljoin(self.base_url + "/", path.lstrip("/"))

    def is_own_url(self, url: str) -> bool:
        own, other = urlsplit(self.base_url), urlsplit(url)
        return (own.scheme, own.netloc) == (other.scheme, other.netloc)

    def close(self) -> None:
        self._session.close()

    def get(
        self,
        url: str,
        *,
        stream: bool = False,
        timeout: tuple[float, float] | None = None,
        stop: StopSignal | None = None,
        authenticated: bool = True,
        headers: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """A GET, retried on connection failures, 429 and 5xx."""
        policy = self.retry
        for attempt in range(policy.attempts):
            last = attempt == policy.attempts - 1
            try:
                return self._send(
                    "GET",
                    url,
                    stream=stream,
                    timeout=timeout or self.timeout,
                    authenticated=authenticated,
                    headers=headers,
                )
            except (NetworkError, ServerError, RateLimitedError) as exc:
                if last:
                    raise
                retry_after = exc.retry_after if isinstance(exc, RateLimitedError) else None
                pause = policy.delay(attempt, retry_after)
                log.info("GET %s failed (%s); retrying in %.1f s", _path(url), exc, pause)
                if stop is None:
                    time.sleep(pause)
                elif stop.wait(pause):
                    raise FollowStoppedError() from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def post(
        self,
        url: str,
        *,
        body: bytes | None = None,
        content_type: str | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> requests.Response:
        """A POST, retried only if the connection could not be opened at all."""
        headers = {"Content-Type": content_type} if content_type else {}
        payload: Any = body
        for attempt in range(self.retry.attempts):
            data = _ProgressBody(payload, on_progress) if on_progress and payload else payload
            try:
                return self._send(
                    "POST", url, data=data, timeout=self.post_timeout, headers=headers
                )
            except _NotConnectedError as exc:
                if attempt == self.retry.attempts - 1:
                    raise exc.error from None
                pause = self.retry.delay(attempt, None)
                log.info("POST %s could not connect; retrying in %.1f s", _path(url), pause)
                time.sleep(pause)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(
        self,
        method: str,
        url: str,
        *,
        timeout: tuple[float, float],
        stream: bool = False,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        authenticated: bool = True,
    ) -> requests.Response:
        started = time.monotonic()
        request_headers = dict(headers or {})
        try:
            if authenticated:
                response = self._session.request(
                    method,
                    url,
                    data=data,
                    headers=request_headers,
                    timeout=timeout,
                    stream=stream,
                    allow_redirects=False,
                )
            else:
                response = requests.request(
                    method,
                    url,
                    data=data,
                    headers=request_headers,
                    timeout=timeout,
                    stream=stream,
                    allow_redirects=True,
                )
        except requests.exceptions.ConnectionError as exc:
            # ConnectTimeout is a ConnectionError too: the connection never opened.
            error = _network_error(exc, "could not connect")
            if method == "POST" and _never_connected(exc):
                raise _NotConnectedError(error) from exc
            raise error from exc
        except requests.exceptions.Timeout as exc:
            raise _network_error(exc, "timed out waiting for an answer") from exc
        except requests.exceptions.RequestException as exc:
            raise _network_error(exc, "the connection failed") from exc
        elapsed = (time.monotonic() - started) * 1000
        log.debug("%s %s -> %s in %.0f ms", method, _path(url), response.status_code, elapsed)
        if response.status_code >= 400 or response.status_code in (301, 302, 307, 308):
            try:
                body = response.content[:65536]
            except requests.exceptions.RequestException:
                body = b""
            finally:
                response.close()
            if 300 <= response.status_code < 400:
                raise AuraxError(
                    "The server redirected the request elsewhere; check the server address.",
                    status_code=response.status_code,
                )
            raise error_from_response(
                response.status_code, body, response.headers.get("Retry-After")
            )
        return response


class _NotConnectedError(Exception):
    """A connection that never opened: the request certainly did not reach the server."""

    def __init__(self, error: NetworkError) -> None:
        super().__init__(str(error))
        self.error = error


def _never_connected(exc: BaseException) -> bool:
    """True when the failure happened before a connection was open (nothing was sent)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        error = pending.pop()
        if id(error) in seen:
            continue
        seen.add(id(error))
        if isinstance(error, NewConnectionError | ConnectionRefusedError):
            return True
        linked = [getattr(error, "reason", None), error.__cause__, error.__context__, *error.args]
        pending.extend(item for item in linked if isinstance(item, BaseException))
    return False


def _network_error(exc: BaseException, what: str) -> NetworkError:
    return NetworkError(detail=f"{what}: {type(exc).__name__}")


def _path(url: str) -> str:
    return urlsplit(url).path
