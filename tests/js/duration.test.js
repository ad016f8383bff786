import assert from "node:assert/strict";
import { test } from "node:test";

import { isoDuration } from "../../src/scormkit/runtime/track/duration.js";

test("a duration has at least one component and no empty ones", () => {
  assert.equal(isoDuration(0), "PT0S");
  assert.equal(isoDuration(60_000), "PT1M");
  assert.equal(isoDuration(7_200_000), "PT2H");
  assert.equal(isoDuration(3_930_250), "PT1H5M30.25S");
  assert.equal(isoDuration(90_061_000), "PT25H1M1S");
});

test("a duration is rounded to the nearest hundredth of a second, at most two decimals", () => {
  assert.equal(isoDuration(4), "PT0S");
  assert.equal(isoDuration(5), "PT0.01S");
  assert.equal(isoDuration(70), "PT0.07S");
  assert.equal(isoDuration(500), "PT0.5S");
  assert.equal(isoDuration(1234), "PT1.23S");
  assert.equal(isoDuration(1235), "PT1.24S");
  assert.equal(isoDuration(3_725_456), "PT1H2M5.46S");
  assert.equal(isoDuration(59_996), "PT1M");
  assert.equal(isoDuration(3_599_995), "PT1H");
  assert.equal(isoDuration(61_234.4), "PT1M1.23S");
});

test("a negative time (a clock set back) is no time", () => {
  assert.equal(isoDuration(-5), "PT0S");
  assert.equal(isoDuration(-60_000), "PT0S");
});

test("every duration of the first hours is a SCORM 2004 timeinterval with two decimals at most", () => {
  // RTE 4.1.x timeinterval (second,10,2): P[nY][nM][nD][T[nH][nM][n[.n]S]], at least one part.
  const timeinterval = /^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/;
  for (let ms = 0; ms < 7_300_000; ms += 73.1) {
    const text = isoDuration(ms);
    assert.match(text, timeinterval, `${ms} ms`);
    const [, h = "0", m = "0", s = "0"] = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(text);
    const back = (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000;
    assert.ok(Math.abs(back - ms) <= 5 + 1e-6, `${ms} ms read back as ${back}`);
  }
});
