"""A quantity as written in a sentence, with the value it stands for.

Values, by kind:
- integer, decimal, percent, money, year, ordinal, century: a float (28,2 milliards -> 28.2e9);
- date: a `(year, month, day)` tuple, any part None when not written ("le 18 juillet");
- time: an `(hour, minute)` tuple on the 24-hour clock;
- range: a `(lo, hi)` pair of the values of its ends, whose kind is `range_of`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

Date = tuple[int | None, int | None, int | None]
Time = tuple[int, int]
Scalar = float
Value = Scalar | Date | Time | tuple[Any, Any]


class QuantityKind(StrEnum):
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"
    MONEY = "money"
    ORDINAL = "ordinal"
    CENTURY = "century"
    DATE = "date"
    TIME = "time"
    RANGE = "range"
    YEAR = "year"


#: Kinds whose value is one float.
SCALAR_KINDS = frozenset(
    {
        QuantityKind.INTEGER,
        QuantityKind.DECIMAL,
        QuantityKind.PERCENT,
        QuantityKind.MONEY,
        QuantityKind.ORDINAL,
        QuantityKind.CENTURY,
        QuantityKind.YEAR,
    }
)

#: Units that are currencies, with the sign a reviewer reads.
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "RUB": "₽", "GBP": "£", "CNY": "¥", "KZT": "₸"}

_FAMILY = {
    QuantityKind.INTEGER: "amount",
    QuantityKind.DECIMAL: "amount",
    QuantityKind.YEAR: "amount",
    QuantityKind.MONEY: "amount",
    QuantityKind.PERCENT: "percent",
    QuantityKind.ORDINAL: "ordinal",
    QuantityKind.CENTURY: "ordinal",
    QuantityKind.DATE: "date",
    QuantityKind.TIME: "time",
    QuantityKind.RANGE: "range",
}


def normalise_number(value: float) -> float:
    """Nine significant digits: 28.2 * 1e9 and 28200000000.0 compare equal."""
    if value == 0 or not math.isfinite(value):
        return value
    return float(f"{value:.9g}")


@dataclass(frozen=True)
class Quantity:
    """One quantity: `raw` is exactly `sentence[start:end]`."""

    raw: str
    start: int
    end: int
    kind: QuantityKind
    value: Value
    unit: str | None = None  # "%", "pp", "USD", "EUR", "RUB", "km", "km2", "m2", "t", "ha", "h", …
    approximate: bool = False  # environ, près de, about, nearly, …
    spelled: bool = False  # written in words (dix, ten, dixième)
    range_of: QuantityKind | None = None  # the kind of a range's ends
    #: an order of magnitude rather than a count: "des milliers", "hundreds of", a bare
    #: "mille fois" / "a thousand times"; weak evidence when it differs
    vague: bool = False

    @property
    def family(self) -> str:
        """Kinds a translator may swap for one another (a year written as a plain number…)."""
        return _FAMILY[self.kind]

    @property
    def is_scalar(self) -> bool:
        return self.kind in SCALAR_KINDS

    def key(self) -> tuple[Any, ...]:
        """Equal keys mean the same quantity, whatever the language or notation."""
        return (self.family, _normalise_value(self.value), self.unit)

    def describe(self) -> str:
        """The parsed value in a reviewer's notation: 28.2×10⁹ $, 10.2 %, 2023-07-13, 18:15."""
        text = describe_value(self.kind, self.value, self.unit, self.range_of)
        return f"≈{text}" if self.approximate or self.vague else text

    def to_json(self) -> dict[str, Any]:
        return {
            "raw": self.raw,
            "kind": str(self.kind),
            "value": _jsonable(self.value),
            "unit": self.unit,
            "approximate": self.approximate,
            "vague": self.vague,
            "parsed": self.describe(),
        }


def _normalise_value(value: Value) -> Any:
    if isinstance(value, tuple):
        return tuple(_normalise_value(v) if v is not None else None for v in value)
    return normalise_number(float(value))


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def format_number(value: float) -> str:
    """28200000000 -> 28.2×10⁹; 7598 -> 7598; 10.2 -> 10.2."""
    if not math.isfinite(value):
        return str(value)
    magnitude = abs(value)
    if magnitude >= 1e6:
        exponent = int(math.floor(math.log10(magnitude) / 3) * 3)
        mantissa = normalise_number(value / 10**exponent)
        return f"{_plain(mantissa)}×10{str(exponent).translate(_SUPERSCRIPT)}"
    return _plain(normalise_number(value))


def _plain(value: float) -> str:
    if value.is_integer():
        return str(int(value))
    return f"{value:.6g}"


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _unit_text(unit: str | None) -> str:
    if unit is None:
        return ""
    return " " + CURRENCY_SIGNS.get(unit, unit)


def describe_value(
    kind: QuantityKind, value: Any, unit: str | None, range_of: QuantityKind | None = None
) -> str:
    if kind is QuantityKind.RANGE:
        inner = range_of or QuantityKind.INTEGER
        lo = describe_value(inner, value[0], None)
        hi = describe_value(inner, value[1], None)
        if inner is QuantityKind.DATE and value[0][:2] == value[1][:2] and value[1][2]:
            hi = f"{value[1][2]:02d}"  # 2023-10-30–31
        return f"{lo}–{hi}{_unit_text(unit)}"
    if kind is QuantityKind.DATE:
        year, month, day = value
        parts = [f"{year:04d}" if year is not None else "-"]  # ISO 8601 "--07-13": no year
        if month is not None:
            parts.append(f"{month:02d}")
        if day is not None:
            parts.append(f"{day:02d}")
        return "-".join(parts)
    if kind is QuantityKind.TIME:
        return f"{value[0]:02d}:{value[1]:02d}"
    number = float(value)
    if kind in (QuantityKind.ORDINAL, QuantityKind.CENTURY) and number.is_integer():
        text = f"{int(number)}{_ordinal_suffix(int(number))}"
        return f"{text} century" if kind is QuantityKind.CENTURY else text
    if kind is QuantityKind.YEAR and unit is None:
        return _plain(number)
    return f"{format_number(number)}{_unit_text(unit)}"
