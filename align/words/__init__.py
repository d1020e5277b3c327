"""Word links inside a bead: English terms and the French words that render them."""

from align.words.linker import MAX_WORDS, link_event
from align.words.tokens import Token, fold, tokenise

__all__ = ["MAX_WORDS", "Token", "fold", "link_event", "tokenise"]
