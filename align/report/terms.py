"""The Terminology panel: how each key term is rendered, from the terminology check's JSON.

A post page shows its document's `terminology` object; the index shows the batch result's
(docs/terminology.md, "JSON"). Every occurrence links to its row of the side-by-side text and,
when it carries a finding shown on the page, to the finding's card. Pure functions over the
result's plain dicts, tolerant of fields a producer leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from align.report.evidence import format_scalar
from align.report.view import PageAnchors, event_compared, page_anchors, page_title

#: Occurrences listed per rendering before the rest go into a collapsed "and N more".
PLACES_SHOWN = 12
#: Characters of context either side of a term in an occurrence's hover text.
CONTEXT = 48


@dataclass(frozen=True)
class TermPlace:
    """One occurrence: its row in the side-by-side text and, if any, its finding's card."""

    href: str
    label: str  # "#4": the pair's number in the gutter; "ev. 2 #4" in a post of several events
    title: str  # hover text: the English and the French around the term
    en: str  # "sentence id:start:end" of the term, for the page script to mark it
    fr: str  # the same for the rendering ("" when nothing is linked)
    finding_id: str | None = None
    finding_href: str | None = None
    finding_severity: str | None = None


@dataclass(frozen=True)
class PlaceGroup:
    """The occurrences of one rendering in one post (on the index: `post` names it)."""

    post: str | None
    post_href: str | None
    places: tuple[TermPlace, ...]
    more: tuple[TermPlace, ...] = ()  # beyond PLACES_SHOWN, listed collapsed


@dataclass(frozen=True)
class RenderingView:
    text: str | None  # None: nothing linked, and the expected rendering absent
    count: int | None  # in this post (None on the index)
    corpus_count: int
    expected: bool  # the expected rendering itself
    differs: bool  # not the expected rendering, nor one the glossary accepts
    flagged: bool  # an occurrence rendered so carries a finding shown on the page
    groups: tuple[PlaceGroup, ...]

    @property
    def css(self) -> str:
        if self.flagged:
            return "flagged"
        return "differs" if self.differs else "expected" if self.expected else "plain"


@dataclass(frozen=True)
class GlossaryView:
    where: str  # "house.tsv:3"
    entry: str
    forbidden: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class TermView:
    term: str
    anchor: str
    source: str  # corpus | glossary | both
    count: int | None  # occurrences in this post (None on the index)
    corpus_count: int
    documents: int | None  # posts it occurs in (index only)
    expected: str | None
    glossary: GlossaryView | None
    renderings: tuple[RenderingView, ...]
    finding_ids: tuple[str, ...]  # findings shown on the page(s), in occurrence order

    @property
    def deviates(self) -> bool:
        """Renderings compete, or an occurrence carries a finding."""
        return bool(self.finding_ids) or len(self.renderings) > 1

    @property
    def notable(self) -> bool:
        """Shown before "Show all terms": what deviates, and every glossary term."""
        return self.deviates or self.glossary is not None


@dataclass(frozen=True)
class TermsPanel:
    terms: tuple[TermView, ...]
    findings: int  # terminology findings shown on the page(s)
    glossary: Mapping[str, Any] | None = None  # index: {file, entries, problems}
    thresholds: tuple[tuple[str, str], ...] = ()

    @property
    def notable_count(self) -> int:
        return sum(1 for t in self.terms if t.notable)


def fold(text: str | None) -> str:
    """How two renderings are compared for display: case, apostrophes and spacing aside."""
    return " ".join((text or "").replace("’", "'").casefold().split())


def _span(value: Any) -> tuple[int, int, int] | None:
    """An occurrence side `[sentence id, [start, end]]` as (id, start, end)."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    sid, span = value
    if not isinstance(sid, int) or not isinstance(span, list | tuple) or len(span) != 2:
        return None
    if not all(isinstance(v, int) for v in span) or not 0 <= span[0] < span[1]:
        return None
    return sid, int(span[0]), int(span[1])


def excerpt(text: str, start: int, end: int, context: int = CONTEXT) -> str:
    """The text around [start, end), cut at word boundaries, the term between ⟦ ⟧ marks."""
    if not 0 <= start < end <= len(text):
        return " ".join(text.split())
    left = text[max(0, start - context) : start]
    right = text[end : end + context]
    if start - context > 0:
        left = "…" + left.split(" ", 1)[-1] if " " in left else "…" + left
    if end + context < len(text):
        right = right.rsplit(" ", 1)[0] + "…" if " " in right else right + "…"
    return " ".join(f"{left}⟦{text[start:end]}⟧{right}".split())


def _sentence_texts(event: Mapping[str, Any], side: str) -> dict[int, str]:
    return {
        int(s["id"]): str(s.get("text", ""))
        for s in event.get(f"{side}_sentences") or ()
        if isinstance(s, Mapping) and isinstance(s.get("id"), int)
    }


@dataclass(frozen=True)
class _Post:
    """What the panel needs of one post: its page, its anchors and its events' texts."""

    href: str  # the page ("" on the page itself)
    title: str
    anchors: PageAnchors
    texts: Mapping[tuple[int, str], Mapping[int, str]]  # (event position, side) → id → text
    several_events: bool  # occurrences are then labelled with their event's number


