"""A webhook receiver for the tests: a threaded HTTP server on 127.0.0.1 that records every
POST and answers as told (a status, a delay, a held answer, a huge or dripping body, a
redirect). Each path has a list of answers, used in turn; the last one repeats."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b'{"received": true}'
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    hold: threading.Event | None = None  # answer only once this is set
    body_size: int = 0  # send this many bytes of body instead (a huge answer)
    drip: bool = False  # send the body one byte a second, for ever


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.port = server.server_address[1]
        self.answers: dict[str, list[Answer]] = {}
        self.received: list[Received] = []
        self.lock = threading.Condition()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, path: str, *answers: Answer) -> str:
        self.answers[path] = list(answers)
        return self.url(path)

    def next_answer(self, path: str) -> Answer:
        queue = self.answers.get(path) or [Answer(status=404, body=b"no such hook")]
        return queue.pop(0) if len(queue) > 1 else queue[0]

    def got(self, path: str = "/hook") -> list[Received]:
        return [r for r in self.received if r.path == path]

    def wait_for(self, count: int, path: str = "/hook", timeout: float = 60) -> list[Received]:
        with self.lock:
            if not self.lock.wait_for(lambda: len(self.got(path)) >= count, timeout):
                raise AssertionError(f"{len(self.got(path))} of {count} POSTs to {path} came")
        return self.got(path)

    def reset(self) -> None:
        self.answers.clear()
        self.received.clear()


class Handler(BaseHTTPRequestHandler):
    receiver: Receiver
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        seen = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        with self.receiver.lock:
            self.receiver.received.append(seen)
            self.receiver.lock.notify_all()
        answer = self.receiver.next_answer(self.path)
        try:
            if answer.hold is not None:
                answer.hold.wait(120)
            if answer.delay:
                time.sleep(answer.delay)
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if answer.drip:
                self.send_header("Content-Length", "1000000")
                self.end_headers()
                for _ in range(120):
                    self.wfile.write(b".")
                    self.wfile.flush()
                    time.sleep(1)
                return
            size = answer.body_size or len(answer.body)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            if answer.body_size:
                chunk = b"x" * 65536
                for _ in range(0, size, len(chunk)):
                    self.wfile.write(chunk)
            else:
                self.wfile.write(answer.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the sender gave up (a cap, a time limit, a killed worker): that is the test


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass
