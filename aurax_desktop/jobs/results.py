"""A finished task's results: downloaded, checked by their header, written whole, previewed.

A result is first judged by its header: a picture above the pixel limit that
photos have on the way in is kept as the bytes that came (nothing is lost) with
a plain note, but never decoded; others get a thumbnail from a reduced decode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from aurax_desktop.api import (
    AuraxClient,
    AuraxError,
    Deadline,
    DownloadError,
    FollowStoppedError,
    StopSignal,
    TaskState,
    UnsafeAnswerError,
)
from aurax_desktop.imaging import (
    DEFAULT_MAX_PIXELS,
    RESULT_PREVIEW_SIDE,
    ImageError,
    read_header,
    save_thumbnail,
)
from aurax_desktop.jobs.files import image_extension, write_atomically
from aurax_desktop.jobs.model import Job, JobStatus

log = logging.getLogger(__name__)

ProgressReport = Callable[[int, int], None]

NO_IMAGE = (
    "AuraX finished the task, but its answer holds no image this program can find. "
    "The answer is kept with the job."
)


def fetch_results(
    client: AuraxClient,
    job: Job,
    state: TaskState,
    *,
    deadline: Deadline,
    stop: StopSignal,
    progress: ProgressReport,
) -> Job:
    """The job once its results are fetched and stored: completed, or failed with a
    message saying whether following it again can still fetch them."""
    if not state.image_ids:
        return job.moved_to(JobStatus.FAILED, error=NO_IMAGE, error_kind="NoImage")
    results: list[str] = []
    notes: list[str] = []
    try:
        for index, image_id in enumerate(state.image_ids):
            data = client.get_image(image_id, on_progress=progress, stop=stop, deadline=deadline)
            name = f"result{'' if index == 0 else f'-{index + 1}'}{image_extension(data)}"
            note = _check(data)
            write_atomically(job.folder / name, data)
            results.append(name)
            if note:
                notes.append(note)
            elif index == 0:
                _thumbnail(job, data)
    except FollowStoppedError:
        raise
    except UnsafeAnswerError as exc:
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=exc.user_message,
            error_kind=type(exc).__name__,
        )
    except AuraxError as exc:
        text = exc.user_message
        if not isinstance(exc, DownloadError):
            text = f"The result could not be downloaded: {text}"
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=f"{text} AuraX has finished it; use “Follow again” to fetch it.",
            error_kind=DownloadError.__name__,
        )
    except _NotAPictureError:
        return job.moved_to(
            JobStatus.FAILED,
            error="AuraX sent a result that is not a picture. The answer is kept with the job.",
            error_kind="NotAPicture",
        )
    except OSError as exc:
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=f"The result could not be saved in {job.folder} ({exc.strerror or exc}). "
            "Free some space, then use “Follow again” to fetch it.",
            error_kind=DownloadError.__name__,
        )
    return job.moved_to(
        JobStatus.COMPLETED,
        results=tuple(results),
        messages=(*state.messages, *notes),
        error=None,
        error_kind=None,
    )


class _NotAPictureError(Exception):
    pass


def _check(data: bytes) -> str | None:
    """None for a picture that can be previewed; a note for one kept undecoded."""
    try:
        read_header(data, name="The result", max_pixels=DEFAULT_MAX_PIXELS)
    except ImageError as exc:
        if exc.reason == "too large":
            return (
                "The result is too large to preview, so it was kept exactly as it came; "
                "open it from its folder."
            )
        raise _NotAPictureError() from exc
    return None


def _thumbnail(job: Job, data: bytes) -> None:
    """A preview for the list; a result that will not decode keeps its bytes and no preview."""
    try:
        save_thumbnail(
            read_header(data, name="The result"),
            job.folder / "thumbnail.jpg",
            RESULT_PREVIEW_SIDE,
        )
    except ImageError as exc:
        log.warning("No preview for job %s: %s", job.id, exc)
