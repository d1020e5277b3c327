"""Sentence encoders behind one `Encoder` protocol, plus an on-disk embedding cache.

`get_encoder("use")` gives Google's USE-multilingual v3 (bundled, numpy only);
`get_encoder("st:<name-or-path>")` any sentence-transformers model. With `cache_path`, the
encoder is wrapped in the SQLite cache of `align.embed.cache`.
"""

from __future__ import annotations

from pathlib import Path

from align.embed.base import Encoder, EncoderError

#: The embedding cache's file name inside the cache folder (`fetch.config.cache_root`).
CACHE_FILE = "embeddings.sqlite"


def default_cache_path() -> Path:
    """Where the CLI keeps embeddings unless told otherwise: the cache folder's file."""
    from fetch.config import cache_root

    return cache_root() / CACHE_FILE


_SPEC_HELP = "use 'use' or 'st:<model name or path>'"


def get_encoder(spec: str = "use", *, cache_path: Path | None = None) -> Encoder:
    """The encoder a `--encoder` value names, cached on disk when `cache_path` is given."""
    text = spec.strip()
    encoder: Encoder
    if text.lower() == "use":
        from align.embed.use import UseEncoder

        encoder = UseEncoder()
    elif text.lower().startswith("st:"):
        name_or_path = text[3:].strip()
        if not name_or_path:
            raise EncoderError(f"encoder {spec!r}: no model after 'st:'; {_SPEC_HELP}")
        from align.embed.st import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder(name_or_path)
    else:
        raise EncoderError(f"unknown encoder {spec!r}; {_SPEC_HELP}")
    if cache_path is None:
        return encoder
    from align.embed.cache import CachedEncoder

    return CachedEncoder(encoder, Path(cache_path))


__all__ = ["CACHE_FILE", "Encoder", "EncoderError", "default_cache_path", "get_encoder"]
