"""The jobs speak the user's language: a job's status and kind are read in the language
spoken at that moment, while its error stays in the language it was written in; a
season's list is refused row by row, its numbers written as the language writes them;
a batch left waiting says why in the language of the next start. German and Arabic,
then English again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aurax_desktop.api import ProductType
from aurax_desktop.demo import DemoServer
from aurax_desktop.jobs import Job, JobKind, JobRunner, JobStatus
from aurax_desktop.jobs.batches import default_batch_name
from aurax_desktop.jobs.garments import type_mix
from aurax_desktop.jobs.list_files import MAX_CELL
from aurax_desktop.jobs.manifest import ManifestError, read_manifest
from aurax_desktop.jobs.transitions import after_crash, after_stop
from aurax_desktop.languages import ENGLISH, choose
from aurax_desktop.translation import use_language
from tests.factories import garment_jpeg
from tests.jobs.conftest import Recorder
from tests.jobs.test_batch_sending import send_people_in_one_garment

Speak = Callable[[str], None]


@pytest.fixture
def speak() -> Iterator[Speak]:
    """Speak a language for the rest of the test; English again after it."""
    yield lambda code: use_language(choose([code]))
    use_language(choose([ENGLISH]))


def queued_try_on() -> Job:
    return Job("a1b2c3", JobKind.TRY_ON, JobStatus.QUEUED, "DRESS", task_id="task-1")


def test_a_status_follows_the_language_and_an_error_keeps_its_own(speak: Speak) -> None:
    speak("de")
    stopped = after_stop(queued_try_on())
    assert stopped is not None
    german = (
        "Verfolgung dieses Vorgangs beendet. AuraX kann ihn trotzdem noch abschließen und "
        "berechnen."
    )
    assert stopped.error == german
    assert (stopped.kind.label, stopped.status.label) == ("Anprobe", "Gestoppt")
    speak("ar")
    assert (stopped.kind.label, stopped.status.label) == ("تجربة ارتداء", "متوقفة")
    assert stopped.error == german  # written in German, kept so in the history
    speak(ENGLISH)
    assert (stopped.kind.label, stopped.status.label) == ("Try-on", "Stopped")
    assert stopped.error == german


def test_a_job_ended_by_a_crash_says_so_in_arabic(speak: Speak) -> None:
    speak("ar")
    preparing = Job("d4e5f6", JobKind.IMAGE_GENERATION, JobStatus.PREPARING, "OTHER")
    interrupted = after_crash(preparing)
    assert interrupted is not None
    assert interrupted.status.label == "منقطعة، لم تُرسَل"
    assert interrupted.kind.label == "توليد"
    assert interrupted.error == (
        "انتهى البرنامج أثناء تجهيز هذه المهمة. لم تُرسَل ولم تُخصم أي نقاط؛ أعد محاولتها لإرسالها."
    )


@pytest.fixture
def season(tmp_path: Path) -> Path:
    folder = tmp_path / "SS27"
    folder.mkdir()
    (folder / "dress.jpg").write_bytes(garment_jpeg())
    return folder


def bad_list(season: Path) -> Path:
    """A list with three bad rows: no file, a SKU seen before, a cell too long."""
    listed = season / "SS27.csv"
    listed.write_text(
        "file,sku,name\n"
        "dress.jpg,A,Linen dress\n"
        ",B,Silk dress\n"
        "dress.jpg,a,Tote\n"
        f"dress.jpg,C,{'x' * (MAX_CELL + 1)}\n",
        encoding="utf-8",
    )
    return listed


def refusal(listed: Path) -> ManifestError:
    with pytest.raises(ManifestError) as caught:
        read_manifest(listed)
    return caught.value


def test_a_list_is_refused_row_by_row_in_german(season: Path, speak: Speak) -> None:
    speak("de")
    refused = refusal(bad_list(season))
    assert refused.user_message.splitlines() == [
        "„SS27.csv“ hat 3 Zeilen, die nicht verwendet werden können; nichts wurde gesendet:",
        "  Zeile 3: keine Datei angegeben",
        "  Zeile 4: Artikelnummer „a“ steht auch in Zeile 2",
        "  Zeile 5: die Zelle „name“ enthält 10.001 Zeichen; eine Zelle darf höchstens "
        "10.000 enthalten",
    ]
    assert str(refused.bad_rows[0]) == "Zeile 3: keine Datei angegeben"


def test_a_list_is_refused_row_by_row_in_arabic(season: Path, speak: Speak) -> None:
    speak("ar")
    listed = bad_list(season)
    lines = listed.read_text(encoding="utf-8").splitlines()
    listed.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")  # two bad rows
    refused = refusal(listed)
    assert refused.user_message.splitlines() == [
        "يحتوي «SS27.csv» على 2 صفين لا يمكن استخدامهما؛ لم يُرسَل أي شيء:",
        "  الصف 3: لم يُذكر أي ملف",
        "  الصف 4: رمز المنتج «a» موجود أيضًا في الصف 2",
    ]
    assert str(refused.bad_rows[1]) == "الصف 4: رمز المنتج «a» موجود أيضًا في الصف 2"


def test_a_list_that_is_a_folder_is_refused_in_german(season: Path, speak: Speak) -> None:
    speak("de")
    (season / "AW27.csv").mkdir()
    assert refusal(season / "AW27.csv").user_message == (
        "„AW27.csv“ ist ein Ordner: bitte die Liste darin öffnen."
    )


def test_a_batch_s_garments_are_counted_in_each_language(speak: Speak) -> None:
    garments = [ProductType.DRESS, ProductType.DRESS, ProductType.BAG, ProductType.FOOTWEAR]
    assert type_mix(garments) == "2 dresses, 1 bag, 1 pair of shoes"
    speak("de")
    assert type_mix(garments) == "2 Kleider, 1 Tasche, 1 Paar Schuhe"
    speak("ar")
    assert type_mix(garments) == "2 فستانان، 1 حقيبة، 1 زوج أحذية"
    speak("ja")
    assert type_mix(garments) == "ワンピース 2 点、バッグ 1 点、シューズ 1 足"


def test_a_new_batch_is_named_with_the_moment_as_german_writes_it(speak: Speak) -> None:
    moment = dt.datetime(2026, 12, 6, 14, 5).timestamp()  # this computer's time
    assert default_batch_name(moment) == "Try-ons 6 Dec 2026, 14:05"
    speak("de")
    assert default_batch_name(moment) == "Anproben 06.12.2026, 14:05"


def test_a_batch_left_waiting_says_why_in_the_language_of_the_next_start(
    runner_factory: Callable[..., tuple[JobRunner, DemoServer, Recorder]],
    demo_factory: Callable[..., DemoServer],
    tmp_path: Path,
    speak: Speak,
) -> None:
    server = demo_factory(credits=0.0, task_seconds=0.1)  # out of credits
    runner, server, _events = runner_factory(server, max_prepare=1)
    sent = send_people_in_one_garment(runner, tmp_path, 2)
    jobs = runner.wait(list(sent.job_ids), timeout=60)
    assert [j.status for j in jobs] == [JobStatus.WAITING] * 2
    runner.shutdown()
    speak("de")  # the next start speaks German
    fresh, _, _ = runner_factory(server, max_prepare=1)
    fresh.resume()
    assert fresh.paused_batches()[sent.batch] == (
        "Diese Anproben warteten ungesendet, als AuraX Desktop zuletzt geschlossen wurde "
        "(ihre Serie war angehalten, oder AuraX meldete, dass das Konto keine Credits mehr "
        "hat). „Fortsetzen“ sendet sie."
    )
    waiting = fresh.wait(list(sent.job_ids), timeout=30)
    assert {job.status.label for job in waiting} == {"Wartet auf Senden"}
    speak("ar")
    assert {job.status.label for job in waiting} == {"بانتظار الإرسال"}
