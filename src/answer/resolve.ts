/**
 * The question's words found in the coverage: exactly, as a derivation the stemmer keeps apart,
 * or as the likely intended word of a typo. Each word gets the index terms that stand for it,
 * with how much a match through each counts, and an IDF weight.
 */
import type { PassageIndex } from "../search/passage-index.js";
import type { Techniques } from "./options.js";
import type { QuestionWord } from "./question.js";
import { oppositesOf, synonymsOf } from "./synonyms.js";

/** How much a match counts, by how it was made. */
export const STRENGTH = { exact: 1, relative: 0.6, typo1: 0.85, typo2: 0.7, synonym: 0.5, meaning: 0.8, acronym: 0.9 };

/** Two to six capitals, dots allowed ("EU", "U.N.", "CNR"). */
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

export interface ResolvedWord extends QuestionWord {
  /** Index terms that stand for the word, with how strongly. Empty: not in the coverage. */
  reach: Map<string, number>;
  /** Weight of the word in coverage (from IDF; set by the caller for unknown words). */
  weight: number;
  /** Found only by typo correction: must then appear in the sentence itself. */
  corrected: boolean;
  /** Terms reached only through word meaning (vectors, WordNet), with their similarity. */
  soft: Map<string, number>;
}

/**
 * `opposites`: the question asks whether something holds (yes/no), so a sentence saying its
 * opposite answers it too ("schools will stay open" for "will schools close?").
 */
export function resolveWord(index: PassageIndex, w: QuestionWord, use: Techniques, opposites = false): ResolvedWord {
  const reach = new Map<string, number>();
  let corrected = false;
  if (index.knows(w.term)) reach.set(w.term, STRENGTH.exact);
  else if (use.typos) {
    const fix = index.correct(w.word);
    for (const t of fix.terms) reach.set(t, fix.distance <= 1 ? STRENGTH.typo1 : STRENGTH.typo2);
    corrected = reach.size > 0;
  }
  if (use.relatives) {
    for (const base of [...reach.keys(), ...(reach.size === 0 ? [w.term] : [])]) {
      for (const r of index.relatives(base)) if (!reach.has(r)) reach.set(r, STRENGTH.relative);
    }
  }
  if (use.synonyms) {
    // The reporter's word for the reader's ("chief executive" for "CEO"), of the word as typed or
    // as corrected; weaker than the word itself, so an article that uses the word still leads.
    for (const base of [w.term, ...reach.keys()]) {
      for (const s of synonymsOf(base)) if (!reach.has(s) && index.knows(s)) reach.set(s, STRENGTH.synonym);
      if (opposites) for (const s of oppositesOf(base)) if (!reach.has(s) && index.knows(s)) reach.set(s, STRENGTH.synonym);
    }
  }
  // An acronym the coverage spells out instead ("CNR" for "Calvessan National Railways"): the
  // name's words stand for it, a little below the acronym itself.
  if (use.meaning && ACRONYM.test(w.word)) {
    for (const t of index.acronymTerms(w.word)) if (!reach.has(t)) reach.set(t, STRENGTH.acronym);
  }
  // Word meaning, for an ordinary word the coverage does not contain in any form: the corpus's
  // words the vectors (or WordNet, checked by the vectors) put closest. Never for names or numbers:
  // a name the coverage lacks is not another name.
  const soft = new Map<string, number>();
  if (use.meaning && !index.knows(w.term) && !w.proper && index.meaning) {
    for (const m of index.meaning.softMatches(w.word)) {
      const t = index.termOfForm(m.word);
      if (t === undefined || reach.has(t) || index.writesAsName(t)) continue;
      const strength = STRENGTH.meaning * m.similarity;
      reach.set(t, strength);
      soft.set(t, m.similarity);
    }
  }
  let weight = 0;
  for (const [t, s] of reach) weight = Math.max(weight, index.idf(t) * s);
  return { ...w, reach, weight, corrected, soft };
}

/** How strongly a set of terms contains the word (0 when it does not). */
export function matchIn(terms: ReadonlySet<string>, w: ResolvedWord): number {
  let best = 0;
  for (const [t, s] of w.reach) if (s > best && terms.has(t)) best = s;
  return best;
}

/** Key words a sentence may lack (with its context) and still answer: none of two, one of three... */
export function allowedMissing(keyCount: number): number {
  return keyCount >= 3 ? Math.floor(keyCount / 3) : 0;
}
