"""Numbers, credits, prices, dates and times as each language writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest

from aurax_desktop.formats import (
    format_credits,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_time,
    money_locale,
    plural_count,
)
from aurax_desktop.jobs.prices import format_price
from aurax_desktop.languages import choose
from aurax_desktop.translation import use_language

DAY = dt.date(2026, 12, 6)


@pytest.fixture
def speak() -> Iterator[object]:
    """``speak("de_DE")``: the language (and locale) of the rest of the test."""
    yield lambda name: use_language(choose([name]))
    use_language(choose(["en"]))


def test_english_by_default() -> None:
    assert format_number(1234.5) == "1,234.5"
    assert format_credits(1) == "1 credit"
    assert format_credits(0.25) == "0.25 credits"
    assert format_credits(36) == "36 credits"
    assert format_date(DAY) == "6 December 2026"


@pytest.mark.parametrize(
    ("locale", "number", "credits", "day", "money"),
    [
        ("de_DE", "1.234,5", "1.234,5 Credits", "6. Dezember 2026", "1.234,50\xa0€"),
        ("fr_FR", "1\u202f234,5", "1\u202f234,5 crédits", "6 décembre 2026", "1\u202f234,50\xa0€"),
        ("es_ES", "1.234,5", "1.234,5 créditos", "6 de diciembre de 2026", "1.234,50\xa0€"),
        ("it_IT", "1.234,5", "1.234,5 crediti", "6 dicembre 2026", "1.234,50\xa0€"),
        ("ja_JP", "1,234.5", "1,234.5 クレジット", "2026年12月6日", "€1,234.50"),
        ("zh_CN", "1,234.5", "1,234.5 积分", "2026年12月6日", "€1,234.50"),
        ("en_US", "1,234.5", "1,234.5 credits", "December 6, 2026", "€1,234.50"),
    ],
)
def test_each_locale_writes_its_own_way(
    speak: object, locale: str, number: str, credits: str, day: str, money: str
) -> None:
    speak(locale)  # type: ignore[operator]
    assert format_number(1234.5) == number
    assert format_credits(1234.5) == credits
    assert format_date(DAY) == day
    assert format_money(Decimal("1234.50"), "EUR") == money


def test_arabic_credits_take_the_form_of_their_count(speak: object) -> None:
    speak("ar")  # type: ignore[operator]
    # one and two (the dual), three to ten (the plural), eleven on and fractions (singular)
    assert format_credits(1) == "1 نقطة" and format_credits(2) == "2 نقطتان"
    assert format_credits(3) == "3 نقاط" and format_credits(10) == "10 نقاط"
    assert format_credits(11) == "11 نقطة" and format_credits(0.25) == "0.25 نقطة"
    assert format_credits(103) == "103 نقاط"  # the rule looks at the last two digits


def test_fixed_decimals_percent_and_times(speak: object) -> None:
    assert format_number(3, decimals=2) == "3.00" and format_number(2.5, decimals=0) == "2"
    assert format_percent(0.25) == "25%"
    moment = dt.datetime(2026, 12, 6, 14, 5)
    assert format_time(moment) == "14:05"
    assert format_datetime(moment) == "6 Dec 2026, 14:05"
    assert format_datetime(moment, year=False) == "6 Dec, 14:05"
    speak("de")  # type: ignore[operator]
    assert format_number(3, decimals=2) == "3,00" and format_percent(0.25) == "25\xa0%"
    assert format_credits(1_000_000) == "1.000.000 Credits"
    assert format_date(moment, "short") == "06.12.26"
    assert format_time(dt.time(9, 30)) == "09:30"


def test_an_aware_moment_is_shown_in_this_computers_time() -> None:
    moment = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
    local = moment.astimezone()
    assert format_date(moment) == format_date(local.date())
    assert format_time(moment) == f"{local.hour:02d}:{local.minute:02d}"


def test_a_million_in_french_takes_de(speak: object) -> None:
    speak("fr")  # type: ignore[operator]
    assert format_credits(1_000_000) == "1\u202f000\u202f000 de crédits"
    assert format_credits(0) == "0 crédit" and format_credits(2) == "2 crédits"
    assert format_credits(1.5) == "1,5 crédit"  # below two: singular, as French has it


def test_a_fraction_takes_the_form_of_its_plural_category(speak: object) -> None:
    assert plural_count(1) == 1 and plural_count(2.0) == 2
    assert plural_count(0.25) == 0 and plural_count(1.5) == 0  # English: "other", as 0
    speak("fr")  # type: ignore[operator]
    assert plural_count(1.5) == 0 and plural_count(2.5) == 2  # "one" (0 and 1), "other"
    speak("ar")  # type: ignore[operator]
    assert plural_count(0.25) == 100  # Arabic: "other", as 100 (0 is "zero")


@pytest.mark.parametrize(
    ("system", "shown"),
    [
        ("C.UTF-8", "349.00"),  # no country: the amount, in no currency guessed
        ("en", "349.00"),
        ("de", "349,00"),  # a language chosen alone names no country either
        ("en_GB.UTF-8", "£349.00"),  # the country the system names has its currency
        ("de_AT.UTF-8", "€\u00a0349,00"),
        ("de_DE.UTF-8", "349,00\u00a0€"),
    ],
)
def test_a_price_without_a_currency_takes_only_the_systems_countrys(
    speak: object, system: str, shown: str
) -> None:
    speak(system)  # type: ignore[operator]
    assert format_price("349,00", "", money_locale()) == shown
    assert "$" in format_price("349,00", "USD", money_locale())  # the list's currency, always
