"""Compare the quantities of a French text with those of its English original, by value.

Three passes, from the strictest to the loosest:
1. one-to-one pairs of quantities that say the same thing (same value, compatible units),
   identical kinds and units first;
2. what is left is *explained* when the other side states the same value anyway with a
   quantity not already paired: a range written as two numbers ("entre 550 et 834" /
   "550 to 834", in the same order), a date whose day and year the other side gives apart.
   A paired value explains a leftover only when the leftover's own side repeats it
   ("200 jours et 200 nuits" / "200 days and nights"): a value stated once on each side
   cannot excuse a second one that vanished;
3. what is still left is paired as an *altered* value when both sides hold a quantity of the
   same family (two percentages, two dates, two amounts…), else it is *missing* from the
   French (an English value) or *added* in the French (a French value).
An approximation on one side only is no alteration: "environ 6 %" agrees with "5.7%".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from align.numbers.quantity import Quantity, QuantityKind, normalise_number

K = QuantityKind

_COMPATIBLE_UNITS = {frozenset({"%", "pp"}), frozenset({"t", "kg"})}


@dataclass(frozen=True)
class NumberComparison:
    """The outcome of comparing one French and one English list of quantities."""

    matched: tuple[tuple[Quantity, Quantity], ...]  # (French, English)
    altered: tuple[tuple[Quantity, Quantity], ...]  # (French, English) with different values
    missing: tuple[Quantity, ...]  # English quantities the French does not state
    added: tuple[Quantity, ...]  # French quantities the English does not state
    #: matched pairs of one kind and unit that the French gives in the other order than the
    #: English ("76 des 89" for "89 of the 76"): values swapped between their places
    swapped: tuple[tuple[tuple[Quantity, Quantity], tuple[Quantity, Quantity]], ...] = ()

    @property
    def agrees(self) -> bool:
        return not (self.altered or self.missing or self.added or self.swapped)


def units_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or frozenset({a, b}) in _COMPATIBLE_UNITS


def _least_step(value: float) -> float:
    """The place of the last significant digit: 140000 -> 10000, 5.7 -> 0.1, 6 -> 1."""
    exponent = Decimal(repr(normalise_number(value))).normalize().as_tuple().exponent
    return 10.0 ** int(exponent)  # type: ignore[arg-type]


def numbers_agree(
    a: float, b: float, a_approximate: bool = False, b_approximate: bool = False
) -> bool:
    if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12):
        return True
    if a_approximate == b_approximate:
        return False
    rough, exact = (a, b) if a_approximate else (b, a)
    if rough == 0:
        return False
    step = _least_step(rough)
    return math.isclose(round(exact / step) * step, rough, rel_tol=1e-9)


def _dates_agree(a: tuple, b: tuple) -> bool:
    shared = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    return bool(shared) and all(x == y for x, y in shared) and (a[1] is None) == (b[1] is None)


#: French counts a week as "huit jours" and a fortnight as "quinze jours" (in words).
_FRENCH_WEEKS = {(8.0, "day"): (7.0, "day"), (15.0, "day"): (14.0, "day")}


def _idiom_agrees(a: Quantity, b: Quantity) -> bool:
    for x, y in ((a, b), (b, a)):
        said = _FRENCH_WEEKS.get((float(x.value), x.unit))  # type: ignore[arg-type]
        if x.spelled and said is not None and said == (float(y.value), y.unit):  # type: ignore[arg-type]
            return True
    return False


def same_quantity(a: Quantity, b: Quantity) -> bool:
    """True when `a` and `b` state the same value (kinds may differ: 20e and 20 agree)."""
    if a.is_scalar and b.is_scalar:
        if _idiom_agrees(a, b):
            return True
        if not units_compatible(a.unit, b.unit):
            return False
        if K.YEAR in (a.kind, b.kind) and {a.kind, b.kind} & {K.MONEY, K.PERCENT}:
            return False
        return numbers_agree(float(a.value), float(b.value), a.approximate, b.approximate)  # type: ignore[arg-type]
    if a.kind is not b.kind:
        return False
    if a.kind is K.DATE:
        return _dates_agree(a.value, b.value)  # type: ignore[arg-type]
    if a.kind is K.TIME:
        (ah, am), (bh, bm) = a.value, b.value  # type: ignore[misc]
        return am == bm and ah % 12 == bh % 12
    return _ranges_agree(a, b)


def _ranges_agree(a: Quantity, b: Quantity) -> bool:
    if (a.range_of is K.DATE) != (b.range_of is K.DATE):
        return False
    return all(same_quantity(x, y) for x, y in zip(parts(a), parts(b), strict=True))


def parts(quantity: Quantity) -> tuple[Quantity, ...]:
    """The simpler quantities a composite one is made of: a range's ends, a date's day and
    year, a time's hour. A scalar is its own only part."""
    q = quantity
    if q.kind is K.RANGE:
        inner = q.range_of or K.INTEGER
        return tuple(
            replace(q, kind=inner, value=end, range_of=None)
            for end in q.value  # type: ignore[union-attr]
        )
    if q.kind is K.DATE:
        year, _, day = q.value  # type: ignore[misc]
        found = []
        if day is not None:
            found.append(replace(q, kind=K.INTEGER, value=float(day)))
        if year is not None:
            found.append(replace(q, kind=K.YEAR, value=float(year)))
        return tuple(found)
    if q.kind is K.TIME:
        hour, minute = q.value  # type: ignore[misc]
        found = [replace(q, kind=K.INTEGER, value=float(hour))]
        if minute:
            found.append(replace(q, kind=K.INTEGER, value=float(minute)))
        return tuple(found)
    return (q,)


