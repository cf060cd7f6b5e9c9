"""Numbers, credits, prices, dates and times as the user's locale writes them: the one
place the core, the command and the documents format them (Babel, with the Unicode
CLDR's data). The window's widgets use ``QLocale``, set to the same locale.

``format_number(1234.5)`` is "1,234.5" in English, "1.234,5" in German, and
``format_date`` of 6 December 2026 is "6 December 2026" and "6. Dezember 2026".

Babel is imported by the first function that formats, not with this module: the
window imports it on its way to the first paint, and shows no number before.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from aurax_desktop.translation import current_language, ngettext

if TYPE_CHECKING:
    from babel import Locale

Number = int | float | Decimal


@lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def locale() -> Locale:
    """The locale numbers and dates are written in now (the language spoken, with the
    system's country when it named one)."""
    return _locale(current_language().locale)


def money_locale() -> Locale:
    """The locale prices are shown in: ``locale()``, but without a country when the
    system named none (``LANG=C``, or a language chosen alone), so that a price whose
    list gives no currency is shown as an amount, never in a currency guessed."""
    language = current_language()
    if language.country_given:
        return locale()
    return _locale(language.locale.split("_")[0])


def format_number(value: Number, *, decimals: int | None = None) -> str:
    """``value`` with the locale's digits, grouping and decimal mark; with ``decimals``,
    exactly that many after the mark, else as many as it has (at most three)."""
    from babel import numbers as babel_numbers

    if decimals is None:
        return str(babel_numbers.format_decimal(value, locale=locale()))
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return str(babel_numbers.format_decimal(value, format=pattern, locale=locale()))


def format_percent(fraction: Number) -> str:
    """``0.25`` as "25%" ("25 %" in German)."""
    from babel import numbers as babel_numbers

    return str(babel_numbers.format_percent(fraction, locale=locale()))


def plural_count(amount: Number) -> int:
    """The whole number whose form of a message ``amount`` takes (gettext's forms are
    chosen by whole numbers): itself when whole; for a fraction, the smallest whole
    number of its plural category in the locale's rules ("1,5 crédit" in French, as 0;
    "0.25 credits" in English, as 0; in Arabic as 100)."""
    if float(amount).is_integer():
        return int(amount)
    rules = locale()
    category = rules.plural_form(abs(Decimal(str(amount))))
    return next((n for n in range(1000) if rules.plural_form(n) == category), 100)


def format_credits(amount: Number) -> str:
    """An amount of AuraX credits in words: "1 credit", "0.25 credits", "1.234,5 Credits"."""
    return credits_phrase(amount, format_number(amount))


def credits_phrase(amount: Number, written: str) -> str:
    """The words for ``amount`` credits around ``written``, the amount as already written
    (the window writes it with ``QLocale``)."""
    return ngettext("{amount} credit", "{amount} credits", plural_count(amount)).format(
        amount=written
    )


def format_money(amount: Number, currency: str) -> str:
    """A price in ``currency`` (ISO 4217: "EUR", "USD"), as the locale writes prices:
    "€120.00" in English, "120,00 €" in German."""
    from babel import numbers as babel_numbers

    return str(babel_numbers.format_currency(amount, currency, locale=locale()))


def format_date(value: dt.date, style: str = "long") -> str:
    """A day: ``long`` "6 December 2026" ("6. Dezember 2026"), ``medium`` "6 Dec 2026",
    ``short`` "06/12/2026"."""
    from babel import dates as babel_dates

    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return str(babel_dates.format_date(value, format=style, locale=locale()))


def format_time(value: dt.datetime | dt.time, style: str = "short") -> str:
    """A time of day: ``short`` "14:05" (in English with the US's conventions "2:05 PM")."""
    from babel import dates as babel_dates

    if isinstance(value, dt.datetime):
        value = _local(value).time()
    return str(babel_dates.format_time(value, format=style, locale=locale()))


def format_day(value: dt.date) -> str:
    """A day of this year, without the year: "6 Dec", "6. Dez.", "12月6日"."""
    from babel import dates as babel_dates

    if isinstance(value, dt.datetime):
        value = _local(value).date()
    return str(babel_dates.format_skeleton("MMMd", value, locale=locale()))


def format_datetime(value: dt.datetime, style: str = "medium", *, year: bool = True) -> str:
    """A moment: the day in ``style`` and the time in hours and minutes, in the locale's
    order ("6 Dec 2026, 14:05", "06.12.26, 14:05"); without ``year``, a day of this year
    ("6 Dec, 14:05")."""
    moment = _local(value)
    day = format_date(moment.date(), style) if year else format_day(moment.date())
    joined = str(locale().datetime_formats[style]).replace("'", "")
    return joined.replace("{1}", day).replace("{0}", format_time(moment.time()))


def _local(value: dt.datetime) -> dt.datetime:
    """A moment in this computer's time zone, without a zone (a naive one is taken as
    already local)."""
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
