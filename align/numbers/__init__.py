"""Quantities in French and English sentences, read as values and compared by value."""

from align.numbers.compare import NumberComparison, compare_quantities, same_quantity
from align.numbers.extract import extract_quantities
from align.numbers.quantity import Quantity, QuantityKind

__all__ = [
    "NumberComparison",
    "Quantity",
    "QuantityKind",
    "compare_quantities",
    "extract_quantities",
    "same_quantity",
]
