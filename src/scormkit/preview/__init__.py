"""`Preview`: a package, or a spec built on the fly, running in a local LMS page on 127.0.0.1.

The LMS page (assets/) provides the SCORM 1.2 and 2004 API objects and a side panel with the
live data model and every API call; xAPI and cmi5 courses send their statements to a tiny
endpoint on the same server (lrs.py), which the panel lists. Packages are served from the zip
in memory, never unpacked.
"""

from __future__ import annotations

import json
import tempfile
import threading
import uuid
from pathlib import Path

from scormkit.build import build
from scormkit.errors import BuildError, MalformedXml, NoLaunch, ScormkitError, UnsafePackage
from scormkit.lms import API_PAGE
from scormkit.lms.launch import Launch, read_launch
from scormkit.lms.package_zip import PackageZip
from scormkit.lms.server import LocalServer, Request, Response, content_type
from scormkit.lms.statement_store import StatementStore, XapiLaunch, read_xapi_launch
from scormkit.lms.xml_read import parse_xml
from scormkit.preview.file_watch import Watch
from scormkit.targets import TARGETS

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
STREAM_FROM = 1024**2  # members larger than this are streamed

__all__ = ["Preview"]


class Preview:
    """Serves `source` (a spec or a package zip) in the preview LMS until `stop()`.

    With a spec, the package is built for `target` into a private temporary folder, rebuilt
    when the page switches target and, with `watch`, when the spec, a file beside it (its
    assets) or a template changes.
    """

    def __init__(
        self,
        source: Path,
        target: str = "scorm12",
        *,
        templates: Path | None = None,
        watch: bool = False,
        port: int = 0,
    ) -> None:
        self.source = source
        self.is_spec = source.suffix.lower() in SPEC_SUFFIXES
        if not source.is_file():
            raise BuildError(f"{source}: no such spec or package")
        self.target = target
        self.templates = templates
        self.version = 0
        self._lock = threading.Lock()
        self._zip: PackageZip | None = None
        self._launch: Launch | XapiLaunch | None = None
        self._standard = ""
        self.statements = StatementStore()
        # One registration per preview, so a relaunch continues the same attempt.
        self._registration = str(uuid.uuid4())
        self._error = ""
        self._build_dir = tempfile.TemporaryDirectory(prefix="scormkit-preview-")
        self.load()
        try:
            self.server = LocalServer(port, guard_writes=True)
        except OSError as exc:
            self._build_dir.cleanup()
            raise BuildError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
        self.server.mount("lms", API_PAGE)
        self.server.handle("api", self._api)
        self.server.handle("xapi", self.statements.handle)
        self.server.handle("pkg", self._package_file)
        self.server.handle("", self._page)
        self._watch = Watch(self._watched, self.load) if watch and self.is_spec else None

    @property
    def url(self) -> str:
        """The LMS page's address, e.g. http://127.0.0.1:41234/."""
        return self.server.url + "/"

    @property
    def error(self) -> str:
        """Why the last build or load failed, or ""."""
        return self._error

    def load(self, target: str | None = None) -> None:
        """(Re)build the spec, or reopen the zip, and serve the result as a new version."""
        with self._lock:
            if target is not None:
                self.target = target
            try:
                zip_path = self._build() if self.is_spec else self.source
                package = PackageZip(zip_path)
                launch, standard = _launch_of(package)
            except (ScormkitError, NoLaunch, MalformedXml) as exc:
                self._error = str(exc) if not isinstance(exc, MalformedXml) else exc.message
                self._launch = None
            except Exception as exc:  # a spec caught mid-edit must not end the preview
                self._error = f"unexpected error while building: {exc!r}"
                self._launch = None
            else:
                if self._zip is not None:
                    self._zip.close()
                self._zip, self._launch, self._standard, self._error = package, launch, standard, ""
            self.version += 1

    def stop(self) -> None:
        """Stop watching and serving; remove the built packages."""
        if self._watch is not None:
            self._watch.stop()
        self.server.stop()
        if self._zip is not None:
            self._zip.close()
        self._build_dir.cleanup()

    def _build(self) -> Path:
        out = Path(self._build_dir.name) / f"v{self.version + 1}"
        return build(self.source, self.target, out, templates=self.templates)

    def _watched(self) -> list[Path]:
        """The files whose change triggers a rebuild: the spec's folder and the templates."""
        folders = [self.source.resolve().parent]
        if self.templates is not None:
            folders.append(self.templates)
        return [self.source, *folders]

    def state(self) -> dict[str, object]:
        """What the LMS page needs to know about the current package."""
        with self._lock:
            launch = self._launch
            label = f"{self.source.name}" + (f" → {self.target}" if self.is_spec else "")
            return {
                "version": self.version,
                "source": str(self.source.resolve()),
                "label": label,
                "standard": self._standard,
                "data": launch.data if isinstance(launch, Launch) else {},
                "statements": isinstance(launch, XapiLaunch),
                "targets": sorted(TARGETS) if self.is_spec else [],
                "target": self.target,
                "error": self._error,
            }

    def launch_url(self) -> str:
        """The address to launch the current package at ("" if none); starts a cmi5 session."""
        with self._lock:
            launch, version = self._launch, self.version
        if launch is None:
            return ""
        url = f"/pkg/{version}/{launch.href}"
        if isinstance(launch, Launch):
            return url
        endpoint = f"{self.server.url}/xapi/"
        query = self.statements.launch_query(launch, endpoint, self._registration)
        return f"{url}{'&' if '?' in url else '?'}{query}"

    def _api(self, request: Request) -> Response | None:
        if request.path == "state":
            return Response(json.dumps(self.state()).encode(), "application/json")
        if request.path == "launch" and request.method == "POST":
            return Response(json.dumps({"url": self.launch_url()}).encode(), "application/json")
        if request.path == "reset" and request.method == "POST":
            self.statements.reset()
            return Response(b"ok", "text/plain")
        if request.path == "target" and request.method == "POST" and self.is_spec:
            target = request.body.decode("utf-8", errors="replace").strip()
            if target not in TARGETS:
                return Response(b"unknown target", "text/plain", 400)
            self.load(target)
            return Response(b"ok", "text/plain")
        return None

    def _package_file(self, request: Request) -> Response | None:
        _version, _, member = request.path.partition("/")
        with self._lock:
            package = self._zip
        if package is None or member not in package.infos:
            return None
        size = package.size(member)
        if size <= STREAM_FROM:
            try:
                return Response(package.read(member), content_type(member))
            except UnsafePackage:
                return None
        # Videos and other large members: sent in pieces, never whole in memory.
        return Response(b"", content_type(member), stream=(size, lambda: package.chunks(member)))

    def _page(self, request: Request) -> Response | None:
        if request.path in ("", "index.html"):
            return Response((API_PAGE / "lms.html").read_bytes(), content_type("lms.html"))
        return None


def _launch_of(package: PackageZip) -> tuple[Launch | XapiLaunch, str]:
    """The package's launch and standard, from its manifest."""
    if "imsmanifest.xml" in package.infos:
        launch = read_launch(parse_xml(package.read("imsmanifest.xml"), "imsmanifest.xml"))
        return launch, launch.standard
    for name in ("cmi5.xml", "tincan.xml"):
        if name in package.infos:
            found = read_xapi_launch(parse_xml(package.read(name), name))
            if found is None:
                raise NoLaunch(f"{name} names nothing to launch")
            return found, found.standard
    raise NoLaunch(f"{package.path.name}: no imsmanifest.xml, cmi5.xml or tincan.xml at its root")