def _post(document: Mapping[str, Any], href: str) -> _Post:
    events = {n: e for n, e in enumerate(document.get("events") or ()) if isinstance(e, Mapping)}
    texts = {
        (n, side): _sentence_texts(e, side) for n, e in events.items() for side in ("en", "fr")
    }
    compared = sum(1 for e in events.values() if event_compared(e))
    return _Post(href, page_title(document), page_anchors(document), texts, compared > 1)


def _place(post: _Post, occurrence: Mapping[str, Any]) -> TermPlace | None:
    """An occurrence as a link into its post; None when its event or bead is not there."""
    position, alignment = occurrence.get("event"), occurrence.get("alignment")
    if not isinstance(position, int) or not isinstance(alignment, int):
        return None
    place = post.anchors.events.get(position)
    if place is None or alignment not in place.rows:
        return None
    en, fr = _span(occurrence.get("en")), _span(occurrence.get("fr"))
    en_texts, fr_texts = post.texts[(position, "en")], post.texts[(position, "fr")]
    lines = []
    if en is not None and en[0] in en_texts:
        lines.append("English: " + excerpt(en_texts[en[0]], en[1], en[2]))
    if fr is not None and fr[0] in fr_texts:
        lines.append("French: " + excerpt(fr_texts[fr[0]], fr[1], fr[2]))
    else:
        lines.append("French: nothing linked to the term")
    gutter = place.numbers.get(alignment, alignment + 1)
    label = f"#{gutter}" if not post.several_events else f"ev. {place.index} #{gutter}"
    fid = occurrence.get("finding")
    card = post.anchors.findings.get(str(fid)) if fid else None
    return TermPlace(
        href=f"{post.href}#{place.rows[alignment]}",
        label=label,
        title="\n".join(lines),
        en=":".join(map(str, en)) if en else "",
        fr=":".join(map(str, fr)) if fr else "",
        finding_id=str(fid) if card else None,
        finding_href=f"{post.href}#{card.anchor}" if card else None,
        finding_severity=card.severity if card else None,
    )


def _glossary(value: Any) -> GlossaryView | None:
    if not isinstance(value, Mapping):
        return None
    where = str(value.get("file") or "glossary")
    if isinstance(value.get("line"), int):
        where += f":{value['line']}"
    forbidden = tuple(str(f) for f in value.get("forbidden") or () if f)
    note = str(value["note"]) if value.get("note") else None
    return GlossaryView(where, str(value.get("entry") or ""), forbidden, note)


def _anchor(key: str, taken: set[str]) -> str:
    base = "term-" + (re.sub(r"[^a-z0-9]+", "-", fold(key)).strip("-") or "x")
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _term(
    term: Mapping[str, Any],
    posts: Mapping[str, _Post],
    default_post: str,
    taken: set[str],
    index: bool,
) -> TermView:
    expected = term.get("expected") if isinstance(term.get("expected"), str) else None
    glossary = term.get("glossary") if isinstance(term.get("glossary"), Mapping) else None
    accepted = {fold(a) for a in (glossary or {}).get("accepted") or () if isinstance(a, str)}
    if expected:
        accepted.add(fold(expected))
    # occurrences by rendering, then by post (in the order they come)
    by_rendering: dict[str | None, dict[str, list[TermPlace]]] = {}
    finding_ids: list[str] = []
    for occurrence in term.get("occurrences") or ():
        if not isinstance(occurrence, Mapping):
            continue
        stem = str(occurrence.get("document") or default_post)
        post = posts.get(stem)
        place = _place(post, occurrence) if post is not None else None
        if place is None:
            continue
        label = occurrence.get("rendering")
        label = label if isinstance(label, str) else None
        by_rendering.setdefault(label, {}).setdefault(stem, []).append(place)
        if place.finding_id and place.finding_id not in finding_ids:
            finding_ids.append(place.finding_id)
    renderings = []
    for item in term.get("renderings") or ():
        if not isinstance(item, Mapping):
            continue
        text = item.get("text") if isinstance(item.get("text"), str) else None
        by_post = by_rendering.get(text, {})
        groups = tuple(
            PlaceGroup(
                posts[stem].title if index else None,
                posts[stem].href or None if index else None,
                tuple(places[:PLACES_SHOWN]),
                tuple(places[PLACES_SHOWN:]),
            )
            for stem, places in by_post.items()
        )
        renderings.append(
            RenderingView(
                text=text,
                count=None if index else _int(item.get("count")),
                corpus_count=_int(item.get("corpus_count")),
                expected=text is not None and expected is not None and fold(text) == fold(expected),
                differs=expected is not None and (text is None or fold(text) not in accepted),
                flagged=any(p.finding_id for g in groups for p in (*g.places, *g.more)),
                groups=groups,
            )
        )
    return TermView(
        term=str(term.get("term") or term.get("key") or ""),
        anchor=_anchor(str(term.get("key") or term.get("term") or ""), taken),
        source=str(term.get("source") or "corpus"),
        count=None if index else _int(term.get("count")),
        corpus_count=_int(term.get("corpus_count")),
        documents=_int(term.get("documents")) if index else None,
        expected=expected,
        glossary=_glossary(glossary),
        renderings=tuple(renderings),
        finding_ids=tuple(finding_ids),
    )


