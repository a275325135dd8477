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
import { compatible, dayNumber, precisionOf, type PartialDate } from "../dates/calendar.js";
import { pastVerbs } from "../dates/read-dates.js";

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
  /**
   * Nouns that count the same kind of thing though they differ ("140 people" / "160 staff",
   * "pupils" / "students"): WordNet (text/wordnet.ts). `kinds` gives what a noun may count, to
   * find such figures; `alike` decides.
   */
  nouns?: { alike: (a: string, b: string) => boolean; kinds: (noun: string, own?: boolean) => string[] } | null;
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
/**
 * Dates need more: one article's story has many dated sentences in like words ("the search
 * resumed on Monday", "the search was called off on Tuesday"), while a figure of one kind and noun
 * is rare.
 */
export const DATE_LIKE_MIN = 0.7;

interface Slot {
  words: string[];
  terms: (string | null)[];
}

/** Words of a sentence that state something: a figure, or a date (which counts nothing). */
type Marked = Pick<Figure, "start" | "end"> & { key?: string };

const slots = new WeakMap<Marked, Slot>();

function slotOf(view: SentenceView, f: Marked): Slot {
  let s = slots.get(f);
  if (s) return s;
  const before = words(view.text.slice(0, f.start)).slice(-REACH_BEFORE);
  const after = words(view.text.slice(f.end)).slice(0, REACH_AFTER);
  const kept = [...before, ...after].map((t) => t.word.toLowerCase()).filter((w) => term(w) !== null && term(w) !== f.key);
  s = { words: kept, terms: kept.map((w) => term(w)) };
  slots.set(f, s);
  return s;
}

/** Word `i` of `x`'s best match in `y`: 1 for the same term, else the closest word by meaning from VECTOR_SAME, else 0. */
function bestMatch(x: Slot, i: number, y: Slot, similarity?: LikeOptions["similarity"]): number {
  let top = 0;
  for (let j = 0; j < y.words.length; j++) {
    if (x.terms[i] === y.terms[j]) return 1;
    const s = similarity?.(x.words[i]!, y.words[j]!) ?? 0;
    if (s >= VECTOR_SAME && s > top) top = s;
  }
  return top;
}

