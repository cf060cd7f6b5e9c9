"""What the client tells a user, in German and in Arabic: the service's refusals as the
demo server really answers them (401, 402, 429), the requests' own checks, a time
limit in words with the language's plural, and the types' names. The service's own
words (English) are kept inside the translated sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from aurax_desktop.api import (
    AccountError,
    AuraxClient,
    AuthenticationError,
    ImageGenerationRequest,
    InvalidRequestError,
    MaybeSentError,
    ProductType,
    RateLimitedError,
    TaskFailedError,
    TryOnRequest,
    follow_task,
)
from aurax_desktop.api.deadline import Deadline
from aurax_desktop.demo import DemoServer
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language
from tests.conftest import client_for
from tests.factories import garment_jpeg, person_jpeg


def try_on() -> TryOnRequest:
    return TryOnRequest(person_jpeg(), garment_jpeg(), ProductType.DRESS)


@pytest.mark.usefixtures("german")
def test_a_wrong_key_is_refused_in_german(demo: DemoServer) -> None:
    wrong = AuraxClient(demo.url, api_key="wrong-secret-key", key_id=demo.key_id)
    with pytest.raises(AuthenticationError) as info:
        wrong.get_task("anything")
    wrong.close()
    assert info.value.status_code == 401
    assert info.value.user_message == (
        "AuraX hat den API-Schlüssel nicht akzeptiert. Bitte Schlüssel und Schlüssel-ID "
        "in den Kontoeinstellungen prüfen."
    )
    assert "wrong-secret-key" not in str(info.value)


@pytest.mark.usefixtures("arabic")
def test_used_up_credits_are_said_in_arabic_with_the_services_own_words(
    demo_factory: Callable[..., DemoServer],
) -> None:
    server = demo_factory(credits=2)
    api = client_for(server)
    with pytest.raises(AccountError) as info:
        api.submit_try_on(try_on())
    api.close()
    assert info.value.status_code == 402
    message = info.value.user_message
    assert message.startswith("نفدت نقاطك في AuraX، لذا لم يُرسل أي شيء.")
    assert "https://aurax.co.in" in message
    assert "يقول AuraX: Insufficient credits: this request costs 3 credits" in message
    assert server.stats()["tasks_created"] == 0


@pytest.mark.usefixtures("german")
def test_too_many_requests_in_german(demo_factory: Callable[..., DemoServer]) -> None:
    server = demo_factory(rate_limit=1)
    api = client_for(server)
    api.submit_try_on(try_on())
    with pytest.raises(RateLimitedError) as info:
        api.submit_try_on(try_on())
    api.close()
    assert info.value.status_code == 429
    assert info.value.user_message == (
        "AuraX erhält gerade zu viele Anfragen. Bitte einen Moment warten und erneut versuchen."
    )


@pytest.mark.usefixtures("german")
def test_a_failed_task_in_german_keeps_the_services_reasons(
    demo_factory: Callable[..., DemoServer],
) -> None:
    api = client_for(demo_factory(fail_rate=1.0))
    task_id = api.submit_try_on(try_on())
    with pytest.raises(TaskFailedError) as info:
        follow_task(api, task_id, deadline_s=30)
    api.close()
    reasons = "; ".join(info.value.messages)
    assert "Simulated failure" in reasons
    assert info.value.user_message == f"AuraX konnte den Auftrag nicht abschließen: {reasons}"


@pytest.mark.usefixtures("german")
def test_the_requests_checks_speak_german() -> None:
    with pytest.raises(InvalidRequestError) as missing:
        TryOnRequest(None, garment_jpeg())  # type: ignore[arg-type]
    assert missing.value.user_message == (
        "Das Personenfoto fehlt. Bitte ein Bild hinzufügen und erneut versuchen."
    )
    with pytest.raises(InvalidRequestError) as wide:
        ImageGenerationRequest("a red bag", width=4096)
    assert wide.value.user_message == (
        "Die Breite muss zwischen 1 und 2048 Pixeln liegen (angegeben war 4096)."
    )
    with pytest.raises(InvalidRequestError) as kind:
        ProductType.parse("Kleid")
    # The types are listed as they must be typed, whatever the language.
    assert kind.value.user_message == (
        "„Kleid“ ist kein Produkttyp. Bitte einen davon wählen: Garment, Dress, Outfit, "
        "Footwear, Bag, Jewellery, Eyewear, Beauty, Other."
    )
    assert ProductType.DRESS.label == "Kleid"
    assert ProductType.parse("dress") is ProductType.DRESS


@pytest.mark.usefixtures("german")
def test_a_class_default_message_is_read_in_the_language_of_the_moment() -> None:
    german = MaybeSentError.default_message
    assert german.startswith("Es kam keine verwertbare Antwort zurück")
    assert MaybeSentError().user_message == german
    use_language(choose(["en"]))
    assert MaybeSentError.default_message.startswith("No usable answer came back")


def test_a_time_limit_takes_the_languages_plural() -> None:
    assert "(1 second)" in Deadline(1).error().user_message
    assert "(45 seconds)" in Deadline(45).error().user_message
    use_language(choose(["de"]))
    assert "(1 Sekunde)" in Deadline(1).error().user_message
    assert "(10 Minuten)" in Deadline(600).error().user_message
    use_language(choose(["ar"]))
    # Arabic: 2 takes the dual, 3 to 10 the plural, 11 to 99 the singular.
    assert "(2 دقيقتان)" in Deadline(120).error().user_message
    assert "(10 دقائق)" in Deadline(600).error().user_message
    assert "(11 دقيقة)" in Deadline(660).error().user_message
    assert Deadline(600).error().user_message.startswith("لم تكتمل المهمة خلال المهلة المحددة")


@pytest.mark.usefixtures("arabic")
def test_the_types_names_and_a_missing_garment_in_arabic() -> None:
    assert [kind.label for kind in (ProductType.DRESS, ProductType.BAG)] == ["فستان", "حقيبة"]
    with pytest.raises(InvalidRequestError) as missing:
        TryOnRequest(person_jpeg(), b"")
    assert missing.value.user_message == "صورة قطعة الملابس فارغة. اختر صورة أخرى."
