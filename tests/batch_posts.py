"""Small French posts and English originals written for the batch tests (our own text).

Each post has one event "1°/…" whose last line cites a kremlin.ru URL with an id from
EVENT_BASE up; each original is a plain-text English file (title, then paragraphs).
"""

from __future__ import annotations

from pathlib import Path

EVENT_BASE = 90001
URL = "http://en.kremlin.ru/events/president/news/{id}"

_FR = [
    "Le Président a tenu une réunion sur le développement du port numéro {n}.",
    "Le gouverneur a indiqué que le port avait traité {t} millions de tonnes de marchandises.",
    "Les participants ont discuté de la modernisation des voies ferrées vers le port.",
    "Vladimir Poutine : Merci, chers collègues. Passons à la question suivante.",
]
_EN = [
    "The President held a meeting on the development of port number {n}.",
    "The Governor said that the port had handled {t} million tonnes of cargo.",
    "The participants discussed the modernisation of the railways to the port.",
    "Vladimir Putin: Thank you, colleagues. Let us move on to the next question.",
]


def url(n: int) -> str:
    return URL.format(id=EVENT_BASE + n)


def french_post(n: int, *, tonnes: int | None = None, sentences: int = 0) -> str:
    """Post n: a heading, a few paragraphs (plus `sentences` numbered filler ones), the URL."""
    t = tonnes if tonnes is not None else 10 + n
    lines = [f"1°/Réunion sur le port numéro {n} – 13 juillet 2023 à 15h05 à Moscou"]
    lines += [s.format(n=n, t=t) for s in _FR]
    lines += [
        f"Le rapport {i} sur la région {n} mentionne {i + 3} nouvelles routes et {i} ponts."
        for i in range(1, sentences + 1)
    ]
    lines.append(url(n))
    return "\n".join(lines) + "\n"


def english_original(n: int, *, sentences: int = 0) -> str:
    lines = [f"Meeting on port number {n}", ""]
    body = [s.format(n=n, t=10 + n) for s in _EN]
    body += [
        f"Report {i} on region {n} mentions {i + 3} new roads and {i} bridges."
        for i in range(1, sentences + 1)
    ]
    return "\n".join(lines) + "\n\n".join(body) + "\n"


def write_batch(root: Path, count: int, *, sentences: int = 0) -> tuple[Path, list[str]]:
    """`count` posts in root/posts and their originals in root/en; returns the posts folder
    and the `--en URL=FILE` values."""
    posts, originals = root / "posts", root / "en"
    posts.mkdir(parents=True, exist_ok=True)
    originals.mkdir(parents=True, exist_ok=True)
    en_args = []
    for n in range(1, count + 1):
        (posts / f"post{n:02d}.txt").write_text(french_post(n, sentences=sentences), "utf-8")
        original = originals / f"{EVENT_BASE + n}.txt"
        original.write_text(english_original(n, sentences=sentences), "utf-8")
        en_args.append(f"{url(n)}={original}")
    return posts, en_args


def en_pairs(en_args: list[str]) -> tuple[tuple[str, Path], ...]:
    return tuple((a.split("=", 1)[0], Path(a.split("=", 1)[1])) for a in en_args)
