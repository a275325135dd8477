/**
 * Like figures: which figure of one outlet's sentence and which of another's count the same thing,
 * when the sentences are worded too differently to be grouped as one report ("ran aground with 212
 * passengers" / "more than 230 passengers had to be evacuated"; "burned for six hours" / "needed
 * nearly nine hours to bring it under control"). Two figures are alike when they are of one kind
 * and count one noun, and the words around them and the sentences they stand in say the same in
 * other words (index terms, or word vectors for words not shared). Each outlet gives a figure of
 * one thing once: within a pair of articles the figures are matched one to one, best first, so
 * "52 volunteers on the first day" is not also compared with "210 volunteers in all".
 */
import type { Article, Span } from "../corpus/types.js";
import type { SentenceView } from "../answer/sentence-view.js";
import { term, words } from "../search/analyzer.js";
import type { Figure } from "./figures.js";

export interface Statement {
  id: number;
  article: Article;
  span: Span;
  view: SentenceView;
  figures: readonly Figure[];
}

export interface FigureLink {
  a: Statement;
  b: Statement;
  fa: Figure;
  fb: Figure;
  score: number;
}

export interface LikeOptions {
  /** Weighted overlap (Dice) of two sentences' index terms: corroborate.ts's. */
  overlap: (a: SentenceView, b: SentenceView) => number;
  /** Cosine of two words, null when either has no vector; absent: words match by index term only. */
  similarity?: ((a: string, b: string) => number | null) | null;
  /**
   * May these two sentences report one thing at all (dates, publication)? Null: no; else what
   * that adds to their score (sentences giving one date are likelier one report than undated ones).
   */
  fit: (a: Statement, b: Statement) => number | null;
  /** An article's day of publication (a day number), when known... */
  published?: (article: Article) => number | null;
  /** ...and how far apart two articles' days may be for them to report one thing. */
  storyDays?: number;
}

/** Words around a figure that say what it counts or how it came about: six either side. */
const REACH_BEFORE = 6;
const REACH_AFTER = 6;
/** Words at least this close by their vectors count as saying the same ("closure" / "closed"). */
const VECTOR_SAME = 0.55;
/**
 * A pair of figures is alike at this score or above: the share of the words around them that say
 * the same, plus the sentences' weighted overlap.
 */
export const LIKE_MIN = 0.4;

interface Slot {
  words: string[];
  terms: (string | null)[];
}

const slots = new WeakMap<Figure, Slot>();

function slotOf(view: SentenceView, f: Figure): Slot {
  let s = slots.get(f);
  if (s) return s;
  const before = words(view.text.slice(0, f.start)).slice(-REACH_BEFORE);
  const after = words(view.text.slice(f.end)).slice(0, REACH_AFTER);
  const kept = [...before, ...after].map((t) => t.word.toLowerCase()).filter((w) => term(w) !== null && term(w) !== f.key);
  s = { words: kept, terms: kept.map((w) => term(w)) };
  slots.set(f, s);
  return s;
}

/** How much of two figures' surroundings say the same: each word's best match on the other side, averaged. */
export function slotLikeness(va: SentenceView, fa: Figure, vb: SentenceView, fb: Figure, similarity?: LikeOptions["similarity"]): number {
  const a = slotOf(va, fa);
  const b = slotOf(vb, fb);
  if (a.words.length === 0 || b.words.length === 0) return 0;
  const best = (x: Slot, i: number, y: Slot) => {
    let top = 0;
    for (let j = 0; j < y.words.length; j++) {
      if (x.terms[i] === y.terms[j]) return 1;
      const s = similarity?.(x.words[i]!, y.words[j]!) ?? 0;
      if (s >= VECTOR_SAME && s > top) top = s;
    }
    return top;
  };
  let sum = 0;
  for (let i = 0; i < a.words.length; i++) sum += best(a, i, b);
  for (let j = 0; j < b.words.length; j++) sum += best(b, j, a);
  return sum / (a.words.length + b.words.length);
}

/**
 * Outlets that disagree about a figure still give it the same order of magnitude: "an eight-week
 * consultation" and "35 minutes", or "spread five kilometres" and "found 20 kilometres away", are
 * figures of different things.
 */
const MAX_RATIO = 2.5;

/** Figures of one kind counting one thing: durations, or counts of one noun, of a like size. */
function comparable(fa: Figure, fb: Figure): boolean {
  if (fa.kind !== fb.kind || fa.key !== fb.key) return false;
  const [low, high] = fa.value <= fb.value ? [fa.value, fb.value] : [fb.value, fa.value];
  return low > 0 && high <= low * MAX_RATIO;
}

/** A figure's kind and counted thing, for finding the statements that may share it. */
function keyOf(f: Figure): string {
  return `${f.kind}:${f.key}`;
}

/** More statements than this giving one key (in a large coverage) are not compared by that key. */
const MAX_POSTINGS = 2000;

/**
 * Links between like figures of different articles, at most one per figure and pair of articles,
 * best first.
 */
export function linkFigures(statements: readonly Statement[], options: LikeOptions): FigureLink[] {
  const postings = new Map<string, Statement[]>();
  for (const s of statements) {
    for (const k of new Set(s.figures.map(keyOf))) {
      let list = postings.get(k);
      if (!list) postings.set(k, (list = []));
      list.push(s);
    }
  }
  // Candidate pairs of statements, by pair of articles.
  const pairs = new Map<string, Map<string, [Statement, Statement]>>();
  const day = (s: Statement) => options.published?.(s.article) ?? null;
  for (const all of postings.values()) {
    // By publication day, so that only articles published close together are paired; undated
    // articles (last) are paired with every one.
    const list = [...all].sort((x, y) => (day(x) ?? Infinity) - (day(y) ?? Infinity));
    if (list.length > MAX_POSTINGS) continue;
    for (let i = 0; i < list.length; i++) {
      const di = day(list[i]!);
      for (let j = i + 1; j < list.length; j++) {
        const dj = day(list[j]!);
        if (di !== null && dj !== null && options.storyDays !== undefined && dj - di > options.storyDays) break;
        const [a, b] = list[i]!.article.id < list[j]!.article.id ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        if (a.article === b.article) continue;
        const articles = `${a.article.id}\u0000${b.article.id}`;
        let mine = pairs.get(articles);
        if (!mine) pairs.set(articles, (mine = new Map()));
        mine.set(`${a.id}:${b.id}`, [a, b]);
      }
    }
  }
  const out: FigureLink[] = [];
  for (const mine of pairs.values()) {
    const candidates: FigureLink[] = [];
    for (const [a, b] of mine.values()) {
      const fit = options.fit(a, b);
      if (fit === null) continue;
      const overlap = options.overlap(a.view, b.view) + fit;
      for (const fa of a.figures) {
        for (const fb of b.figures) {
          if (!comparable(fa, fb)) continue;
          const score = slotLikeness(a.view, fa, b.view, fb, options.similarity) + overlap;
          if (score >= LIKE_MIN) candidates.push({ a, b, fa, fb, score });
        }
      }
    }
    candidates.sort((x, y) => y.score - x.score);
    const used = new Set<Figure>();
    for (const c of candidates) {
      if (used.has(c.fa) || used.has(c.fb)) continue;
      used.add(c.fa);
      used.add(c.fb);
      out.push(c);
    }
  }
  return out.sort((x, y) => y.score - x.score);
}
