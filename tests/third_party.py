"""Packages as other authoring tools write them, for the LMS-aware tests.

Written here from the SCORM 2004 4th Edition CAM (3.4, 5.1.6) so the tests do not depend on a
sample package: two SCOs that share a global objective through <imsss:mapInfo>, the way many
tools order their lessons.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OBJECTIVE_MAP_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="acme-safety" version="1"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Acme safety</title>
      <item identifier="lesson-1" identifierref="res-1">
        <title>Lesson 1</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="lesson-1-done">
              <imsss:mapInfo targetObjectiveID="acme.lesson-1" writeSatisfiedStatus="true"/>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
      <item identifier="lesson-2" identifierref="res-2">
        <title>Lesson 2</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-1" type="webcontent" adlcp:scormType="sco" href="one.html">
      <file href="one.html"/>
    </resource>
    <resource identifier="res-2" type="webcontent" adlcp:scormType="sco" href="two.html">
      <file href="two.html"/>
    </resource>
  </resources>
</manifest>
"""


def write_package(path: Path, manifest: str = OBJECTIVE_MAP_MANIFEST) -> Path:
    """A zip with `manifest` and the two pages it names."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("imsmanifest.xml", manifest)
        for page in ("one.html", "two.html"):
            zf.writestr(page, "<!doctype html><title>Lesson</title><p>Lesson</p>")
    return path
