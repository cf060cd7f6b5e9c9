"""What a job row says in words: when it ran, what went in, how long it has taken."""

from __future__ import annotations

import time

from aurax_desktop.jobs import Job
from aurax_desktop.jobs.params import TryOnParams, decode


def when_text(stamp: float, now: float | None = None) -> str:
    """When a job ran, as a person says it: 14:32, Yesterday 14:32, 27 Nov, 27 Nov 2025."""
    moment = time.localtime(stamp)
    today = time.localtime(now if now is not None else time.time())
    clock = time.strftime("%H:%M", moment)
    if moment.tm_year == today.tm_year and moment.tm_yday == today.tm_yday:
        return clock
    yesterday = time.localtime((now if now is not None else time.time()) - 86400)
    if moment.tm_year == yesterday.tm_year and moment.tm_yday == yesterday.tm_yday:
        return f"Yesterday {clock}"
    if moment.tm_year == today.tm_year:
        return time.strftime("%d %b", moment).lstrip("0")
    return time.strftime("%d %b %Y", moment).lstrip("0")


def inputs_text(job: Job) -> str:
    """What went into the job: the photos' names, or the prompt."""
    params = decode(job.kind.value, job.params)
    if isinstance(params, TryOnParams):
        names = [job.source_name or "", params.garment_name]
        return " + ".join(n for n in names if n)
    return job.prompt or job.source_name or ""


def elapsed_text(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"
