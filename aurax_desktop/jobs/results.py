"""A finished task's result: downloaded, checked whole, written, previewed.

A result is only ever "completed" when it is a picture that decodes: it is first
judged by its header (a kind of picture, a size within the pixel limit, read without
decoding a pixel), then decoded at a reduced size to make its preview, which proves
the file whole. A truncated file, a download cut short, something that is not a
picture, or a picture past the pixel limit (a decompression bomb) ends the job
failed, "AuraX sent a damaged picture", and nothing of it is kept: following the
task again fetches it again at no charge.

The contract gives an image task one result. An answer that names more is cut to
that one (the job says so), and what a task may download is bounded in bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from aurax_desktop.api import (
    MAX_DOWNLOAD_BYTES,
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
    previews,
    read_header,
)
from aurax_desktop.jobs.files import PRINT_NAME, PRINT_SIDE, image_extension, write_atomically
from aurax_desktop.jobs.model import Job, JobStatus
from aurax_desktop.translation import LazyText, _, lazy_gettext, lazy_pgettext, ngettext

log = logging.getLogger(__name__)

ProgressReport = Callable[[int, int], None]

IMAGES_PER_TASK = 1
"""What the contract gives a finished image task: one image (``output.imageId``)."""
TASK_MAX_BYTES = MAX_DOWNLOAD_BYTES
"""The most a task's results may take to download, in all."""
DAMAGED = "DamagedResult"
"""The ``error_kind`` of a job whose result was not a whole, usable picture."""

NO_IMAGE = lazy_gettext(
    "AuraX finished the task, but its answer holds no image this program can find. "
    "The answer is kept with the job."
)


def damaged_message(reason: str) -> str:
    """A damaged result's message, in the language spoken now (and kept so with the
    job, as every job's error is)."""
    # Translators: {reason} is one of the short descriptions of a damaged picture
    # ("empty", "not a picture", "cut short or damaged"...).
    return _(
        "AuraX sent a damaged picture ({reason}), so it was not kept. It was charged, "
        "but fetching it again costs nothing: use “Follow again”."
    ).format(reason=reason)


def fetch_results(
    client: AuraxClient,
    job: Job,
    state: TaskState,
    *,
    deadline: Deadline,
    stop: StopSignal,
    progress: ProgressReport,
) -> Job:
    """The job once its result is fetched, checked and stored: completed, or failed
    with a message saying whether following it again can still fetch it."""
    if not state.image_ids:
        return job.moved_to(JobStatus.FAILED, error=str(NO_IMAGE), error_kind="NoImage")
    notes: list[str] = []
    image_ids = state.image_ids[:IMAGES_PER_TASK]
    if len(state.image_ids) > IMAGES_PER_TASK:
        named = len(state.image_ids)
        notes.append(
            ngettext(
                "AuraX named {count} picture for this task, where one is expected: only "
                "the first was fetched.",
                "AuraX named {count} pictures for this task, where one is expected: only "
                "the first was fetched.",
                named,
            ).format(count=named)
        )
    results: list[str] = []
    budget = TASK_MAX_BYTES
    try:
        for index, image_id in enumerate(image_ids):
            data = client.get_image(
                image_id, on_progress=progress, stop=stop, deadline=deadline, max_bytes=budget
            )
            budget -= len(data)
            name = f"result{'' if index == 0 else f'-{index + 1}'}{image_extension(data)}"
            preview, for_print = _checked(data)
            write_atomically(job.folder / name, data)
            results.append(name)
            if index == 0:
                write_atomically(job.folder / "thumbnail.jpg", preview)
                write_atomically(job.folder / PRINT_NAME, for_print)
    except FollowStoppedError:
        raise
    except _DamagedError as exc:
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=damaged_message(exc.reason),
            error_kind=DAMAGED,
        )
    except UnsafeAnswerError as exc:
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=exc.user_message,
            error_kind=type(exc).__name__,
        )
    except AuraxError as exc:
        if isinstance(exc, DownloadError):
            # Translators: {message} says why the download failed.
            text = _("{message} AuraX has finished it; use “Follow again” to fetch it.")
        else:
            # Translators: {message} is what AuraX or the network answered.
            text = _(
                "The result could not be downloaded: {message} AuraX has finished it; use "
                "“Follow again” to fetch it."
            )
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=text.format(message=exc.user_message),
            error_kind=DownloadError.__name__,
        )
    except OSError as exc:
        # Translators: {folder} is a folder's path; {reason} is the system's words for
        # what went wrong ("No space left on device").
        text = _(
            "The result could not be saved in {folder} ({reason}). Free some space, then "
            "use “Follow again” to fetch it."
        )
        return job.moved_to(
            JobStatus.FAILED,
            results=tuple(results),
            error=text.format(folder=job.folder, reason=exc.strerror or exc),
            error_kind=DownloadError.__name__,
        )
    return job.moved_to(
        JobStatus.COMPLETED,
        results=tuple(results),
        messages=(*state.messages, *notes),
        error=None,
        error_kind=None,
    )


class _DamagedError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_REASONS: dict[str, LazyText] = {
    # Translators: why a picture AuraX sent is damaged, said in brackets after "AuraX
    # sent a damaged picture" (each message of the context "damaged picture").
    "too large": lazy_pgettext("damaged picture", "larger than any picture may be"),
    "not a picture": lazy_pgettext("damaged picture", "not a picture"),
    "unsupported": lazy_pgettext("damaged picture", "not a kind of picture this program reads"),
    "empty": lazy_pgettext("damaged picture", "empty"),
}
_DAMAGED = lazy_pgettext("damaged picture", "cut short or damaged")
"""Why a picture is damaged when the reading said no more."""


def _checked(data: bytes) -> tuple[bytes, bytes]:
    """The previews (for the lists, for print) of a result that is a whole, usable
    picture (JPEG bytes); raises ``_DamagedError`` otherwise. Its header is read
    first: nothing past the pixel limit is ever decoded."""
    try:
        source = read_header(data, name="The result", max_pixels=DEFAULT_MAX_PIXELS)
        small, large = previews(source, (RESULT_PREVIEW_SIDE, PRINT_SIDE))
        return small, large
    except ImageError as exc:
        raise _DamagedError(str(_REASONS.get(exc.reason, _DAMAGED))) from None
