"""JobRunner against the demo server, with a real SQLite history."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from aurax_desktop.api import (
    Deadline,
    ProductType,
    StopSignal,
    TaskDeadlineError,
    TaskState,
    TaskStatus,
)
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import (
    DescriptionInput,
    GenerationInput,
    JobEvent,
    JobKind,
    JobProgress,
    JobStatus,
    JobStore,
    JobUpdated,
    TryOnInput,
)
from aurax_desktop.jobs.events import JobNotice
from tests.factories import garment_jpeg, jpeg_bytes, person_jpeg
from tests.jobs.conftest import Factory


def painted_mask() -> Image.Image:
    mask = Image.new("L", (600, 900), 0)
    mask.paste(255, (150, 200, 450, 700))
    return mask


def test_try_on_job_runs_to_a_stored_result(runner_factory: Factory) -> None:
    runner, server, recorder = runner_factory()
    job = runner.get(
        runner.submit_try_on(
            TryOnInput(
                person_jpeg(), garment_jpeg(), ProductType.DRESS, 3, painted_mask(), "flowing", True
            )
        )
    )
    assert job.status is JobStatus.PREPARING
    (done,) = runner.wait([job.id], timeout=30)
    assert done.status is JobStatus.COMPLETED, done.error
    assert recorder.statuses(job.id) == [
        "preparing",
        "submitting",
        "queued",
        "processing",
        "downloading",
        "completed",
    ]
    assert set(done.timeline) >= {
        "preparing",
        "submitting",
        "queued",
        "processing",
        "downloading",
        "completed",
    }
    assert done.cost == 3 and done.task_id and done.results == ("result.jpg",)
    result = Image.open(done.result_paths[0])
    assert result.size == (600, 900)
    # a preview sharp in the Gallery at 200 % (its cells are 176 logical pixels)
    assert done.thumbnail_path is not None and Image.open(done.thumbnail_path).size == (256, 384)
    assert sorted(p.name for p in done.folder.iterdir()) == [
        "garment.jpg",
        "mask.png",
        "person.jpg",
        "print.jpg",
        "result.jpg",
        "thumbnail.jpg",
    ]
    assert done.raw is not None and done.raw["status"] == "COMPLETED"
    assert any(isinstance(e, JobProgress) and e.phase == "download" for e in recorder.events)
    stored = runner.store.get(job.id)
    assert stored == done
    received = server.task(done.task_id or "")["received"]
    assert received["mask"]["size"] == received["personImage"]["size"] == [600, 900]
    assert received["mask"]["coverage"] == pytest.approx(300 * 500 / (600 * 900), rel=0.01)
    assert received["garmentStrength"] == 3 and received["prompt"] == "flowing"


def test_task_id_is_stored_before_following_starts(runner_factory: Factory) -> None:
    runner, server, _ = runner_factory()
    seen: list[str | None] = []
    reader = JobStore()  # a second connection, as another process would read it

    def check(event: JobEvent) -> None:
        if isinstance(event, JobUpdated) and event.job.status is JobStatus.QUEUED:
            stored = reader.get(event.job.id)
            seen.append(stored.task_id if stored else None)

    runner.add_listener(check)
    job = runner.get(
        runner.submit_generation(GenerationInput("green boot", ProductType.FOOTWEAR, 64, 64))
    )
    runner.wait([job.id], timeout=30)
    reader.close()
    assert seen and seen[0] is not None
    assert server.stats()["requests"]["GET /api/ai/task/:id/stream"] >= 1


def test_generation_and_description(runner_factory: Factory) -> None:
    runner, _, _ = runner_factory()
    generation = runner.get(
        runner.submit_generation(
            GenerationInput(
                "a white sneaker", ProductType.FOOTWEAR, 320, 200, shape=jpeg_bytes((50, 50))
            )
        )
    )
    description = runner.get(
        runner.submit_description(
            DescriptionInput(jpeg_bytes((200, 200), (200, 30, 30)), ProductType.DRESS, batch="b1")
        )
    )
    done = {j.id: j for j in runner.wait([generation.id, description.id], timeout=30)}
    image = Image.open(done[generation.id].result_paths[0])
    assert image.size == (320, 200)
    assert done[generation.id].params["shape"] == "shape.png"
    text = done[description.id].description or ""
    assert "red" in text and "dress" in text
    assert done[description.id].cost == 0.25 and done[description.id].batch == "b1"


def test_failed_task_keeps_the_servers_messages(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, _, _ = runner_factory(demo_factory(fail_rate=1.0))
    job = runner.get(runner.submit_generation(GenerationInput("x", ProductType.BAG, 64, 64)))
    (done,) = runner.wait([job.id], timeout=30)
    assert done.status is JobStatus.FAILED
    assert "Simulated failure" in (done.error or "")
    assert done.messages and done.error_kind == "TaskFailedError"
    assert done.task_id and done.cost == 1  # it was accepted, so it was charged


def test_bad_photo_fails_before_anything_is_sent(runner_factory: Factory, tmp_path: Path) -> None:
    runner, server, _ = runner_factory()
    fake = tmp_path / "holiday.jpg"
    fake.write_text("not really a photo")
    job = runner.get(runner.submit_try_on(TryOnInput(fake, garment_jpeg(), ProductType.DRESS)))
    (done,) = runner.wait([job.id], timeout=30)
    assert done.status is JobStatus.FAILED
    assert "“holiday.jpg” is not a picture" in (done.error or "")
    assert done.error_kind == "ImageError" and done.cost == 0
    assert "POST /api/ai/vto" not in server.stats()["requests"]


def test_invalid_inputs_are_refused_at_once(runner_factory: Factory) -> None:
    runner, _, _ = runner_factory()
    with pytest.raises(ValueError, match="Garment strength must be 1, 2 or 3"):
        runner.submit_try_on(TryOnInput(person_jpeg(), garment_jpeg(), garment_strength=7))
    assert runner.store.count() == 0


def big_photo() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((4000, 3000), 40).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


def test_stop_before_sending_charges_nothing(runner_factory: Factory) -> None:
    runner, server, _ = runner_factory()
    job = runner.get(
        runner.submit_try_on(TryOnInput(big_photo(), garment_jpeg(), ProductType.DRESS))
    )
    runner.stop(job.id)
    (done,) = runner.wait([job.id], timeout=30)
    assert done.status is JobStatus.STOPPED
    assert "nothing was charged" in (done.error or "")
    assert "POST /api/ai/vto" not in server.stats()["requests"]


def test_stop_retry_and_follow_again(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, server, _ = runner_factory(demo_factory(task_seconds=2.0))
    job = runner.get(
        runner.submit_try_on(
            TryOnInput(person_jpeg(), garment_jpeg(), ProductType.BAG, mask=painted_mask())
        )
    )
    runner.wait([job.id], timeout=0.8)
    assert runner.get(job.id).status in (JobStatus.QUEUED, JobStatus.PROCESSING)  # type: ignore[union-attr]
    runner.stop(job.id)
    (stopped,) = runner.wait([job.id], timeout=10)
    assert stopped.status is JobStatus.STOPPED
    assert "may still finish it and charge for it" in (stopped.error or "")

    again = runner.follow(job.id)  # no new request, no new charge
    (followed,) = runner.wait([again.id], timeout=30)
    assert followed.status is JobStatus.COMPLETED and followed.id == job.id

    with pytest.raises(ValueError, match="cannot be retried"):
        runner.retry(job.id)
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1


def test_retry_sends_the_same_inputs_as_a_new_job(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, server, _ = runner_factory(demo_factory(task_seconds=5.0))
    job = runner.get(
        runner.submit_try_on(
            TryOnInput(
                person_jpeg(),
                garment_jpeg(),
                ProductType.BAG,
                mask=painted_mask(),
                prompt="tote",
                run_with_prompt=True,
            )
        )
    )
    runner.wait([job.id], timeout=1.0)
    runner.stop(job.id)
    runner.wait([job.id], timeout=10)
    retry = runner.get(runner.retry(job.id))
    assert retry.id != job.id and retry.retry_of == job.id
    runner.wait([retry.id], timeout=1.0)
    assert runner.get(retry.id).task_id  # type: ignore[union-attr]
    runner.stop(retry.id)  # only the sending matters here
    runner.wait([retry.id], timeout=30)
    records = server.tasks()
    assert server.stats()["requests"]["POST /api/ai/vto"] == 2
    first, second = (r["received"] for r in records)
    assert first == second  # the same prepared person, garment, mask and prompt
    assert (retry.folder / "mask.png").read_bytes() == (job.folder / "mask.png").read_bytes()


def test_deadline_fails_with_a_way_to_keep_waiting(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, _, _ = runner_factory(demo_factory(task_seconds=30), deadline_s=0.5)
    job = runner.get(runner.submit_generation(GenerationInput("slow", ProductType.BAG, 64, 64)))
    (done,) = runner.wait([job.id], timeout=20)
    assert done.status is JobStatus.FAILED and done.error_kind == "TaskDeadlineError"
    assert "Follow again" in (done.error or "")


def test_new_limits_apply_to_the_next_jobs_without_a_restart(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, _, _ = runner_factory(demo_factory(task_seconds=30), max_prepare=2)
    runner.set_limits(concurrency=1, deadline_s=0.5)
    ids = [
        runner.submit_generation(GenerationInput(f"slow {n}", ProductType.BAG, 64, 64))
        for n in range(3)
    ]
    jobs = runner.wait(ids, timeout=30)
    assert all(j.error_kind == "TaskDeadlineError" for j in jobs)  # the new time limit
    preparing = [t for t in threading.enumerate() if t.name.startswith("aurax-send")]
    assert len(preparing) == 1  # one job at a time, not the two it started with


def test_a_job_sent_while_the_history_is_read_at_start_is_not_taken_for_an_old_one(
    runner_factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """resume() reads the unfinished jobs of earlier runs while the user may already be
    sending: a job submitted in that moment is this run's own and goes on."""
    runner, _, recorder = runner_factory()
    read = runner.store.with_status
    sent: list[str] = []

    def read_while_sending(statuses: Any, **options: Any) -> Any:
        # The user sends a job in the moment the history is being read (once).
        if not sent:
            sent.append(runner.submit_generation(GenerationInput("early", ProductType.BAG, 64, 64)))
        return read(statuses, **options)

    monkeypatch.setattr(runner.store, "with_status", read_while_sending)
    assert runner.resume() == []
    (done,) = runner.wait(sent, timeout=30)
    assert done.status is JobStatus.COMPLETED
    assert "interrupted" not in recorder.statuses(done.id)


