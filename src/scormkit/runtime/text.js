// The player's words: the course JSON carries them (`text`, from src/scormkit/player_text.py,
// in the player's language), so no view module holds a sentence of its own. Pure.

/**
 * A function giving the text under `key`, its `{name}` placeholders filled from `values`.
 * A count `n` picks the plural form `key_one` (or `_two`, `_few`, `_many`) when the course's
 * language calls for it and the table has it.
 */
export function wordsOf(course) {
  const rules = new Intl.PluralRules(course.language);
  return (key, values = {}) => {
    const form = "n" in values ? `${key}_${rules.select(values.n)}` : key;
    return (course.text[form] ?? course.text[key]).replace(/\{(\w+)\}/g, (whole, name) =>
      name in values ? String(values[name]) : whole,
    );
  };
}
