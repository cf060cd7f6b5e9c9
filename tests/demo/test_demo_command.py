"""``python -m aurax_desktop.demo --port 0`` prints a URL where a try-on works."""

from __future__ import annotations

import base64
import io
import subprocess
import sys
import time

import requests
from PIL import Image

from tests.factories import garment_jpeg, person_jpeg


def test_command_serves_a_try_on_made_with_plain_requests() -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aurax_desktop.demo",
            "--port",
            "0",
            "--task-seconds",
            "0.5",
            "--api-key",
            "k1",
            "--key-id",
            "id1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        headers = {"x-api-key": "k1", "x-key-id": "id1"}
        body = {
            "personImage": base64.b64encode(person_jpeg()).decode(),
            "garmentImage": base64.b64encode(garment_jpeg()).decode(),
            "productType": "DRESS",
            "garmentStrength": 3,
        }
        task_id = requests.post(url + "/api/ai/vto", json=body, headers=headers, timeout=10).json()[
            "taskId"
        ]
        deadline = time.monotonic() + 20
        status: dict[str, object] = {}
        while time.monotonic() < deadline:
            status = requests.get(
                f"{url}/api/ai/task/{task_id}", headers=headers, timeout=10
            ).json()
            if status["status"] == "COMPLETED":
                break
            time.sleep(0.1)
        assert status["status"] == "COMPLETED"
        output = status["output"]
        assert isinstance(output, dict)
        image = requests.get(f"{url}/images/{output['imageId']}", headers=headers, timeout=10)
        assert image.status_code == 200
        assert Image.open(io.BytesIO(image.content)).size == (600, 900)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_bad_option_is_a_usage_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aurax_desktop.demo", "--fail-rate", "2"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "fail_rate must be between 0 and 1" in result.stderr
