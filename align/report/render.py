"""Self-contained HTML pages (and their JSON twins) from the JSON result.

Every page inlines its CSS and JS, requests nothing from the network (a Content-Security-Policy
forbids it, and allows only the page's own scripts by hash) and escapes every text that comes
from a corpus file or a fetched page (jinja2 autoescape).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from align.io import atomic_write_text
from align.report import terms, view
from align.report.evidence import format_scalar


class ReportError(Exception):
    """A report could not be written; the message is one line naming the file."""


@cache
def _static(name: str) -> str:
    text = (resources.files("align.report") / "static" / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ReportError(f"static asset {name} would close its own tag")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _csp(scripts: Sequence[str]) -> str:
    # No request may leave the page; only our own inline scripts run.
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_csp_hash(s) for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _fmt_score(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("align.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["percent"] = _percent
    env.filters["score"] = _fmt_score
    env.globals.update(
        type_label=view.type_label,
        TYPE_LABELS=view.TYPE_LABELS,
        TYPE_SHORT=view.TYPE_SHORT,
        SEVERITY_ORDER=view.SEVERITY_ORDER,
        OUTSIDE_LABELS=view.OUTSIDE_LABELS,
        sort_key_coverage=view.sort_key_coverage,
    )
    return env


def _signature_items(signature: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [
        ("tool", f"fidelity {signature.get('tool_version') or '?'}"),
        ("encoder", str(signature.get("encoder") or "?")),
        ("ignore file", str(signature.get("ignore_file") or "none")),
        ("created", str(signature.get("created") or "?")),
    ]


def _threshold_items(signature: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The check settings of the run, for the footer's collapsed block (they wrap there)."""
    thresholds = signature.get("thresholds") or {}
    if not isinstance(thresholds, Mapping):
        return []
    return [(str(k), format_scalar(v)) for k, v in thresholds.items()]


def render_post(
    document: Mapping[str, Any],
    *,
    signature: Mapping[str, Any],
    index_href: str | None = "index.html",
    json_href: str | None = None,
    example: Mapping[str, Any] | None = None,
) -> str:
    """One self-contained HTML page for one post of the result.

    `example`: set for the worked example (a banner and its own credit line)."""
    events = view.build_events(document)
    all_findings = [f for e in events for f in e.findings]
    types = view.ordered_types(f.type for f in all_findings)
    script = _static("report.js")
    return (
        _env()
        .get_template("post.html.j2")
        .render(
            doc=document,
            title=view.page_title(document),
            path=str(document.get("path") or ""),
            outside=[o for o in document.get("outside") or () if isinstance(o, Mapping)],
            events=events,
            compared_count=sum(1 for e in events if e.compared),
            types=types,
            type_counts={t: sum(1 for f in all_findings if f.type == t) for t in types},
            severity_counts={
                s: sum(1 for f in all_findings if f.severity == s) for s in view.SEVERITY_ORDER
            },
            finding_total=len(all_findings),
            term_panel=terms.post_panel(document),
            signature=_signature_items(signature),
            thresholds=_threshold_items(signature),
            example=example,
            css=_static("report.css"),
            script=script,
            csp=_csp([script]),
            index_href=index_href,
            json_href=json_href,
        )
    )


def render_index(
    documents: Sequence[Mapping[str, Any]],
    *,
    signature: Mapping[str, Any],
    links: Mapping[str, str],
    example: Mapping[str, Any] | None = None,
    terminology: Mapping[str, Any] | None = None,
) -> str:
    """The index over all posts; `links` maps a document's path (or stem) to its page.

    `terminology`: the batch result's corpus-wide terms (its Terminology panel); without it
    the panel gathers the posts' own."""
    rows = view.index_rows(documents, links)
    types = view.ordered_types(t for r in rows for t in r.by_type)
    if not types:
        types = list(view.TYPE_ORDER)
    script = _static("index.js")
    statuses: dict[str, int] = {}
    for r in rows:
        statuses[r.source_label] = statuses.get(r.source_label, 0) + 1
    return (
        _env()
        .get_template("index.html.j2")
        .render(
            rows=rows,
            types=types,
            post_count=len(documents),
            event_count=len(rows),
            compared_count=sum(1 for r in rows if r.compared),
            finding_total=sum(r.total for r in rows),
            severity_totals={
                s: sum(r.by_severity.get(s, 0) for r in rows) for s in view.SEVERITY_ORDER
            },
            statuses=statuses,
            term_panel=terms.index_panel(terminology, documents, links),
            links={str(d.get("path", "")): links.get(str(d.get("path", ""))) for d in documents},
            signature=_signature_items(signature),
            thresholds=_threshold_items(signature),
            example=example,
            css=_static("report.css"),
            script=script,
            csp=_csp([script]),
        )
    )


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def page_stem(document: Mapping[str, Any], position: int = 1) -> str:
    """The file-system-safe stem of a document's page and twin (never `index`, never hidden)."""
    raw = str(
        document.get("stem") or Path(str(document.get("path") or "")).stem or f"post-{position}"
    )
    stem = _UNSAFE_NAME.sub("_", raw).strip("._") or f"post-{position}"
    return "index-post" if stem == "index" else stem


