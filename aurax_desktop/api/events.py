"""What following a task reports, as small typed events."""

from __future__ import annotations

from dataclasses import dataclass

from aurax_desktop.api.models import TaskState


@dataclass(frozen=True)
class TaskUpdate:
    """The server reported the task's state (on the stream or by polling)."""

    state: TaskState


@dataclass(frozen=True)
class Heartbeat:
    """The stream is alive; ``timestamp`` is the server's clock in seconds, if it sent one."""

    timestamp: float | None


@dataclass(frozen=True)
class UnclearEvent:
    """A stream event that carried no usable status (malformed data, an unknown event
    name, a state without a status): the follower checks the status endpoint instead."""

    reason: str


@dataclass(frozen=True)
class FollowNotice:
    """How the task is being followed changed: ``mode`` is "streaming",
    "reconnecting" or "polling"; ``message`` says so in plain words."""

    mode: str
    message: str


TaskEvent = TaskUpdate | Heartbeat | UnclearEvent | FollowNotice
