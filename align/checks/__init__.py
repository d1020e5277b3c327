"""Checks turn an aligned event into findings; one module per finding family."""
