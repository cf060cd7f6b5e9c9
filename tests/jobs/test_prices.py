"""Prices as merchandisers write them, read as amounts and shown as each locale writes
prices, with CLDR's data (Babel): the currency is the list's, else the one the cell
shows, else the locale's; what is no amount is shown as written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aurax_desktop.jobs.prices import (
    DOLLAR,
    Price,
    currency_code,
    document_locale,
    format_price,
    read_price,
)

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("54.50", Price(Decimal("54.50"))),
        ("54,5", Price(Decimal("54.5"))),
        ("129", Price(Decimal("129"))),
        ("€ 129,00", Price(Decimal("129.00"), "EUR")),
        ("129,00 €", Price(Decimal("129.00"), "EUR")),
        ("USD 89", Price(Decimal("89"), "USD")),
        ("89 usd", Price(Decimal("89"), "USD")),
        ("£1,299.50", Price(Decimal("1299.50"), "GBP")),
        ("1.299,50", Price(Decimal("1299.50"))),
        ("1'299.50", Price(Decimal("1299.50"))),
        ("1 299", Price(Decimal("1299"))),
        ("1,299", Price(Decimal("1299"))),  # three digits after one mark: thousands
        ("$54", Price(Decimal("54"), DOLLAR)),
        ("CA$54", Price(Decimal("54"), "CAD")),
        ("54,-", Price(Decimal("54"))),
        ("49.0", Price(Decimal("49.0"))),  # a spreadsheet's number
    ],
)
def test_a_price_is_read_as_people_write_it(written: str, read: Price) -> None:
    assert read_price(written) == read


@pytest.mark.parametrize("written", ["", "on request", "TBC", "about 50", "50 or 60", "EUR"])
def test_what_is_no_amount_is_no_price(written: str) -> None:
    assert read_price(written) is None
    assert format_price(written, locale=document_locale("en_GB")) == written.strip()


@pytest.mark.parametrize(
    ("locale", "written", "currency", "shown"),
    [
        ("en", "54.5", "EUR", "€54.50"),
        ("de_DE", "54.5", "EUR", f"54,50{NBSP}€"),
        ("fr_FR", "1299.5", "EUR", f"1{NNBSP}299,50{NBSP}€"),
        ("en_US", "1299.5", "", "$1,299.50"),  # the locale's currency
        ("de_DE", "54.50", "", f"54,50{NBSP}€"),
        ("en_GB", "€ 54,50", "", "€54.50"),  # the cell's own currency
        ("en_GB", "$54", "", "US$54.00"),  # a dollar, where the pound is the money
        ("en_CA", "$54", "", "$54.00"),  # the locale's own dollar
        ("ja_JP", "12800", "JPY", "￥12,800"),  # a currency without cents
        ("en", "54.5", "", "54.50"),  # no country, no currency: the amount alone
    ],
)
def test_prices_are_shown_as_the_locale_writes_them(
    locale: str, written: str, currency: str, shown: str
) -> None:
    assert format_price(written, currency, document_locale(locale)) == shown


def test_currency_codes_are_iso_4217() -> None:
    assert currency_code(" eur ") == "EUR"
    assert currency_code("CHF") == "CHF"
    for wrong in ("EURO", "€", "XYZ", ""):
        assert currency_code(wrong) is None


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de_DE"),
        ({"LANG": "en_GB.UTF-8", "LC_MONETARY": "fr_FR.UTF-8"}, "fr_FR"),
        ({"LANG": "en_GB.UTF-8", "LC_MONETARY": "fr_FR.UTF-8", "LC_ALL": "it_IT"}, "it_IT"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "xx_YY.UTF-8"}, "en"),  # no such locale: plain English
    ],
)
def test_the_documents_locale_is_the_users(
    variables: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MONETARY", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert str(document_locale()) == expected
