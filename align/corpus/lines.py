"""What one line of a post is, judged from the line alone.

Every recogniser is a small pure function of a stripped line. Patterns are anchored and
free of nested repetition, and the ones meant for short lines are only tried on lines
shorter than `SHORT`, so a post of any size is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

#: Lines longer than this are never headings, datelines, labels, tags or captions.
SHORT = 600

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre"
)
_DATE = rf"\d{{1,2}}(?:er)?\s(?i:{_MONTHS})\s\d{{4}}"
_TIME = r"\d{1,2}\s?[hH:]\s?\d{2}"

# "1°/Title …", "- 1°/Title …" (the day's list), "3° / Title": the blog's own heading mark.
_HEADING = re.compile(r"(?P<list>[-–•]\s?)?(?P<number>\d{1,3})\s?°\s?/\s?(?P<rest>\S.*)")
# Older posts number events "1/ Title – 19:10", and other numberings are in use: "1 / …",
# "1°) …", "1) …", "1 – …", "1. …", "1° …". These also number ordinary lists, so a line
# written so is only a heading when something else says it is (see align.corpus.parse).
_LOOSE_HEADING = re.compile(
    r"(?P<list>[-–•]\s?)?(?P<number>\d{1,2})\s?(?:°\s?[/).:–—-]?|[/).–—-])\s?(?P<rest>\S.*)"
)
# What a heading's title may open with after its number: a capital, maybe inside a quote.
_TITLE_START = re.compile(r"[«\"“‘'(]?\s?[^\W\d_]")
# The date that starts a heading's tail: "– 13 juillet 2023", " du 13 …", " le 13 …".
_HEADING_DATE = re.compile(rf"(?:\s[–—-]\s|\s(?:du|le)\s|\s)(?P<date>{_DATE})")
# A time without a date ends older headings: "1/ Instruction au Premier ministre – 19:10".
_HEADING_TIME = re.compile(rf"(?:\s[–—-]\s(?:à\s)?|\sà\s)(?P<time>{_TIME})")
_AFTER_DATE = re.compile(
    rf"(?:\s?,?\s(?:à\s)?(?P<time>{_TIME}))?"
    r"(?:\s(?:à|au|aux|en)\s(?P<place>\S.*)|\s[–—-]\s(?P<tail>\S.*))?"
)
_DATELINE = re.compile(
    rf"(?:(?i:publié)\sle\s)?(?P<date>{_DATE})(?:\s?,?\s(?:à\s)?(?P<time>{_TIME}))?"
    r"(?:\s(?:à|au|aux|en)\s(?P<place>\S.*)|\s[–—-]\s(?P<dash_place>\S.*)|\s(?P<bare_place>\S.*))?"
)

_URL = re.compile(r"(?:https?://|www\.|(?<![\w.])(?:en\.)?kremlin\.ru/)[^\s<>\"«»\[\]]+")
_URL_TRAILING_JUNK = ".,;:!?)>»]}'\"’”"
# What may stand around a URL on a line that only cites it.
_URL_JUNK_WORDS = frozenset(
    {"", "source", "sources", "lien", "url", "original", "texte original", "voir", "en anglais"}
)
_URL_JUNK_CHARS = " \t\u00a0\u202f\u2009<>[](){}«»\"'“”’.,;:|*•·-–—=→"

_ELISION = re.compile(r"[<\[(]\s?(?:…|\.{3})\s?[>\])]")
_SECTION_BREAK = re.compile(r"\*(?:\s{0,3}\*){1,9}")
_NOTE = re.compile(r"[\[(](?P<body>.*)[\])]")
_NDT_END = re.compile(r"(?:[—–-]\s?)?N\.?\s?d\.?\s?T\.?\s?$", re.IGNORECASE)
_NDT_START = re.compile(r"N\.?\s?d\.?\s?T\.?\s?[:—–-]", re.IGNORECASE)

_GALLERY = re.compile(r"(?P<number>\d{1,3})\ssur\s(?P<total>\d{1,3})(?:\s(?P<text>\S.*))?")
_GALLERY_SLASH = re.compile(r"(?P<number>\d{1,3})/(?P<total>\d{1,3})")
_NUMBERED_CAPTION = re.compile(r"(?P<number>\d{1,2})(?:\s(?P<text>[^\d\s].*))?")
_PHOTO_CREDIT = re.compile(r"(?:^|[\s.])Photo\s?:\s?[^.:]{2,80}$")
_SLUG = re.compile(r"[\w’'.]+(?:-[\w’'.]+){3,}")
_POST_HEADER = re.compile(r"\d{2,6}\s?[–—-]\s\S.*")

TAGS = frozenset(
    {
        "géographie",
        "les sujets",
        "sujets",
        "thèmes",
        "les thèmes",
        "personnes",
        "les personnes",
        "publié dans les sections",
        "publié dans la section",
    }
)
_CONTINUED = frozenset({"à suivre", "a suivre", "à suivre…", "la suite au prochain numéro"})
_FURNITURE_EXACT = frozenset(
    {"continue reading", "lire la suite", "continuer la lecture", "source", "sources"}
)
#: Furniture that closes a blog excerpt in an archive page: the next line starts a post.
SECTION_CLOSERS = frozenset({"continue reading", "lire la suite", "continuer la lecture", "source"})
_FURNITURE_PREFIXES = ("ajouté par ", "category archives:", "archives de catégorie", "publié par ")
_BULLETS = frozenset({"-", "–", "—", "•", "·", "|", "*"})


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------- headings and datelines


@dataclass(frozen=True)
class Heading:
    """An "N°/Title – date à time à place" line, split as written."""

    number: int
    title: str
    date_text: str | None
    time_text: str | None
    place_text: str | None
    in_day_list: bool  # written "- N°/…": an entry of the list of the day's events

    @property
    def dated(self) -> bool:
        """Whether the line ends with the event's date or time, as the blog's headings do."""
        return self.date_text is not None or self.time_text is not None


def parse_heading(text: str) -> Heading | None:
    """The blog's heading, "N°/Title – date à time à place", else None."""
    if len(text) > SHORT:
        return None
    match = _HEADING.fullmatch(text)
    if match is None:
        return None
    return _heading(match)


