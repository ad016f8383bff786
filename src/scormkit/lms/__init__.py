"""The LMS side, as scormkit plays it for `preview/` and `testing/`.

- `api_page/`: the LMS page with scormkit's own SCORM 1.2 and 2004 API objects;
- `server.py`: the local HTTP server (127.0.0.1 only) both serve packages from;
- `launch.py`: what an LMS reads from imsmanifest.xml to launch an item;
- `statement_store.py`: xAPI and cmi5 launch reading and a statement endpoint;
- `activity_tree.py`: a SCORM 2004 manifest's sequencing rules as scorm-again takes them;
- `package_zip.py` and `xml_read.py`: reading an untrusted zip and its XML safely.
"""

from pathlib import Path

API_PAGE = Path(__file__).resolve().parent / "api_page"