def explained_by(quantity: Quantity, others: Iterable[Quantity]) -> Quantity | None:
    """A quantity of `others` that states `quantity`'s value (whole, or part by part)."""
    pool = list(others)
    for other in pool:
        if same_quantity(quantity, other):
            return other
    if quantity.is_scalar:
        for other in pool:
            if not other.is_scalar and any(same_quantity(quantity, p) for p in parts(other)):
                return other
        return None
    if _is_date(quantity):  # a date is told by a date, not by a loose day and year
        pool = [other for other in pool if _is_date(other)]
    elif quantity.kind is K.RANGE:  # a range by loose ends, or by a range in the same order
        pool = [other for other in pool if other.kind is not K.RANGE]
    pieces = [p for other in pool for p in parts(other)]
    own = parts(quantity)
    if own and all(any(same_quantity(p, o) for o in pieces) for p in own):
        return pool[0] if pool else None
    return None


def _is_date(q: Quantity) -> bool:
    return q.kind is K.DATE or (q.kind is K.RANGE and q.range_of is K.DATE)


def _date_gaps(f: Quantity, e: Quantity) -> tuple[list[Quantity], list[Quantity]]:
    """Day or year that one of two agreeing dates gives and the other does not:
    "28 août" for "August 28, 2023" has lost its year."""
    if f.kind is K.RANGE and e.kind is K.RANGE and _is_date(f) and _is_date(e):
        f_date, e_date = f.value[1], e.value[1]  # type: ignore[index]  # 14–15 mai (2025)
    elif f.kind is K.DATE and e.kind is K.DATE:
        f_date, e_date = f.value, e.value
    else:
        return [], []
    missing, added = [], []
    for slot, kind in ((2, K.INTEGER), (0, K.YEAR)):
        fv, ev = f_date[slot], e_date[slot]  # type: ignore[index]
        if fv is None and ev is not None:
            missing.append(replace(e, kind=kind, value=float(ev)))
        elif ev is None and fv is not None:
            added.append(replace(f, kind=kind, value=float(fv)))
    return missing, added


#: A French quantity, the English quantity it was paired with, the English value it was
#: compared with (a range's end, or the quantity itself) and that value's place in the English.
_Link = tuple[Quantity, Quantity, Quantity, tuple[int, int]]


