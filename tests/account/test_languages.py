"""The account's messages in the user's language: a settings file set aside, a keyring
that does not answer (its seconds counted in the language's forms), the sizes photos
are sent at. German and Arabic, then English again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aurax_desktop.account import KeyringWaitTimeout, SettingsStore, UploadSize
from aurax_desktop.languages import ENGLISH, choose
from aurax_desktop.translation import use_language

Speak = Callable[[str], None]


@pytest.fixture
def speak() -> Iterator[Speak]:
    """Speak a language for the rest of the test; English again after it."""
    yield lambda code: use_language(choose([code]))
    use_language(choose([ENGLISH]))


@pytest.mark.logs_expected(r"set aside")
def test_a_damaged_settings_file_is_set_aside_with_german_words(
    tmp_path: Path, speak: Speak
) -> None:
    speak("de")
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    loaded = SettingsStore(path).load()
    (kept,) = [p.name for p in tmp_path.iterdir() if p.name.startswith("settings.json.damaged-")]
    assert loaded.message == (
        "Ihre Einstellungsdatei konnte nicht verwendet werden, weil sie beschädigt ist; es "
        f"gelten die Standardeinstellungen. Sie wurde als {kept} aufbewahrt."
    )


def test_a_keyring_that_does_not_answer_counts_its_seconds_in_arabic(speak: Speak) -> None:
    speak("ar")
    assert "لم تستجب سلسلة مفاتيح النظام خلال 3 ثوانٍ" in KeyringWaitTimeout(3.0).user_message
    assert "خلال 11 ثانية" in KeyringWaitTimeout(11.0).user_message
    assert "خلال 2 ثانيتين" in KeyringWaitTimeout(2.0).user_message
    speak("de")
    assert "nicht innerhalb von 1,5 Sekunden" in KeyringWaitTimeout(1.5).user_message
    speak(ENGLISH)
    assert "did not answer within 1 second (" in KeyringWaitTimeout(1.0).user_message


def test_the_upload_sizes_are_named_in_the_language_spoken(speak: Speak) -> None:
    assert UploadSize.ORIGINAL.label == "Original size"
    speak("de")
    assert [size.label for size in UploadSize] == [
        "Standard (2048 px)",
        "Hoch (4096 px)",
        "Originalgröße",
    ]
    speak("ar")
    assert UploadSize.HIGH.label == "عالٍ (4096 بكسل)"
