"""HTTP for the client: authentication headers, timeouts, retries and what answers prove.

GETs retry connection failures, 429 and 5xx with exponential backoff and
jitter, honouring Retry-After, but never past the caller's deadline. A POST
is retried only when the connection could not even be opened: once a POST may
have reached the server it is never sent again, because every accepted
request costs credits. A POST whose answer never came, or is not the
contract's, raises ``MaybeSentError``. The key's headers are added to a
request only when it goes to the configured server's origin, and redirects
are never followed.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import requests.adapters
import urllib3.exceptions
from urllib3.exceptions import NewConnectionError

from aurax_desktop.api.addresses import check_base_url, is_loopback_host, join_url, origin
from aurax_desktop.api.deadline import Deadline
from aurax_desktop.api.errors import (
    AccountError,
    AuraxError,
    AuthenticationError,
    FollowStoppedError,
    MaybeSentError,
    NetworkError,
    PayloadTooLargeError,
    RateLimitedError,
    ServerError,
    UnexpectedResponseError,
    UnsafeAnswerError,
)
from aurax_desktop.api.parsing import error_from_response, is_contract_error
from aurax_desktop.api.stopping import StopSignal
from aurax_desktop.translation import _

log = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 8 * 1024 * 1024
"""The largest JSON or text answer read (a status, a task id, a description)."""

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes done, bytes in all; 0 when unknown)."""


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
    """One HTTP session to an AuraX server; the key goes only to its origin."""

    def __init__(
        self,
        base_url: str,
        auth_headers: Mapping[str, str],
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
        self._auth = dict(auth_headers)
        self._origin = origin(self.base_url)
        self._session = session or requests.Session()
        if session is None:
            # Room for every worker's connection: streams, downloads and submissions at once.
            adapter = requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=32)
            self._session.mount("https://", adapter)
            self._session.mount("http://", adapter)
        self._session.verify = True
        self._session.headers["Accept"] = "application/json"
        host = urlsplit(self.base_url).hostname or ""
        if is_loopback_host(host):
            # Never route loopback traffic through a proxy from the environment.
            self._session.trust_env = False

    def url(self, template: str, *ids: str) -> str:
        """The configured base + ``template``, each ``{}`` one percent-encoded id."""
        return join_url(self.base_url, template, *ids)

    def is_own_url(self, url: str) -> bool:
        return origin(url) == self._origin

    def close(self) -> None:
        self._session.close()

    def get(
        self,
        url: str,
        *,
        stream: bool = False,
        timeout: tuple[float, float] | None = None,
        stop: StopSignal | None = None,
        deadline: Deadline | None = None,
        headers: Mapping[str, str] | None = None,
        retry_slow: bool = True,
    ) -> requests.Response:
        """A GET, retried on connection failures, 429 and 5xx, never past ``deadline``
        (then ``TaskDeadlineError``); an answer that did not begin within the read
        timeout is asked for again only when ``retry_slow``."""
        policy = self.retry
        limit = deadline or Deadline.never()
        for attempt in range(policy.attempts):
            limit.check()
            try:
                return self._send(
                    "GET",
                    url,
                    stream=stream,
                    timeout=limit.timeout(timeout or self.timeout),
                    headers=headers,
                )
            except (NetworkError, ServerError, RateLimitedError) as exc:
                if attempt == policy.attempts - 1 or (
                    isinstance(exc, _NoAnswerInTimeError) and not retry_slow
                ):
                    raise
                retry_after = exc.retry_after if isinstance(exc, RateLimitedError) else None
                pause = policy.delay(attempt, retry_after)
                if pause >= limit.remaining():
                    # Waiting as asked would pass the deadline: wait until it, then say so.
                    _sleep(limit.remaining(), stop, exc)
                    raise limit.error() from exc
                log.info("GET %s failed (%s); retrying in %.1f s", _path(url), exc, pause)
                _sleep(pause, stop, exc)
        raise AssertionError("unreachable")  # pragma: no cover

    def post(
        self,
        url: str,
        *,
        body: bytes | None = None,
        content_type: str | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> requests.Response:
        """A POST, retried only if the connection could not be opened at all.

        Raises ``NetworkError`` when nothing was sent, the service's error when its
        answer proves the request was refused, and ``MaybeSentError`` otherwise.
        """
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
            except _NoAnswerError as exc:
                raise MaybeSentError(detail=exc.detail) from exc
            except UnexpectedResponseError as exc:
                raise MaybeSentError(detail=exc.detail or str(exc)) from exc
            except _ErrorStatusError as exc:
                raise _refusal_or_maybe(exc) from None
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
    ) -> requests.Response:
        if not self.is_own_url(url):
            # Nothing of ours goes anywhere but the configured server.
            raise UnsafeAnswerError(detail=f"refused a request to another origin: {_path(url)}")
        request_headers = {**self._auth, **(headers or {})}
        started = time.monotonic()
        response = self._request(method, url, data, request_headers, timeout)
        elapsed = (time.monotonic() - started) * 1000
        log.debug("%s %s -> %s in %.0f ms", method, _path(url), response.status_code, elapsed)
        if response.status_code < 300:
            if not stream:
                _read_body(response, MAX_ANSWER_BYTES, started + sum(timeout), method)
            return response
        try:
            body = _read_body(response, 65536, started + sum(timeout), method, truncate=True)
        except (AuraxError, _NoAnswerError):
            body = b""  # an error answer that breaks off says no more
        finally:
            response.close()
        if response.status_code < 400:
            error: AuraxError = AuraxError(
                _("The server redirected the request elsewhere; check the server address."),
                status_code=response.status_code,
            )
        else:
            error = error_from_response(
                response.status_code, body, response.headers.get("Retry-After")
            )
        if method == "POST":
            raise _ErrorStatusError(error, body)
        raise error

    def _request(
        self,
        method: str,
        url: str,
        data: Any,
        headers: Mapping[str, str],
        timeout: tuple[float, float],
    ) -> requests.Response:
        """The answer's head; a failure as the error that says what it proves."""
        try:
            return self._session.request(
                method,
                url,
                data=data,
                headers=headers,
                timeout=timeout,
                stream=True,  # bodies are read by the caller, within a size and a time limit
                allow_redirects=False,
            )
        except requests.exceptions.ConnectionError as exc:
            # ConnectTimeout is a ConnectionError too: the connection never opened.
            error = _network_error(exc, "could not connect")
            if method == "POST":
                if _never_connected(exc):
                    raise _NotConnectedError(error) from exc
                raise _NoAnswerError(f"the connection broke: {type(exc).__name__}") from exc
            raise error from exc
        except requests.exceptions.Timeout as exc:
            if method == "POST":
                raise _NoAnswerError("no answer in time") from exc
            raise _NoAnswerInTimeError(
                detail=f"timed out waiting for an answer: {type(exc).__name__}"
            ) from exc
        except requests.exceptions.RequestException as exc:
            if method == "POST":
                raise _NoAnswerError(f"the request failed: {type(exc).__name__}") from exc
            raise _network_error(exc, "the connection failed") from exc