def _swaps(
    pairs: Sequence[tuple[Quantity, Quantity]], links: Sequence[_Link] = ()
) -> list[tuple[tuple[Quantity, Quantity], tuple[Quantity, Quantity]]]:
    """Pairs of one kind and unit, different values, crossed between the two texts; figures
    written in digits only. `links` adds French values told by the ends of an English range
    ("passant de 55 à 97 à 98 milliards" / "from 55 billion to 97–98 billion")."""
    found = []
    every = [(f, e, e, (e.start, 0)) for f, e in pairs] + list(links)
    chained = sorted(every, key=lambda link: link[0].start)
    for i, (f1, e1, v1, pos1) in enumerate(chained):
        for f2, e2, v2, pos2 in chained[i + 1 :]:
            same_sort = f1.kind is f2.kind and v1.kind is v2.kind and f1.kind is v1.kind
            if not same_sort or f1.unit != f2.unit or not f1.is_scalar:
                continue
            if any(q.spelled for q in (f1, v1, f2, v2)):
                continue  # words move freely in a sentence ("tous deux", "the two of them")
            if f1.raw == f2.raw or pos1 == pos2 or same_quantity(f1, f2):
                continue
            if pos2 < pos1:
                found.append(((f1, e1), (f2, e2)))
    ordered = sorted(pairs, key=lambda p: p[0].start)
    for i, (f1, e1) in enumerate(ordered):
        for f2, e2 in ordered[i + 1 :]:
            if any(q.spelled for q in (f1, e1, f2, e2)):
                continue
            if _unit_moved(f1, e1, f2, e2) and not same_quantity(f1, f2):
                found.append(((f1, e1), (f2, e2)))
    return found


def _unit_moved(f1: Quantity, e1: Quantity, f2: Quantity, e2: Quantity) -> bool:
    """ "259 localités et 24 km2" for "24 localities and 259 sq km": each value is found,
    but the unit went from one to the other."""
    french_moved = f1.unit is not None and f1.unit == e2.unit and e1.unit is None
    english_moved = e1.unit is not None and e1.unit == f2.unit and f1.unit is None
    return (french_moved and f2.unit is None) or (english_moved and e2.unit is None)


def _range_order_swaps(
    lone: Sequence[Quantity], others: Sequence[Quantity], french_first: bool
) -> list[tuple[tuple[Quantity, Quantity], tuple[Quantity, Quantity]]]:
    """Two loose values given in the other order than the ends of the range that states
    them: "de 7 à 5 %" for "5–7 percent"."""
    found = []
    for r in others:
        if r.kind is not K.RANGE or _is_date(r):
            continue
        ends = parts(r)
        placed = []
        for q in lone:
            slots = [i for i, end in enumerate(ends) if same_quantity(q, end)]
            if len(slots) == 1:
                placed.append((q.start, slots[0], q))
        placed.sort(key=lambda x: x[0])
        for (_, slot1, q1), (_, slot2, q2) in pairwise(placed):
            if slot1 > slot2:
                pair1, pair2 = (q1, r), (q2, r)
                if not french_first:
                    pair1, pair2 = (r, q1), (r, q2)
                found.append((pair1, pair2))
    return found


def _pair_family(q: Quantity) -> str:
    if q.kind is K.RANGE:
        return f"range:{'date' if q.range_of is K.DATE else 'number'}"
    return q.family


def _pair_score(f: Quantity, e: Quantity) -> int:
    score = 0
    if f.kind is e.kind:
        score += 2
    if f.unit == e.unit:
        score += 1
    if f.spelled == e.spelled:
        score += 1
    return score


def _can_pair(f: Quantity, e: Quantity) -> bool:
    if _pair_family(f) != _pair_family(e):
        return False
    kinds = {f.kind, e.kind}
    return not (K.YEAR in kinds and kinds & {K.MONEY, K.PERCENT})


def pair_alterations(
    french: Sequence[Quantity], english: Sequence[Quantity]
) -> tuple[list[tuple[Quantity, Quantity]], list[Quantity], list[Quantity]]:
    """Pairs of unexplained quantities of one family, in order; then the unpaired ones."""
    free = list(english)
    pairs: list[tuple[Quantity, Quantity]] = []
    lone_french: list[Quantity] = []
    for f in french:
        candidates = [e for e in free if _can_pair(f, e)]
        if not candidates:
            lone_french.append(f)
            continue
        best = max(candidates, key=lambda e: (_pair_score(f, e), -free.index(e)))
        free.remove(best)
        pairs.append((f, best))
    return pairs, free, lone_french


