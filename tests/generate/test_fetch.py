"""Fetching articles over http(s), against a local server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quiz.errors import QuizError
from quiz.generate.article import read_source
from quiz.generate.fetch import USER_AGENT, decode_page, fetch_url, sniff_charset

ARTICLE = (Path(__file__).parents[1] / "data" / "articles" / "harbour.html").read_bytes()
PLAIN = (
    b"Tram line opens\n"
    b"By Ada Moreno\n"
    b"Published: 2 April 2024\n"
    b"The new tram line between the station and the university opened on Tuesday.\n"
    b"It carries up to 9,000 passengers a day.\n"
)
LATIN = "<html><body><article><p>La Montée du café a fermé en 2024, après 31 ans d'activité et de "
LATIN += "nombreux concerts.</p></article></body></html>"


class _Handler(BaseHTTPRequestHandler):
    """Routes for the tests; each path exercises one behaviour."""

    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        """Keep test output quiet."""

    def _send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if "Content_Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE, "text/html; charset=utf-8")
        elif path == "/plain":
            self._send(200, PLAIN, "text/plain; charset=utf-8")
        elif path == "/html-as-text":
            self._send(200, ARTICLE, "text/plain")
        elif path == "/latin-header":
            self._send(200, LATIN.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/latin-meta":
            body = b'<meta charset="windows-1252">' + LATIN.encode("cp1252")
            self._send(200, body, "text/html")
        elif path == "/redirect":
            self._send(302, b"", None, Location="/article")
        elif path == "/redirect-file":
            self._send(302, b"", None, Location="file:///etc/passwd")
        elif path == "/redirect-malformed":
            self._send(302, b"", None, Location="http://[example.org/story")
        elif path == "/redirect-ftp":
            self._send(301, b"", None, Location="ftp://example.org/story.txt")
        elif path == "/missing":
            self._send(404, b"<h1>Not found</h1>", "text/html")
        elif path == "/broken":
            self._send(500, b"oops", "text/plain")
        elif path == "/slow":
            self.server.release.wait(10)
            self._send(200, ARTICLE, "text/html")
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"x" * 4093 + b"</p>")
        elif path == "/big-declared":
            self._send(200, b"", "text/html", Content_Length="999999999")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.7", "application/pdf")
        elif path == "/empty-text":
            self._send(200, b"Title only\nAdvertisement\n", "text/plain")
        elif path == "/empty-page":
            self._send(200, b"<html><body><nav>Home</nav></body></html>", "text/html")
        else:
            self._send(404, b"", "text/plain")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    user_agents: list[str]
    release: threading.Event


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.user_agents = []
    httpd.release = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


def url(server: _Server, path: str) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}{path}"


def _error(address: str, **kwargs: float) -> QuizError:
    with pytest.raises(QuizError) as caught:
        fetch_url(address, **kwargs)  # type: ignore[arg-type]
    assert caught.value.path == address
    return caught.value


def test_good_article_page(server: _Server) -> None:
    address = url(server, "/article")
    article = read_source(address)
    assert article.url == address and article.file == ""
    assert article.title == "Harbour town votes to rebuild its seawall"
    assert article.authors == ("Mara Quinlan",)
    assert article.published == date(2024, 3, 14)
    assert len(article.paragraphs) == 6
    assert server.user_agents[-1] == USER_AGENT and "quiz" in USER_AGENT


def test_plain_text_page(server: _Server) -> None:
    article = read_source(url(server, "/plain"))
    assert article.title == "Tram line opens"
    assert article.authors == ("Ada Moreno",)
    assert article.published == date(2024, 4, 2)
    assert article.paragraphs[1] == "It carries up to 9,000 passengers a day."
    assert article.url == url(server, "/plain")


def test_html_served_as_text_is_read_as_html(server: _Server) -> None:
    article = read_source(url(server, "/html-as-text"))
    assert article.title == "Harbour town votes to rebuild its seawall"
    assert "Privacy" not in " ".join(article.paragraphs)


def test_redirect_to_http_is_followed(server: _Server) -> None:
    page = fetch_url(url(server, "/redirect"))
    assert page.final_url == url(server, "/article")
    assert page.url == url(server, "/redirect")
    assert page.content_type == "text/html"
    assert "Porthwenna" in page.text


@pytest.mark.parametrize(
    ("path", "target"), [("/redirect-file", "file:"), ("/redirect-ftp", "ftp:")]
)
def test_redirect_elsewhere_is_refused(server: _Server, path: str, target: str) -> None:
    error = _error(url(server, path))
    assert target in error.message and "http and https only" in error.message


@pytest.mark.parametrize(("path", "status"), [("/missing", "HTTP 404"), ("/broken", "HTTP 500")])
def test_http_errors(server: _Server, path: str, status: str) -> None:
    assert status in _error(url(server, path)).message


def test_slow_server_times_out(server: _Server) -> None:
    error = _error(url(server, "/slow"), timeout=0.3)
    assert "timed out" in error.message


def test_body_over_the_cap_is_refused(server: _Server) -> None:
    error = _error(url(server, "/big"), max_bytes=50_000)
    assert "larger than 50,000 bytes" in error.message


def test_declared_length_over_the_cap_is_refused_early(server: _Server) -> None:
    assert "larger than" in _error(url(server, "/big-declared"), max_bytes=1000).message


def test_wrong_content_type(server: _Server) -> None:
    error = _error(url(server, "/pdf"))
    assert "application/pdf" in error.message


def test_page_without_article_text(server: _Server) -> None:
    address = url(server, "/empty-page")
    with pytest.raises(QuizError, match="no article text found") as caught:
        read_source(address)
    assert caught.value.path == address


def test_text_page_without_article_text_names_the_url(server: _Server) -> None:
    address = url(server, "/empty-text")
    with pytest.raises(QuizError, match="no article text found") as caught:
        read_source(address)
    assert caught.value.path == address


@pytest.mark.parametrize("path", ["/latin-header", "/latin-meta"])
def test_charset_from_header_or_page(server: _Server, path: str) -> None:
    page = fetch_url(url(server, path))
    assert "La Montée du café a fermé en 2024, après 31 ans d'activité" in page.text


def test_refused_connection() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = _error(f"http://127.0.0.1:{port}/story")
    assert "refused" in error.message


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    error = _error("https://no-such-host.invalid/story")
    assert "no-such-host.invalid" in error.message and "DNS" in error.message


@pytest.mark.parametrize("address", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x"])
def test_non_http_urls_are_refused(address: str) -> None:
    error = _error(address)
    assert "only http and https" in error.message


def test_url_without_host() -> None:
    assert "no host" in _error("http:///story").message


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("https://[::1", "Invalid IPv6 URL"),
        ("http://[example.org]/", "IPv6"),
        ("http://\x1b[2J.example/", "Invalid IPv6 URL"),
        ("http://\uff03x.org/", "NFKC"),
        ("http://127.0.0.1:99999/", "port"),
        ("http://example.org:port/", "port"),
    ],
)
def test_a_malformed_address_is_refused_naming_it(address: str, reason: str) -> None:
    error = _error(address)
    assert error.message.startswith("not a valid web address")
    assert reason in error.message


def test_a_redirect_to_a_malformed_address_is_refused(server: _Server) -> None:
    error = _error(url(server, "/redirect-malformed"))
    assert "redirected to http://[example.org/story" in error.message
    assert "not a valid web address" in error.message


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<html><head><meta charset="ISO-8859-15">', "ISO-8859-15"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8-r"),
        (b'<?xml version="1.0" encoding="windows-1251"?><html>', "windows-1251"),
        (b"\xef\xbb\xbf<html>", "utf-8-sig"),
        (b"<html><body>", None),
    ],
)
def test_sniff_charset(head: bytes, charset: str | None) -> None:
    assert sniff_charset(head) == charset


def test_decode_page_falls_back_to_utf8_with_replacement() -> None:
    assert decode_page(b"caf\xc3\xa9 \xff", header_charset="no-such-charset") == "café \ufffd"
    assert decode_page("café".encode("cp1252"), header_charset="latin-1") == "café"
