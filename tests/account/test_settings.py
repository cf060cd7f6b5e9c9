"""Settings: JSON in the config folder; damage never crashes; the key is never there."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from aurax_desktop import paths
from aurax_desktop.account import Settings, SettingsStore, UploadSize
from aurax_desktop.session import Session


def test_defaults_and_round_trip() -> None:
    store = SettingsStore()
    assert store.path == paths.config_dir() / "settings.json"
    loaded = store.load()
    assert loaded.message is None and loaded.settings == Settings()
    assert loaded.settings.base_url == "https://backend.aurax.co.in"
    changed = Settings(
        base_url="http://127.0.0.1:4000",
        key_id="kid",
        upload_size=UploadSize.HIGH,
        concurrency=4,
        task_deadline_minutes=20,
        results_folder="/tmp/r",
        window_geometry="AAA=",
        last_product_type="DRESS",
        last_strength=3,
    )
    store.save(changed)
    assert store.load().settings == changed
    assert UploadSize.HIGH.max_side == 4096 and UploadSize.ORIGINAL.max_side is None
    assert changed.deadline_s == 1200


@pytest.mark.logs_expected(r"set aside")
def test_damaged_file_is_kept_aside_with_a_message() -> None:
    store = SettingsStore()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ this is not json", encoding="utf-8")
    loaded = store.load()
    assert loaded.settings == Settings()
    assert loaded.message and "damaged" in loaded.message and "default settings" in loaded.message
    backups = list(store.path.parent.glob("settings.json.damaged-*"))
    assert len(backups) == 1 and backups[0].read_text() == "{ this is not json"
    assert not store.path.exists()


@pytest.mark.logs_expected(r"set aside")
def test_binary_garbage_and_wrong_shapes(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.path.write_bytes(b"\xff\xfe\x00garbage")
    assert store.load().message
    store.path.write_text("[1, 2, 3]", encoding="utf-8")
    assert store.load().message


def test_bad_values_fall_back_and_ranges_hold(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "concurrency": 99,
                "task_deadline_minutes": "ten",
                "upload_size": "huge",
                "last_strength": 7,
                "last_product_type": "HAT",
                "base_url": "  ",
                "unknown": 1,
            }
        ),
        encoding="utf-8",
    )
    settings = SettingsStore(path).load().settings
    assert settings.concurrency == 8
    assert settings.task_deadline_minutes == 10
    assert settings.upload_size is UploadSize.STANDARD
    assert settings.last_strength == 2 and settings.last_product_type == "GARMENT"
    assert settings.base_url == "https://backend.aurax.co.in"


def test_a_key_in_the_file_is_ignored_and_never_written_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"api_key": "sk-should-not-live-here", "key_id": "kid"}))
    store = SettingsStore(path)
    settings = store.load().settings
    assert settings.key_id == "kid"
    store.save(settings)
    assert "sk-should-not-live-here" not in path.read_text()


def test_the_program_s_own_saves_never_undo_each_other_s_fields() -> None:
    """A thumbnail size, a theme and folders from four threads are each changed on the
    settings as they are at that moment, and written in whatever order the saves run:
    the file ends with every change (a save made from a copy read earlier put back the
    fields another had changed meanwhile)."""
    session = Session()
    try:
        session.edit_settings(lambda now: replace(now, gallery_side=240))
        session.edit_settings(lambda now: replace(now, theme="dark"))

        def remember(thread: int) -> None:
            for n in range(25):
                kind = f"kind-{thread}-{n}"
                session.edit_settings(
                    lambda now, kind=kind: replace(now, folders={**now.folders, kind: "/x"})
                )
                session.save_settings()

        threads = [threading.Thread(target=remember, args=(t,)) for t in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        saved = SettingsStore().load().settings
        assert (saved.gallery_side, saved.theme) == (240, "dark")
        assert len(saved.folders) == 100
    finally:
        session.shutdown()
