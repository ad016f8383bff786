"""Talking to an LRS over HTTP: every call has a connect and a read timeout, a bounded reply,
and messages that never carry credentials.

tincan's RemoteLRS opens connections without a timeout and reads whole replies, so an LRS
that accepts a connection and never answers would hang `observe` for ever; this module is
the one place scormkit makes xAPI requests: `observe` and `statements --send` post with
`request`, `report` reads statement pages with `statement_pages`.
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from scormkit.errors import LrsError, LrsUnreachable
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
    base = endpoint.rstrip("/") + "/"
    # A resource starting with "/" (a `more` link) is relative to the LRS's server root.
    parts = urlsplit(urljoin(base, resource) if resource.startswith("/") else base + resource)
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


# Reading statements (xAPI 1.0.3 Communication §2.1.3, GET statements).
TRIES = 4  # a failed GET is asked again after 0.5, 1 and 2 s
FINAL = (400, 401, 403, 404)  # answers asking again would not change
SAFE_IN_URL = ":/?&=%#+;,@"  # a `more` link is used as given, except characters URLs cannot hold


def get_json(
    endpoint: str,
    resource: str,
    headers: dict[str, str],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Any:
    """GET `resource` of the LRS at `endpoint` as JSON, asking up to TRIES times; LrsError
    saying why (without credentials) when no try gave a 2xx JSON reply."""
    shown = redact(endpoint)
    problem = ""
    for attempt in range(TRIES):
        if attempt:
            sleep(0.5 * 2 ** (attempt - 1))
        try:
            reply = request("GET", endpoint, resource, headers)
        except LrsUnreachable as exc:
            problem = str(exc)
            continue
        if not 200 <= reply.status < 300:
            problem = f"the LRS at {shown} answered HTTP {reply.status} {reply.text()}".rstrip()
            if reply.status in FINAL:
                break
            continue
        try:
            return json.loads(reply.body)
        except ValueError:
            problem = f"the LRS at {shown} answered something that is not JSON"
    raise LrsError(problem)


def statement_pages(
    endpoint: str,
    resource: str,
    headers: dict[str, str],
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[Any]:
    """Every statement a statements query answers, page after page through `more`, one
    page (a bounded reply) in memory at a time."""
    shown = redact(endpoint)
    step: str | None = resource
    while step:
        page = get_json(endpoint, step, headers, sleep=sleep)
        if not isinstance(page, dict) or not isinstance(page.get("statements"), list):
            raise LrsError(f"the LRS at {shown} did not answer a StatementResult")
        yield from page["statements"]
        more = page.get("more")
        # xAPI Communication §2.1.3: `more` is an IRL relative to the LRS's server root.
        step = quote(more, safe=SAFE_IN_URL) if isinstance(more, str) and more else None
        if step and "://" in step:  # a whole URL: the LRS's own host, so its path and query
            link = urlsplit(step)
            step = link.path + (f"?{link.query}" if link.query else "")
