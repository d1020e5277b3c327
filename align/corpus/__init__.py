"""The French corpus reader: posts to events, blocks, cited kremlin.ru URLs.

`read_post` and `iter_posts` do the I/O; `decode_post` and `parse_post` are pure.
"""

from align.corpus.decode import decode_post
from align.corpus.errors import CorpusError
from align.corpus.parse import parse_post
from align.corpus.read import iter_posts, posts_in, read_post

__all__ = ["CorpusError", "decode_post", "iter_posts", "parse_post", "posts_in", "read_post"]
