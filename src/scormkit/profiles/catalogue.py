"""The LMS profiles. Every fact names its public source; add a fact only with one.

Sources are pages of the vendor's documentation, issue trackers and the LMS's own source code,
as they read when the fact was added. When an LMS changes, change the fact and its source.
"""

from __future__ import annotations

from scormkit.profiles import Defect, Fact, LmsProfile, StateLimit

SCORM = ("scorm12", "scorm2004", "scorm2004-3rd")
MOODLE_SCORMLIB = "https://github.com/moodle/moodle/blob/main/mod/scorm/datamodels/scormlib.php"
MOODLE_SCORM12_JS = "https://github.com/moodle/moodle/blob/main/mod/scorm/datamodels/scorm_12.js"
MARSDEN_2004 = "https://danmarsden.com/blog/page/2/"
DOCEBO = (
    "https://help.docebo.com/hc/en-us/articles/"
    "360020128479-Uploading-and-managing-SCORM-as-training-material"
)
TALENTLMS = (
    "http://support.talentlms.com/knowledgebase/articles/"
    "1155433-how-to-work-with-the-supported-elearning-protocols"
)
TALENTLMS_CMI5 = (
    "https://help.talentlms.com/hc/en-us/articles/"
    "9651373731356-How-to-import-and-track-cmi5-content-in-TalentLMS"
)
BLACKBOARD = (
    "https://help.blackboard.com/he/Learn/Instructor/Original/Course_Content/"
    "Create_Content/Add_Content_Packages"
)
BRIGHTSPACE = "https://documentation.brightspace.com/EN/le/scorm/admin/about_scorm.htm"
BRIGHTSPACE_NEW = (
    "https://community.d2l.com/brightspace/kb/articles/4269-set-up-the-new-scorm-solution"
)
BRIGHTSPACE_GRADES = (
    "https://community.d2l.com/brightspace/kb/articles/4271-publish-legacy-scorm-objects"
)
CORNERSTONE = "https://csod.dev/guides/connectors/content/course-asset-connector.html"
CORNERSTONE_XAPI = (
    "https://help.csod.com/help/csod_0/Content/Catalog/xAPI_Package_Support/"
    "xAPI_Package_Support_-_Overview.htm"
)
CORNERSTONE_FORUM = (
    "https://community.articulate.com/discussions/articulate-storyline/"
    "everything-we-know-about-cornerstone-on-demand-and-storyline"
)
SUCCESSFACTORS = (
    "https://help.sap.com/doc/fe0d730664ce418e8bd7d69919d9eaa1/2605/en-US/LRN_Content_Impl_en.pdf"
)
CANVAS = (
    "https://community.canvaslms.com/t5/The-Product-Blog/"
    "SCORM-to-Require-Signed-Launch-Links/bc-p/470023/highlight/true"
)
MOODLE_GRADING = (
    "https://raw.githubusercontent.com/moodlehq/moodleapp/latest/src/addons/mod/scorm/lang.json"
)

GENERIC = LmsProfile(
    name="generic",
    title="Any conformant LMS",
    standards=(
        Fact("runs what the standards define; nothing beyond them is assumed",
             "SCORM 1.2 RTE; SCORM 2004 4th Ed. CAM, RTE and SN; xAPI 1.0.3; cmi5 spec"),
    ),
    runs=frozenset({*SCORM, "xapi", "cmi5"}),
    suspend_data=(
        StateLimit("cmi.suspend_data is CMIString4096", "SCORM 1.2 RTE 3.4.2",
                   targets=("scorm12",), characters=4096),
        StateLimit("cmi.suspend_data is characterstring SPM 64000",
                   "SCORM 2004 4th Ed. RTE 4.2.24", targets=("scorm2004",), characters=64000),
    ),
)  # fmt: skip

