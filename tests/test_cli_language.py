"""The command speaks as the window does unless ``--language`` says otherwise: the
history's dates in the language chosen, and a language it does not speak refused."""

from __future__ import annotations

from datetime import datetime

import pytest

from aurax_desktop.account import Settings, SettingsStore
from aurax_desktop.jobs import Job, JobKind, JobStatus, JobStore
from tests.command_line import run

SENT = datetime(2026, 12, 6, 14, 5)


@pytest.fixture(autouse=True)
def one_job() -> None:
    """A history holding a generation made on 6 December 2026 at 14:05."""
    store = JobStore()
    stamp = SENT.timestamp()
    store.insert(
        [
            Job(
                id="made-in-december",
                kind=JobKind.IMAGE_GENERATION,
                status=JobStatus.COMPLETED,
                product_type="BAG",
                created_at=stamp,
                updated_at=stamp,
            )
        ]
    )
    store.close()


def listed(capsys: pytest.CaptureFixture[str], *options: str) -> str:
    assert run(None, *options, "history") == 0
    return capsys.readouterr().out


def test_the_language_option_decides(capsys: pytest.CaptureFixture[str]) -> None:
    assert "06/12/2026, 14:05" in listed(capsys)  # English, as the tests' system has it
    assert "06.12.26, 14:05" in listed(capsys, "--language", "de")
    assert "2026/12/06 14:05" in listed(capsys, "--language", "ja-JP")


def test_the_windows_choice_then_the_systems(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert "06/12/2026 14:05" in listed(capsys)  # French, the system's
    SettingsStore().save(Settings(language="de"))  # View → Language in the window
    assert "06.12.26, 14:05" in listed(capsys)
    assert "06/12/2026, 14:05" in listed(capsys, "--language", "en")


def test_a_language_it_does_not_speak_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(None, "--language", "tlh", "history") == 2
    said = capsys.readouterr().err
    assert "'tlh' is not a language AuraX Desktop speaks" in said and "zh_CN" in said
