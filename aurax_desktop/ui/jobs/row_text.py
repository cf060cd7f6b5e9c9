"""What a job row says in words: when it ran, what went in, how long it has taken."""

from __future__ import annotations

import time
from datetime import datetime

from aurax_desktop.formats import format_date, format_day, format_time
from aurax_desktop.jobs import Job
from aurax_desktop.jobs.params import TryOnParams, decode
from aurax_desktop.translation import _


def when_text(stamp: float, now: float | None = None) -> str:
    """When a job ran, as a person says it (in the user's language): 14:32, Yesterday
    14:32, 27 Nov, 27 Nov 2025."""
    moment = time.localtime(stamp)
    today = time.localtime(now if now is not None else time.time())
    day = datetime.fromtimestamp(stamp)
    clock = format_time(day)
    if moment.tm_year == today.tm_year and moment.tm_yday == today.tm_yday:
        return clock
    yesterday = time.localtime((now if now is not None else time.time()) - 86400)
    if moment.tm_year == yesterday.tm_year and moment.tm_yday == yesterday.tm_yday:
        return _("Yesterday {time}").format(time=clock)
    if moment.tm_year == today.tm_year:
        return format_day(day)
    return format_date(day, "medium")


def inputs_text(job: Job) -> str:
    """What went into the job: the photos' names, or the prompt."""
    params = decode(job.kind.value, job.params)
    if isinstance(params, TryOnParams):
        names = [job.source_name or "", params.garment_name]
        return " + ".join(n for n in names if n)
    return job.prompt or job.source_name or ""


def elapsed_text(seconds: float) -> str:
    """How long a job has taken: 42 s, 3 min 05 s, 1 h 02 min."""
    seconds = int(seconds)
    if seconds < 60:
        # Translators: a duration in seconds, as short as a job's row can hold.
        return _("{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=f"{seconds:02d}")
    return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")
