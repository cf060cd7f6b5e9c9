"""The demo server follows the contract of AURAX_API.md, spoken to with plain HTTP."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import time
from collections.abc import Callable

import pytest
import requests
from PIL import Image, ImageChops

from aurax_desktop.demo import DemoServer
from tests.factories import garment_jpeg, jpeg_bytes, person_jpeg


def headers(server: DemoServer) -> dict[str, str]:
    return {"x-api-key": server.api_key, "x-key-id": server.key_id}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def vto_body(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "personImage": b64(person_jpeg()),
        "garmentImage": b64(garment_jpeg()),
        "productType": "GARMENT",
        "garmentStrength": 2,
    }
    body.update(overrides)
    return body


def post_vto(server: DemoServer, **overrides: object) -> requests.Response:
    return requests.post(
        server.url + "/api/ai/vto", json=vto_body(**overrides), headers=headers(server), timeout=10
    )


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/ai/vto"),
        ("POST", "/api/ai/image-generation"),
        ("POST", "/api/ai/product-description"),
        ("GET", "/api/ai/task/x"),
        ("GET", "/api/ai/task/x/stream"),
        ("GET", "/images/x"),
    ],
)
def test_every_route_checks_both_headers(demo: DemoServer, method: str, path: str) -> None:
    for sent in (
        {},
        {"x-api-key": demo.api_key},
        {"x-key-id": demo.key_id},
        {"x-api-key": "wrong", "x-key-id": demo.key_id},
    ):
        answer = requests.request(method, demo.url + path, headers=sent, timeout=10)
        assert answer.status_code == 401
        body = answer.json()
        assert body["statusCode"] == 401 and body["error"] == "Unauthorized"


def test_task_moves_through_its_states_with_both_spellings(
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(task_seconds=1.0)
    answer = post_vto(server)
    assert answer.status_code == 201
    task_id = answer.json()["taskId"]
    seen = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status = requests.get(
            f"{server.url}/api/ai/task/{task_id}", headers=headers(server), timeout=10
        ).json()
        if not seen or seen[-1] != status["status"]:
            seen.append(status["status"])
        if status["status"] == "COMPLETED":
            break
        time.sleep(0.05)
    assert seen == ["IN_QUEUE", "PROCESSING", "COMPLETED"]
    assert set(status) == {"id", "status", "output", "errorMessages"}
    image = requests.get(
        f"{server.url}/images/{status['output']['imageId']}", headers=headers(server), timeout=10
    )
    assert image.headers["Content-Type"] in ("image/png", "image/jpeg")
    assert Image.open(io.BytesIO(image.content)).size == (600, 900)
    # The image needs the headers too.
    assert (
        requests.get(f"{server.url}/images/{status['output']['imageId']}", timeout=10).status_code
        == 401
    )


def test_stream_events_arrive_as_they_happen(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(task_seconds=1.2, heartbeat_seconds=0.25)
    task_id = post_vto(server).json()["taskId"]
    started = time.monotonic()
    arrivals: list[tuple[float, str, dict[str, object]]] = []
    with requests.get(
        f"{server.url}/api/ai/task/{task_id}/stream",
        headers=headers(server),
        stream=True,
        timeout=10,
    ) as answer:
        assert answer.headers["Content-Type"].startswith("text/event-stream")
        name = "message"
        for line in answer.iter_lines(chunk_size=None):
            text = line.decode()
            if text.startswith("event:"):
                name = text.split(":", 1)[1].strip()
            elif text.startswith("data:"):
                arrivals.append((time.monotonic() - started, name, json.loads(text[5:])))
                name = "message"
    statuses = [(t, d["status"]) for t, n, d in arrivals if n == "message"]
    assert [s for _, s in statuses] == ["PENDING", "PROCESSING", "COMPLETED"]
    assert statuses[0][0] < 0.3 and statuses[1][0] < 0.9 and statuses[2][0] >= 1.1
    final = [d for _, n, d in arrivals if n == "message"][-1]
    assert set(final) == {"id", "status", "output", "errorMessage"}
    beats = [d for _, n, d in arrivals if n == "heartbeat"]
    assert len(beats) >= 3 and all(isinstance(b["timestamp"], int) for b in beats)


def test_validation_answers_400_with_a_message_list(demo: DemoServer) -> None:
    answer = post_vto(
        demo,
        personImage="data:image/jpeg;base64,AAAA",
        garmentImage=None,
        productType="HAT",
        garmentStrength=4,
        runWithPrompt="yes",
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"] == "Bad Request"
    assert body["message"] == [
        "personImage must be base64 encoded",
        "garmentImage should not be empty",
        "productType must be one of the following values: GARMENT, DRESS, OUTFIT, FOOTWEAR, "
        "BAG, JEWELLERY, EYEWEAR, BEAUTY, OTHER",
        "garmentStrength must be one of the following values: 1, 2, 3",
        "runWithPrompt must be a boolean value",
    ]
    undecodable = post_vto(demo, garmentImage=b64(b"GIF89a but not really"))
    assert undecodable.status_code == 400
    assert undecodable.json()["message"] == [
        "garmentImage must be a valid image (JPEG, PNG or WebP)"
    ]
    big = requests.post(
        demo.url + "/api/ai/image-generation",
        headers=headers(demo),
        timeout=10,
        json={"prompt": " ", "productType": "BAG", "width": 4096, "height": 0.5},
    )
    assert big.status_code == 400
    assert big.json()["message"] == [
        "prompt should not be empty",
        "width must not be greater than 2048",
        "height must be an integer number",
    ]
    assert demo.stats()["tasks_created"] == 0


def test_credits_ledger(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(credits=4.5)
    assert post_vto(server).status_code == 201  # 3
    generation = {"prompt": "boot", "productType": "FOOTWEAR"}
    assert (
        requests.post(
            server.url + "/api/ai/image-generation",
            json=generation,
            headers=headers(server),
            timeout=10,
        ).status_code
        == 201
    )  # 1
    refused = post_vto(server)
    assert refused.status_code == 402
    assert "Insufficient credits" in refused.json()["message"]
    files = {"image": ("a.jpg", jpeg_bytes((50, 50)), "image/jpeg")}
    for _ in range(2):
        described = requests.post(
            server.url + "/api/ai/product-description",
            files=files,
            data={"productType": "BAG"},
            headers=headers(server),
            timeout=10,
        )
        assert described.status_code == 201
    assert (
        requests.post(
            server.url + "/api/ai/product-description",
            files=files,
            data={"productType": "BAG"},
            headers=headers(server),
            timeout=10,
        ).status_code
        == 402
    )
    stats = server.stats()
    assert stats["tasks_created"] == 2
    assert stats["credits"]["demo"] == pytest.approx(0.0)


def test_generation_variations_differ_repeat_and_follow_the_shape(
    demo_factory: Callable[..., DemoServer],
) -> None:
    """Each generation of a prompt is another variation, as the real service's are; a
    fresh server gives the same variations again (the demo is reproducible)."""
    server = demo_factory(task_seconds=0.1)

    def generate(**body: object) -> bytes:
        body.setdefault("productType", "BAG")
        task_id = requests.post(
            server.url + "/api/ai/image-generation", json=body, headers=headers(server), timeout=10
        ).json()["taskId"]
        for _ in range(100):
            status = requests.get(
                f"{server.url}/api/ai/task/{task_id}", headers=headers(server), timeout=10
            ).json()
            if status["status"] == "COMPLETED":
                return requests.get(
                    f"{server.url}/images/{status['output']['imageId']}",
                    headers=headers(server),
                    timeout=10,
                ).content
            time.sleep(0.05)
        raise AssertionError("generation did not finish")

    first = generate(prompt="a green tote", width=300, height=200)
    second = generate(prompt="a green tote", width=300, height=200)
    other = generate(prompt="a black clutch", width=300, height=200)
    assert first != second and first != other
    server.stop()
    server = demo_factory(task_seconds=0.1)
    assert hashlib.sha256(generate(prompt="a green tote", width=300, height=200)).digest() == (
        hashlib.sha256(first).digest()
    )
    assert Image.open(io.BytesIO(first)).size == (300, 200)
    shape = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    shape.paste((0, 0, 0, 255), (0, 40, 100, 60))  # a flat horizontal bar
    buffer = io.BytesIO()
    shape.save(buffer, "PNG")
    shaped = Image.open(
        io.BytesIO(
            generate(
                prompt="a green tote", width=300, height=200, maskBase64=b64(buffer.getvalue())
            )
        )
    )
    plain = Image.open(io.BytesIO(first))
    assert shaped.tobytes() != plain.tobytes()


def test_description_is_text_from_the_photos_colours(demo: DemoServer) -> None:
    photo = Image.new("RGB", (200, 200), (245, 245, 245))
    photo.paste((20, 120, 40), (50, 50, 150, 150))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG")
    answer = requests.post(
        demo.url + "/api/ai/product-description",
        headers=headers(demo),
        files={"image": ("bag.jpg", buffer.getvalue(), "image/jpeg")},
        data={"productType": "BAG"},
        timeout=10,
    )
    assert answer.headers["Content-Type"].startswith("text/plain")
    assert answer.text.startswith("A green bag")
    bad = requests.post(
        demo.url + "/api/ai/product-description",
        headers=headers(demo),
        files={"image": ("x.jpg", b"text", "image/jpeg")},
        data={"productType": "SOCK"},
        timeout=10,
    )
    assert bad.status_code == 400
    assert len(bad.json()["message"]) == 2


def test_unknown_task_image_and_route(demo: DemoServer) -> None:
    for path in ("/api/ai/task/nope", "/api/ai/task/nope/stream", "/images/nope"):
        answer = requests.get(demo.url + path, headers=headers(demo), timeout=10)
        assert answer.status_code == 404
        assert answer.json()["error"] == "Not Found"
    assert (
        requests.get(demo.url + "/api/other", headers=headers(demo), timeout=10).json()["message"]
        == "Cannot GET /api/other"
    )


def test_demo_routes_report_requests_and_tasks_oldest_first(
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(task_seconds=5)
    first = post_vto(server, productType="DRESS").json()["taskId"]
    second = post_vto(server, productType="BAG").json()["taskId"]
    requests.get(f"{server.url}/api/ai/task/{first}", headers=headers(server), timeout=10)
    stats = server.stats()
    assert stats["requests"]["POST /api/ai/vto"] == 2
    assert stats["requests"]["GET /api/ai/task/:id"] == 1
    assert stats["tasks_created"] == 2
    records = server.tasks()
    assert [r["id"] for r in records] == [first, second]
    assert records[0]["kind"] == "vto" and records[0]["received"]["productType"] == "DRESS"
    assert records[0]["received"]["personImage"]["size"] == [600, 900]


def test_fault_options(demo_factory: Callable[..., DemoServer]) -> None:
    slow = demo_factory(latency=0.3)
    started = time.monotonic()
    requests.get(slow.url + "/api/ai/task/x", headers=headers(slow), timeout=10)
    assert time.monotonic() - started >= 0.3
    limited = demo_factory(rate_limit=2)
    codes = [
        requests.get(limited.url + "/api/ai/task/x", headers=headers(limited), timeout=10)
        for _ in range(3)
    ]
    assert [c.status_code for c in codes] == [404, 404, 429]
    assert codes[2].headers["Retry-After"] == "1"
    failing = demo_factory(fail_rate=1.0, task_seconds=0.2)
    task_id = post_vto(failing).json()["taskId"]
    time.sleep(0.5)
    status = requests.get(
        f"{failing.url}/api/ai/task/{task_id}", headers=headers(failing), timeout=10
    ).json()
    assert status["status"] == "FAILED"
    assert "Simulated failure" in status["errorMessages"][0]
    dropping = demo_factory(drop_streams=1.0, task_seconds=5)
    task_id = post_vto(dropping).json()["taskId"]
    with requests.get(
        f"{dropping.url}/api/ai/task/{task_id}/stream",
        headers=headers(dropping),
        stream=True,
        timeout=10,
    ) as answer:
        lines = [line for line in answer.iter_lines() if line]
    assert len(lines) == 1 and b"PENDING" in lines[0]  # closed mid-task


def test_stop_ends_open_streams_promptly(demo_factory: Callable[..., DemoServer]) -> None:
    server = DemoServer(task_seconds=60, heartbeat_seconds=60)
    server.start()
    task_id = post_vto(server).json()["taskId"]
    answer = requests.get(
        f"{server.url}/api/ai/task/{task_id}/stream",
        headers=headers(server),
        stream=True,
        timeout=10,
    )
    next(answer.iter_lines())
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 3
    answer.close()


def test_a_try_on_with_a_mask_changes_only_the_masked_area(
    demo_factory: Callable[..., DemoServer],
) -> None:
    """As the real service: the garment goes where the mask says, never over the face."""
    from aurax_desktop.api import ProductType, TryOnRequest  # noqa: PLC0415
    from aurax_desktop.api.following import follow_task  # noqa: PLC0415
    from tests.conftest import client_for  # noqa: PLC0415
    from tests.factories import garment_jpeg, mask_png, person_jpeg  # noqa: PLC0415

    server = demo_factory(task_seconds=0.1)
    client = client_for(server)
    person = person_jpeg((600, 900))
    mask = mask_png((600, 900), (150, 300, 449, 699))  # the torso, well below the face
    task = client.submit_try_on(TryOnRequest(person, garment_jpeg(), ProductType.GARMENT, 3, mask))
    state = follow_task(client, task, deadline_s=30)
    result = Image.open(io.BytesIO(client.get_image(state.image_ids[0]))).convert("RGB")
    before = Image.open(io.BytesIO(person)).convert("RGB")
    changed = (
        ImageChops.difference(before, result).convert("L").point(lambda v: 255 if v > 40 else 0)
    )
    inside = changed.crop((150, 300, 450, 700))
    outside = changed.copy()
    outside.paste(0, (150, 300, 450, 700))
    outside.paste(0, (0, 800, 600, 900))  # the demo's badge, in the corner
    assert inside.histogram()[255] > 0.5 * 300 * 400  # the garment is there
    assert outside.histogram()[255] == 0  # and nowhere else: not over the face
    client.close()
