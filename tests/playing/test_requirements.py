"""Browser tests skip on a machine without their tools, except under CI, where they fail."""

from __future__ import annotations

import pytest

from .requirements import REQUIRE_ENV, skip_or_fail


def test_without_chromium_a_browser_test_is_skipped_with_the_reason(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(REQUIRE_ENV, raising=False)

    with pytest.raises(
        pytest.skip.Exception, match="browser tests need Chromium at /usr/bin/chromium"
    ):
        skip_or_fail(["Chromium at /usr/bin/chromium (apt-get install chromium)"])


def test_under_scormkit_require_browser_a_missing_tool_fails_the_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(REQUIRE_ENV, "1")

    with pytest.raises(
        pytest.fail.Exception, match=r"scorm-again .*\(npm ci\) \(SCORMKIT_REQUIRE_BROWSER=1\)"
    ):
        skip_or_fail(["scorm-again in node_modules/scorm-again/dist (npm ci)"])
