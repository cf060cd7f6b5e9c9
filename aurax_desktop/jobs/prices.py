"""Prices as a season's list writes them ("€ 54,50", "54.5", "129", "USD 89"), read as an
amount and, when the cell says, a currency; shown by locale through Babel (CLDR): "€54.50"
in English, "54,50 €" in German. The currency is the list's (its ``currency`` column, an
ISO 4217 code), else the one the cell shows, else the locale's. A price that is no amount
("on request", "TBC") is shown as written.
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.core import default_locale
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_symbol,
    get_territory_currencies,
    is_currency,
)

DOLLAR = "$"
"""A dollar sign alone: the locale's dollar, else the US dollar."""
SYMBOLS = {
    "US$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "MX$": "MXN",
    "R$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "¥": "JPY",
    "₩": "KRW",
    "₺": "TRY",
    "₪": "ILS",
    "₱": "PHP",
    "₫": "VND",
    "฿": "THB",
    "zł": "PLN",
    DOLLAR: DOLLAR,
}
"""Currency signs a price cell may carry, longest first where one holds another."""
_NUMBER = re.compile(r"\d(?:[\d.,'\s\u00a0\u202f]*\d)?")
_CODE = re.compile(r"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])")
_GROUPING = re.compile(r"['\s\u00a0\u202f]")
_FALLBACK = "en"


@dataclass(frozen=True)
class Price:
    amount: Decimal
    currency: str | None = None
    """An ISO 4217 code, ``DOLLAR`` for a bare "$", None when the cell shows none."""


def read_price(text: str) -> Price | None:
    """The amount and currency a price cell holds; None when it holds more or other than
    a price ("about 50", "on request")."""
    rest = text.strip()
    if not rest:
        return None
    currency: str | None = None
    for code in _CODE.findall(rest):
        if is_currency(code.upper()):
            currency = code.upper()
            rest = rest.replace(code, " ", 1)
            break
    if currency is None:
        for sign, code in SYMBOLS.items():
            if sign in rest:
                currency = code
                rest = rest.replace(sign, " ", 1)
                break
    numbers = _NUMBER.findall(rest)
    if len(numbers) != 1 or re.search(r"[^\d.,'\s\u00a0\u202f-]", rest):
        return None
    amount = _amount(numbers[0])
    return None if amount is None else Price(amount, currency)


def _amount(written: str) -> Decimal | None:
    """A number as people write it: "1.234,50", "1,234.50", "1'234.50", "54,5", "1 299"."""
    digits = _GROUPING.sub("", written)
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        whole, _sep, tail = digits.rpartition(mark)
        # one mark before exactly three digits groups thousands ("1,299"); else decimals
        decimal_mark = "" if digits.count(mark) > 1 or len(tail) == 3 else mark
        if decimal_mark == "" and not whole:
            return None
    else:
        decimal_mark = ""
    grouping = {",", "."} - {decimal_mark}
    for mark in grouping:
        digits = digits.replace(mark, "")
    digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def currency_code(text: str) -> str | None:
    """An ISO 4217 code as a list may write it ("eur", " USD "); None when it is none."""
    code = text.strip().upper()
    return code if len(code) == 3 and is_currency(code) else None


def agrees(price: Price, currency: str) -> bool:
    """Whether a cell's own currency sign (if any) is ``currency``'s."""
    if price.currency is None or price.currency == currency:
        return True
    return price.currency == DOLLAR and DOLLAR in get_currency_symbol(currency, _FALLBACK)


def document_locale(name: str | None = None) -> Locale:
    """The locale documents show prices (and their dates) in: ``name``, else the user's
    (LC_ALL, else LC_MONETARY, else LANG, as the system reads them; the C locale is
    plain English)."""
    given = [os.environ.get(variable, "") for variable in ("LC_ALL", "LC_MONETARY", "LANG")]
    chosen = name or next((value for value in given if value), "") or default_locale()
    chosen = chosen or locale.getlocale()[0] or _FALLBACK
    try:
        found = Locale.parse(chosen.split(".")[0].split("@")[0].replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse(_FALLBACK)
    return Locale.parse(_FALLBACK) if found.variant == "POSIX" else found


def locale_currency(locale: Locale) -> str | None:
    """The currency of the locale's country (EUR for de_DE); None without a country."""
    territory = locale.territory
    if territory is None:
        return None
    found = get_territory_currencies(territory, tender=True)
    return found[0] if found else None


def format_price(written: str, currency: str = "", locale: Locale | None = None) -> str:
    """``written`` shown with its currency as ``locale`` writes prices; as written when it
    is no amount."""
    shown_in = locale or document_locale()
    price = read_price(written)
    if price is None:
        return written.strip()
    code = currency_code(currency) if currency else None
    if code is None and price.currency not in (None, DOLLAR):
        code = price.currency
    if code is None:
        local = locale_currency(shown_in)
        if price.currency == DOLLAR:
            code = local if local and DOLLAR in get_currency_symbol(local, _FALLBACK) else "USD"
        else:
            code = local
    if code is None:
        return format_decimal(price.amount, format="#,##0.00", locale=shown_in)
    return format_currency(price.amount, code, locale=shown_in)
