"""The demo server's options (the command line's flags, as one object)."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_API_KEY = "demo-key"
DEMO_KEY_ID = "demo"
STREAM_FAULTS = ("", "comments", "heartbeats", "no-status", "garbage", "silent")
"""``comments``: only SSE comments; ``heartbeats``: only heartbeats; ``no-status``:
state events without a status; ``garbage``: data lines that are not JSON;
``silent``: the stream's request is taken and never answered, not even its head. In
each, the task's status can be had only from the status endpoint."""
RESULT_FAULTS = ("", "truncated", "cut-short", "not-a-picture", "many-images")
"""``truncated``: a picture whose file ends half-way (sent whole, as it is);
``cut-short``: the download stops half-way through what its length announced;
``not-a-picture``: a web page sent as the result; ``many-images``: a finished task
names 200 images (all the same picture) where the contract has one."""


TRIAL_CREDITS = 10_000.0
"""The balance the demo starts with when the window or ``aurax --demo`` runs it: a whole
season can be tried (40 garments on 10 people is 1,200 credits). The server run on its
own starts with ``DemoConfig.credits``, small, so running out is easy to try."""


@dataclass(frozen=True)
class DemoConfig:
    host: str = "127.0.0.1"
    port: int = 4000
    api_key: str = DEMO_API_KEY
    key_id: str = DEMO_KEY_ID
    credits: float = 100.0
    task_seconds: float = 3.0
    heartbeat_seconds: float = 15.0
    # Fault options, off by default: for tests and for trying the program's resilience.
    fail_rate: float = 0.0
    latency: float = 0.0
    drop_streams: float = 0.0
    rate_limit: int = 0
    max_body_mb: float = 32.0
    drip_images: float = 0.0
    """Seconds over which every image download is spread (0: at once)."""
    stream_fault: str = ""
    """One of ``faults.STREAM_FAULTS``: streams that never tell a status."""
    result_side: int = 0
    """Results are 1-bit PNGs this many pixels square (0: the usual results)."""
    result_fault: str = ""
    """One of ``RESULT_FAULTS``: damaged results, or too many of them."""
    seed: int | None = None

    def __post_init__(self) -> None:
        for name in ("fail_rate", "drop_streams"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1 (it was {value})")
        for name in ("task_seconds", "heartbeat_seconds", "latency", "credits"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.heartbeat_seconds == 0:
            raise ValueError("heartbeat_seconds must be more than 0")
        if self.rate_limit < 0:
            raise ValueError("rate_limit must not be negative")
        if self.drip_images < 0 or self.result_side < 0:
            raise ValueError("drip_images and result_side must not be negative")
        if self.stream_fault not in STREAM_FAULTS:
            raise ValueError(f"unknown stream fault {self.stream_fault!r}")
        if self.result_fault not in RESULT_FAULTS:
            raise ValueError(f"unknown result fault {self.result_fault!r}")
