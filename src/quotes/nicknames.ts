/**
 * Everyday forms of English given names: a user asks for "Bob Marlowe" or "Joseph Marlowe" where
 * the coverage writes "Robert Marlowe" or "Joe Marlowe". General English naming, like the
 * irregular verbs of the analyzer; nothing here is about any article. Used only to look a query
 * up, never to merge two people the coverage names differently. The groups are the lexicon's
 * (src/text/lexicon.json).
 */
import { givenNameGroups } from "../text/lexicon.js";

const FORMS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of givenNameGroups()) {
    const names = group.trim().split(/\s+/).filter(Boolean);
    for (const n of names) {
      let set = map.get(n);
      if (!set) map.set(n, (set = new Set()));
      for (const o of names) if (o !== n) set.add(o);
    }
  }
  return map;
})();

/** Are these folded given names one name in its everyday forms ("bob" and "robert")? */
export function sameByNickname(a: string, b: string): boolean {
  return FORMS.get(a)?.has(b) ?? false;
}
