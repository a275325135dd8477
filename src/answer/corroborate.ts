/**
 * Corroboration: do two sentences from different articles report the same thing in nearly the
 * same words (wire copy, two translations of one quote)? Compared on index terms weighted by IDF,
 * with names discounted: two reports that merely share "Russian President Vladimir Putin" are not
 * the same report, while two that share "certain legal procedures announced" are. Opposite
 * polarity ("did not congratulate" / "congratulates") is never the same report.
 */
import type { SentenceView } from "./sentence-view.js";
import { alternation } from "../text/lexicon.js";

/** A negation ("not", "never") or a word with "n't" in it. */
const NEGATED = new RegExp(`^(?:${alternation("function.negations")})$|n['’]t$`, "i");

export interface SameReportOptions {
  /** Weighted Dice overlap of terms at or above which two sentences are the same report. */
  minDice: number;
  /** Or: this much term overlap together with `minPhrase` overlap of adjacent term pairs. */
  minDiceWithPhrases: number;
  minPhrase: number;
  /** Or: the smaller sentence contained in the larger to this weighted degree... */
  minContainment: number;
  /** ...provided it has at least this many terms (a short line is contained by chance). */
  minContainedTerms: number;
  /** Weight of a name relative to other words. */
  nameWeight: number;
}

export const SAME_REPORT: SameReportOptions = {
  minDice: 0.5,
  minDiceWithPhrases: 0.4,
  minPhrase: 0.4,
  minContainment: 0.85,
  minContainedTerms: 6,
  nameWeight: 0.3,
};

interface ReportProfile {
  /** Terms written capitalised inside the sentence: names. */
  names: Set<string>;
  /** Adjacent term pairs, the sentence's phrasing. */
  pairs: Set<string>;
  negated: boolean;
}

const profiles = new WeakMap<SentenceView, ReportProfile>();

function profileOf(view: SentenceView): ReportProfile {
  let p = profiles.get(view);
  if (p) return p;
  const names = new Set<string>();
  const pairs = new Set<string>();
  let prev: string | null = null;
  view.tokens.forEach((t, i) => {
    if (!t.term) return;
    if (i > 0 && /^\p{Lu}/u.test(t.word)) names.add(t.term);
    if (prev) pairs.add(`${prev} ${t.term}`);
    prev = t.term;
  });
  const negated = view.tokens.some((t) => NEGATED.test(t.word));
  p = { names, pairs, negated };
  profiles.set(view, p);
  return p;
}

function setDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** How much of two sentences' weight they share (0 when either weighs nothing). */
export interface Overlap {
  /** Weighted Dice: twice the shared weight over both sentences' weight. */
  dice: number;
  /** Shared weight over the lighter sentence's weight. */
  containment: number;
}

/** Decides whether two sentences are the same report; memoised for one question's candidates. */
export interface SameReport {
  (a: SentenceView, b: SentenceView): boolean;
  /** The weighted overlap the decision rests on (not memoised; for tests and tuning). */
  overlap(a: SentenceView, b: SentenceView): Overlap;
}

/**
 * A comparer for one question: one IDF table, every sentence's own weight computed once and every
 * pair decided once. A reply compares each of hundreds of candidates with the leading few, often
 * the same pair more than once, so this is where an answer's time goes.
 *
 * A term weighs its IDF, times `nameWeight` when either sentence writes it as a name. A sentence's
 * total weight therefore depends on the other sentence only through the terms they share, so it
 * is computed once ("own weight": names by its own capitals) and corrected over the shared terms,
 * which are all a comparison has to visit.
 */
export function reportComparer(idf: (t: string) => number, options: SameReportOptions = SAME_REPORT): SameReport {
  const own = new Map<SentenceView, number>();
  const decided = new Map<SentenceView, Map<SentenceView, boolean>>();
  const ownWeight = (v: SentenceView, names: ReadonlySet<string>) => {
    let w = own.get(v);
    if (w === undefined) {
      w = 0;
      for (const t of v.terms) w += idf(t) * (names.has(t) ? options.nameWeight : 1);
      own.set(v, w);
    }
    return w;
  };
  const overlap = (a: SentenceView, b: SentenceView): Overlap => {
    const pa = profileOf(a);
    const pb = profileOf(b);
    let wa = ownWeight(a, pa.names);
    let wb = ownWeight(b, pb.names);
    let shared = 0;
    const [small, large] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
    for (const t of small) {
      if (!large.has(t)) continue;
      const inA = pa.names.has(t);
      const inB = pb.names.has(t);
      const i = idf(t);
      if (inA || inB) {
        shared += i * options.nameWeight;
        // A name in one sentence only weighs as a name in the other too.
        if (!inA) wa -= i * (1 - options.nameWeight);
        if (!inB) wb -= i * (1 - options.nameWeight);
      } else shared += i;
    }
    // Subtraction may leave a rounding crumb where the true weight is zero.
    if (wa <= 1e-9 || wb <= 1e-9) return { dice: 0, containment: 0 };
    return { dice: (2 * shared) / (wa + wb), containment: shared / Math.min(wa, wb) };
  };
  const decide = (a: SentenceView, b: SentenceView): boolean => {
    const pa = profileOf(a);
    const pb = profileOf(b);
    if (pa.negated !== pb.negated) return false;
    const o = overlap(a, b);
    if (o.dice >= options.minDice) return true;
    if (o.dice >= options.minDiceWithPhrases && setDice(pa.pairs, pb.pairs) >= options.minPhrase) return true;
    return o.containment >= options.minContainment && Math.min(a.terms.size, b.terms.size) >= options.minContainedTerms;
  };
  const same = (a: SentenceView, b: SentenceView): boolean => {
    // The relation is symmetric: one entry per unordered pair.
    const [x, y] = a.sentence.index < b.sentence.index || (a.sentence.index === b.sentence.index && a.article.id < b.article.id) ? [a, b] : [b, a];
    let row = decided.get(x);
    if (!row) decided.set(x, (row = new Map()));
    let known = row.get(y);
    if (known === undefined) row.set(y, (known = decide(x, y)));
    return known;
  };
  return Object.assign(same, { overlap });
}

/** One comparison; for many, make one `reportComparer` per question. */
export function sameReport(a: SentenceView, b: SentenceView, idf: (t: string) => number, options: SameReportOptions = SAME_REPORT): boolean {
  return reportComparer(idf, options)(a, b);
}

/** Who stands behind a report: the outlet, or the article itself when its outlet is unknown. */
export function sourceKey(view: SentenceView): string {
  return view.article.outlet ?? `article:${view.article.id}`;
}