/** How much of two figures' surroundings say the same: each word's best match on the other side, averaged. */
export function slotLikeness(va: SentenceView, fa: Marked, vb: SentenceView, fb: Marked, similarity?: LikeOptions["similarity"]): number {
  const a = slotOf(va, fa);
  const b = slotOf(vb, fb);
  if (a.words.length === 0 || b.words.length === 0) return 0;
  const best = (x: Slot, i: number, y: Slot) => bestMatch(x, i, y, similarity);
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

/** Figures of one kind counting one thing: durations, or counts of one noun or alike nouns, of a like size. */
function comparable(fa: Figure, fb: Figure, nouns: LikeOptions["nouns"]): boolean {
  if (fa.kind !== fb.kind) return false;
  if (fa.key !== fb.key && !(fa.noun && fb.noun && nouns?.alike(fa.noun, fb.noun))) return false;
  const [low, high] = fa.value <= fb.value ? [fa.value, fb.value] : [fb.value, fa.value];
  return low > 0 && high <= low * MAX_RATIO;
}

/** A figure's kind and counted thing, and the kinds of thing its noun may count, for finding the statements that may share it. */
function keysOf(f: Figure, nouns: LikeOptions["nouns"]): string[] {
  return [`${f.kind}:${f.key}`, ...(f.noun && nouns ? nouns.kinds(f.noun, false).map((k) => `${f.kind}:\u0000${k}`) : [])];
}

/**
 * More statements than this giving one key (in a large coverage) are not compared by that key: a key
 * so common is no sign of one event, and pairing its statements grows with the square of their
 * number (2,000 made the first timeline of the seeds plus 233 undated addresses take 13-17 s).
 */
const MAX_POSTINGS = 300;
/** Nor more than this counting one kind of thing under different nouns ("people" and every kind of person). */
const MAX_KIND_POSTINGS = 300;

/**
 * Links between like figures of different articles, at most one per figure and pair of articles,
 * best first.
 */
export function linkFigures(statements: readonly Statement[], options: LikeOptions): FigureLink[] {
  // Each statement under what its figures count, and under what their nouns' kinds are: a
  // statement meets another that counts one of its kinds ("people" meets "passengers"), never one
  // that only shares a kind with it ("passengers" and "crew" are both people).
  const postings = new Map<string, Statement[]>();
  const reaches = new Map<string, Set<Statement>>();
  for (const s of statements) {
    for (const f of s.figures) {
      const [own, ...kinds] = keysOf(f, options.nouns);
      for (const k of [own!, ...(f.noun && options.nouns ? options.nouns.kinds(f.noun, true).map((x) => `${f.kind}:\u0000${x}`) : [])]) {
        let list = postings.get(k);
        if (!list) postings.set(k, (list = []));
        if (list.at(-1) !== s) list.push(s);
      }
      for (const k of kinds) {
        let set = reaches.get(k);
        if (!set) reaches.set(k, (set = new Set()));
        set.add(s);
      }
    }
  }
  // Candidate pairs of statements, by pair of articles.
  const pairs = new Map<string, Map<string, [Statement, Statement]>>();
  const day = (s: Statement) => options.published?.(s.article) ?? null;
  for (const [key, all] of postings) {
    // By publication day, so that only articles published close together are paired; undated
    // articles (last) are paired with every one. Statements that only reach this kind pair with
    // the ones counting it.
    const own = new Set(all);
    const reach = reaches.get(key);
    if (all.length > MAX_POSTINGS || (reach && all.length + reach.size > MAX_KIND_POSTINGS)) continue;
    const list = [...new Set([...all, ...(reach ?? [])])].sort((x, y) => (day(x) ?? Infinity) - (day(y) ?? Infinity));
    for (let i = 0; i < list.length; i++) {
      const di = day(list[i]!);
      for (let j = i + 1; j < list.length; j++) {
        if (!own.has(list[i]!) && !own.has(list[j]!)) continue;
        const dj = day(list[j]!);
        if (di !== null && dj !== null && options.storyDays !== undefined && dj - di > options.storyDays) break;
        const [a, b] = list[i]!.article.id < list[j]!.article.id ? [list[i]!, list[j]!] : [list[j]!, list[i]!];
        if (a.article === b.article) continue;
        // Only statements with figures that may be compared are scored (the costly part).
        if (!a.figures.some((fa) => b.figures.some((fb) => comparable(fa, fb, options.nouns)))) continue;
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
          if (!comparable(fa, fb, options.nouns)) continue;
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

/**
 * A date one sentence gives for what it tells, with the date's words' offsets in the sentence:
 * its slot is read like a figure's ("arrived on Sunday" / "was delivered on February 11").
 */
export interface DateMark {
  id: number;
  article: Article;
  view: SentenceView;
  start: number;
  end: number;
  /** Where the words telling what happened on that date begin: after the sentence's previous date. */
  from: number;
  date: PartialDate;
  /**
   * What is still to come when it was written ("would reopen on Monday at the earliest"): it may
   * be the event another outlet reports as done, so it takes part in the matching, but a plan that
   * went otherwise is no disagreement.
   */
  plan: boolean;
  /**
   * The date says when something was said or announced ("announced on Sunday"), not when it
   * happened: the word that says so ("announced"), else null.
   */
  said: string | null;
}

export interface DateLink {
  a: DateMark;
  b: DateMark;
  score: number;
}

export interface DateLikeOptions {
  overlap: (a: SentenceView, b: SentenceView) => number;
  similarity?: LikeOptions["similarity"];
  /** The day two articles' dates are told from: the later publication, null when neither is dated. */
  toldOn: (a: Article, b: Article) => number | null;
  /** Marks of one article already grouped with the other article's as one event (they agree). */
  grouped: (a: DateMark, b: DateMark) => boolean;
  /** How telling a word is (idf): "refloated" says more than "on" or "said". */
  weight: (term: string) => number;
}

/** Words before a date that tell what happened on it: the last few since the sentence's previous date. */
const DATE_REACH = 8;
/**
 * The nearer a word is to the date, the likelier it tells what happened then ("refloated the ferry
 * on Sunday"); further back stand who and where ("Hallow Creek miners", "Brackwater schools"),
 * shared by all of a story's events. Each word back weighs this much of the one after it.
 */
const NEARNESS = 0.75;

const dateSlots = new WeakMap<DateMark, Slot>();

function dateSlotOf(m: DateMark): Slot {
  let s = dateSlots.get(m);
  if (s) return s;
  const kept = words(m.view.text.slice(m.from, m.start))
    .map((t) => t.word.toLowerCase())
    .filter((w) => term(w) !== null)
    .slice(-DATE_REACH);
  s = { words: kept, terms: kept.map((w) => term(w)) };
  dateSlots.set(m, s);
  return s;
}

/** The index terms of the words telling what happened on a date, for finding dates told alike. */
export function dateSlotTerms(m: DateMark): string[] {
  return dateSlotOf(m).terms.filter((t): t is string => t !== null);
}

/**
 * How much two dates' leading words say the same, each word weighted by how telling it is: "the
 * ship was refloated" / "a salvage team refloated the ferry" share the word that matters.
 */
export function dateSlotLikeness(a: DateMark, b: DateMark, weight: (term: string) => number, similarity?: LikeOptions["similarity"]): number {
  const x = dateSlotOf(a);
  const y = dateSlotOf(b);
  if (x.words.length === 0 || y.words.length === 0) return 0;
  const best = (p: Slot, i: number, q: Slot) => bestMatch(p, i, q, similarity);
  let sum = 0;
  let total = 0;
  for (const [p, q] of [
    [x, y],
    [y, x],
  ] as const) {
    for (let i = 0; i < p.words.length; i++) {
      const w = weight(p.terms[i]!) * NEARNESS ** (p.words.length - 1 - i);
      sum += w * best(p, i, q);
      total += w;
    }
  }
  return total > 0 ? sum / total : 0;
}

/** A date as a span of days, to measure how long before the telling it stands. */
function middleDay(d: PartialDate): number {
  if (d.month === null) return dayNumber({ year: d.year, month: 7, day: 1 });
  if (d.day === null) return dayNumber({ year: d.year, month: d.month, day: 15 });
  return dayNumber({ year: d.year, month: d.month, day: d.day });
}

/**
 * Two outlets' dates of one event differ by little against how long ago it was: a day or two in
 * last week's story ("on Saturday night" / "on Sunday morning"), years in a bridge's history
 * ("opened in 1968" / "in 1966"). Dates as far apart as they are from the telling (a week before
 * and the day before) are of different events. Like figures, they are of one precision.
 */
export function datesComparable(a: PartialDate, b: PartialDate, toldOn: number | null): boolean {
  if (precisionOf(a) !== precisionOf(b)) return false;
  const x = middleDay(a);
  const y = middleDay(b);
  const ref = toldOn ?? Math.max(x, y);
  const [ax, ay] = [ref - x, ref - y];
  if (Math.sign(ax) * Math.sign(ay) < 0) return false;
  const [low, high] = Math.abs(ax) <= Math.abs(ay) ? [Math.abs(ax), Math.abs(ay)] : [Math.abs(ay), Math.abs(ax)];
  return high + 1 <= (low + 1) * MAX_RATIO;
}

/**
 * When something was said is compared with when the other outlet says it was said, never with
 * when something happened ("police said on Monday" / "police arrested him on Sunday")... unless
 * the saying is what the other dates: "tests confirmed on Tuesday that it was H5N1" / "the
 * laboratory confirmed the strain the next day", "announced on Sunday" / "announced an inquiry on
 * Saturday", where the one word that made the date a statement tells the other's event.
 */
function saidAlike(x: DateMark, y: DateMark): boolean {
  if ((x.said === null) === (y.said === null)) return true;
  const [said, other] = x.said !== null ? [x, y] : [y, x];
  return dateSlotTerms(other).includes(term(said.said!.toLowerCase()) ?? "");
}

/**
 * Does `a` date a later act on what `b` tells of ("Evacuated residents of Mill Lane returned home
 * last Saturday" / "Firefighters evacuated 230 residents ... on Tuesday")? The verb nearest `b`'s
 * date stands in `a` only as background, before a verb of `a`'s own that `b` does not tell.
 */
function laterAct(a: DateMark, b: DateMark, similarity: LikeOptions["similarity"]): boolean {
  const va = pastVerbs(a.view.text.slice(a.from, a.start));
  const vb = pastVerbs(b.view.text.slice(b.from, b.start));
  const own = va.at(-1);
  const theirs = vb.at(-1);
  if (!own || !theirs) return false;
  const same = (x: string, y: string) => term(x.toLowerCase()) === term(y.toLowerCase()) || (similarity?.(x.toLowerCase(), y.toLowerCase()) ?? 0) >= VECTOR_SAME;
  if (vb.some((v) => same(v.word, own.word))) return false;
  return va.slice(0, -1).some((v) => same(v.word, theirs.word));
}

/**
 * Links between dates of different articles told in like words, at most one per date and pair of
 * articles, best first; only the ones whose dates cannot both be true are returned. Agreeing pairs
 * and pairs the grouping already made take part in the matching, so that an outlet telling of two
 * searches, on Saturday and on Sunday, has its Saturday matched with the other's Saturday.
 */
export function linkDates(pairs: Iterable<readonly [DateMark, DateMark]>, options: DateLikeOptions): DateLink[] {
  const byArticles = new Map<string, DateLink[]>();
  for (const [x, y] of pairs) {
    // When something was said is compared with when the other outlet says it was said, never
    // with when something happened.
    if (x.article === y.article || !saidAlike(x, y)) continue;
    const [a, b] = x.article.id < y.article.id ? [x, y] : [y, x];
    const same = compatible(a.date, b.date);
    if (!same && !datesComparable(a.date, b.date, options.toldOn(a.article, b.article))) continue;
    if (!options.grouped(a, b) && (laterAct(a, b, options.similarity) || laterAct(b, a, options.similarity))) continue;
    const score = options.grouped(a, b) ? Infinity : dateSlotLikeness(a, b, options.weight, options.similarity) + options.overlap(a.view, b.view);
    if (score < DATE_LIKE_MIN) continue;
    const key = `${a.article.id}\u0000${b.article.id}`;
    let list = byArticles.get(key);
    if (!list) byArticles.set(key, (list = []));
    list.push({ a, b, score });
  }
  const out: DateLink[] = [];
  for (const list of byArticles.values()) {
    list.sort((x, y) => y.score - x.score);
    const used = new Set<number>();
    for (const l of list) {
      if (used.has(l.a.id) || used.has(l.b.id)) continue;
      used.add(l.a.id);
      used.add(l.b.id);
      if (!compatible(l.a.date, l.b.date) && !l.a.plan && !l.b.plan) out.push(l);
    }
  }
  return out.sort((x, y) => y.score - x.score);
}
