"""Any sentence-transformers model, by Hugging Face name or local directory (LaBSE, e5, …).

sentence-transformers and torch are an optional extra (`pip install 'fidelity[st]'`) and are
imported only when this encoder is made. A name is looked up in the local Hugging Face cache
first; the hub is asked only when it answers and HF_HUB_OFFLINE is not set, so a missing
model gives a one-line error instead of a minute of retries.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from align.embed.base import EncoderError, default_threads, normalise_rows, prepare_texts

BATCH_SIZE = 32
_INSTALL_HINT = "install with pip install 'fidelity[st]'"
_HUB_PROBE_SECONDS = 5.0


def _looks_like_path(name_or_path: str) -> bool:
    return (
        name_or_path.startswith((".", "/", "~"))
        or name_or_path.count("/") > 1  # a hub name is "name" or "org/name"
        or "\\" in name_or_path
        or Path(name_or_path).expanduser().exists()
    )


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def _hub_reachable() -> bool:
    """Whether the Hugging Face hub answers a TCP connection within a few seconds."""
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    parsed = urlparse(endpoint)
    host = parsed.hostname or "huggingface.co"
    port = parsed.port or (80 if parsed.scheme == "http" else 443)
    try:
        with socket.create_connection((host, port), timeout=_HUB_PROBE_SECONDS):
            return True
    except OSError:
        return False


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class SentenceTransformerEncoder:
    """A sentence-transformers model; CUDA when torch sees a GPU, else CPU."""

    def __init__(self, name_or_path: str, device: str | None = None) -> None:
        name_or_path = name_or_path.strip()
        if not name_or_path:
            raise EncoderError(
                "st: needs a model name or path, e.g. st:sentence-transformers/LaBSE"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise EncoderError(
                f"encoder st:{name_or_path}: sentence-transformers is not installed; "
                f"{_INSTALL_HINT}"
            ) from None
        self.device = device or _default_device()
        if self.device == "cpu":
            # as for USE, one thread per process measured fastest on a shared machine
            import torch

            torch.set_num_threads(default_threads())
        if _looks_like_path(name_or_path):
            path = Path(name_or_path).expanduser().resolve()
            if not path.is_dir():
                raise EncoderError(f"encoder st:{name_or_path}: no model directory at {path}")
            source = str(path)
            self.id = f"st:{path}"
        else:
            source = name_or_path
            self.id = f"st:{name_or_path}"
        self._model = self._load(SentenceTransformer, source, name_or_path)
        self.dim = int(self._model.get_embedding_dimension())

    def _load(self, factory, source: str, given: str):
        try:
            return factory(source, device=self.device, local_files_only=True)
        except Exception as local_error:
            if source != given or _offline():
                raise EncoderError(
                    f"encoder st:{given}: cannot load the model ({_first_line(local_error)})"
                ) from None
        if not _hub_reachable():
            raise EncoderError(
                f"encoder st:{given}: not in the local Hugging Face cache and the hub cannot "
                "be reached; pass a local model directory instead"
            )
        try:
            return factory(source, device=self.device)
        except Exception as error:
            raise EncoderError(
                f"encoder st:{given}: cannot load the model ({_first_line(error)})"
            ) from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        prepared = prepare_texts(texts)
        if not prepared:
            return np.empty((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            prepared,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return normalise_rows(vectors)