def test_late_reports_never_undo_a_finished_job(runner_factory: Factory) -> None:
    """A stream's or the poller's report that arrives after the result was saved (they
    run on other threads) leaves the job completed."""
    runner, _, recorder = runner_factory()
    job = runner.get(runner.submit_generation(GenerationInput("late", ProductType.BAG, 64, 64)))
    (done,) = runner.wait([job.id], timeout=30)
    assert done.status is JobStatus.COMPLETED
    late = TaskState(done.task_id or "", TaskStatus.PROCESSING)
    runner._on_state(job.id, late)
    runner._on_failed(job.id, TaskDeadlineError())
    runner._on_stopped(job.id)
    runner._on_completed(
        job.id, TaskState(done.task_id or "", TaskStatus.COMPLETED), Deadline(5), StopSignal()
    )
    assert runner.get(job.id) == done
    assert JobStore(runner.store.path).get(job.id) == done
    assert recorder.statuses(job.id)[-1] == "completed"


def test_threads_stay_bounded_with_many_tasks(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    """At most ``max_streams`` tasks are followed live on threads of their own; the others
    wait their turn with the one poller, by the same follow routine's status checks."""
    runner, server, recorder = runner_factory(demo_factory(task_seconds=1.0), max_streams=4)
    peak = {"threads": 0, "live": 0, "waiting": 0}

    def sample(_event: Any) -> None:
        ours = [t for t in threading.enumerate() if t.name.startswith("aurax-")]
        live, waiting = runner.following_counts
        peak["threads"] = max(peak["threads"], len(ours))
        peak["live"] = max(peak["live"], live)
        peak["waiting"] = max(peak["waiting"], waiting)

    runner.add_listener(sample)
    ids = [
        runner.submit_generation(GenerationInput(f"item {i}", ProductType.BAG, 64, 64))
        for i in range(30)
    ]
    done = runner.wait(ids, timeout=60)
    assert all(j.status is JobStatus.COMPLETED for j in done), [j.error for j in done]
    assert peak["threads"] <= 16
    assert 0 < peak["live"] <= 4
    assert peak["waiting"] > 0  # the rest were checked by the poller
    assert server.stats()["requests"]["POST /api/ai/image-generation"] == 30
    # waiting a turn is no trouble: nobody is told live updates are unavailable
    notices = {e.message for e in recorder.events if isinstance(e, JobNotice)}
    assert not any("unavailable" in message for message in notices), notices


def test_delete_removes_the_job_and_its_files(runner_factory: Factory) -> None:
    runner, _, _ = runner_factory()
    job = runner.get(runner.submit_generation(GenerationInput("hat", ProductType.OTHER, 64, 64)))
    (done,) = runner.wait([job.id], timeout=30)
    assert done.folder.is_dir()
    runner.delete(job.id)
    assert not done.folder.exists()
    assert runner.store.get(job.id) is None


def test_resume_at_start(runner_factory: Factory, demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(task_seconds=0.5)
    runner, _, _ = runner_factory(server)
    job = runner.get(runner.submit_generation(GenerationInput("resumed", ProductType.BAG, 64, 64)))
    runner.wait([job.id], timeout=30)
    store = runner.store
    # As the history looks after a crash at three different moments:
    queued = runner.get(job.id).changed(status=JobStatus.QUEUED, results=())  # type: ignore[union-attr]
    preparing = queued.changed(id="p" * 16, status=JobStatus.PREPARING, task_id=None)
    sending = queued.changed(id="s" * 16, status=JobStatus.SUBMITTING, task_id=None)
    store.save_work(queued)
    store.insert([preparing, sending])
    fresh, _, _ = runner_factory(server)
    touched = {j.id: j for j in fresh.resume()}
    assert touched[preparing.id].status is JobStatus.INTERRUPTED
    assert "not sent and nothing was charged" in (touched[preparing.id].error or "")
    assert touched[sending.id].status is JobStatus.UNCERTAIN
    assert "may have reached AuraX" in (touched[sending.id].error or "")
    (done,) = fresh.wait([queued.id], timeout=30)
    assert done.status is JobStatus.COMPLETED and done.result_paths[0].is_file()
    assert server.stats()["requests"]["POST /api/ai/image-generation"] == 1


def test_jobs_of_a_stopped_demo_server_are_not_followed_forever(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    old, _, _ = runner_factory(demo_factory(task_seconds=30))
    job = old.get(old.submit_generation(GenerationInput("orphan", ProductType.BAG, 64, 64)))
    old.wait([job.id], timeout=1.0)
    old.shutdown()
    assert old.store.get(job.id).status.is_following  # type: ignore[union-attr]
    fresh, _, _ = runner_factory(demo_factory())
    (touched,) = fresh.resume()
    assert touched.status is JobStatus.FAILED
    assert "demo server that ran this task has stopped" in (touched.error or "")
    assert touched.kind is JobKind.IMAGE_GENERATION


def test_resume_leaves_this_runs_jobs_alone_and_runs_once(runner_factory: Factory) -> None:
    runner, server, _ = runner_factory()
    job = runner.get(
        runner.submit_try_on(TryOnInput(big_photo(), garment_jpeg(), ProductType.DRESS))
    )
    assert runner.resume() == []  # the job being prepared is this run's own
    (done,) = runner.wait([job.id], timeout=30)
    assert done.status is JobStatus.COMPLETED and done.error is None
    assert runner.resume() == []
    assert server.stats()["requests"]["POST /api/ai/vto"] == 1
