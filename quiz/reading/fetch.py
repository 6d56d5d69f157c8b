"""Download one web page for the article reader, with the standard library only.

Only http and https are followed (redirects included); the download is capped in time and size, and every
failure becomes one QuizError naming the URL.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Final

from quiz import __version__
from quiz.errors import QuizError
from quiz.reading.decoding import decode_page

USER_AGENT: Final = f"quiz/{__version__} (article reader)"
"""Sent with every request, so site owners can tell what is reading their page."""

ALLOWED_TYPES: Final = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
"""Content types quiz reads; anything else (PDF, images, JSON) is refused."""

SCHEMES: Final = frozenset({"http", "https"})

_CHUNK: Final = 64 * 1024
_TOTAL_TIME_FACTOR: Final = 4
"""The whole download must finish within this many times the per-operation timeout."""


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded page: its text decoded to str, and what the server said it was."""

    url: str
    """The URL as asked for."""
    final_url: str
    """The URL after redirects."""
    content_type: str
    """The media type without parameters, e.g. "text/html"."""
    text: str


def check_url(url: str) -> None:
    """Raise QuizError unless `url` is an absolute http or https URL with a host and a valid port."""
    if without_credentials(url) != url:
        raise QuizError(
            "web addresses with a user name or password are not supported; "
            "save the page and read the file instead",
            path=without_credentials(url),
        )
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError as error:  # "Invalid IPv6 URL", characters NFKC turns into separators
        raise QuizError(f"not a valid web address: {_reason_text(error)}", path=url) from None
    if parts.scheme.lower() not in SCHEMES:
        scheme = parts.scheme or "(none)"
        raise QuizError(
            f"quiz reads only http and https URLs, not {scheme}: give a web page address or a file",
            path=url,
        )
    if not parts.hostname:
        raise QuizError("the URL has no host name", path=url)
    try:
        parts.port  # noqa: B018 - checks the port: ValueError when it is not 0-65535
    except ValueError:
        raise QuizError(
            "not a valid web address: the port is not a number from 0 to 65535", path=url
        ) from None


def without_credentials(url: str) -> str:
    """`url` with any user name and password replaced by `***`, for showing it."""
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", r"\1***@", url)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects to http and https only (urllib alone would also follow ftp)."""

    def __init__(self, origin: str) -> None:
        super().__init__()
        self.origin = origin

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> IO[bytes] | None:
        # urllib refuses file: redirects itself, but with an HTTPError; check first to say why.
        location = headers.get("Location") or headers.get("URI")
        if location:
            self._check_target(req.full_url, location)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def _check_target(self, base: str, location: str) -> str:
        """The absolute redirect target; QuizError unless it is a valid http or https URL."""
        target = location
        try:
            target = urllib.parse.urljoin(base, location)
            scheme = urllib.parse.urlsplit(target).scheme.lower()
        except ValueError:
            raise QuizError(
                f"the server redirected to {target}, which is not a valid web address",
                path=self.origin,
            ) from None
        if scheme not in SCHEMES:
            raise QuizError(
                f"the server redirected to {target}; quiz follows redirects to http and https only",
                path=self.origin,
            )
        return target

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        target = self._check_target(req.full_url, newurl)
        return super().redirect_request(req, fp, code, msg, headers, target)


def fetch_url(url: str, *, timeout: float = 15.0, max_bytes: int = 5_000_000) -> Page:
    """Download `url` and decode it.

    Args:
        url: an http or https URL.
        timeout: seconds to wait for the connection and for each read; the whole download must also
            finish within four times this.
        max_bytes: the largest body accepted.

    Raises:
        QuizError: naming the URL, for a refused scheme, DNS failure, refused connection, timeout,
            HTTP error status, a body over `max_bytes`, or a content type that is not HTML or text.
    """
    check_url(url)
    opener = urllib.request.build_opener(_HttpOnlyRedirects(url))
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        },
    )
    deadline = time.monotonic() + timeout * _TOTAL_TIME_FACTOR
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in ALLOWED_TYPES:
                raise QuizError(
                    f"the page is {content_type}, not HTML or plain text; quiz reads web pages "
                    "and text only",
                    path=url,
                )
            _check_length(response.headers.get("Content-Length"), max_bytes, url)
            body = _read_capped(response, max_bytes=max_bytes, deadline=deadline, url=url)
            header_charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except QuizError:
        raise
    except urllib.error.HTTPError as error:
        reason = f" ({error.reason})" if error.reason else ""
        raise QuizError(f"the server answered HTTP {error.code}{reason}", path=url) from None
    except urllib.error.URLError as error:
        raise QuizError(_describe(error.reason, url, timeout), path=url) from None
    except TimeoutError as error:
        raise QuizError(_describe(error, url, timeout), path=url) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise QuizError(f"download failed: {_reason_text(error)}", path=url) from None
    text = decode_page(body, header_charset=header_charset)
    return Page(url=url, final_url=final_url, content_type=content_type, text=text)


def _check_length(value: str | None, max_bytes: int, url: str) -> None:
    if value and value.strip().isdigit() and int(value) > max_bytes:
        raise QuizError(_too_big(max_bytes), path=url)


def _too_big(max_bytes: int) -> str:
    return f"the page is larger than {max_bytes:,} bytes, the most quiz downloads"


def _read_capped(response: IO[bytes], *, max_bytes: int, deadline: float, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    # read1 returns whatever has arrived instead of waiting for a full chunk, so a server that
    # trickles bytes slower than the timeout cannot hold the download past its deadline.
    read = getattr(response, "read1", response.read)
    while True:
        if time.monotonic() > deadline:
            raise QuizError("the download took too long and was stopped", path=url)
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise QuizError(_too_big(max_bytes), path=url)
        if time.monotonic() > deadline:
            raise QuizError("the download took too long and was stopped", path=url)
        chunks.append(chunk)


def _describe(reason: object, url: str, timeout: float) -> str:
    host = urllib.parse.urlsplit(url).hostname or url
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"no answer from {host} within {timeout:g} s (timed out)"
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host {host} (DNS lookup failed; check the address and the network)"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return f"secure connection to {host} failed: {_reason_text(reason)}"
    return f"cannot connect to {host}: {_reason_text(reason)}"


def _reason_text(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    text = str(reason).strip()
    return text or type(reason).__name__
