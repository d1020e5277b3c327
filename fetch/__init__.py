"""fetch: English originals from kremlin.ru as clean structured text, cached on disk.

This package knows nothing of `align`.
"""