MOODLE = LmsProfile(
    name="moodle",
    title="Moodle (mod_scorm)",
    standards=(
        Fact("certified SCORM 1.2 compliant; SCORM 2004 is not completely supported",
             "http://docs.moodle.org/19/en/SCORM_FAQ"),
        Fact("its SCORM maintainer stopped work on native SCORM 2004 support and points to "
             "the SCORM Cloud plugin for full SCORM 2004", MARSDEN_2004),
    ),
    runs=frozenset(SCORM),
    suspend_data=(
        StateLimit("the SCORM 1.2 API checks cmi.suspend_data as CMIString4096",
                   MOODLE_SCORM12_JS,
                   targets=("scorm12",), characters=4096),
    ),
    sequencing=(
        Fact("reads controlMode, deliveryControls, objectives, rollup and sequencing rules "
             "from the manifest into its own tables", MOODLE_SCORMLIB),
    ),
    launch=(
        Fact("stores <adlnav:hideLMSUI> per SCO as its own hidecontinue/hideprevious "
             "settings", MOODLE_SCORMLIB),
    ),
    grading=(
        Fact("grading methods: Learning objects, Highest grade, Average grade, Sum grade",
             MOODLE_GRADING),
        Fact("Highest grade shows the best score of any one SCO; Average grade averages "
             "them; Sum grade adds them up",
             "https://github.com/moodle/moodle/commit/0bb4b588600808615809fb09af0bee0ed951b864"),
    ),
    defects=(
        Defect("any <imsss:mapInfo> in an objective aborts the upload: the parser assigns "
               "the maps to a misspelt variable ($objectivesdata), a fatal error since PHP 8 "
               "('Attempt to assign property \"mapinfos\" on null')", MOODLE_SCORMLIB,
               detect="objective-maps"),
        Defect("a SCO that hides the LMS's Continue (<adlnav:hideLMSUI>continue) gets "
               "Moodle's hidecontinue setting: Moodle hides its own Continue to the next SCO",
               MOODLE_SCORMLIB, detect="hide-continue"),
        Defect("SCORM 2004 sequencing between several SCOs is incomplete: native SCORM 2004 "
               "support was never finished", MARSDEN_2004, detect="several-2004-scos"),
    ),
    one_sco_in_2004=Fact("Moodle never finished SCORM 2004 sequencing between SCOs",
                         MARSDEN_2004),
)  # fmt: skip

DOCEBO_PROFILE = LmsProfile(
    name="docebo",
    title="Docebo",
    standards=(Fact("compatible with SCORM 1.2 and SCORM 2004 3rd Edition", DOCEBO),),
    runs=frozenset({"scorm12", "scorm2004-3rd"}),
    suspend_data=(
        StateLimit("4,096 characters of suspend_data for SCORM 1.2", DOCEBO,
                   targets=("scorm12",), characters=4096),
        StateLimit("64,000 characters of suspend_data for SCORM 2004 3rd Edition", DOCEBO,
                   targets=("scorm2004-3rd",), characters=64000),
    ),
    sequencing=(Fact("SCORM 2004 sequencing is not supported", DOCEBO),),
    one_sco_in_2004=Fact("Docebo does not support SCORM 2004 sequencing", DOCEBO),
)  # fmt: skip

TALENTLMS_PROFILE = LmsProfile(
    name="talentlms",
    title="TalentLMS",
    standards=(
        Fact("supported eLearning protocols: SCORM 1.2, TinCan (xAPI) and cmi5", TALENTLMS),
        Fact("cmi5 packages are uploaded as a SCORM | xAPI | cmi5 unit; Tin Can xAPI must be "
             "enabled in the account settings", TALENTLMS_CMI5),
    ),
    runs=frozenset({"scorm12", "xapi", "cmi5"}),
)  # fmt: skip

