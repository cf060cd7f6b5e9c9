"""The key through a real Secret Service: gnome-keyring on a private D-Bus session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NEEDED = ("dbus-run-session", "gnome-keyring-daemon")
missing = [tool for tool in NEEDED if shutil.which(tool) is None]


@pytest.mark.keyring_real
def test_save_read_and_clear_through_the_secret_service(tmp_path: Path) -> None:
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"needs {missing} (Debian: gnome-keyring, dbus)")
    secret = "sk-secret-service-0123456789"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DBUS_", "GNOME_KEYRING", "XDG_"))
    }
    env.update(HOME=str(tmp_path), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            sys.executable,
            "-m",
            "tests.account.secret_service_session",
            secret,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["backend"] == "keyring.backends.SecretService"
    assert report["available"] is True
    assert report["loaded"] == [secret, "key-id-7"]
    assert ["api-key", secret] in report["secret_service_items"]
    assert report["after_clear"] is True
    # gnome-keyring encrypts what it stores: the key is nowhere in plain text.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