def _ordered(terms: Sequence[TermView]) -> tuple[TermView, ...]:
    """Those that deviate first, then the most frequent in the corpus (stable otherwise)."""
    return tuple(sorted(terms, key=lambda t: (not t.deviates, -t.corpus_count)))


def post_panel(document: Mapping[str, Any]) -> TermsPanel | None:
    """The panel of a post page, from its document's `terminology` (None: no terms)."""
    data = document.get("terminology")
    if not isinstance(data, Mapping):
        return None
    terms_json = [t for t in data.get("terms") or () if isinstance(t, Mapping)]
    if not terms_json:
        return None
    posts = {"": _post(document, "")}
    taken: set[str] = set()
    terms = _ordered([_term(t, posts, "", taken, index=False) for t in terms_json])
    return TermsPanel(terms, len({fid for t in terms for fid in t.finding_ids}))


def index_panel(
    terminology: Mapping[str, Any] | None,
    documents: Sequence[Mapping[str, Any]],
    links: Mapping[str, str],
) -> TermsPanel | None:
    """The index's panel: the corpus-wide terms of the batch result's `terminology`, each
    occurrence a link to its post page. Without one (a page written before the check ran),
    the posts' own `terminology` objects are gathered instead."""
    if not isinstance(terminology, Mapping):
        terminology = gather(documents)
    terms_json = [t for t in terminology.get("terms") or () if isinstance(t, Mapping)]
    if not terms_json:
        return None
    posts: dict[str, _Post] = {}
    for document in documents:
        stem = str(document.get("stem") or "")
        href = links.get(str(document.get("path") or "")) or links.get(stem)
        if stem and href:
            posts[stem] = _post(document, href)
    taken: set[str] = set()
    terms = _ordered([_term(t, posts, "", taken, index=True) for t in terms_json])
    glossary = terminology.get("glossary")
    thresholds = terminology.get("thresholds")
    return TermsPanel(
        terms,
        len({fid for t in terms for fid in t.finding_ids}),
        glossary=glossary if isinstance(glossary, Mapping) else None,
        thresholds=tuple((str(k), format_scalar(v)) for k, v in thresholds.items())
        if isinstance(thresholds, Mapping)
        else (),
    )


def gather(documents: Sequence[Mapping[str, Any]]) -> Mapping[str, Any]:
    """The index's `terminology` from the posts' own objects (as `fidelity check-pair` writes
    a lone post): terms by key, renderings with their corpus counts, occurrences with their
    post."""
    terms: dict[str, dict[str, Any]] = {}
    for document in documents:
        data = document.get("terminology")
        if not isinstance(data, Mapping):
            continue
        stem = str(document.get("stem") or "")
        for term in data.get("terms") or ():
            if not isinstance(term, Mapping):
                continue
            key = str(term.get("key") or term.get("term") or "")
            item = terms.setdefault(
                key,
                {
                    "term": term.get("term"),
                    "key": key,
                    "source": term.get("source"),
                    "corpus_count": _int(term.get("corpus_count")),
                    "expected": term.get("expected"),
                    "glossary": term.get("glossary"),
                    "renderings": [],
                    "occurrences": [],
                    "documents": 0,
                },
            )
            item["documents"] += 1
            known = {r["text"] for r in item["renderings"]}
            for rendering in term.get("renderings") or ():
                if isinstance(rendering, Mapping) and rendering.get("text") not in known:
                    item["renderings"].append(
                        {
                            "text": rendering.get("text"),
                            "corpus_count": _int(rendering.get("corpus_count")),
                        }
                    )
            item["occurrences"] += [
                {**o, "document": stem}
                for o in term.get("occurrences") or ()
                if isinstance(o, Mapping)
            ]
    for item in terms.values():
        item["renderings"].sort(key=lambda r: -r["corpus_count"])
        item["findings"] = sum(1 for o in item["occurrences"] if o.get("finding"))
    ordered = sorted(terms.values(), key=lambda t: -t["corpus_count"])
    return {"terms": ordered, "findings": sum(t["findings"] for t in ordered)}
