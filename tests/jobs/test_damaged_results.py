"""A result is completed only when it is a whole, usable picture, and a task gives at most
what the contract allows. The demo server's result faults send what a misbehaving
service might: a truncated file, a download cut short, a web page, a picture past the
pixel limit, 200 images for one task."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from aurax_desktop.api import ProductType
from aurax_desktop.cli import main
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import GenerationInput, JobStatus
from aurax_desktop.jobs.results import DAMAGED
from tests.factories import garment_jpeg, person_jpeg
from tests.jobs.conftest import Factory

pytestmark = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")


def generation() -> GenerationInput:
    return GenerationInput("a linen dress", ProductType.DRESS, 64, 64)


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"result_fault": "truncated"}, "cut short or damaged"),
        ({"result_fault": "not-a-picture"}, "not a picture"),
        ({"result_side": 10_500}, "larger than any picture may be"),
    ],
)
def test_a_damaged_result_never_ends_completed_and_can_be_fetched_again(
    runner_factory: Factory,
    demo_factory: Callable[..., DemoServer],
    options: dict[str, object],
    reason: str,
) -> None:
    server = demo_factory(task_seconds=0.1, **options)
    runner, _, _ = runner_factory(server)
    (job,) = runner.wait([runner.submit_generation(generation())], timeout=60)
    assert job.status is JobStatus.FAILED
    assert job.error_kind == DAMAGED
    assert job.error is not None and job.error.startswith("AuraX sent a damaged picture")
    assert reason in job.error and "Follow again" in job.error
    assert job.results == () and job.thumbnail_path is None
    assert not list(job.folder.glob("result*"))  # nothing damaged is kept
    posted = server.stats()["requests"]["POST /api/ai/image-generation"]
    fetched = server.stats()["requests"]["GET /images/:imageId"]
    runner.follow(job.id)  # fetched again, at no charge
    (again,) = runner.wait([job.id], timeout=60)
    assert again.status is JobStatus.FAILED and again.error_kind == DAMAGED
    assert server.stats()["requests"]["POST /api/ai/image-generation"] == posted
    assert server.stats()["requests"]["GET /images/:imageId"] == fetched + 1


def test_a_download_cut_short_is_not_completed(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    runner, _, _ = runner_factory(demo_factory(task_seconds=0.1, result_fault="cut-short"))
    (job,) = runner.wait([runner.submit_generation(generation())], timeout=60)
    assert job.status is JobStatus.FAILED
    assert job.results == () and "Follow again" in (job.error or "")


def test_a_task_naming_200_images_gives_one(
    runner_factory: Factory, demo_factory: Callable[..., DemoServer]
) -> None:
    server = demo_factory(task_seconds=0.1, result_fault="many-images")
    runner, _, _ = runner_factory(server)
    (job,) = runner.wait([runner.submit_generation(generation())], timeout=60)
    assert job.status is JobStatus.COMPLETED, job.error
    assert len(job.results) == 1 and len(list(job.folder.glob("result*"))) == 1
    assert any("named 200 pictures" in m for m in job.messages)
    assert server.stats()["requests"]["GET /images/:imageId"] == 1


def test_the_command_fails_when_an_output_it_was_asked_for_is_not_written(
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = demo_factory(task_seconds=0.1, result_fault="truncated")
    person, garment = tmp_path / "person.jpg", tmp_path / "garment.jpg"
    person.write_bytes(person_jpeg())
    garment.write_bytes(garment_jpeg())
    monkeypatch.setenv("AURAX_API_KEY", server.api_key)
    monkeypatch.setenv("AURAX_KEY_ID", server.key_id)
    out = tmp_path / "out.jpg"
    command = ["--base-url", server.url, "try-on", str(person), str(garment)]
    code = main([*command, "--type", "dress", "-o", str(out)])
    captured = capsys.readouterr()
    assert code != 0
    assert not out.exists()
    assert "damaged picture" in captured.err