def _match_one_to_one(
    french: list[Quantity], english: list[Quantity], strict: bool
) -> list[tuple[Quantity, Quantity]]:
    pairs = []
    for f in list(french):
        for e in english:
            if same_quantity(f, e) and (not strict or (f.kind is e.kind and f.unit == e.unit)):
                pairs.append((f, e))
                french.remove(f)
                english.remove(e)
                break
    return pairs


def _explained_by_unpaired(
    quantity: Quantity,
    own_side: Sequence[Quantity],
    unpaired: Sequence[Quantity],
    paired: Sequence[Quantity],
) -> Quantity | None:
    """The other side's quantity that states `quantity`'s value: one left unpaired, or a
    paired one when `quantity`'s own side says the value twice (a writer's repeat)."""
    partner = explained_by(quantity, unpaired)
    if partner is not None:
        return partner
    exact = replace(quantity, approximate=False)
    repeated = any(
        o is not quantity and same_quantity(replace(o, approximate=False), exact) for o in own_side
    )
    return explained_by(quantity, paired) if repeated else None


def _held_by(quantity: Quantity, held: Sequence[tuple[Quantity, Quantity]]) -> Quantity | None:
    """The date of the other side that holds `quantity` as the day or year its own partner
    date leaves out: the value is told, only in another place."""
    for slot, date in held:
        if same_quantity(quantity, slot):
            return date
    return None


def compare_quantities(fr: Sequence[Quantity], en: Sequence[Quantity]) -> NumberComparison:
    """Match French quantities with English ones by value (see the module's docstring)."""
    french, english = list(fr), list(en)
    matched = _match_one_to_one(french, english, strict=True)
    matched += _match_one_to_one(french, english, strict=False)
    one_to_one = list(matched)
    swapped = _swaps(one_to_one)
    gaps_missing: list[Quantity] = []
    gaps_added: list[Quantity] = []
    # (slot, date) for the day or year a date gives that its partner lacks: "le 28 août 2023"
    # holds the year of "In 2023 … on August 28" told apart, so that year is not missing
    held_by_french: list[tuple[Quantity, Quantity]] = []
    held_by_english: list[tuple[Quantity, Quantity]] = []
    for f, e in matched:
        lost, extra = _date_gaps(f, e)
        gaps_missing += lost
        gaps_added += extra
        held_by_english += [(slot, e) for slot in lost]
        held_by_french += [(slot, f) for slot in extra]
    paired_fr = [f for f, _ in matched]
    paired_en = [e for _, e in matched]
    lone_french = []
    explained_french = []
    for f in french:
        partner = _explained_by_unpaired(f, fr, english, paired_en) or _held_by(f, held_by_english)
        if partner is None:
            lone_french.append(f)
        else:
            matched.append((f, partner))
            explained_french.append(f)
    lone_english = []
    explained_english = []
    for e in english:
        partner = _explained_by_unpaired(e, en, french, paired_fr) or _held_by(e, held_by_french)
        if partner is None:
            lone_english.append(e)
        else:
            matched.append((partner, e))
            explained_english.append(e)
    links = [
        (f, r, end, (r.start, slot))
        for f in explained_french
        for r in english
        if r.kind is K.RANGE and not _is_date(r)
        for slot, end in enumerate(parts(r))
        if same_quantity(f, end)
    ]
    if links:
        swapped = _swaps(one_to_one, links)
    swapped += _range_order_swaps(explained_english, french, french_first=False)
    altered, missing, added = pair_alterations(lone_french, lone_english)
    return NumberComparison(
        matched=tuple(matched),
        altered=tuple(altered),
        missing=tuple(missing + [q for q in gaps_missing if explained_by(q, fr) is None]),
        added=tuple(added + [q for q in gaps_added if explained_by(q, en) is None]),
        swapped=tuple(swapped),
    )
