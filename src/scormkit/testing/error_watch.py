"""What goes wrong unseen by the learner: console errors, exceptions, failed or outside requests."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import (
        BrowserContext,
        ConsoleMessage,
        Request,
        Response,
        Route,
        WebError,
    )

LOCAL_HOST = "127.0.0.1"


class ErrorWatch:
    """Records errors of every page and frame of a browser context from the moment it attaches.

    Watching the context, not one page, also covers windows the course or the LMS opens.
    Requests to any host but 127.0.0.1 are recorded and aborted: a package must run offline,
    and the machine's network is closed anyway.
    """

    def __init__(self, context: BrowserContext) -> None:
        self.console_errors: list[str] = []
        self.console_warnings: list[str] = []
        self.page_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.bad_responses: list[str] = []
        self.external_requests: list[str] = []
        context.route(_is_external, self._refuse)
        context.on("console", self._on_console)
        context.on("weberror", self._on_web_error)
        context.on("requestfailed", self._on_request_failed)
        context.on("response", self._on_response)

    def problems(self) -> list[str]:
        """Every recorded problem, one line each; an empty list means a clean run."""
        return [
            *(f"console error: {m}" for m in self.console_errors),
            *(f"uncaught exception: {m}" for m in self.page_errors),
            *(f"request failed: {m}" for m in self.failed_requests),
            *(f"HTTP error: {m}" for m in self.bad_responses),
            *(f"request outside 127.0.0.1: {m}" for m in self.external_requests),
        ]

    def _refuse(self, route: Route) -> None:
        self.external_requests.append(route.request.url)
        route.abort("blockedbyclient")

    def _on_console(self, message: ConsoleMessage) -> None:
        where = message.location.get("url", "")
        line = f"{message.text} ({where})" if where else message.text
        if message.type == "error":
            self.console_errors.append(line)
        elif message.type == "warning":
            self.console_warnings.append(line)

    def _on_web_error(self, error: WebError) -> None:
        self.page_errors.append(error.error.stack or error.error.message)

    def _on_request_failed(self, request: Request) -> None:
        failure = request.failure or "unknown failure"
        # Aborted loads are the browser cancelling (navigation away, media it no longer needs),
        # and the requests refused above are already reported as outside requests.
        if "ERR_ABORTED" in failure or "ERR_BLOCKED_BY_CLIENT" in failure:
            return
        self.failed_requests.append(f"{request.url}: {failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.bad_responses.append(f"{response.url}: {response.status}")


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != LOCAL_HOST
