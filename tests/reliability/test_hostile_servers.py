"""Hostile web servers: every failure is one clear QuizError line, nothing else is followed or read.

tests/generate/test_fetch.py covers the well-behaved failures (404, timeouts, the size cap, content types,
redirects to file:// and ftp://). Here a raw socket server on 127.0.0.1 misbehaves at the protocol
level: trickled bodies, lying lengths, broken status lines, endless headers, redirect loops and
chains to other schemes, and the command line on top.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quiz.errors import QuizError
from quiz.generate.article import read_source

ARTICLE = (
    b"<html><head><title>Harbour</title></head><body><article><p>The harbour wall was finished "
    b"in 1901 by the Dover Harbour Board, at a cost of four million pounds.</p></article>"
    b"</body></html>"
)


def response(status: str, headers: list[tuple[str, str]], body: bytes = b"") -> bytes:
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


def send(data: bytes) -> Callable[[socket.socket, str], None]:
    def handler(connection: socket.socket, port: str) -> None:
        connection.sendall(data.replace(b"{port}", port.encode()))

    return handler


def trickle(connection: socket.socket, port: str) -> None:
    """A byte every 50 ms for 6 s: each read is quick, the whole outlasts the 4 s allowed."""
    connection.sendall(response("200 OK", [("Content-Type", "text/html")]))
    for _ in range(120):
        connection.sendall(b"<")
        time.sleep(0.05)


TRICKLE_LOG: list[int] = []


def slow_trickle(connection: socket.socket, port: str) -> None:
    """2,000 bytes, one every 5 ms (10 s); records how many were sent before the client left."""
    connection.sendall(response("200 OK", [("Content-Type", "text/html")]))
    sent = 0
    try:
        for _ in range(2000):
            connection.sendall(b"<")
            sent += 1
            time.sleep(0.005)
    except OSError:
        pass
    TRICKLE_LOG.append(sent)


def endless_headers(connection: socket.socket, port: str) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    for n in range(5000):
        connection.sendall(f"X-Header-{n}: {'v' * 50}\r\n".encode())


def cut_short(connection: socket.socket, port: str) -> None:
    connection.sendall(
        response("200 OK", [("Content-Type", "text/html"), ("Content-Length", "100000")])
        + ARTICLE[:50]
    )


def redirect(location: str) -> Callable[[socket.socket, str], None]:
    return send(response("302 Found", [("Location", location), ("Content-Length", "0")]))


ROUTES: dict[str, tuple[Callable[[socket.socket, str], None], str]] = {
    "/trickle": (trickle, "took too long"),
    "/endless-headers": (endless_headers, "download failed"),
    "/long-header": (
        send(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 200_000 + b"\r\n\r\n"),
        "download failed",
    ),
    "/bad-status": (send(b"HTTZ/9 what\r\n\r\n"), "download failed"),
    "/garbage": (send(bytes(range(32, 127)) * 20), "download failed"),
    "/nothing": (send(b""), "download failed"),
    "/cut-short": (cut_short, ""),
    "/huge-chunk": (
        send(
            response("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])
            + b"FFFFFFFFFFFF\r\n"
            + b"<p>" * 3000
        ),
        "",
    ),
    "/json": (
        send(response("200 OK", [("Content-Type", "application/json")], b'{"a": 1}')),
        "not HTML",
    ),
    "/no-type-pdf": (send(response("200 OK", [], b"%PDF-1.7\n" + bytes(500))), ""),
    "/loop": (redirect("/loop"), ""),
    "/to-file": (redirect("file:///etc/passwd"), "redirects to http and https only"),
    "/to-data": (redirect("data:text/html,<p>hi</p>"), "redirects to http and https only"),
    "/to-javascript": (redirect("javascript:alert(1)"), "redirects to http and https only"),
    "/chain-to-file": (redirect("/to-file"), "redirects to http and https only"),
    "/to-gopher": (redirect("gopher://127.0.0.1:{port}/x"), "redirects to http and https only"),
}
SLOW: dict[str, Callable[[socket.socket, str], None]] = {"/slow-trickle": slow_trickle}
ESCAPES: dict[str, Callable[[socket.socket, str], None]] = {
    "/escape-in-type": send(
        response("200 OK", [("Content-Type", "text/\x1b]0;pwned\x07html\x1b[2J")], ARTICLE)
    ),
    "/escape-in-status": send(b"HTTZ/1.1 \x1b]52;c;cHduZWQ=\x07\x1b[2J\r\n\r\n"),
}
ROUTES.update({path: (handler, "") for path, handler in {**ESCAPES, **SLOW}.items()})


class RawServer:
    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(32)
        self.port = str(self.socket.getsockname()[1])
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            threading.Thread(target=self.handle, args=(connection,), daemon=True).start()

    def handle(self, connection: socket.socket) -> None:
        with connection:
            try:
                request = connection.recv(65536).decode("latin-1")
                path = request.split(" ")[1] if " " in request else "/"
                handler = ROUTES.get(path, (send(response("404 Not Found", [])), ""))[0]
                handler(connection, self.port)
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.socket.close()


@pytest.fixture(scope="module")
def server() -> Iterator[RawServer]:
    raw = RawServer()
    yield raw
    raw.close()


@pytest.mark.parametrize("path", sorted(set(ROUTES) - set(ESCAPES) - set(SLOW)))
def test_a_misbehaving_server_gives_one_clear_error(
    tally: Any, server: RawServer, path: str
) -> None:
    url = server.url(path)
    result = tally.call("URL reader (hostile servers)", read_source, url, timeout=1.0)
    assert isinstance(result, QuizError), f"{path} was read as an article"
    text = str(result)
    assert text.startswith(url + ": ")
    assert "\n" not in text and "\x1b" not in text
    assert ROUTES[path][1] in text


def test_a_trickling_server_is_dropped_at_the_deadline(tally: Any, server: RawServer) -> None:
    """Timeout 0.25 s, so the whole download may take 1 s: about 200 of the 2,000 bytes."""
    TRICKLE_LOG.clear()
    url = server.url("/slow-trickle")
    result = tally.call("URL reader (hostile servers)", read_source, url, timeout=0.25)
    assert isinstance(result, QuizError)
    for _ in range(100):  # the server thread notices the hang-up on its next byte
        if TRICKLE_LOG:
            break
        time.sleep(0.05)
    assert TRICKLE_LOG and TRICKLE_LOG[0] < 2000, "the client read the whole trickle"


def no_control_characters(text: str) -> bool:
    return not any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in text)


@pytest.mark.parametrize("path", sorted(ESCAPES))
def test_a_server_cannot_write_escape_sequences_into_the_message(
    tally: Any, server: RawServer, path: str
) -> None:
    result = tally.call("URL reader (hostile servers)", read_source, server.url(path), timeout=1)
    assert isinstance(result, QuizError)
    assert no_control_characters(str(result)), repr(str(result))


@pytest.mark.parametrize(
    "source",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "ftp://127.0.0.1/x.txt",
        "gopher://127.0.0.1/x",
        "data:text/html,<p>hi</p>",
        "javascript:alert(1)",
        "http://",
        "http:///etc/passwd",
        "http://127.0.0.1:99999/",
    ],
)
def test_urls_other_than_http_and_https_are_refused(tally: Any, source: str) -> None:
    result = tally.call("URL reader (refused URLs)", read_source, source, timeout=1.0)
    assert isinstance(result, QuizError)
    assert "\n" not in str(result)
    assert "root:" not in str(result)


@pytest.mark.parametrize(
    "source", ["https://[::1", "http://[example.org]/", "http://\x1b[2J.example/"]
)
def test_a_malformed_address_is_a_quiz_error(tally: Any, source: str) -> None:
    result = tally.call("URL reader (refused URLs)", read_source, source, timeout=1.0)
    assert isinstance(result, QuizError)


@pytest.mark.parametrize("path", ["/to-file", "/garbage", "/loop", "/json"])
@pytest.mark.parametrize("command", ["read", "generate"])
def test_the_command_line_exits_2_with_one_line(
    tally: Any, server: RawServer, tmp_path: Path, path: str, command: str
) -> None:
    tally.tried("URL reader (CLI)")
    args = [command, server.url(path)]
    if command == "generate":
        args += ["-o", str(tmp_path / "deck.yaml")]
    result = subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=tmp_path,
        env={**os.environ, "QUIZ_DATA_DIR": str(tmp_path / "data")},
    )
    if "Traceback" in result.stderr:
        tally.crashed("URL reader (CLI)")
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"quiz: {server.url(path)}: ")
    assert not (tmp_path / "deck.yaml").exists()
