"""Talking to an LRS over HTTP: every call has a connect and a read timeout, a bounded reply,
and messages that never carry credentials.

tincan's RemoteLRS opens connections without a timeout and reads whole replies, so an LRS
that accepts a connection and never answers would hang `observe` for ever; this module is
the one place scormkit makes xAPI requests.
"""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from scormkit.errors import LrsUnreachable
from scormkit.limits import (
    LRS_REPLY_BYTES,
    NETWORK_CONNECT_SECONDS,
    NETWORK_READ_SECONDS,
    size_text,
)


@dataclass(frozen=True)
class Reply:
    """What the LRS answered: its status and (a bounded) body."""

    status: int
    body: bytes

    def text(self, limit: int = 300) -> str:
        """The body as text for a message, shortened to `limit` characters."""
        return self.body[:limit].decode("utf-8", "replace")


def redact(url: str) -> str:
    """`url` without any `user:password@` part, for messages and logs."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def request(
    method: str,
    endpoint: str,
    resource: str,
    headers: dict[str, str],
    body: bytes | None = None,
    *,
    read_seconds: float = NETWORK_READ_SECONDS,
) -> Reply:
    """Send one HTTP request for `resource` (e.g. "statements?since=...") of the LRS at
    `endpoint`; LrsUnreachable, naming the endpoint without credentials, when no usable reply
    came. The whole reply must arrive within `read_seconds`, however slowly it trickles in.
    """
    parts = urlsplit(endpoint.rstrip("/") + "/" + resource)
    shown = redact(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsUnreachable(f"{shown} is not an http(s) URL")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(
        parts.hostname, parts.port, timeout=min(NETWORK_CONNECT_SECONDS, read_seconds)
    )
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    deadline = time.monotonic() + read_seconds
    try:
        connection.connect()
        if connection.sock is not None:
            connection.sock.settimeout(read_seconds)
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        data = _read_until(response, deadline, shown)
        return Reply(response.status, data)
    except TimeoutError:
        raise LrsUnreachable(
            f"the LRS at {shown} did not answer within {read_seconds:g} s"
        ) from None
    except http.client.HTTPException as exc:
        raise LrsUnreachable(
            f"the LRS at {shown} did not answer as an HTTP server does ({type(exc).__name__})"
        ) from None
    except OSError as exc:
        raise LrsUnreachable(f"cannot reach the LRS at {shown}: {exc.strerror or exc}") from None
    finally:
        connection.close()


def _read_until(response: http.client.HTTPResponse, deadline: float, shown: str) -> bytes:
    """The reply body, at most LRS_REPLY_BYTES, read before `deadline`."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        size += len(chunk)
        if size > LRS_REPLY_BYTES:
            limit = size_text(LRS_REPLY_BYTES)
            raise LrsUnreachable(f"the LRS at {shown} sent a reply larger than {limit}")
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)
