"""The client against the demo server over real loopback HTTP: every endpoint and error."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image

from aurax_desktop.api import (
    AccountError,
    AuraxClient,
    AuthenticationError,
    BadRequestError,
    FollowNotice,
    FollowRules,
    FollowStoppedError,
    Heartbeat,
    ImageGenerationRequest,
    NetworkError,
    NotFoundError,
    PayloadTooLargeError,
    ProductType,
    RateLimitedError,
    RetryPolicy,
    StopSignal,
    TaskDeadlineError,
    TaskFailedError,
    TaskStatus,
    TaskUpdate,
    TryOnRequest,
    follow_task,
)
from aurax_desktop.demo import DemoServer
from tests.conftest import client_for
from tests.factories import garment_jpeg, jpeg_bytes, mask_png, person_jpeg


def try_on_request(**overrides: object) -> TryOnRequest:
    values: dict[str, object] = {
        "person_image": person_jpeg(),
        "garment_image": garment_jpeg(),
        "product_type": ProductType.DRESS,
        "garment_strength": 2,
    }
    values.update(overrides)
    return TryOnRequest(**values)  # type: ignore[arg-type]


def test_try_on_with_mask_completes_and_downloads(client: AuraxClient, demo: DemoServer) -> None:
    mask = mask_png((600, 900), (150, 200, 449, 699))
    task_id = client.submit_try_on(try_on_request(mask=mask, prompt="linen", run_with_prompt=True))
    events: list[object] = []
    state = follow_task(client, task_id, deadline_s=30, on_event=events.append)
    assert state.status is TaskStatus.COMPLETED
    assert len(state.image_ids) == 1
    statuses = [e.state.status for e in events if isinstance(e, TaskUpdate)]
    assert statuses[-1] is TaskStatus.COMPLETED
    assert TaskStatus.PROCESSING in statuses

    image = Image.open(io.BytesIO(client.get_image(state.image_ids[0])))
    assert image.size == (600, 900)
    # Inside the mask the garment's blue shows; outside the person photo stays as it was.
    inside = image.convert("RGB").getpixel((300, 450))
    outside = image.convert("RGB").getpixel((20, 20))
    assert isinstance(inside, tuple) and isinstance(outside, tuple)
    assert inside[2] > inside[0] + 60
    assert abs(outside[0] - 205) < 12

    record = demo.task(task_id)
    received = record["received"]
    assert received["personImage"]["size"] == [600, 900]
    assert received["mask"]["size"] == [600, 900]
    assert received["mask"]["coverage"] == pytest.approx(300 * 500 / (600 * 900), rel=0.01)
    assert received["prompt"] == "linen" and received["runWithPrompt"] is True
    assert demo.stats()["credits"]["demo"] == pytest.approx(97.0)


def test_empty_optional_fields_are_left_out_of_the_json(
    client: AuraxClient, demo: DemoServer
) -> None:
    task_id = client.submit_try_on(try_on_request(prompt="  "))
    fields = demo.task(task_id)["received"]["fields"]
    assert fields == ["garmentImage", "garmentStrength", "personImage", "productType"]


def test_image_generation_has_the_requested_size(client: AuraxClient, demo: DemoServer) -> None:
    request = ImageGenerationRequest("a quilted red bag", ProductType.BAG, width=640, height=480)
    task_id = client.submit_image_generation(request)
    state = follow_task(client, task_id, deadline_s=30)
    image = Image.open(io.BytesIO(client.get_image(state.image_ids[0])))
    assert image.size == (640, 480)
    assert demo.task(task_id)["received"]["fields"] == ["height", "productType", "prompt", "width"]


def test_describe_product_reads_the_photo(client: AuraxClient, demo: DemoServer) -> None:
    photo = jpeg_bytes((300, 300), (200, 20, 20))
    text = client.describe_product(photo, ProductType.DRESS, filename="red dress.jpg")
    assert "red" in text and "dress" in text
    assert demo.stats()["credits"]["demo"] == pytest.approx(99.75)


def test_get_task_and_unknown_ids(client: AuraxClient) -> None:
    task_id = client.submit_try_on(try_on_request())
    state = client.get_task(task_id)
    assert state.task_id == task_id
    assert state.status in (TaskStatus.QUEUED, TaskStatus.PROCESSING)
    assert state.raw["status"] in ("IN_QUEUE", "PROCESSING")
    with pytest.raises(NotFoundError) as info:
        client.get_task("no-such-task")
    assert info.value.status_code == 404
    with pytest.raises(NotFoundError):
        client.get_image("no-such-image")


def test_wrong_key_is_an_authentication_error(demo: DemoServer) -> None:
    wrong = AuraxClient(demo.url, api_key="wrong-secret-key", key_id=demo.key_id)
    with pytest.raises(AuthenticationError) as info:
        wrong.get_task("anything")
    assert "API key" in info.value.user_message
    assert "wrong-secret-key" not in str(info.value)
    with pytest.raises(AuthenticationError):
        wrong.submit_try_on(try_on_request())
    assert demo.stats()["tasks_created"] == 0


def test_exhausted_credits_answer_402_and_create_no_task(
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(credits=2)
    api = client_for(server)
    with pytest.raises(AccountError) as info:
        api.submit_try_on(try_on_request())
    assert info.value.status_code == 402
    assert "Insufficient credits" in info.value.user_message
    assert server.stats()["tasks_created"] == 0
    # A cheaper request still fits the balance.
    api.submit_image_generation(ImageGenerationRequest("shoe", ProductType.FOOTWEAR))
    assert server.stats()["tasks_created"] == 1


def test_undecodable_image_is_a_bad_request_with_the_servers_messages(client: AuraxClient) -> None:
    with pytest.raises(BadRequestError) as info:
        client.submit_try_on(try_on_request(person_image=b"this is not a picture"))
    assert info.value.status_code == 400
    assert "personImage must be a valid image" in info.value.user_message


def test_oversized_body_is_too_large(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(max_body_mb=0.05)
    with pytest.raises(PayloadTooLargeError) as info:
        client_for(server).submit_try_on(
            try_on_request(person_image=jpeg_bytes((900, 900), quality=100) * 3)
        )
    assert info.value.status_code == 413
    assert server.stats()["tasks_created"] == 0


def test_rate_limited_get_waits_for_retry_after_and_succeeds(
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(rate_limit=2)
    api = client_for(server)
    task_id = api.submit_try_on(try_on_request())
    started = time.monotonic()
    for _ in range(4):
        api.get_task(task_id)
    assert time.monotonic() - started >= 0.9  # Retry-After: 1 was honoured
    counts = server.stats()["requests"]
    assert counts["GET /api/ai/task/:id"] > 4  # some were refused and asked again


def test_rate_limited_post_is_not_repeated(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(rate_limit=1)
    api = client_for(server)
    api.submit_try_on(try_on_request())
    with pytest.raises(RateLimitedError) as info:
        api.submit_try_on(try_on_request())
    assert info.value.retry_after == pytest.approx(1.0)
    assert server.stats()["requests"]["POST /api/ai/vto"] == 2
    assert server.stats()["tasks_created"] == 1


def test_connection_refused_is_a_network_error() -> None:
    with DemoServer() as server:
        url = server.url
    api = AuraxClient(url, api_key="k", key_id="d", retry=RetryPolicy(attempts=2, base_delay=0.01))
    with pytest.raises(NetworkError) as info:
        api.get_task("abc")
    assert "internet connection" in info.value.user_message


def test_stream_delivers_states_and_heartbeats(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(task_seconds=1.0, heartbeat_seconds=0.1)
    api = client_for(server)
    task_id = api.submit_try_on(try_on_request())
    seen: list[tuple[float, object]] = []
    started = time.monotonic()
    with api.stream_task(task_id) as stream:
        for event in stream:
            seen.append((time.monotonic() - started, event))
            if isinstance(event, TaskUpdate) and event.state.status.is_terminal:
                break
    updates = [(t, e.state) for t, e in seen if isinstance(e, TaskUpdate)]
    beats = [e for _, e in seen if isinstance(e, Heartbeat)]
    assert [s.raw_status for _, s in updates] == ["PENDING", "PROCESSING", "COMPLETED"]
    assert updates[0][0] < 0.2  # each event arrives when it happens, not at the end
    assert updates[-1][1].image_ids
    assert len(beats) >= 3
    assert all(b.timestamp is not None and b.timestamp > 1e9 for b in beats)


def test_dropped_streams_fall_back_to_polling(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(task_seconds=3.0, drop_streams=1.0)
    api = client_for(server)
    task_id = api.submit_try_on(try_on_request())
    events: list[object] = []
    state = follow_task(
        api, task_id, deadline_s=30, on_event=events.append, rules=FollowRules(poll_interval=0.1)
    )
    assert state.status is TaskStatus.COMPLETED
    assert api.get_image(state.image_ids[0])
    modes = [e.mode for e in events if isinstance(e, FollowNotice)]
    assert "reconnecting" in modes and modes[-1] == "polling"
    counts = server.stats()["requests"]
    assert counts["GET /api/ai/task/:id/stream"] == 3
    assert counts["GET /api/ai/task/:id"] >= 2
    assert counts["POST /api/ai/vto"] == 1


def test_failed_task_raises_with_the_servers_messages(
    demo_factory: Callable[..., DemoServer],
) -> None:
    api = client_for(demo_factory(fail_rate=1.0))
    task_id = api.submit_try_on(try_on_request())
    with pytest.raises(TaskFailedError) as info:
        follow_task(api, task_id, deadline_s=30)
    assert info.value.task_id == task_id
    assert "Simulated failure" in info.value.messages[0]
    assert "could not complete the task" in info.value.user_message


def test_deadline_passes(demo_factory: Callable[..., DemoServer]) -> None:
    api = client_for(demo_factory(task_seconds=30))
    task_id = api.submit_try_on(try_on_request())
    started = time.monotonic()
    with pytest.raises(TaskDeadlineError) as info:
        follow_task(api, task_id, deadline_s=0.6)
    assert time.monotonic() - started < 3.0
    assert "may still finish" in info.value.user_message


def test_stop_from_another_thread_ends_a_blocked_stream(
    demo_factory: Callable[..., DemoServer],
) -> None:
    api = client_for(demo_factory(task_seconds=30, heartbeat_seconds=30))
    task_id = api.submit_try_on(try_on_request())
    stream = api.stream_task(task_id)
    first = next(iter(stream))
    assert isinstance(first, TaskUpdate)
    threading.Timer(0.2, stream.close).start()
    started = time.monotonic()
    assert list(stream) == []  # the blocked read returns and iteration ends quietly
    assert time.monotonic() - started < 2.0

    stop = StopSignal()
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    with pytest.raises(FollowStoppedError) as info:
        follow_task(api, task_id, stop=stop)
    assert time.monotonic() - started < 2.0
    assert "may still finish it and charge" in info.value.user_message


def test_twenty_tasks_in_parallel_each_posted_once(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(task_seconds=0.5)
    api = client_for(server)

    def run(i: int) -> bytes:
        request = ImageGenerationRequest(f"prompt {i}", ProductType.BAG, width=128, height=128)
        state = follow_task(api, api.submit_image_generation(request), deadline_s=60)
        return api.get_image(state.image_ids[0])

    with ThreadPoolExecutor(max_workers=20) as pool:
        images = list(pool.map(run, range(20)))
    assert len({hash(i) for i in images}) == 20  # each prompt gave its own picture
    stats = server.stats()
    assert stats["requests"]["POST /api/ai/image-generation"] == 20
    assert stats["tasks_created"] == 20
