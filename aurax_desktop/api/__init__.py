"""The AuraX HTTP client (no Qt): requests, responses, errors and task following.

The requests, their rules, the errors and the events are imported at once; the parts
that talk HTTP (the client, following a task, its stream, the transport: requests and
sseclient) when first asked for, so a window paints before they are needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aurax_desktop.api.addresses import DEFAULT_BASE_URL
from aurax_desktop.api.deadline import Deadline
from aurax_desktop.api.errors import (
    AccountError,
    AuraxError,
    AuthenticationError,
    BadRequestError,
    DownloadError,
    FollowStoppedError,
    InsecureConnectionError,
    InvalidRequestError,
    MaybeSentError,
    NetworkError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitedError,
    ServerError,
    TaskDeadlineError,
    TaskFailedError,
    UnexpectedResponseError,
    UnsafeAnswerError,
)
from aurax_desktop.api.events import FollowNotice, Heartbeat, TaskEvent, TaskUpdate, UnclearEvent
from aurax_desktop.api.models import (
    COST_IMAGE_GENERATION,
    COST_PRODUCT_DESCRIPTION,
    COST_TRY_ON,
    CREDITS,
    MAX_IMAGE_SIDE,
    ImageGenerationRequest,
    ProductType,
    TaskState,
    TaskStatus,
    TryOnRequest,
)
from aurax_desktop.api.stopping import StopSignal
from aurax_desktop.api.suggest import suggest_product_type
from aurax_desktop.lazy_names import later

if TYPE_CHECKING:
    from aurax_desktop.api.client import MAX_DOWNLOAD_BYTES, AuraxClient
    from aurax_desktop.api.following import FollowRules, TaskFollower, TaskReader, follow_task
    from aurax_desktop.api.streaming import TaskStream
    from aurax_desktop.api.transport import ProgressCallback, RetryPolicy

_LATER = {
    "AuraxClient": "client",
    "MAX_DOWNLOAD_BYTES": "client",
    "FollowRules": "following",
    "TaskFollower": "following",
    "TaskReader": "following",
    "follow_task": "following",
    "TaskStream": "streaming",
    "ProgressCallback": "transport",
    "RetryPolicy": "transport",
}
"""What talks HTTP, by the module it lives in: imported when first asked for."""


__getattr__ = later(__name__, _LATER, globals())


__all__ = [
    "COST_IMAGE_GENERATION",
    "COST_PRODUCT_DESCRIPTION",
    "COST_TRY_ON",
    "CREDITS",
    "DEFAULT_BASE_URL",
    "MAX_DOWNLOAD_BYTES",
    "MAX_IMAGE_SIDE",
    "AccountError",
    "AuraxClient",
    "AuraxError",
    "AuthenticationError",
    "BadRequestError",
    "Deadline",
    "DownloadError",
    "FollowNotice",
    "FollowRules",
    "FollowStoppedError",
    "Heartbeat",
    "ImageGenerationRequest",
    "InsecureConnectionError",
    "InvalidRequestError",
    "MaybeSentError",
    "NetworkError",
    "NotFoundError",
    "PayloadTooLargeError",
    "ProductType",
    "ProgressCallback",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "StopSignal",
    "TaskDeadlineError",
    "TaskEvent",
    "TaskFailedError",
    "TaskFollower",
    "TaskReader",
    "TaskState",
    "TaskStatus",
    "TaskStream",
    "TaskUpdate",
    "TryOnRequest",
    "UnclearEvent",
    "UnexpectedResponseError",
    "UnsafeAnswerError",
    "follow_task",
    "suggest_product_type",
]
