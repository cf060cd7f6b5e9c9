"""The AuraX HTTP client (no Qt): requests, responses, errors and task following."""

from aurax_desktop.api.client import DEFAULT_BASE_URL, AuraxClient
from aurax_desktop.api.errors import (
    AccountError,
    AuraxError,
    AuthenticationError,
    BadRequestError,
    FollowStoppedError,
    InsecureConnectionError,
    InvalidRequestError,
    NetworkError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitedError,
    ServerError,
    TaskDeadlineError,
    TaskFailedError,
    UnexpectedResponseError,
)
from aurax_desktop.api.events import FollowNotice, Heartbeat, TaskEvent, TaskUpdate
from aurax_desktop.api.models import (
    COST_IMAGE_GENERATION,
    COST_PRODUCT_DESCRIPTION,
    COST_TRY_ON,
    MAX_IMAGE_SIDE,
    ImageGenerationRequest,
    ProductType,
    TaskState,
    TaskStatus,
    TryOnRequest,
)
from aurax_desktop.api.stopping import StopSignal
from aurax_desktop.api.streaming import TaskStream
from aurax_desktop.api.transport import RetryPolicy

__all__ = [
    "COST_IMAGE_GENERATION",
    "COST_PRODUCT_DESCRIPTION",
    "COST_TRY_ON",
    "DEFAULT_BASE_URL",
    "MAX_IMAGE_SIDE",
    "AccountError",
    "AuraxClient",
    "AuraxError",
    "AuthenticationError",
    "BadRequestError",
    "FollowNotice",
    "FollowStoppedError",
    "Heartbeat",
    "ImageGenerationRequest",
    "InsecureConnectionError",
    "InvalidRequestError",
    "NetworkError",
    "NotFoundError",
    "PayloadTooLargeError",
    "ProductType",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "StopSignal",
    "TaskDeadlineError",
    "TaskEvent",
    "TaskFailedError",
    "TaskState",
    "TaskStatus",
    "TaskStream",
    "TaskUpdate",
    "TryOnRequest",
    "UnexpectedResponseError",
]
