// The player's words: the course JSON carries them (`text`, from src/scormkit/player_text.py,
// in the player's language), so no view module holds a sentence of its own. Pure.

/** A function giving the text under `key`, its `{name}` placeholders filled from `values`. */
export function wordsOf(course) {
  return (key, values = {}) =>
    course.text[key].replace(/\{(\w+)\}/g, (whole, name) =>
      name in values ? String(values[name]) : whole,
    );
}
