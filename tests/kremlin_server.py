"""A local stand-in for en.kremlin.ru: a real threaded HTTP server on 127.0.0.1.

The pages are written here (not copied from the site) to reproduce its markup: speaker
labels in both forms with person tooltips, a photo slider, inline media with a caption, a
"See also" box, pull-quote blockquotes, elisions, section breaks and the bottom tags.
Each path answers a script of responses, one per request (the last one repeats), so a test
can say "403, then 200" or "500, 500, then 200".
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOOLTIP = (
    '<span class="read__tooltip tooltip_person hidden masha-ignore">'
    '<span class="tooltip__close"><i></i></span>'
    '<span class="tooltip__text"><span class="tooltip_title">{surname} {name}</span>'
    '<span class="tooltip_description_dark">{role}</span></span></span>'
)


def person(name: str, surname: str, role: str) -> str:
    tip = TOOLTIP.format(name=name, surname=surname, role=role)
    return (
        f'<a href="http://en.kremlin.ru/catalog/persons/1/events" class="person_tag read__tag">'
        f"{name}\n{surname}{tip}</a>"
    )


SLIDER = (
    '<div class="slider masha-ignore" id="slider-1"><div class="slider__slides">'
    '<div class="slide" data-cycle-desc="SLIDER CAPTION harbour">'
    '<div class="slider__block" data-text="SLIDER CAPTION harbour">'
    '<img src="http://static.kremlin.ru/a.jpg" alt="SLIDER CAPTION harbour"/></div></div>'
    '</div><div class="slider__description"><div class="slider_caption">'
    "SLIDER CAPTION harbour</div></div></div>"
)
MEDIA = (
    '<div class="media masha-ignore"><figure class="media__pic"><img src="b.jpg"/></figure>'
    '<span class="media__title">MEDIA CAPTION at the plant</span></div>'
)
SEE_ALSO = (
    '<div class="read__cut read__cut_full_size masha-ignore"><div class="cut">'
    '<h3 class="cut__title">See also</h3><div class="cut__description">'
    '<a href="http://en.kremlin.ru/events/president/news/1" class="cut__item">SEE ALSO LINK'
    '</a><div class="cut__date">May 1, 2023</div></div></div></div>'
)
BOTTOM = (
    '<div class="read__bottommeta hidden-copy"><div class="width_limiter">'
    '<div class="read__tags masha-ignore"><div class="read__tagscol"><h3>Geography</h3>'
    '<ul class="read__taglist"><li><a href="#">Murmansk Region</a></li></ul></div>'
    '<div class="read__tagscol"><h3>Topics</h3><ul class="read__taglist"><li>'
    '<a href="#" rel="tag">Transport</a></li></ul></div></div>'
    '<div class="read__status masha-ignore"><h3>Publication status</h3>'
    '<p>Published in sections: <a href="#">News</a>, <a href="#">Transcripts</a></p>'
    '<p>Publication date: <time datetime="2023-07-13">July 13, 2023, 15:05</time></p>'
    '<p class="print_link_wrap">Direct link: <a class="print_link" href="#">'
    "en.kremlin.ru/d/{id}</a></p></div></div></div>"
)


def article_page(
    event_id: str,
    *,
    title: str = "Meeting on the development of the port of Murmansk",
    date: str = "2023-07-13",
    time_: str = "15:05",
    place: str | None = "The Kremlin, Moscow",
    lead: str = "Vladimir Putin held a meeting on the development of the port.",
    body: str | None = None,
    closing: bool = True,
) -> str:
    """A page in the site's markup around `body` (a default transcript when None)."""
    place_html = f'<div class="read__place p-location"><i></i>{place}</div>' if place else ""
    lead_html = f"<div><p>{lead}</p></div>" if lead else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>{title} • President of Russia</title>
</head><body><div class="wrapper"><header>President of Russia</header>
<div class="read" data-href="http://en.kremlin.ru/events/president/news/{event_id}">
<div class="read__scroll"><article class="read__in hentry h-entry" id="event-{event_id}">
<div class="read__content"><div class="read__top"><div class="width_limiter">
<a href="http://en.kremlin.ru/events/president/news" class="read__categ">Events</a>
<h1 class="entry-title p-name">{title}</h1>
<div class="read__lead entry-summary p-summary" id="read-lead">{lead_html}</div>
<div class="read__meta"><time class="read__published" datetime="{date}">July 13, 2023</time>
<div class="read__time">{time_}</div>{place_html}</div></div></div>
<div class="entry-content e-content read__internal_content" itemprop="articleBody">
{body if body is not None else default_body()}
{BOTTOM.format(id=event_id)}
</div></div></article></div></div></div>
<footer>All content on this site is licensed under Creative Commons Attribution 4.0</footer>
"""
    return page + ("</body></html>\n" if closing else "")


def default_body() -> str:
    makhonin = person("Dmitry", "Makhonin", "Acting Governor of Perm Territory")
    return f"""{SLIDER}
<p>The meeting was attended by Governor {makhonin} and the heads of the ports.</p>
<p>* * *</p>
<p><b>President of\u00a0Russia Vladimir Putin:</b> Good afternoon, colleagues.</p>
<p>The port handled 61.5\u00a0million tonnes of cargo last year.</p>
<blockquote><p>\u201cThe port handled 61.5 million tonnes of cargo last year.\u201d</p></blockquote>
{MEDIA}
<p>&lt;\u2026&gt;</p>
<p><b>Acting Governor of Perm Territory {makhonin}</b>: Mr President, the railway
is ready.</p>
<p><b>Vladimir Putin:</b></p>
<p>Thank you. Let us continue.</p>
<blockquote><p>A quotation that the body does not contain anywhere else at all.</p></blockquote>
{SEE_ALSO}
<p>End of the meeting.</p>"""


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay_s: float = 0.0  # sleep before answering (a slow server)
    stream_bytes: int = 0  # send this many filler bytes instead of `body`, with no length
    declare_length: int | None = None  # a Content-Length other than the body's (truncation)


def page(event_id: str, **kwargs: object) -> Reply:
    html = article_page(event_id, **kwargs)  # type: ignore[arg-type]
    return Reply(body=html.encode("utf-8"), headers=(("Content-Type", "text/html"),))


@dataclass
class Script:
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_reply(self, path: str) -> Reply:
        with self.lock:
            replies = self.routes.get(path)
            if not replies:
                return Reply(status=404, body=b"<html><body>Not found</body></html>")
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def hits(self, path: str) -> int:
        return sum(1 for requested, _ in self.requests if requested == path)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:
        script = self.server.script
        with script.lock:
            script.requests.append((self.path, dict(self.headers.items())))
        reply = script.next_reply(self.path)
        if reply.delay_s:
            time.sleep(reply.delay_s)
        try:
            self.send_response(reply.status)
            for name, value in reply.headers:
                self.send_header(name, value)
            if reply.stream_bytes:
                self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65530 + b"</p>"
                sent = 0
                while sent < reply.stream_bytes:
                    self.wfile.write(chunk)
                    sent += len(chunk)
                self.close_connection = True
                return
            length = reply.declare_length if reply.declare_length is not None else len(reply.body)
            self.send_header("Content-Length", str(length))
            if reply.declare_length is not None:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client stopped reading, as it should


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    script: Script


class KremlinServer:
    """Serves a `Script` on 127.0.0.1 on a free port until `close()`."""

    def __init__(self) -> None:
        self.script = Script()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.script = self.script
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def route(self, path: str, *replies: Reply) -> None:
        self.script.routes[path] = list(replies)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
