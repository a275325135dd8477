/**
 * News-English synonyms: a reader asks in everyday words ("CEO", "hurt", "stock", "die") what
 * reporters write in their own ("chief executive", "injured", "shares", "deaths"). Each group
 * lists words that stand for one another in news copy ("a > b": a may be written b only); nothing
 * there is about any article. The groups and the opposites are the lexicon's (src/text/lexicon.json).
 * A synonym match counts for less than the word itself (see resolve.ts), so an article using the
 * question's own word still wins.
 */
import { term } from "../search/analyzer.js";
import { oppositePairs, synonymLines } from "../text/lexicon.js";

/** Index term to the terms of its group's other words. */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  const link = (from: readonly string[], to: readonly string[]) => {
    for (const t of from) {
      let set = map.get(t);
      if (!set) map.set(t, (set = new Set()));
      for (const o of to) if (o !== t) set.add(o);
    }
  };
  for (const line of synonymLines()) {
    // "a b > c d": a and b may be written c or d, not the other way round ("said" is no announcement).
    const [left, right] = line.split(">").map(termsIn);
    if (!left || left.length === 0) continue;
    link(left, left);
    if (right) link(left, right);
  }
  return new Map([...map].map(([t, s]) => [t, [...s]]));
})();

function termsIn(words: string): string[] {
  return [...new Set(words.split(/\s+/).map((w) => (w ? term(w) : null)).filter((t): t is string => t !== null))];
}

/** Terms of the words that stand for `t` in news copy (none for most words). */
export function synonymsOf(t: string): readonly string[] {
  return SYNONYMS.get(t) ?? [];
}

/**
 * Index term to the terms of the words of opposite sense, for yes/no questions only: "will schools
 * close?" is answered "schools will stay open". Pairs, each word standing for the other.
 */
const OPPOSITE_TERMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const pair of oppositePairs()) {
    const [a, b] = pair.map((w) => term(w));
    if (!a || !b) continue;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      let set = map.get(from);
      if (!set) map.set(from, (set = new Set()));
      set.add(to);
    }
  }
  return new Map([...map].map(([t, set]) => [t, [...set]]));
})();

/** Terms of the words of opposite sense to `t` ("open" for "close"). */
export function oppositesOf(t: string): readonly string[] {
  return OPPOSITE_TERMS.get(t) ?? [];
}
