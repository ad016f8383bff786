"""A tiny in-process statement endpoint for previews: records what xAPI and cmi5 courses send.

Enough of xAPI 1.0.3 (statements, state, about) and cmi5 (fetch URL, LMS.LaunchData, the
"launched" statement) for a course to run and for the preview page to show its statements.
It checks nothing and keeps everything in memory; it is a viewer, not a conformance LRS.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from scormkit.limits import STORED_DOCUMENT_BYTES, size_text
from scormkit.lms.server import Request, Response
from scormkit.namespaces import CMI5_COURSE
from scormkit.namespaces import TINCAN as TINCAN_NS

XAPI_VERSION = "1.0.3"
AUTH = "Basic cHJldmlldzpwcmV2aWV3"  # "preview:preview"; the preview accepts anything
CMI5 = f"{{{CMI5_COURSE}}}"
TINCAN = f"{{{TINCAN_NS}}}"
SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
# The learner the preview launches as: an account IFI, as cmi5 9.2 requires.
ACTOR = {
    "objectType": "Agent",
    "name": "Learner, Preview",
    "account": {"homePage": "https://scormkit.invalid", "name": "learner-1"},
}


@dataclass(frozen=True)
class XapiLaunch:
    """What the manifest says to launch: the file and the publisher's activity."""

    standard: str  # "xapi" or "cmi5"
    href: str  # relative to the package root
    activity_id: str
    au: dict[str, str] = field(default_factory=dict)  # cmi5 moveOn, masteryScore...


def read_xapi_launch(root: etree._Element) -> XapiLaunch | None:
    """The launch of a tincan.xml or cmi5.xml root element, or None when it names none."""
    if root.tag == f"{TINCAN}tincan":
        for activity in root.iter(f"{TINCAN}activity"):
            launch = activity.find(f"{TINCAN}launch")
            if launch is not None and (launch.text or "").strip():
                return XapiLaunch("xapi", (launch.text or "").strip(), activity.get("id", ""))
        return None
    au = next(root.iter(f"{CMI5}au"), None)
    url = au.find(f"{CMI5}url") if au is not None else None
    if au is None or url is None or not (url.text or "").strip():
        return None
    settings = {k: au.get(k, "") for k in ("moveOn", "masteryScore") if au.get(k)}
    return XapiLaunch("cmi5", (url.text or "").strip(), au.get("id", ""), settings)


STORED_DOCUMENTS = 1_000  # state and profile documents one preview keeps
STORED_STATEMENTS = 100_000  # statements one preview keeps


