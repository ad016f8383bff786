"""Every XML namespace scormkit writes or reads, named once.

Plain URIs; write `f"{{{CP2004}}}item"` for a qualified name (lxml's Clark notation).
"""

# IMS Content Packaging as SCORM 1.2 binds it (SCORM 1.2 CAM 2), with its ADL extensions and
# IMS Metadata 1.2.1.
CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
# IMS Content Packaging 1.1.4 as SCORM 2004 binds it (SCORM 2004 4th Ed. CAM 3), with the ADL
# extensions, IMS Simple Sequencing, ADL sequencing and navigation, and IEEE LOM.
CP2004 = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
LOM = "http://ltsc.ieee.org/xsd/LOM"
# cmi5 course structure (cmi5 spec section 13) and Rustici's tincan.xml.
CMI5_COURSE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
TINCAN = "http://projecttincan.com/tincan.xsd"
# W3C: XML itself (xml:lang, xml:base), XML Schema and schema instances.
XML = "http://www.w3.org/XML/1998/namespace"
XS = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
