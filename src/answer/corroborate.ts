/**
 * Corroboration: do two sentences from different articles report the same thing in nearly the
 * same words (wire copy, two translations of one quote)? Compared on index terms weighted by IDF,
 * with names discounted: two reports that merely share "Russian President Vladimir Putin" are not
 * the same report, while two that share "certain legal procedures announced" are. Opposite
 * polarity ("did not congratulate" / "congratulates") is never the same report.
 */
import type { SentenceView } from "./sentence-view.js";

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
  const negated = view.tokens.some((t) => /^(?:not|never|no|n't|neither|nor)$|n['’]t$/i.test(t.word));
  p = { names, pairs, negated };
  profiles.set(view, p);
  return p;
}

export interface Overlap {
  dice: number;
  containment: number;
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (t: string) => number): Overlap {
  let wa = 0;
  let wb = 0;
  let shared = 0;
  for (const t of a) {
    const w = weight(t);
    wa += w;
    if (b.has(t)) shared += w;
  }
  for (const t of b) wb += weight(t);
  if (wa === 0 || wb === 0) return { dice: 0, containment: 0 };
  return { dice: (2 * shared) / (wa + wb), containment: shared / Math.min(wa, wb) };
}

function setDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function sameReport(
  a: SentenceView,
  b: SentenceView,
  idf: (t: string) => number,
  options: SameReportOptions = SAME_REPORT,
): boolean {
  const pa = profileOf(a);
  const pb = profileOf(b);
  if (pa.negated !== pb.negated) return false;
  const weight = (t: string) => idf(t) * (pa.names.has(t) || pb.names.has(t) ? options.nameWeight : 1);
  const o = overlap(a.terms, b.terms, weight);
  if (o.dice >= options.minDice) return true;
  if (o.dice >= options.minDiceWithPhrases && setDice(pa.pairs, pb.pairs) >= options.minPhrase) return true;
  return o.containment >= options.minContainment && Math.min(a.terms.size, b.terms.size) >= options.minContainedTerms;
}

/** Who stands behind a report: the outlet, or the article itself when its outlet is unknown. */
export function sourceKey(view: SentenceView): string {
  return view.article.outlet ?? `article:${view.article.id}`;
}
