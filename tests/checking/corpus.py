"""Broken and hostile packages for `scormkit check`, each made here in code with its findings.

A case is a dict of zip members and the exact lines `scormkit check` prints for it.
"""

from __future__ import annotations

import random
import stat
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SCO_PAGE = (
    "<!doctype html><title>t</title><script>window.parent.API.LMSInitialize('');"
    "window.parent.API.LMSSetValue('cmi.core.score.raw', '80');</script>\n"
)
MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>T</title>
{items}
    </organization>
  </organizations>
  <resources>
{resources}
  </resources>
</manifest>
"""
ITEM = '      <item identifier="i1" identifierref="r1"><title>One</title></item>'
RESOURCE = """    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" \
href="index.html">
      <file href="index.html"/>
    </resource>"""


def manifest_12(items: str = ITEM, resources: str = RESOURCE) -> str:
    """A SCORM 1.2 manifest with the given <item>s and <resource>s (items from line 7)."""
    return MANIFEST_12.format(items=items, resources=resources)


def manifest_2004(version: str = "2004 4th Edition", **parts: str) -> str:
    """The same manifest in SCORM 2004 dress: 2004 namespaces and `version`."""
    return (
        manifest_12(**parts)
        .replace(
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
            "http://www.imsglobal.org/xsd/imscp_v1p1",
        )
        .replace("http://www.adlnet.org/xsd/adlcp_rootv1p2", "http://www.adlnet.org/xsd/adlcp_v1p3")
        .replace("adlcp:scormtype", "adlcp:scormType")
        .replace("<schemaversion>1.2", f"<schemaversion>{version}")
    )


@dataclass(frozen=True)
class Case:
    """A package to build and the exact output of `scormkit check` for it (summary excluded)."""

    members: dict[str, str | bytes]
    expected: str
    symlinks: dict[str, str] = field(default_factory=dict)
    twice: tuple[str, ...] = ()  # members written a second time, with other bytes

    def write(self, path: Path) -> Path:
        """Write the package to `path`."""
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in self.members.items():
                zf.writestr(name, data)
            for name in self.twice:
                with warnings.catch_warnings():
                    # zipfile warns about the duplicate that this case is about.
                    warnings.simplefilter("ignore", UserWarning)
                    zf.writestr(name, b"the second copy")
            for name, target in self.symlinks.items():
                info = zipfile.ZipInfo(name)
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, target)
        return path


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE manifest [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<manifest identifier="m">&lol3;</manifest>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="m">&secret;</manifest>
"""
CMI5 = """<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="not an iri">
    <title><langstring lang="en">C</langstring></title>
    <description><langstring lang="en">C</langstring></description>
  </course>
  <au id="https://example.org/au/1" moveOn="Done" masteryScore="80">
    <title><langstring lang="en">AU</langstring></title>
    <description><langstring lang="en">AU</langstring></description>
    <url>index.html?fetch=x</url>
  </au>
</courseStructure>
"""
TINCAN = """<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="http://" type="http://adlnet.gov/expapi/activities/course">
      <name>C</name>
      <launch lang="en">Index.html</launch>
    </activity>
  </activities>
</tincan>
"""

