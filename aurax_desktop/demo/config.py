"""The demo server's options (the command line's flags, as one object)."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_API_KEY = "demo-key"
DEMO_KEY_ID = "demo"


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
