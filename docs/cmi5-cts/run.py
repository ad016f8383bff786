"""Run ADL's cmi5 Content Test Suite (CATAPULT `cts` + `player`) on cmi5 packages, no Docker.

    PYTHONPATH=src python3 docs/cmi5-cts/run.py --catapult /path/to/CATAPULT \\
        --package one-au.zip --package au-per-module.zip --spec course_specs/X.yaml \\
        --out results.json

Starts, all on 127.0.0.1 and stopped by PID at the end: MariaDB (port 3306, which CATAPULT
hard-codes), Learning Locker's xapi-statements plus the document APIs of lrs_front.py,
CATAPULT's `player` and `cts` services (node), and nginx in front of both with the routes of
CATAPULT's own nginx config (`/` to cts, `/player` to player). Then, for each package and each
scenario it imports the package into the CTS, creates a test (registration), launches every AU
through the CTS, plays it in headless Chromium and reads the CTS verdict per AU with the
violated requirement ids. Scenarios: "complete" (the scripted learner answers every question
right and presses Finish), "close" (it stops half way and the window is closed a second later)
and "close-now" (closed right after the last answer, before it is saved); the first two unless
--scenario says. See docs/cmi5-conformance.md.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(HERE), str(REPO / "tests"), str(REPO / "src")]

from lrs import LrsProcess as StatementStore  # noqa: E402 (tests/lrs: npm xapi-statements)
from lrs_front import LrsFront  # noqa: E402 (this folder)
from playwright.sync_api import sync_playwright  # noqa: E402

from scormkit.spec import load_course  # noqa: E402
from scormkit.testing import launch_chromium  # noqa: E402
from scormkit.testing.learner import Learner  # noqa: E402

USER, PASSWORD = "scormkit", "cts-password"
DB = {"DB_HOST": "127.0.0.1", "DB_USERNAME": "catapult", "DB_PASSWORD": "quartz"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Services:
    """Every process a CTS run needs; `stop()` ends each one this object started, by PID."""

    def __init__(self, catapult: Path, work: Path) -> None:
        self.work, self.procs = work, []  # type: list[subprocess.Popen[bytes]]
        work.mkdir(parents=True, exist_ok=True)
        self.store = StatementStore(work / "statements")
        self.front = LrsFront(self.store.endpoint, self.store.auth)
        try:
            self._start(catapult)
        except BaseException:
            self.stop()
            raise

    def _start(self, catapult: Path) -> None:
        self._mariadb()
        self.player_port, self.cts_port, self.port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        lrs = {"LRS_ENDPOINT": self.front.endpoint, "LRS_USERNAME": "cts",
               "LRS_PASSWORD": "not-a-secret", "LRS_XAPI_VERSION": "1.0.3"}  # fmt: skip
        self._node(catapult / "player", self.player_port, {
            **DB, **lrs, "DB_NAME": "catapult_player", "API_KEY": "cts",
            "API_SECRET": "player-secret", "TOKEN_SECRET": "player-token-secret",
            "CONTENT_URL": f"{self.url}/player/content", "PLAYER_API_ROOT": "/player",
        })  # fmt: skip
        self._node(catapult / "cts", self.cts_port, {
            **DB, **lrs, "DB_NAME": "catapult_cts", "PLAYER_KEY": "cts",
            "PLAYER_SECRET": "player-secret",
            "PLAYER_BASE_URL": f"http://127.0.0.1:{self.player_port}/player",
            "CTS_SESSION_COOKIE_PASSWORD": "a-cookie-password-of-at-least-32-characters",
        })  # fmt: skip
        self._nginx()

    def _spawn(self, name: str, argv: list[str], **kw: Any) -> subprocess.Popen[bytes]:
        log = (self.work / f"{name}.log").open("ab")
        proc = subprocess.Popen(argv, stdout=log, stderr=log, **kw)
        self.procs.append(proc)
        return proc

    def _wait(self, port: int, what: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"{what} is not listening on {port}: see {self.work}")

    def _mariadb(self) -> None:
        data, run = self.work / "mariadb", self.work / "mariadb-run"
        fresh = not data.exists()
        for folder in (data, run):
            folder.mkdir(exist_ok=True)
            shutil.chown(folder, "mysql", "mysql")
        if fresh:
            subprocess.run(["mariadb-install-db", "--user=mysql", f"--datadir={data}"],
                           check=True, capture_output=True)  # fmt: skip
        sock = run / "mysqld.sock"
        self._spawn("mariadb", ["mariadbd", "--user=mysql", f"--datadir={data}",
                    "--bind-address=127.0.0.1", "--port=3306", f"--socket={sock}",
                    f"--pid-file={run / 'mysqld.pid'}", "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci"])  # fmt: skip
        self._wait(3306, "MariaDB")
        sql = "".join(
            f"CREATE DATABASE IF NOT EXISTS {db}; "
            f"CREATE USER IF NOT EXISTS 'catapult'@'{host}' IDENTIFIED BY 'quartz'; "
            f"GRANT ALL PRIVILEGES ON {db}.* TO 'catapult'@'{host}'; "
            for db in ("catapult_cts", "catapult_player")
            for host in ("127.0.0.1", "localhost")
        )
        subprocess.run(["mariadb", f"--socket={sock}", "-uroot", "-e", sql], check=True)

    def _node(self, root: Path, port: int, env: dict[str, str]) -> None:
        service, migrations = root / "service", root / "service" / "migrations"
        if not migrations.exists():
            migrations.symlink_to(root / "migrations")  # where the Dockerfile copies them
        full = {**os.environ, **env}
        subprocess.run(["node", "node_modules/.bin/knex", "migrate:latest"], cwd=service,
                       env=full, check=True, capture_output=True)  # fmt: skip
        self._spawn(root.name, ["node", "index.js", str(port), "127.0.0.1"], cwd=service, env=full)
        self._wait(port, root.name)

    def _nginx(self) -> None:
        conf = self.work / "nginx.conf"
        temp = self.work / "nginx-temp"
        temp.mkdir(exist_ok=True)
        proxy = ("proxy_set_header Host $http_host; proxy_set_header X-Forwarded-Proto http; "
                 "proxy_redirect off; proxy_read_timeout 300;")  # fmt: skip
        conf.write_text(f"""daemon off; worker_processes 1; pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  log_format seq '$msec $request_time $request_method $request_uri $status';
  access_log {self.work}/nginx-access.log seq;
  client_max_body_size 300M;
  client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fcgi; uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
  server {{
    listen 127.0.0.1:{self.port};
    location / {{ {proxy} proxy_pass http://127.0.0.1:{self.cts_port}; }}
    location /player {{ {proxy} proxy_pass http://127.0.0.1:{self.player_port}/player; }}
  }}
}}
""")
        self._spawn("nginx", ["nginx", "-c", str(conf), "-p", str(self.work)])
        self._wait(self.port, "nginx")

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.front.stop()
        self.store.stop()


class Cts:
    """The CTS REST API (the one its web client uses), with Basic auth of the first user."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.auth = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

    def call(self, method: str, path: str, body: bytes | dict[str, Any] | None = None,
             kind: str = "application/json") -> Any:  # fmt: skip
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        request = urllib.request.Request(f"{self.url}/api/v1/{path}", data=data, method=method,
                                         headers={"Authorization": self.auth,
                                                  "Content-Type": kind})  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            answer = error.read()[:500]
            raise RuntimeError(f"CTS {method} {path}: {error.code} {answer!r}") from None
        return json.loads(raw) if raw else None


def module_of(au_url: str) -> str | None:
    return parse_qs(urlsplit(au_url).query).get("module", [None])[0]


def settle(nginx_log: Path, marker: str, quiet: float = 3, most: float = 60) -> None:
    """Wait until nginx has logged no request with `marker` for `quiet` seconds: requests sent
    with keepalive at page close are still under way after the page is gone, as they are in a
    browser that stays open."""
    start = last_change = time.monotonic()
    seen = -1
    while time.monotonic() - start < most:
        count = sum(marker in line for line in nginx_log.read_text().splitlines())
        if count != seen:
            seen, last_change = count, time.monotonic()
        elif time.monotonic() - last_change >= quiet:
            return
        time.sleep(0.5)


def play(cts: Cts, browser: Any, course_spec: Path, test_id: int, index: int, au: dict[str, Any],
         scenario: str, nginx_log: Path) -> dict[str, Any]:  # fmt: skip
    """Launch AU `index` through the CTS and play it; what the browser saw of the LRS calls."""
    course = load_course(course_spec)
    module = module_of(au["url"])
    if module:
        course = course.model_copy(update={"modules": [m for m in course.modules
                                                       if m.id == module]})  # fmt: skip
    session = cts.call("POST", "sessions", {"testId": test_id, "auIndex": index})
    context = browser.new_context()
    context.request.post(
        f"{cts.url}/api/v1/login",
        data={"username": USER, "password": PASSWORD, "storeCookie": True},
    )
    page = context.new_page()
    sent: list[dict[str, Any]] = []  # every LRS call the AU made, in the order it made them

    def on_request(request: Any) -> None:
        if "/lrs/" not in request.url:
            return
        parts = urlsplit(request.url)
        query = parse_qs(parts.query)
        call = {"request": f"{request.method} {parts.path.split('/lrs/')[1]}", "status": None}
        doc = query.get("stateId", query.get("profileId", [""]))[0]
        if doc:
            call["request"] += f" {doc}"
        if request.method in ("POST", "PUT") and "statements" in parts.path:
            try:
                body = json.loads(request.post_data or "[]")
                body = body if isinstance(body, list) else [body]
                call["verbs"] = [st["verb"]["id"].rsplit("/", 1)[1] for st in body]
            except (ValueError, KeyError, TypeError):
                pass
        sent.append(call)
        calls[request] = call

    def on_response(response: Any) -> None:
        call = calls.get(response.request)
        if call is None:
            return
        call["status"] = response.status
        if response.status >= 400:
            try:
                call["body"] = response.text()[:300]
            except Exception:  # noqa: BLE001 (the page may be gone)
                pass

    calls: dict[Any, dict[str, Any]] = {}
    page.on("request", on_request)
    page.on("response", on_response)
    marker = f"/api/v1/sessions/{session['id']}/"
    page.goto(session["launchUrl"])  # AnyWindow: the LMS may load the AU in its own window
    learner = Learner(page.main_frame, course)
    returned = False
    if scenario == "complete":
        learner.work_through()
        learner.finish()
        try:
            page.wait_for_url(re.compile(r"/return-url"), timeout=20000)
            returned = True
        except Exception:  # noqa: BLE001 (recorded: the AU did not go to the return URL)
            pass
        settle(nginx_log, marker)  # the learner reads the LMS page, then closes the window
    else:
        learner.work_through(until=len(learner.pages) // 2)
        if scenario == "close":  # "close-now": at once, with the last answer still unsaved
            page.wait_for_timeout(1000)
    page.close(run_before_unload=True)
    settle(nginx_log, marker)
    context.close()
    return {"session": session["id"], "returned": returned, "sent": sent}


def run_package(cts: Cts, browser: Any, zip_path: Path, spec: Path, scenario: str,
                nginx_log: Path, requirements: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    course = cts.call("POST", "courses", zip_path.read_bytes(), "application/zip")
    actor = {"account": {"homePage": "https://scormkit.dev/learners", "name": f"{scenario}-1"},
             "objectType": "Agent", "name": "Scripted learner"}  # fmt: skip
    test = cts.call("POST", "tests", {"courseId": course["id"], "actor": actor})
    aus = course["metadata"]["aus"]
    played = [play(cts, browser, spec, test["id"], i, au, scenario, nginx_log)
              for i, au in enumerate(aus)]  # fmt: skip
    verdict = cts.call("GET", f"tests/{test['id']}")
    lines = nginx_log.read_text().splitlines()
    results = []
    for index, (au, seen) in enumerate(zip(aus, played, strict=True)):
        sid = seen["session"]
        session = cts.call("GET", f"sessions/{sid}")
        logs = sorted(cts.call("GET", f"sessions/{sid}/logs"), key=lambda e: e["id"])
        marker = f"/api/v1/sessions/{sid}/"
        server = []  # what reached the CTS for this session, by the time nginx received it
        for line in lines:
            if marker in line:
                end, took, method, uri, status = line.split()
                parts = urlsplit(uri.replace(marker, ""))
                query = parse_qs(parts.query)
                doc = query.get("stateId", query.get("profileId", [""]))[0]
                start = float(end) - float(took)
                server.append((start, " ".join(x for x in (method, parts.path, doc, status) if x)
                               + f" ({start:.3f}+{took}s)"))  # fmt: skip
        server = [text for _, text in sorted(server)]
        results.append({
            "au": au["title"][0]["text"], "url": au["url"],
            "result": verdict["metadata"]["aus"][index]["result"],
            "violatedReqIds": session["metadata"]["violatedReqIds"],
            "returned_to_lms": seen["returned"],
            "violated": {r: requirements.get(r, {}).get("txt", "")
                         for r in session["metadata"]["violatedReqIds"]},
            "sent_by_au": seen["sent"],
            "reached_cts": server,
            "violations_logged": [e["metadata"]["violatedReqId"] for e in logs
                                  if e["metadata"].get("violatedReqId")],
            "cts_log": [e["metadata"].get("summary", "") +
                        (f" [{e['metadata']['violatedReqId']}]"
                         if e["metadata"].get("violatedReqId") else "")
                        for e in logs],
        })  # fmt: skip
    return {"package": zip_path.name, "scenario": scenario,
            "test": verdict["metadata"]["result"], "aus": results}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catapult", type=Path, required=True,
                        help="CATAPULT checkout with npm dependencies installed")  # fmt: skip
    parser.add_argument("--package", type=Path, action="append", required=True)
    parser.add_argument("--spec", type=Path, required=True, help="the course spec built")
    parser.add_argument("--scenario", action="append", choices=["complete", "close", "close-now"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/scormkit-cts"))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    requirements = json.loads((args.catapult / "requirements" / "requirements.json").read_text())
    services = Services(args.catapult.resolve(), args.work)
    report = []
    try:
        cts = Cts(services.url)
        try:
            cts.call("POST", "bootstrap", {"firstUser": {"username": USER, "password": PASSWORD}})
        except RuntimeError:  # a kept work folder: already bootstrapped
            pass
        with sync_playwright() as pw:
            browser = launch_chromium(pw)
            for package in args.package:
                for scenario in args.scenario or ["complete", "close"]:
                    outcome = run_package(cts, browser, package, args.spec, scenario,
                                          args.work / "nginx-access.log", requirements)  # fmt: skip
                    report.append(outcome)
                    print(f"{package} {scenario}: {outcome['test']}")
                    for au in outcome["aus"]:
                        print(f"  {au['url']}: {au['result']} {au['violatedReqIds']}")
            browser.close()
    finally:
        args.out.write_text(json.dumps(report, indent=2) + "\n")
        services.stop()


if __name__ == "__main__":
    main()