class _NoAnswerInTimeError(NetworkError):
    """A GET whose answer did not begin within its read timeout."""


class _NotConnectedError(Exception):
    """A connection that never opened: the request certainly did not reach the server."""

    def __init__(self, error: NetworkError) -> None:
        super().__init__(str(error))
        self.error = error


class _NoAnswerError(Exception):
    """A POST that went out (in part or whole) and got no answer."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class _ErrorStatusError(Exception):
    """A POST answered with a status of 300 or more."""

    def __init__(self, error: AuraxError, body: bytes) -> None:
        super().__init__(str(error))
        self.error = error
        self.body = body


def _refusal_or_maybe(answer: _ErrorStatusError) -> AuraxError:
    """The error to raise for a POST's error answer: the service's own error when the
    answer proves the request was refused, ``MaybeSentError`` when it proves nothing."""
    error = answer.error
    refused = isinstance(
        error, AuthenticationError | AccountError | RateLimitedError | PayloadTooLargeError
    ) or (
        error.status_code is not None
        and 400 <= error.status_code < 500
        and is_contract_error(answer.body)
    )
    if refused:
        return error
    return MaybeSentError(
        status_code=error.status_code,
        server_message=error.server_message,
        detail=f"answered {error.status_code}: {error.server_message or 'no message'}",
    )


def _read_body(
    response: requests.Response, cap: int, until: float, method: str, *, truncate: bool = False
) -> bytes:
    """Read a whole (small) answer into ``response.content``: at most ``cap`` bytes
    (``truncate``: keep the first ``cap``), and by ``until`` on the monotonic clock."""
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > until:
                raise requests.exceptions.Timeout("the answer took too long to arrive")
            chunk = response.raw.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > cap:
                if truncate:
                    break
                raise UnexpectedResponseError(detail=f"the answer is larger than {cap} bytes")
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
        if method == "POST":
            raise _NoAnswerError(f"the answer broke off: {type(exc).__name__}") from exc
        raise _network_error(exc, "the answer broke off") from exc
    body = b"".join(chunks)[:cap]
    response._content = body  # requests' own cache of the body
    response._content_consumed = True  # type: ignore[attr-defined]
    return body


def _sleep(seconds: float, stop: StopSignal | None, cause: BaseException) -> None:
    if stop is None:
        time.sleep(seconds)
    elif stop.wait(seconds):
        raise FollowStoppedError() from cause


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