# Past the manifest size limit, and random enough not to be refused as a zip bomb first.
HUGE = "<manifest><!--" + random.Random(6).randbytes(9 * 1024**2 // 2).hex() + "--></manifest>"

CASES = {
    "references": Case(
        {
            "imsmanifest.xml": manifest_12(
                items=ITEM + '\n      <item identifier="i1" identifierref="nowhere"><title>Two'
                "</title></item>\n"
                '      <item identifier="parent" identifierref="r1"><title>P</title>\n'
                '        <item identifier="leaf"><title>L</title></item></item>',
                resources=RESOURCE.replace('<file href="index.html"/>', '<file href="missing.js"/>')
                + '\n    <resource identifier="r2" type="webcontent" adlcp:scormtype="asset"'
                ' href="C:\\x.html"/>',
            ),
            "index.html": SCO_PAGE,
            "extra.txt": "not listed",
        },
        """extra.txt: warning: in the zip but not listed in imsmanifest.xml
imsmanifest.xml:8: error: identifier 'i1' is used 2 times
imsmanifest.xml:9: error: identifier 'i1' is used 2 times
imsmanifest.xml:9: error: item 'i1' refers to resource 'nowhere', which does not exist
imsmanifest.xml:10: warning: item 'parent' has child items and also launches 'r1'; only leaf \
items launch
imsmanifest.xml:11: warning: leaf item 'leaf' launches nothing (no identifierref)
imsmanifest.xml:16: error: file 'missing.js' is not in the zip
imsmanifest.xml:18: error: launch file 'C:\\x.html' uses backslashes; use '/'
imsmanifest.xml:18: warning: resource 'r2' is used by no item or dependency
index.html: warning: in the zip but not listed in imsmanifest.xml
""",
    ),
    "xml-base": Case(
        {
            "imsmanifest.xml": manifest_12(
                resources=RESOURCE.replace('type="webcontent"', 'type="webcontent" xml:base="sco"')
            ),
            "sco/index.html": SCO_PAGE,
        },
        """imsmanifest.xml:12: error: launch file 'index.html' (with xml:base, 'scoindex.html') \
is not in the zip
imsmanifest.xml:12: error: xml:base 'sco' must be a relative folder ending in '/'
imsmanifest.xml:13: error: file 'index.html' (with xml:base, 'scoindex.html') is not in the zip
sco/index.html: warning: in the zip but not listed in imsmanifest.xml
""",
    ),
    "stored-twice": Case(
        {"imsmanifest.xml": manifest_12(), "index.html": SCO_PAGE},
        "index.html: error: stored more than once in the zip; LMSs may unpack either copy\n",
        twice=("index.html",),
    ),
    "default-organization": Case(
        {
            "imsmanifest.xml": manifest_12().replace('default="org"', 'default="other"'),
            "index.html": SCO_PAGE,
        },
        "imsmanifest.xml:5: error: default organization 'other' does not exist\n",
    ),
    "paths": Case(
        {
            "imsmanifest.xml": manifest_12(
                resources=RESOURCE.replace('href="index.html">', 'href="/index.html">').replace(
                    '<file href="index.html"/>',
                    '<file href="Index.html"/><file href="my page.html"/>',
                )
            ),
            "index.html": SCO_PAGE,
            "my page.html": "<p>x</p>",
        },
        """imsmanifest.xml:12: error: launch file '/index.html' is absolute; make it \
package-relative
imsmanifest.xml:13: error: file 'Index.html' is not in the zip (the zip has 'index.html'; \
LMS servers are case-sensitive)
imsmanifest.xml:13: warning: file 'my page.html' has a space; write it as %20
index.html: warning: in the zip but not listed in imsmanifest.xml
""",
    ),
    "other-hosts": Case(
        {
            "imsmanifest.xml": manifest_12(
                resources=RESOURCE.replace(
                    '<file href="index.html"/>',
                    '<file href="index.html"/><file href="s.css"/><file href="a.js"/>',
                )
            ),
            "index.html": SCO_PAGE
            + '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lato">\n'
            + '<a href="https://example.org/more">read more</a>\n'
            + '<script src="//cdn.example.com/jquery.js"></script>\n',
            "s.css": "body { color: red; }\n@import 'https://cdn.example.com/x.css';\n",
            "a.js": "const ns = 'http://www.w3.org/2000/svg';\n"
            "fetch('https://analytics.example.com/hit');\n",
        },
        """a.js:2: error: loads 'https://analytics.example.com/hit' from another host; packages \
must be self-contained (offline LMSs, privacy, cross-domain SCORM)
index.html:2: error: loads 'https://fonts.googleapis.com/css?family=Lato' from another host; \
packages must be self-contained (offline LMSs, privacy, cross-domain SCORM)
index.html:4: error: loads '//cdn.example.com/jquery.js' from another host; packages must be \
self-contained (offline LMSs, privacy, cross-domain SCORM)
s.css:2: error: loads 'https://cdn.example.com/x.css' from another host; packages must be \
self-contained (offline LMSs, privacy, cross-domain SCORM)
""",
    ),
    "lengths": Case(
        {
            "imsmanifest.xml": manifest_12()
            .replace(
                "<schemaversion>1.2</schemaversion>",
                "<schemaversion>1.2</schemaversion>\n"
                '<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"><general>'
                f"<title><langstring>{'t' * 1001}</langstring></title>"
                f"<description><langstring>{'d' * 2000}</langstring></description>"
                "</general></lom>",
            )
            .replace(
                "</title></item>",
                f"</title><adlcp:datafromlms>{'x' * 256}</adlcp:datafromlms></item>",
            ),
            "index.html": SCO_PAGE,
        },
        """imsmanifest.xml:5: warning: metadata title is 1001 characters; LOM allows 1000
imsmanifest.xml:9: error: datafromlms is longer than 255 characters
""",
    ),
    "lengths-2004": Case(
        {
            "imsmanifest.xml": manifest_2004(
                items=ITEM.replace("<title>One</title>", f"<title>{'o' * 201}</title>").replace(
                    'identifierref="r1"', f'identifierref="r1" parameters="?{"p" * 1000}"'
                )
            ).replace("<schemaversion>", "<schemaversion>x"),
            "index.html": "<script>window.API_1484_11</script>",
        },
        """imsmanifest.xml:4: error: schemaversion 'x2004 4th Edition' names no SCORM 2004 edition \
('2004 4th Edition', '2004 3rd Edition', 'CAM 1.3')
imsmanifest.xml:8: warning: item 'i1' launches a SCO without deliveryControls \
completionSetByContent and objectiveSetByContent 'true'; sequencing LMSs mark it completed and \
satisfied as soon as it opens
imsmanifest.xml:8: warning: parameters is 1001 characters; LMSs may keep only 1000 (SCORM 2004 SPM)
imsmanifest.xml:8: warning: title is 201 characters; LMSs may keep only 200 (SCORM 2004 SPM)
""",
    ),
    "lms-pitfalls-12": Case(
        {
            "imsmanifest.xml": manifest_12(
                items=ITEM.replace(
                    "</title></item>",
                    "</title><adlcp:masteryscore>80</adlcp:masteryscore></item>",
                )
            ),
            "index.html": "<p>no API calls here</p>",
        },
        """imsmanifest.xml:8: warning: masteryscore is set but no script sets cmi.core.score.raw; \
LMSs may mark the SCO failed or never passed
imsmanifest.xml:12: error: a SCO is launched but no script calls LMSInitialize (SCORM 1.2 RTE 3.3)
""",
    ),
    "malformed-xml": Case(
        {"imsmanifest.xml": "<manifest><organizations></manifest>"},
        "imsmanifest.xml:1: error: not well-formed XML: Opening and ending tag mismatch: "
        "organizations line 1 and manifest\n",
    ),
    "not-a-package": Case(
        {"course/imsmanifest.xml": manifest_12(), "course/index.html": SCO_PAGE},
        "not-a-package.zip: error: no imsmanifest.xml, cmi5.xml or tincan.xml at the zip root "
        "('course/imsmanifest.xml' is in a folder: zip the folder's contents, not the folder): "
        "not a SCORM, xAPI or cmi5 package\n",
    ),
    "cmi5": Case(
        {"cmi5.xml": CMI5},
        """cmi5.xml:3: error: course id 'not an iri' is not an absolute IRI
cmi5.xml:7: error: masteryScore '80' is not a decimal from 0 to 1
cmi5.xml:7: error: moveOn 'Done' is not one of Completed, CompletedAndPassed, CompletedOrPassed, \
NotApplicable, Passed
cmi5.xml:10: error: url 'index.html?fetch=x' is not in the zip
cmi5.xml:10: error: url uses launch parameter names ['fetch'] (cmi5 8.1)
""",
    ),
    "tincan": Case(
        {"tincan.xml": TINCAN, "index.html": "<p>x</p>"},
        """tincan.xml:4: error: activity id 'http://' has no host
tincan.xml:6: error: launch 'Index.html' is not in the zip (the zip has 'index.html'; LMS \
servers are case-sensitive)
""",
    ),
    # Hostile zips: refused as a whole, exit status 2.
    "zip-slip": Case(
        {"../../evil.sh": "echo owned"},
        (
            "zip-slip.zip: error: refused: '../../evil.sh' climbs out of the package with '..' "
            "(zip-slip)\n"
        ),
    ),
    "absolute-name": Case(
        {"/etc/cron.d/evil": "x"},
        "absolute-name.zip: error: refused: '/etc/cron.d/evil' is an absolute path (zip-slip)\n",
    ),
    "symlink": Case(
        {"imsmanifest.xml": manifest_12()},
        "symlink.zip: error: refused: 'index.html' is a symbolic link\n",
        symlinks={"index.html": "/etc/passwd"},
    ),
    "zip-bomb": Case(
        {"imsmanifest.xml": manifest_12(), "index.html": b"\0" * (50 * 1024**2)},
        "zip-bomb.zip: error: refused: 'index.html' is compressed 1028 to 1, more than 200 to 1 "
        "(zip bomb?)\n",
    ),
    "billion-laughs": Case(
        {"imsmanifest.xml": BILLION_LAUGHS},
        "imsmanifest.xml: error: refused: declares XML entities (external entity or entity "
        "expansion attack?)\n",
    ),
    "external-entity": Case(
        {"imsmanifest.xml": XXE},
        "imsmanifest.xml: error: refused: declares XML entities (external entity or entity "
        "expansion attack?)\n",
    ),
    "huge-manifest": Case(
        {"imsmanifest.xml": HUGE},
        f"imsmanifest.xml: error: refused: {len(HUGE)} bytes, more than 8388608\n",
    ),
}
UNREADABLE = {
    "zip-slip",
    "absolute-name",
    "symlink",
    "zip-bomb",
    "billion-laughs",
    "external-entity",
    "huge-manifest",
}