BLACKBOARD_PROFILE = LmsProfile(
    name="blackboard",
    title="Blackboard Learn",
    standards=(
        Fact("its SCORM Engine plays SCORM 1.2, SCORM 2004, AICC and Tin Can (xAPI) packages",
             BLACKBOARD),
    ),
    runs=frozenset({*SCORM, "xapi"}),
    launch=(
        Fact("the institution decides whether the SCORM Engine building block is enabled",
             BLACKBOARD),
    ),
    defects=(
        Defect("no Tin Can Learning Record Store is included: only basic data from xAPI "
               "packages reaches the Grade Center", BLACKBOARD),
    ),
)  # fmt: skip

BRIGHTSPACE_PROFILE = LmsProfile(
    name="brightspace",
    title="D2L Brightspace",
    standards=(Fact("SCORM 1.2 and SCORM 2004 compliant", BRIGHTSPACE),),
    runs=frozenset(SCORM),
    launch=(
        Fact("the new SCORM solution (Brightspace 10.6.11 and later) is off by default and "
             "replaces the legacy one when an organisation turns it on", BRIGHTSPACE_NEW),
    ),
    grading=(
        Fact("legacy player, SCORM 1.2: a grade is set when cmi.core.score.raw is set, "
             "cmi.core.score.max is above zero and LMSFinish is called", BRIGHTSPACE_GRADES),
    ),
    defects=(
        Defect("the Learning Repository of the legacy solution cannot publish SCORM 2004 "
               "content directly from a computer", BRIGHTSPACE),
    ),
)  # fmt: skip

CORNERSTONE_PROFILE = LmsProfile(
    name="cornerstone",
    title="Cornerstone OnDemand",
    standards=(
        Fact("course asset content types: SCORM 1.2, SCORM 2004 (3rd edition), AICC 3.5 and "
             "xAPI 1.0.3", CORNERSTONE),
        Fact("xAPI courses are uploaded with the Content Uploader and managed like AICC and "
             "SCORM courses", CORNERSTONE_XAPI),
    ),
    runs=frozenset({"scorm12", "scorm2004-3rd", "xapi"}),
    defects=(
        Defect("reports do not offer SCORM 1.2 courses that SCORM 2004 courses get "
               "(user report)", CORNERSTONE_FORUM),
    ),
)  # fmt: skip

SUCCESSFACTORS_PROFILE = LmsProfile(
    name="successfactors",
    title="SAP SuccessFactors Learning",
    standards=(
        Fact("AICC and SCORM support; the SCORM 2004 API calls it supports are listed",
             SUCCESSFACTORS),
    ),
    runs=frozenset(SCORM),
    sequencing=(
        Fact("SCORM 2004 sequencing: controlMode, constrainedChoiceConsiderations, "
             "sequencingRules and the other sequencing root elements are documented",
             SUCCESSFACTORS),
    ),
)  # fmt: skip

CANVAS_PROFILE = LmsProfile(
    name="canvas",
    title="Canvas LMS",
    launch=(
        Fact("SCORM packages are uploaded through the course's SCORM navigation item; since "
             "July 2021 launches are signed, so links to SCORM content pasted into pages stop "
             "working", CANVAS),
    ),
)  # fmt: skip

SCORM_CLOUD = LmsProfile(
    name="scorm-cloud",
    title="SCORM Cloud (Rustici)",
    standards=(
        Fact("offers full SCORM 2004 support (recommended by Moodle's SCORM maintainer for "
             "it)", MARSDEN_2004),
    ),
    sequencing=(Fact("full SCORM 2004 sequencing", MARSDEN_2004),),
)  # fmt: skip

PROFILES: dict[str, LmsProfile] = {
    profile.name: profile
    for profile in (
        GENERIC,
        MOODLE,
        CANVAS_PROFILE,
        BLACKBOARD_PROFILE,
        BRIGHTSPACE_PROFILE,
        CORNERSTONE_PROFILE,
        SUCCESSFACTORS_PROFILE,
        DOCEBO_PROFILE,
        TALENTLMS_PROFILE,
        SCORM_CLOUD,
    )
}
