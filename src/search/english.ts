/**
 * Small, general English word knowledge for the analyzer: irregular inflections that a suffix
 * stemmer cannot undo ("wrote" is not "write" to Porter), and British spellings folded onto
 * American ones so that "criticised" and "criticized" meet. The words themselves are the
 * lexicon's (src/text/lexicon.json); the rules for reading them are here.
 */
import { LEXICON, wordMap, WORDS } from "../text/lexicon.js";

/**
 * Irregular form to its base word, e.g. "wrote" to "write": the past and participle of the
 * lexicon's irregular verbs, then its irregular plurals ("men" to "man"). Bases map to themselves
 * implicitly.
 */
export const IRREGULAR: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const add = (base: string, forms: readonly string[]) => {
    for (const f of forms) if (f !== base && !WORDS.verbs.ambiguousForms.has(f)) map.set(f, base);
  };
  for (const v of LEXICON.irregularVerbs) add(v.base, [v.past, v.participle]);
  for (const [singular, plural] of LEXICON.irregularPlurals) add(singular, [plural]);
  return map;
})();

/** A few spelling pairs that no suffix rule covers. */
const SPELLING_WORDS = wordMap("spellings");

/**
 * British spellings onto American ones (-ise/-yse to -ize/-yze, -our to -or, -tre to -ter,
 * -ogue to -og). Applied to index and query alike, so over-application is harmless: both sides
 * are rewritten the same way.
 */
export function americanSpelling(w: string): string {
  const whole = SPELLING_WORDS.get(w);
  if (whole) return whole;
  if (w.length < 5) return w;
  return w
    .replace(/^(\p{L}{3,})is(e|ed|es|ing|ation|ations|er|ers)$/u, "$1iz$2")
    .replace(/^(\p{L}{2,})ys(e|ed|es|ing)$/u, "$1yz$2")
    .replace(/^(\p{L}{2,}[^aeiou\P{L}])our(s|ed|ing|ite|ites|able|ably|er|ers|less)?$/u, "$1or$2")
    .replace(/^(\p{L}{2,}[^aeiou\P{L}])(t|b)re(s|d)?$/u, "$1$2er$3")
    .replace(/^(\p{L}{3,})ogue(s)?$/u, "$1og$2");
}
