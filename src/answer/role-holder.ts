/**
 * A speaker asked about by office ("what did venezuela's president say") is quoted by name
 * ("... Maduro wrote"). The coverage says who holds the office where it writes the office before
 * a name ("Venezuelan President Nicolas Maduro"): that surname then stands for the speaker.
 */
import type { PassageIndex } from "../search/passage-index.js";
import { isRoleWord } from "./cues.js";
import type { ResolvedWord } from "./resolve.js";
import { viewOf } from "./sentence-view.js";
import { fold } from "../search/analyzer.js";
import { WORDS } from "../text/lexicon.js";

/** Passages read to find the office holder: the office is written out near the story's top. */
const PASSAGES = 20;
/** How far before the office its qualifier may stand ("Venezuelan interim President"). */
const QUALIFIER_REACH = 3;

/**
 * The index term of the surname of whoever the coverage names right after the office the speaker
 * words describe, with every other speaker word just before it; null when it names no one or
 * several people equally often, or when the asker typed a name (`typedNames`: terms capitalised
 * in the question).
 */
export function roleHolder(index: PassageIndex, speaker: readonly ResolvedWord[], typedNames: ReadonlySet<string>): string | null {
  // A speaker the asker named ("President Putin") needs no one found for the office; a qualifier
  // typed in lower case ("venezuelan") may still be written capitalised in the coverage.
  const roles = speaker.filter((w) => isRoleWord(w.word));
  if (roles.length !== 1 || speaker.some((w) => typedNames.has(w.term)) || speaker.some((w) => w.reach.size === 0)) return null;
  const role = roles[0]!;
  const qualifiers = speaker.filter((w) => w !== role);
  const counts = new Map<string, number>();
  for (const hit of index.search([...new Set(speaker.flatMap((w) => [...w.reach.keys()]))], PASSAGES)) {
    const { article, paragraph } = hit.passage;
    for (const si of paragraph.sentences) {
      const toks = viewOf(article, si).tokens;
      toks.forEach((tok, i) => {
        if (tok.term === null || !role.reach.has(tok.term)) return;
        // Every qualifier ("venezuela") just before the office, as a word of the name phrase.
        const before = toks.slice(Math.max(0, i - QUALIFIER_REACH), i);
        if (!qualifiers.every((q) => before.some((b) => b.term !== null && q.reach.has(b.term)))) return;
        // The name: capitalised words right after the office.
        let end = i;
        while (end + 1 < toks.length && /^\p{Lu}/u.test(toks[end + 1]!.word) && !WORDS.names.notNames.has(fold(toks[end + 1]!.word))) end++;
        const surname = end > i ? toks[end]!.term : null;
        if (surname) counts.set(surname, (counts.get(surname) ?? 0) + 1);
      });
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1]![1] === ranked[0]![1])) return null;
  return ranked[0]![0];
}
