// How long something took, in the one ISO 8601 duration form SCORM 2004 and xAPI both read:
// a SCORM 2004 timeinterval (RTE 4.1.x: at least one component, seconds to at most two
// decimal places) is also an xAPI duration (xAPI 1.0.3 Data 4.6, which keeps 0.01 s).

/** `ms` rounded to the nearest hundredth of a second, as PT1H5M30.25S; PT0S for none or less. */
export function isoDuration(ms) {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(hundredths / 360000);
  const m = Math.floor(hundredths / 6000) % 60;
  // Hundredths over 100 print with at most two decimals: 30.25, 2.5, 0.07.
  const s = (hundredths % 6000) / 100;
  let text = "PT";
  if (h) text += `${h}H`;
  if (m) text += `${m}M`;
  if (s || text === "PT") text += `${s}S`;
  return text;
}