def parse_loose_heading(text: str) -> Heading | None:
    """A line numbered as a heading may be ("1/ Title – 19:10", "2. Title", "3°) Title").

    Only the shape: the title starts with a capital and the line does not end like a list
    item (",", ";", ":"). Whether it is a heading depends on the rest of the post.
    """
    if len(text) > SHORT or text[-1:] in ",;:":
        return None
    match = _HEADING.fullmatch(text) or _LOOSE_HEADING.fullmatch(text)
    if match is None:
        return None
    start = _TITLE_START.match(match["rest"])
    if start is None or not start.group(0)[-1].isupper():
        return None  # "1/5", "3/4 des …", "1. l’approfondissement de …"
    return _heading(match)


def _heading(match: re.Match[str]) -> Heading:
    rest = match["rest"].strip()
    title, date, time, place = rest, None, None, None
    last = None
    for last in _HEADING_DATE.finditer(rest):  # noqa: B007 — the tail is the last date
        pass
    if last is None:
        for last in _HEADING_TIME.finditer(rest):  # noqa: B007 — or the last time
            pass
    if last is not None:
        after = _AFTER_DATE.fullmatch(rest[last.end() :].rstrip())
        if after is not None:
            title = rest[: last.start()].rstrip(" –—-,")
            date = last.groupdict().get("date")
            time = after["time"] or last.groupdict().get("time")
            place = after["place"]
            # After a dash, a place follows a time ("à 21h40 – Région de Kursk"); without a
            # time it is a subtitle ("– 8 novembre 2023 – En 8 Questions"), not a place.
            if place is None and after["tail"] and time:
                place = after["tail"]
    return Heading(
        number=int(match["number"]),
        title=title or rest,
        date_text=date,
        time_text=_clean(time),
        place_text=_clean(place),
        in_day_list=match["list"] is not None,
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().rstrip(".")
    return value or None


@dataclass(frozen=True)
class Dateline:
    date_text: str
    time_text: str | None
    place_text: str | None


def parse_dateline(text: str) -> Dateline | None:
    """ "13 juillet 2023 à 15h05 à Moscou", "Publié le 13 mars 2024 10:00 Moscou, Kremlin"."""
    if len(text) > 200:
        return None
    match = _DATELINE.fullmatch(text.strip())
    if match is None:
        return None
    place = match["place"] or match["dash_place"] or match["bare_place"]
    if match["bare_place"] and not match["time"]:
        return None  # "13 juillet 2023 nous avons …" is a sentence, not a dateline
    return Dateline(match["date"], _clean(match["time"]), _clean(place))


# ---------------------------------------------------------------- source URLs


def urls_in(text: str) -> list[str]:
    return [m.group(0).rstrip(_URL_TRAILING_JUNK) for m in _URL.finditer(text)]


def is_kremlin(url: str) -> bool:
    """Whether a URL points at kremlin.ru or one of its subdomains (en., www., special.)."""
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return host == "kremlin.ru" or host.endswith(".kremlin.ru")


def url_line(text: str) -> str | None:
    """The URL of a line that only cites a URL ("Source : <http://…>." counts), else None."""
    if len(text) > 2000 or ("http" not in text and "www." not in text and "kremlin" not in text):
        return None
    found = urls_in(text)
    if len(found) != 1:
        return None
    match = _URL.search(text)
    assert match is not None
    around = (text[: match.start()] + " " + text[match.end() :]).strip(_URL_JUNK_CHARS)
    if fold(around) not in _URL_JUNK_WORDS:
        return None
    return found[0]


# ---------------------------------------------------------------- small block kinds


def is_elision(text: str) -> bool:
    return len(text) < 12 and (_ELISION.fullmatch(text) is not None or text in ("…", "..."))


def is_section_break(text: str) -> bool:
    return len(text) < 40 and _SECTION_BREAK.fullmatch(text) is not None


def is_continued(text: str) -> bool:
    return len(text) < 40 and fold(text).strip(" .()[]!") in _CONTINUED


def is_tag(text: str) -> bool:
    return len(text) < 40 and fold(text).rstrip(" :") in TAGS


def is_note(text: str) -> bool:
    """A translator's note standing alone: "[… — NdT]" (or "[NdT : …]", in parentheses too)."""
    if len(text) > 4000 or text[:1] not in "[(" or text[-1:] not in "])":
        return False
    match = _NOTE.fullmatch(text)
    if match is None:
        return False
    body = match["body"].strip()
    return _NDT_END.search(body) is not None or _NDT_START.match(body) is not None


def is_furniture(text: str) -> bool:
    if text in _BULLETS:
        return True
    if len(text) > SHORT:
        return False
    head = fold(text[:40])  # every furniture phrase is short or starts the line
    return (len(text) <= 40 and head in _FURNITURE_EXACT) or head.startswith(_FURNITURE_PREFIXES)


def is_section_closer(text: str) -> bool:
    return fold(text) in SECTION_CLOSERS


def is_post_header(text: str) -> bool:
    """The blog's running title: "5724 – Russie… La journée du 8 Novembre de V.Poutine …"."""
    return len(text) < 300 and _POST_HEADER.fullmatch(text) is not None


# ---------------------------------------------------------------- photo captions


@dataclass(frozen=True)
class Gallery:
    """ "3 sur 10" or "1/5": a slide counter, with the caption text when on the same line."""

    number: int
    total: int
    text: str


def parse_gallery(text: str) -> Gallery | None:
    if len(text) > SHORT * 2:
        return None
    # "1/5" counts only alone on its line: "3/4 des …" is a sentence.
    match = _GALLERY.fullmatch(text) or _GALLERY_SLASH.fullmatch(text)
    if match is None:
        return None
    number, total = int(match["number"]), int(match["total"])
    if not 1 <= number <= total:
        return None
    caption = match.groupdict().get("text") or ""
    return Gallery(number, total, caption.strip())


def numbered_caption(text: str) -> tuple[int, str] | None:
    """ "1 Vladimir Poutine au Centre …" or a bare "6": a number that may start a caption."""
    if len(text) > SHORT * 2:
        return None
    match = _NUMBERED_CAPTION.fullmatch(text)
    if match is None:
        return None
    return int(match["number"]), (match["text"] or "").strip()


def has_photo_credit(text: str) -> bool:
    return len(text) < SHORT * 2 and _PHOTO_CREDIT.search(text) is not None


def is_slug(text: str) -> bool:
    """An image file name pasted as text: "32e-bazar-slavyansky-au-festival-…"."""
    return len(text) < SHORT and _SLUG.fullmatch(text) is not None


def sentence_count(text: str) -> int:
    return sum(text.count(end) for end in (". ", "? ", "! ")) + 1


def ends_sentence(text: str) -> bool:
    return text[-1:] in '.!?…»"”)' or text.endswith(("»", ".»"))


# ---------------------------------------------------------------- speakers


# Words a label may open with when it names a role before (or instead of) a name.
_ROLE_WORDS = frozenset(
    """président présidente vice-président vice-présidente premier première ministre
    vice-ministre vice-premier modérateur modératrice directeur directrice gouverneur
    gouverneure secrétaire porte-parole chef maire recteur rectrice conseiller conseillère
    assistant assistante adjoint adjointe co-fondateur cofondateur fondateur fondatrice
    journaliste envoyé envoyée ambassadeur ambassadrice patriarche métropolite commandant
    général chancelier chancelière roi reine prince princesse émir cheikh sénateur sénatrice
    député députée présentateur présentatrice animateur animatrice correspondant
    correspondante interprète responsable représentant représentante délégué déléguée
    chercheur chercheuse professeur professeure docteur pdg lieutenant colonel amiral
    maréchal capitaine commissaire procureur juge médiateur médiatrice""".split()  # noqa: SIM905
)
# A label that is one word: only these ("Question", "Question 5", "Journaliste").
_SOLO_LABELS = frozenset(
    """question réponse journaliste modérateur modératrice présentateur présentatrice
    animateur animatrice interprète correspondant correspondante intervenant intervenante
    participant participante""".split()  # noqa: SIM905
)
_QUESTION = re.compile(r"(?i:question|réponse)(?:\s?(?:n°|no\.?)?\s?\d{1,3})?")
_HONORIFICS = frozenset({"Mr.", "Mr", "M.", "Mme", "Mme.", "Mlle", "Dr", "Dr.", "Sir", "Mgr"})
_PARTICLES = frozenset(
    {"de", "du", "des", "d'", "d’", "la", "le", "von", "van", "der", "den", "da", "di", "dos",
     "bin", "ben", "al", "ibn", "el"}
)  # fmt: skip
_INITIALS = re.compile(r"(?:[^\W\d_]\.\s?-?){1,3}[^\W\d_]?\.?")
_LABEL_FORBIDDEN = frozenset('.!?;«»"“”…')
_MAX_LABEL = 160


def _word_is_name(word: str) -> bool:
    if word in _HONORIFICS or (_INITIALS.fullmatch(word) and word[0].isupper()):
        return True
    for elided in ("d'", "d’", "l'", "l’"):
        if word.startswith(elided):
            word = word[len(elided) :]
    word = word.strip("()")
    return bool(word) and word[0].isupper() and all(c.isalpha() or c in "-'’." for c in word)


def _is_name(words: list[str]) -> bool:
    """1–6 capitalised words; particles ("de la") only inside: "Ruslan Yunusov", "V. Poutine"."""
    if not 1 <= len(words) <= 6 or not _word_is_name(words[0]) or not _word_is_name(words[-1]):
        return False
    if len(words) == 1:
        return False  # a lone capitalised word ("Imaginez") is not a name here
    return all(_word_is_name(w) or w in _PARTICLES for w in words)


def _plain(label: str) -> bool:
    # Sentence punctuation is not allowed in a label, except the dots of "V." and "Mr.".
    words_without_dots = [
        w for w in label.split() if not (w in _HONORIFICS or _INITIALS.fullmatch(w))
    ]
    return not any(c in _LABEL_FORBIDDEN for c in " ".join(words_without_dots))


def _starts_with_role(words: list[str]) -> bool:
    first = words[0].casefold().strip("(")
    return first in _ROLE_WORDS or first.split("-")[0] in _ROLE_WORDS


def is_speaker_label(label: str) -> bool:
    """Whether the text before a line's first colon names who speaks.

    Accepted: "Question", "Question 5", a name ("Vladimir Poutine", "V. Poutine",
    "Mr. Gerasimov"), a role ending with a name ("Président de la Russie Vladimir Poutine",
    "Modérateur de la session plénière, co-fondateur … Ruslan Yunusov") and a name followed
    by one comma and a role ("Zhang Youxia, vice-président de … (retraduit)"). Rejected: any
    sentence ("Le message lit, en partie", "Poutine a rappelé", "Plus que cela").
    """
    label = " ".join(label.split())
    if not label or len(label) > _MAX_LABEL:
        return False
    if _QUESTION.fullmatch(label) or fold(label) in _SOLO_LABELS:
        return True
    if not _plain(label):
        return False
    words = label.split()
    if len(words) > 20:
        return False
    if _is_name(words):
        return True
    if _starts_with_role(words) and _word_is_name(words[-1]) and words[-1] not in _HONORIFICS:
        return True
    head, comma, tail = label.partition(",")
    if comma and "," not in tail and tail.strip():
        tail_words = tail.split()
        return _is_name(head.split()) and _starts_with_role(tail_words)
    return False


@dataclass(frozen=True)
class Turn:
    speaker: str
    speech: str  # empty when the label stands alone on its line


def parse_turn(text: str) -> Turn | None:
    """ "Vladimir Poutine : Merci." -> Turn("Vladimir Poutine", "Merci.")."""
    colon = text.find(":", 0, _MAX_LABEL + 2)
    if colon <= 0:
        return None
    label = text[:colon].strip(" \u00a0\u202f\t")
    if "//" in text[colon : colon + 3] or not is_speaker_label(label):
        return None
    return Turn(" ".join(label.split()), strip_pipe(text[colon + 1 :].strip()))


def strip_pipe(text: str) -> str:
    """A stray table border closes some copied questions: "… ? |"."""
    return text[:-1].rstrip() if text.endswith(" |") else text


# ---------------------------------------------------------------- captions the blog adds


def is_name_line(text: str) -> bool:
    """A person's name alone on its line ("Ruslan Yunusov", "Kassym-Jomart Tokayev.")."""
    if len(text) > 80 or "," in text:
        return False
    return _is_name(text.rstrip(".").split())


def is_title_like(text: str) -> bool:
    """A blog post title in an archive page: a few words, no closing punctuation."""
    words = text.split()
    return (
        4 <= len(words) <= 25
        and len(text) <= 200
        and text[0].isalpha()
        and text[-1] not in '.!:;,…»"”'
        and not text[:3].rstrip(". ").isdigit()
    )


def is_short_fragment(text: str) -> bool:
    """A few words with no closing punctuation: "Carte de moscou", "Vitebsk"."""
    words = text.split()
    return (
        1 <= len(words) <= 8
        and len(text) <= 80
        and text[0].isalpha()
        and text[-1] not in '.!?:;,…»"”)'
    )