class StatementStore:
    """The statements, state documents and cmi5 session of the course being previewed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.statements: list[dict[str, object]] = []
        self._ids: set[object] = set()  # of `statements`, so a sent batch is checked in O(n)
        self._documents: dict[str, bytes] = {}
        self._token_fetched = False
        self._launch_data = b"{}"

    def reset(self) -> None:
        """Forget every statement and document."""
        with self._lock:
            self.statements.clear()
            self._ids.clear()
            self._documents.clear()

    def launch_query(self, launch: XapiLaunch, endpoint: str, registration: str) -> str:
        """The query string an LMS adds to the launch URL (tincan launch; cmi5 8.1)."""
        actor = json.dumps(ACTOR, separators=(",", ":"))
        if launch.standard == "xapi":
            params = {
                "endpoint": endpoint,
                "auth": AUTH,
                "actor": actor,
                "registration": registration,
                "activity_id": launch.activity_id,
            }
            return urllib.parse.urlencode(params)
        self._begin_cmi5_session(launch, registration)
        params = {
            "endpoint": endpoint,
            "fetch": endpoint + "fetch",
            "actor": actor,
            "registration": registration,
            "activityId": launch.activity_id,
        }
        return urllib.parse.urlencode(params)

    def _begin_cmi5_session(self, launch: XapiLaunch, registration: str) -> None:
        session = str(uuid.uuid4())
        context = {
            "registration": registration,
            "contextActivities": {"grouping": [{"id": launch.activity_id}]},
            "extensions": {SESSION_ID: session},
        }
        data = {"contextTemplate": context, "launchMode": "Normal", **launch.au}
        launched: dict[str, object] = {
            "id": str(uuid.uuid4()),
            "actor": ACTOR,
            "verb": {
                "id": "http://adlnet.gov/expapi/verbs/launched",
                "display": {"en": "launched"},
            },
            "object": {"id": launch.activity_id},
            "context": {
                **context,
                "contextActivities": {
                    "grouping": [{"id": launch.activity_id}],
                    "category": [{"id": CMI5_CATEGORY}],
                },
            },
            "timestamp": datetime.now(UTC).isoformat(),
        }
        with self._lock:
            self._token_fetched = False
            self._launch_data = json.dumps(data).encode()
            self.statements.append(launched)
            self._ids.add(launched["id"])

    def handle(self, request: Request) -> Response | None:
        """Answer one request under the endpoint."""
        if request.path == "about":
            return _json({"version": [XAPI_VERSION]})
        if request.path == "fetch" and request.method == "POST":
            return self._fetch()
        if request.path == "statements":
            return self._statements(request)
        if request.path in ("activities/state", "activities/profile", "agents/profile"):
            return self._document(request)
        return None

    def _fetch(self) -> Response:
        # cmi5 8.2: the token is handed out once per launch.
        with self._lock:
            used, self._token_fetched = self._token_fetched, True
        if used:
            return _json({"error-code": "1", "error-text": "the token was already fetched"})
        return _json({"auth-token": AUTH.removeprefix("Basic ")})

    def _statements(self, request: Request) -> Response:
        if request.method == "GET":
            with self._lock:
                return _json({"statements": list(reversed(self.statements)), "more": ""})
        try:
            sent = json.loads(request.body or b"null")
        except ValueError:
            return Response(b"the body is not JSON", "text/plain", 400)
        batch = sent if isinstance(sent, list) else [sent]
        query = urllib.parse.parse_qs(request.query)
        ids = []
        with self._lock:
            for statement in batch:
                if not isinstance(statement, dict):
                    return Response(b"a statement must be a JSON object", "text/plain", 400)
                statement.setdefault("id", query.get("statementId", [str(uuid.uuid4())])[0])
                if not isinstance(statement["id"], str):
                    return Response(b"a statement id must be a string", "text/plain", 400)
                if len(self.statements) >= STORED_STATEMENTS:
                    return Response(b"too many statements; reset the preview", "text/plain", 413)
                statement.setdefault("stored", datetime.now(UTC).isoformat())
                ids.append(statement["id"])
                # An LRS stores a statement id once (xAPI 1.0.3 Communication 2.1.2): a course
                # that sends again what it was unsure got through is not listed twice.
                if statement["id"] not in self._ids:
                    self._ids.add(statement["id"])
                    self.statements.append(statement)
        if request.method == "PUT":
            return Response(b"", "text/plain", 204)
        return _json(ids)

    def _document(self, request: Request) -> Response | None:
        query = urllib.parse.parse_qs(request.query)
        key = (
            request.path
            + "?"
            + "&".join(
                f"{k}={v[0]}"
                for k, v in sorted(query.items())
                if k in ("stateId", "profileId", "activityId", "registration")
            )
        )
        if request.method == "GET":
            if query.get("stateId") == ["LMS.LaunchData"]:
                with self._lock:
                    return Response(self._launch_data, "application/json")
            with self._lock:
                document = self._documents.get(key)
            return None if document is None else Response(document, "application/json")
        if len(request.body) > STORED_DOCUMENT_BYTES:
            limit = size_text(STORED_DOCUMENT_BYTES)
            return Response(f"documents are at most {limit}".encode(), "text/plain", 413)
        with self._lock:
            if key not in self._documents and len(self._documents) >= STORED_DOCUMENTS:
                return Response(b"too many documents", "text/plain", 413)
            self._documents[key] = request.body
        return Response(b"", "text/plain", 204)


def _json(data: object) -> Response:
    return Response(json.dumps(data).encode(), "application/json")
