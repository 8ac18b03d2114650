"""The local web for the ingestion tests: one threaded HTTP server on 127.0.0.1, two host names.

Routes are keyed by the Host header's name, so "127.0.0.1" serves the newsrooms and
"localhost" (the same server) plays the content farm that republishes and spins. The
server honours If-None-Match for routes with an ETag and If-Modified-Since for routes with
a Last-Modified date, records every request, and can hold a request until the test
releases it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.ingest import pages

NEWSROOM = "127.0.0.1"
FARM = "localhost"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    last_modified: str = ""  # an HTTP date; sent, and If-Modified-Since answered with it
    delay: float = 0.0  # seconds before answering
    hold: threading.Event | None = None  # answer only once this is set
    stream: Callable[[BaseHTTPRequestHandler], None] | None = None  # writes the whole response
    before: Callable[[], None] | None = None  # runs before the answer is sent


@dataclass
class Seen:
    host: str
    path: str
    headers: dict[str, str]
    status: int = 0


class Web:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.port = server.server_address[1]
        self.routes: dict[tuple[str, str], Route] = {}
        self.requests: list[Seen] = []
        self.arrived: dict[str, threading.Event] = {}

    def url(self, path: str, host: str = NEWSROOM) -> str:
        return f"http://{host}:{self.port}{path}"

    def add(self, path: str, route: Route | None = None, host: str = NEWSROOM, **kw) -> str:
        self.routes[(host, path)] = route or Route(**kw)
        return self.url(path, host)

    def seen(self, path: str, host: str | None = None) -> list[Seen]:
        return [r for r in self.requests if r.path == path and (host is None or r.host == host)]

    def reset(self) -> None:
        self.routes.clear()
        self.requests.clear()
        self.arrived.clear()

    def wait_for_request(self, path: str, timeout: float = 60) -> None:
        event = self.arrived.setdefault(path, threading.Event())
        if not event.wait(timeout):
            raise AssertionError(f"no request for {path} within {timeout} s")


class Handler(BaseHTTPRequestHandler):
    web: Web
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        path = self.path
        seen = Seen(host, path, {k.lower(): v for k, v in self.headers.items()})
        self.web.requests.append(seen)
        self.web.arrived.setdefault(path, threading.Event()).set()
        route = self.web.routes.get((host, path))
        try:
            if route is None:
                seen.status = 404
                self._send(404, b"not found", "text/plain")
                return
            if route.hold is not None:
                route.hold.wait(120)
            if route.delay:
                time.sleep(route.delay)
            if route.before is not None:
                route.before()
            if route.stream is not None:
                seen.status = route.status
                route.stream(self)
                return
            validators = {"ETag": route.etag, "Last-Modified": route.last_modified}
            validators = {name: value for name, value in validators.items() if value}
            if self._not_modified(route):
                seen.status = 304
                self._send(304, b"", "", validators)
                return
            headers = {**route.headers, **validators}
            seen.status = route.status
            self._send(route.status, route.body, route.content_type, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a cap, a timeout, a killed worker): that is the test

    def _not_modified(self, route: Route) -> bool:
        """RFC 9110 13.1: If-None-Match decides when sent; else If-Modified-Since."""
        if self.headers.get("If-None-Match") is not None:
            return bool(route.etag) and self.headers["If-None-Match"] == route.etag
        since = self.headers.get("If-Modified-Since")
        if not route.last_modified or not since:
            return False
        try:
            return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False  # an unreadable date is ignored, as the RFC says

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)


# --- the seed newsroom -------------------------------------------------------------

REPUBLISHED_DATE = dt.datetime(2024, 10, 2, 8, 30, tzinfo=dt.UTC)
SPUN_DATE = dt.datetime(2024, 10, 3, 11, 0, tzinfo=dt.UTC)


def seed_path(key: str) -> str:
    return f"/news/{key}"


def serve_seeds(web: Web) -> dict[str, str]:
    """The five seed pages on the newsroom host; returns key -> URL."""
    urls = {}
    for key, seed in pages.seeds().items():
        url = web.url(seed_path(key))
        web.add(seed_path(key), body=pages.seed_page(seed, url).encode())
        urls[key] = url
    return urls


def serve_seed_feeds(web: Web) -> tuple[str, str]:
    """An RSS feed and an Atom feed of the five seeds (the Atom links carry tracking tags)."""
    urls = serve_seeds(web)
    items = [
        pages.FeedItem(urls[key], seed.title, seed.spec.date, seed.paragraphs[0][:200])
        for key, seed in pages.seeds().items()
    ]
    rss = web.add(
        "/feeds/world.rss",
        body=pages.rss_feed("World news", web.url("/"), items),
        content_type="application/rss+xml; charset=utf-8",
        etag='"rss-v1"',
    )
    atom_items = [
        pages.FeedItem(i.url + "?utm_source=atom&utm_medium=feed", i.title, i.date) for i in items
    ]
    atom = web.add(
        "/feeds/world.atom",
        body=pages.atom_feed("World news (Atom)", web.url("/"), atom_items),
        content_type="application/atom+xml",
        etag='"atom-v1"',
    )
    return rss, atom


def serve_copies(web: Web) -> str:
    """On the second host: a republished copy of seed 003 and a spun copy of seed 002."""
    s = pages.seeds()
    republished = web.url("/2024/10/02/kim-shoigu-cooperation", FARM)
    spun = web.url("/world/asia/shoigu-kim-pyongyang-talks", FARM)
    web.add(
        "/2024/10/02/kim-shoigu-cooperation",
        host=FARM,
        body=pages.republished_page(s["003"], republished, REPUBLISHED_DATE).encode(),
    )
    web.add(
        "/world/asia/shoigu-kim-pyongyang-talks",
        host=FARM,
        body=pages.spun_page(s["002"], spun, SPUN_DATE).encode(),
    )
    items = [
        pages.FeedItem(republished, s["003"].title, REPUBLISHED_DATE),
        pages.FeedItem(spun, pages.spin(s["002"].title), SPUN_DATE),
    ]
    return web.add(
        "/feed",
        host=FARM,
        body=pages.rss_feed("Daily Wire Digest", web.url("/", FARM), items),
        content_type="text/xml",
        etag='"farm-v1"',
    )


def run_jobs() -> list:
    """Run every queued ingest job here, oldest first (what the workers would do)."""
    from sources.ingest import job_run
    from sources.models import IngestJob

    done = []
    while job := IngestJob.objects.filter(status=IngestJob.Status.QUEUED).order_by("pk").first():
        job_run(job_id=job.pk)
        done.append(job.pk)
    return done


def url_job(url: str):
    from sources.models import IngestJob

    return IngestJob.objects.create(kind=IngestJob.Kind.URL, url=url)


def run_task(job):
    """Run the ingest task here with its retries (eager: the backoff countdown is skipped)."""
    from sources.jobs import ingest_job_run

    ingest_job_run.apply(args=[job.pk])
    job.refresh_from_db()
    return job


def redirect(location: str, status: int = 302, **kw) -> Route:
    return Route(status=status, headers={"Location": location}, body=b"", **kw)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # Clients that hang up mid-answer (caps, timeouts, killed workers) are what we test.
        pass
