"""A whole session with a temporary home folder leaves the key nowhere on disk.

The session (tests/security_session.py) runs in its own process with HOME set
to a temporary folder, so the platform folders (data, config, cache, logs) are
all inside it. Its keyring is the in-memory test backend: a real keyring
would encrypt the key (tests/account/test_keyring_real.py checks that).
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRET = "sk-whole-session-secret-20261123"


def test_the_key_is_written_nowhere(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("AURAX_", "XDG_"))
    }
    env.update(
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT),
        PYTHON_KEYRING_BACKEND="tests.memory_keyring.MemoryKeyring",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tests.security_session", SECRET, str(tmp_path)],
        capture_output=True,
        timeout=180,
        env=env,
        cwd=ROOT,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output.decode(errors="replace")[-3000:]
    assert b"session done" in result.stdout
    written = [p for p in home.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    # The session really wrote its files there: history, job folders, settings, log.
    assert {"history.sqlite3", "settings.json", "aurax-desktop.log"} <= names
    assert any(p.name.startswith("result") for p in written)
    forms = [SECRET.encode(), SECRET.encode("utf-16-le"), base64.b64encode(SECRET.encode())]
    for path in written:
        data = path.read_bytes()
        for form in forms:
            assert form not in data, f"the key is in {path.relative_to(home)}"
    for form in forms:
        assert form not in output  # nor in what the program printed
    log = next(p for p in written if p.name == "aurax-desktop.log").read_text(encoding="utf-8")
    assert "Submitted /api/ai/vto" in log  # the log really recorded the session