def page_stems(documents: Sequence[Mapping[str, Any]]) -> list[str]:
    """A distinct stem per document: `page_stem`, with a suffix where two would collide."""
    taken = {"index"}
    stems = []
    for position, doc in enumerate(documents, start=1):
        stem = page_stem(doc, position)
        candidate, n = stem, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate)
        stems.append(candidate)
    return stems


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over the target, so a
    crash or a full disk never leaves a half page that looks complete (`align.io`)."""
    try:
        atomic_write_text(path, text)
    except OSError as err:
        raise ReportError(f"cannot write {path}: {err.strerror or err}") from err


def _example(header: Mapping[str, Any]) -> Mapping[str, Any] | None:
    example = header.get("example")
    return example if isinstance(example, Mapping) else None


def _terminology(result: Mapping[str, Any]) -> Mapping[str, Any] | None:
    terminology = result.get("terminology")
    return terminology if isinstance(terminology, Mapping) else None


def _signature(header: Mapping[str, Any]) -> Mapping[str, Any]:
    return header.get("signature") or {
        "tool_version": header.get("version"),
        "encoder": header.get("encoder"),
    }


def _write_post(
    header: Mapping[str, Any], document: Mapping[str, Any], out_dir: Path, stem: str
) -> list[Path]:
    html_path, json_path = out_dir / f"{stem}.html", out_dir / f"{stem}.json"
    signature = _signature(header)
    example = header.get("example") if isinstance(header.get("example"), Mapping) else None
    twin = {
        "tool": header.get("tool", "fidelity"),
        "version": header.get("version"),
        "encoder": header.get("encoder"),
        "signature": signature,
        **({"example": example} if example else {}),
        "documents": [document],
    }
    atomic_write(json_path, json.dumps(twin, ensure_ascii=False, indent=1) + "\n")
    page = render_post(document, signature=signature, json_href=json_path.name, example=example)
    atomic_write(html_path, page)
    return [html_path, json_path]


def _links(documents: Sequence[Mapping[str, Any]], stems: Sequence[str]) -> dict[str, str]:
    links: dict[str, str] = {}
    for doc, stem in zip(documents, stems, strict=True):
        links[str(doc.get("path") or stem)] = f"{stem}.html"
        links.setdefault(stem, f"{stem}.html")
    return links


def write_document(
    header: Mapping[str, Any], document: Mapping[str, Any], out_dir: Path
) -> list[Path]:
    """Write one post's page `<stem>.html` and JSON twin `<stem>.json` as soon as it is done.

    `header` is the result without its documents (tool, version, encoder, signature). The twin
    has the result's shape with this one document, so every reader of the result reads it.
    The page links "All posts" to `index.html`: where the folder has none yet (a check-pair
    run into a new folder), one listing this document is written, so the link never dangles;
    a batch writes its full index over it at the end.
    """
    written = _write_post(header, document, out_dir, page_stem(document))
    if not (out_dir / "index.html").exists():
        written += write_index({**header, "documents": [document]}, out_dir)
    return written


def write_index(result: Mapping[str, Any], out_dir: Path) -> list[Path]:
    """Write `index.html` over the result's documents, linking the pages `write_document`
    wrote (same stems)."""
    documents = [d for d in result.get("documents") or () if isinstance(d, Mapping)]
    stems = [page_stem(d, n) for n, d in enumerate(documents, start=1)]
    index_path = out_dir / "index.html"
    page = render_index(
        documents,
        signature=_signature(result),
        links=_links(documents, stems),
        example=_example(result),
        terminology=_terminology(result),
    )
    atomic_write(index_path, page)
    return [index_path]


def write_reports(result: Mapping[str, Any], out_dir: Path) -> list[Path]:
    """Write `<stem>.html` and its JSON twin `<stem>.json` per document, then `index.html`.

    Stems are the documents' own (`page_stem`), with a suffix where two would collide.
    """
    documents = [d for d in result.get("documents") or () if isinstance(d, Mapping)]
    stems = page_stems(documents)
    written: list[Path] = []
    for doc, stem in zip(documents, stems, strict=True):
        written += _write_post(result, doc, out_dir, stem)
    index_path = out_dir / "index.html"
    page = render_index(
        documents,
        signature=_signature(result),
        links=_links(documents, stems),
        example=_example(result),
        terminology=_terminology(result),
    )
    atomic_write(index_path, page)
    written.append(index_path)
    return written
