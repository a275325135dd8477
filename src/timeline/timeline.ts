/**
 * The coverage's dated events in date order. Every date an article gives (dates/read-dates.ts) makes an
 * event of its sentence; a sentence that gives two dates ("Peskov said on Monday that Putin
 * congratulated Trump in 2016") makes two. Events of different outlets that report the same thing
 * share a row, decided by the comparison /ask uses for corroboration (corroborate.ts), looser when
 * their dates agree; each row cites every outlet with the same offsets, excerpts and text-fragment
 * links as /ask (src/citation/), and flags where their figures differ (disagree/). Built once for the
 * corpus, on first use; a topic then only picks rows.
 */
import { citeSpan } from "../citation/citation.js";
import { lazily } from "../lazily.js";
import { NounNet } from "../text/wordnet.js";
import { reportComparer, type SameReport } from "../answer/corroborate.js";
import { DEFAULTS } from "../answer/options.js";
import { analyzeQuestion } from "../answer/question.js";
import { matchIn, resolveWord, type ResolvedWord } from "../answer/resolve.js";
import { viewOf, type SentenceView } from "../answer/sentence-view.js";
import type { Citation } from "../citation/citation.js";
import type { Article, Sentence, Span } from "../corpus/types.js";
import type { PassageIndex } from "../search/passage-index.js";
import { term, words } from "../search/analyzer.js";
import { disagreements, type Disagreement, type Member } from "../disagree/compare.js";
import { consistent, figuresIn, type Figure } from "../disagree/figures.js";
import { dateSlotTerms, linkDates, linkFigures, type DateMark, type Statement } from "../disagree/like.js";
import { asDay, compatible, compareDates, dayNumber, humanDate, isoDate, parseIsoDate, precisionOf, type PartialDate, type Precision } from "../dates/calendar.js";
import { articleDates, inFutureClause, speechWordBefore, type ArticleDates, type Basis, type DateMention } from "../dates/read-dates.js";

export interface TimelineEvent {
  /** ISO 8601 at the stated precision: "2016", "2020-11", "2020-11-09". */
  date: string;
  precision: Precision;
  /** How a relative date was read, from the first citation's words; null when written in full. */
  read_as: string | null;
  /** The first citation dates the row; the others are other outlets reporting the same event. */
  citations: Citation[];
  /** Where the outlets' figures differ (duration, count, date). */
  disagreements: Disagreement[];
}

export interface TimelineResult {
  /** The topic asked for, or null for the whole coverage. */
  topic: string | null;
  events: TimelineEvent[];
  /** The topic's words no article contains. */
  notFound: string[];
  /** Why there are no events, in a sentence a user can read; null when there are some. */
  reason: string | null;
}

/** Where a topic's speaker is quoted: quotations with the sentences around them. */
export type SpeakerSpans = (topic: string) => { articleId: string; start: number; end: number }[];

/** One date of one sentence. */
interface Occurrence {
  id: number;
  article: Article;
  span: Span;
  view: SentenceView;
  mention: DateMention;
  date: PartialDate;
  figures: Figure[];
  /** Every date its sentence gives. */
  sentenceDates: PartialDate[];
}

/**
 * A sentence cited on a row for a figure of the event only (like.ts): another outlet's figure of
 * the same thing, in a sentence not grouped as the same report (often one without a date).
 */
interface Extra {
  article: Article;
  span: Span;
  view: SentenceView;
  /** The figures linked to the row's, the only ones compared. */
  figures: Figure[];
}

interface Row {
  date: PartialDate;
  readAs: string | null;
  members: Occurrence[];
  extras: Extra[];
  disagreements: Disagreement[];
}

/** Rows that report one event with agreeing dates need this much weighted overlap (Dice)... */
const SAME_DATE_DICE = 0.3;
/** ...or this much of the shorter sentence found in the longer one. */
const SAME_DATE_CONTAINMENT = 0.6;
/**
 * Outlets covering one event publish within weeks of each other: articles further apart than this
 * never share a row (a yearly address repeats its formulas, not its events).
 */
const SAME_STORY_DAYS = 60;
/**
 * Two outlets counting the same thing on the same date ("evacuated 230 residents", "260 residents
 * were evacuated") are one event told in different words, with less overlap than that: the count
 * of one noun in both, or a duration in both, stands in for the wording they do not share.
 */
const SAME_FIGURE_DICE = 0.05;
/** Two sentences linked by a figure (like.ts) are likelier one report when they give one date. */
const SAME_DATE_BONUS = 0.2;
/** ...and less likely when the story's times where they stand differ. */
const STORY_TIME_CLASH = 0.3;

function sameFigureSlot(a: Occurrence, b: Occurrence): boolean {
  // A sentence with a second date ("has burned 3,200 hectares, the fire service said on Monday")
  // may give its figure as of that other day, not of the event's.
  if (a.sentenceDates.length !== 1 || b.sentenceDates.length !== 1) return false;
  const ta = a.article.text.slice(a.span.start, a.span.end);
  const tb = b.article.text.slice(b.span.start, b.span.end);
  return a.figures.some((fa) =>
    b.figures.some((fb) => {
      if (fa.kind !== fb.kind || fa.key !== fb.key) return false;
      // ... and the same word governs both: "evacuated 230 residents" / "evacuated 260 residents",
      // not "spread five kilometres" / "found 20 kilometres away".
      const near = slotWords(tb, fb);
      return [...slotWords(ta, fa)].some((w) => w !== fa.key && near.has(w));
    }),
  );
}

/** Index terms next to a figure: up to five words before it and three after. */
function slotWords(text: string, f: Figure): Set<string> {
  const before = words(text.slice(0, f.start)).slice(-SLOT_REACH_BEFORE);
  const after = words(text.slice(f.end)).slice(0, SLOT_REACH_AFTER);
  return new Set([...before, ...after].map((t) => term(t.word)).filter((t): t is string => t !== null));
}

const SLOT_REACH_BEFORE = 5;
const SLOT_REACH_AFTER = 3;
/** Terms per occurrence used to find candidate partners, and how common a term may be to count. */
const BLOCKING_TERMS = 6;
const BLOCKING_MAX_POSTINGS = 400;

/** How many dates one telling word may lead to before it is too common to find dates told alike. */
const DATE_BLOCKING_MAX_POSTINGS = 30;

const BASIS_ORDER: Record<Basis, number> = { explicit: 0, published: 1, narrative: 2, anchored: 3 };
const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

export class TimelineIndex {
  private readonly rows: Row[];
  private readonly idf: (t: string) => number;
  /** Each row's citations and links, made on first use: most queries show a few rows. */
  private readonly events = new Map<Row, TimelineEvent>();
  private readonly event = (row: Row): TimelineEvent => {
    let e = this.events.get(row);
    if (!e) this.events.set(row, (e = toEvent(row)));
    return e;
  };

  /** `datesOf`: an article's dates, when they are at hand (the engine's saved entry); otherwise read here. */
  constructor(
    private readonly index: PassageIndex,
    articles: readonly Article[],
    datesOf?: (article: Article) => ArticleDates,
  ) {
    const idfs = new Map<string, number>();
    this.idf = (t) => {
      let v = idfs.get(t);
      if (v === undefined) idfs.set(t, (v = index.idf(t)));
      return v;
    };
    const occurrences = collect(articles, datesOf ?? ((a) => articleDates(a, this.idf)));
    const compare = reportComparer(this.idf);
    const candidates = partners(occurrences, this.idf);
    const vectors = index.meaning?.vectors ?? null;
    const similarity = vectors ? (a: string, b: string) => vectors.similarity(a, b) : null;
    const groups = likeDates(group(occurrences, candidates, compare), candidates, compare, this.idf, similarity);
    const like = likeFigures(groups, articles, occurrences, compare, similarity);
    this.rows = sortRows([...groups.flatMap((g) => rowsOf(g, like.extras.get(g) ?? [])), ...like.undated]);
  }

  /** Number of rows in the whole timeline. */
  get size(): number {
    return this.rows.length;
  }

  /**
   * The timeline, or the rows of it whose sentences match `topic` the way /ask matches a
   * question's words (typos, inflections, synonyms; speakers: a sentence that quotes them).
   */
  query(topic: string | null | undefined, speakerSpans?: SpeakerSpans): TimelineResult {
    const asked = topic?.trim() ? topic.trim() : null;
    if (asked === null) return { topic: null, events: this.rows.map(this.event), notFound: [], reason: this.rows.length ? null : "The coverage gives no dates." };
    const required = analyzeQuestion(asked)
      .words.filter((w) => w.role !== "soft")
      .map((w) => resolveWord(this.index, { ...w, role: "key" }, DEFAULTS.use));
    const spoken = speakerSpans?.(asked) ?? [];
    const unknown = required.filter((w) => w.reach.size === 0);
    if (required.length === 0 && spoken.length === 0) return { topic: asked, events: [], notFound: [], reason: "Please name a topic: a person, a place or a subject." };
    if (unknown.length > 0 && spoken.length === 0) {
      const missing = unknown.map((w) => w.word);
      return { topic: asked, events: [], notFound: missing, reason: `The coverage doesn't say: no article mentions ${missing.map((w) => `"${w}"`).join(" or ")}.` };
    }
    const quoted = (o: { article: Article; span: Span }) => spoken.some((s) => s.articleId === o.article.id && s.start < o.span.end && o.span.start < s.end);
    const matches = (o: { article: Article; span: Span; view: SentenceView }) => quoted(o) || (unknown.length === 0 && required.length > 0 && required.every((w: ResolvedWord) => matchIn(o.view.terms, w) > 0));
    const events = this.rows.filter((r) => (r.members.length > 0 ? r.members : r.extras).some(matches)).map(this.event);
    return { topic: asked, events, notFound: [], reason: events.length ? null : `The coverage gives no dated event about "${asked}".` };
  }
}

/** A view of a caption's sentence, which the article's sentence list does not hold. */
function spanView(article: Article, span: Span, sentence: Sentence | null, captionIndex: number): SentenceView {
  if (sentence) return viewOf(article, sentence.index);
  const text = article.text.slice(span.start, span.end);
  const tokens = words(text).map((w) => ({ word: w.word, term: term(w.word), start: w.start }));
  const terms = new Set(tokens.map((t) => t.term).filter((t): t is string => t !== null));
  return { article, sentence: { index: -1 - captionIndex, paragraph: -1, start: span.start, end: span.end }, text, tokens, terms };
}

/** Every date of every sentence, one occurrence per distinct date; a year a sentence also gives to the day adds nothing. */
function collect(articles: readonly Article[], datesOf: (article: Article) => ArticleDates): Occurrence[] {
  const out: Occurrence[] = [];
  for (const article of articles) {
    let captions = 0;
    for (const s of datesOf(article).spans) {
      const view = spanView(article, s.span, s.sentence, s.sentence ? 0 : captions++);
      const kept = new Map<string, DateMention>();
      for (const m of s.mentions) {
        if (s.mentions.some((o) => o !== m && compatible(o.date, m.date) && PRECISION_RANK[precisionOf(o.date)] > PRECISION_RANK[precisionOf(m.date)])) continue;
        const key = isoDate(m.date);
        const prev = kept.get(key);
        if (!prev || BASIS_ORDER[m.basis] < BASIS_ORDER[prev.basis]) kept.set(key, m);
      }
      const text = article.text.slice(s.span.start, s.span.end);
      // A date's words are no figure ("on March 10"), except the gap a date is counted by from
      // another event ("inside the network for about three weeks before they triggered it"): a
      // duration outlets may give differently.
      const figures = figuresIn(text).filter((f) => !s.mentions.some((m) => m.start - s.span.start < f.end && f.start < m.end - s.span.start && !(f.kind === "duration" && m.basis === "anchored")));
      const sentenceDates = [...kept.values()].map((m) => m.date);
      for (const m of kept.values()) out.push({ id: out.length, article, span: s.span, view, mention: m, date: m.date, figures, sentenceDates });
    }
  }
  return out;
}

/**
 * Rows of occurrences that report the same event, at most one per article and from articles
 * published close together: agreeing dates and overlapping words, or near-identical wording (the
 * /ask test) whatever the dates say, as long as neither sentence also gives the other's date.
 */
function group(occurrences: Occurrence[], candidates: Map<number, Occurrence[]>, compare: SameReport): Occurrence[][] {
  const sameEvent = (a: Occurrence, b: Occurrence): boolean => {
    if (a.article === b.article) return false;
    const pa = parseIsoDate(a.article.published);
    const pb = parseIsoDate(b.article.published);
    const da = pa && asDay(pa);
    const db = pb && asDay(pb);
    // Two outlets counting one thing on one date are one event, however far apart they wrote.
    if (compatible(a.date, b.date) && precisionOf(a.date) !== "year" && precisionOf(b.date) !== "year" && sameFigureSlot(a, b)) return compare.overlap(a.view, b.view).dice >= SAME_FIGURE_DICE;
    // An article without a date can only be matched on near-identical wording.
    if (!da || !db) return compatible(a.date, b.date) && compare(a.view, b.view);
    if (Math.abs(dayNumber(da) - dayNumber(db)) > SAME_STORY_DAYS) return false;
    if (compatible(a.date, b.date)) {
      const o = compare.overlap(a.view, b.view);
      return o.dice >= SAME_DATE_DICE || o.containment >= SAME_DATE_CONTAINMENT || (o.dice >= SAME_FIGURE_DICE && sameFigureSlot(a, b)) || compare(a.view, b.view);
    }
    if (a.sentenceDates.some((d) => compatible(d, b.date)) || b.sentenceDates.some((d) => compatible(d, a.date))) return false;
    // The same words said on different days are two statements ("remains in critical condition,
    // the hospital said on Friday" / "... said on Monday"), not one event on disputed dates.
    if (a.mention.attribution && b.mention.attribution) return false;
    return compare(a.view, b.view);
  };
  const order = [...occurrences].sort(
    (a, b) => compareDates(a.date, b.date) || (a.article.published ?? "").localeCompare(b.article.published ?? "") || a.span.start - b.span.start,
  );
  const groupOf = new Map<number, Occurrence[]>();
  const groups: Occurrence[][] = [];
  for (const o of order) {
    let home: Occurrence[] | null = null;
    let bestDice = -1;
    for (const p of candidates.get(o.id) ?? []) {
      const g = groupOf.get(p.id);
      if (!g || g === home || g.some((m) => m.article === o.article) || !sameEvent(p, o)) continue;
      // Members whose date differs must include one that is the same report outright: a year-only
      // member must not bridge two days that nothing else ties together.
      const clash = g.filter((m) => !compatible(m.date, o.date));
      if (clash.length > 0 && !clash.some((m) => sameEvent(m, o))) continue;
      const dice = compare.overlap(p.view, o.view).dice;
      if (dice > bestDice) {
        home = g;
        bestDice = dice;
      }
    }
    if (!home) groups.push((home = []));
    home.push(o);
    groupOf.set(o.id, home);
  }
  return groups;
}

function sortRows(rows: Row[]): Row[] {
  return rows.sort(
    (a, b) =>
      compareDates(a.date, b.date) ||
      (leadOf(a).article.published ?? "").localeCompare(leadOf(b).article.published ?? "") ||
      leadOf(a).article.id.localeCompare(leadOf(b).article.id) ||
      leadOf(a).span.start - leadOf(b).span.start,
  );
}

/** For each occurrence, the others that share one of its rarest words (only those can be the same event). */
function partners(occurrences: readonly Occurrence[], idf: (t: string) => number): Map<number, Occurrence[]> {
  const postings = new Map<string, Occurrence[]>();
  // Its rarest words, and what its figures count: two outlets' counts of one thing may share
  // little else.
  const keysOf = (o: Occurrence) => [...[...o.view.terms].sort((a, b) => idf(b) - idf(a)).slice(0, BLOCKING_TERMS), ...o.figures.map((f) => `\u0000${f.kind}:${f.key}`)];
  for (const o of occurrences) {
    for (const t of keysOf(o)) {
      let list = postings.get(t);
      if (!list) postings.set(t, (list = []));
      list.push(o);
    }
  }
  const out = new Map<number, Occurrence[]>();
  for (const o of occurrences) {
    const seen = new Set<number>([o.id]);
    const mine: Occurrence[] = [];
    for (const t of keysOf(o)) {
      const list = postings.get(t)!;
      if (list.length > BLOCKING_MAX_POSTINGS) continue;
      for (const p of list) {
        if (seen.has(p.id) || p.article === o.article) continue;
        seen.add(p.id);
        mine.push(p);
      }
    }
    out.set(o.id, mine);
  }
  return out;
}

/**
 * A group's rows: one, dated by its most precise member, when the members' dates agree; when
 * they do not, one per date the outlets give, each citing every member (its own date's first)
 * under the same date flag.
 */
function rowsOf(group: Occurrence[], extras: Extra[]): Row[] {
  const byPrecision = [...group].sort((a, b) => PRECISION_RANK[precisionOf(b.date)] - PRECISION_RANK[precisionOf(a.date)] || order(a, b));
  const clusters: Occurrence[][] = [];
  for (const o of byPrecision) {
    const home = clusters.find((c) => compatible(c[0]!.date, o.date));
    if (home) home.push(o);
    else clusters.push([o]);
  }
  return clusters.map((c) => {
    const members = [...c, ...clusters.filter((x) => x !== c).flat()];
    return { date: c[0]!.date, readAs: c[0]!.mention.readAs, members, extras, disagreements: disagreements(membersOf(members, extras)) };
  });
}

/** The row's first citation. */
function leadOf(row: Row): { article: Article; span: Span } {
  return row.members[0] ?? row.extras[0]!;
}

function order(a: Occurrence, b: Occurrence): number {
  return (a.article.published ?? "9999").localeCompare(b.article.published ?? "9999") || a.article.id.localeCompare(b.article.id) || a.span.start - b.span.start;
}

function membersOf(members: readonly Occurrence[], extras: readonly Extra[]): Member[] {
  return [
    ...members.map((o, i) => ({
      n: i + 1,
      figures: o.figures,
      date: { date: o.date, text: o.mention.text, relative: o.mention.readAs !== null },
    })),
    // A sentence cited for its figure takes no part in the date: it gives none, or not the event's.
    ...extras.map((x, i) => ({ n: members.length + i + 1, figures: x.figures, date: null })),
  ];
}

function toEvent(row: Row): TimelineEvent {
  return {
    date: isoDate(row.date),
    precision: precisionOf(row.date),
    read_as: row.readAs,
    citations: [...row.members, ...row.extras].map((o, i) => citeSpan(i + 1, o.article, o.span)),
    disagreements: row.disagreements,
  };
}

/**
 * Outlets that give one event different dates, in words too different for the grouping ("arrived
 * on Sunday" / "was delivered on February 11"): dates told in like words (like.ts), matched one to
 * one per pair of articles, against the pairs the grouping made and the agreeing ones. The groups
 * of two such dates become one, whose rows cite both under a date flag, when no article would be
 * cited twice.
 */
function likeDates(
  groups: Occurrence[][],
  candidates: Map<number, Occurrence[]>,
  compare: SameReport,
  idf: (t: string) => number,
  similarity: ((a: string, b: string) => number | null) | null,
): Occurrence[][] {
  const groupOf = new Map<Occurrence, Occurrence[]>();
  for (const g of groups) for (const o of g) groupOf.set(o, g);
  const marks = new Map<Occurrence, DateMark>();
  const markOf = (o: Occurrence): DateMark => {
    let m = marks.get(o);
    if (!m) {
      const start = o.mention.start - o.span.start;
      const from = Math.max(0, ...(mentionsOf.get(spanKey(o)) ?? []).map((x) => x.end - o.span.start).filter((end) => end <= start));
      const end = o.mention.end - o.span.start;
      marks.set(o, (m = { id: o.id, article: o.article, view: o.view, start, end, from, date: o.date, plan: plan(o, start, end), said: o.mention.attribution ? speechWordBefore(o.view.text, start) : null }));
    }
    return m;
  };
  const spanKey = (o: Occurrence) => `${o.article.id}:${o.span.start}`;
  const mentionsOf = new Map<string, DateMention[]>();
  for (const g of groups) for (const o of g) mentionsOf.set(spanKey(o), [...(mentionsOf.get(spanKey(o)) ?? []), o.mention]);
  // A date after its article was written, or in a clause of what is to come, is a plan or a
  // forecast ("are expected to resume on Thursday").
  const plan = (o: Occurrence, start: number, end: number) => {
    const d = asDay(o.date);
    const p = day(o.article);
    return (d !== null && p !== null && dayNumber(d) > p) || inFutureClause(o.view.text, start, end);
  };
  const byId = new Map<number, Occurrence>();
  for (const g of groups) for (const o of g) byId.set(o.id, o);
  const days = new Map<Article, number | null>();
  const day = (a: Article) => {
    if (!days.has(a)) days.set(a, publishedDay(a));
    return days.get(a)!;
  };
  const farApart = (a: Article, b: Article) => {
    const [x, y] = [day(a), day(b)];
    return x !== null && y !== null && Math.abs(x - y) > SAME_STORY_DAYS;
  };
  // An article's first sentence tells its day's news: two outlets' leads written on different days
  // tell different steps of the story in the same words ("schools were closed for a second day on
  // Wednesday" / "schools reopened on Monday"), not one event on disputed dates.
  const leads = (a: Occurrence, b: Occurrence) => {
    const [x, y] = [day(a.article), day(b.article)];
    return a.view.sentence.index === 0 && b.view.sentence.index === 0 && x !== null && y !== null && x !== y;
  };
  // Candidates: the grouping's partners (sentences sharing rare words), the pairs it grouped...
  const pairs = new Map<string, [DateMark, DateMark]>();
  const add = (x: Occurrence, y: Occurrence) => {
    if (x.article === y.article || farApart(x.article, y.article) || leads(x, y)) return;
    const [a, b] = x.id < y.id ? [x, y] : [y, x];
    pairs.set(`${a.id}:${b.id}`, [markOf(a), markOf(b)]);
  };
  for (const [id, mine] of candidates) for (const p of mine) add(byId.get(id)!, p);
  for (const g of groups) for (const x of g) for (const y of g) if (x.id < y.id) add(x, y);
  // ... and dates told with the same rare words ("announced a statutory public inquiry on
  // Saturday" / "The statutory inquiry, announced on Sunday"), however long the rest of the sentences.
  const bySlot = new Map<string, Occurrence[]>();
  for (const o of byId.values()) {
    for (const t of new Set(dateSlotTerms(markOf(o)))) {
      let list = bySlot.get(t);
      if (!list) bySlot.set(t, (list = []));
      list.push(o);
    }
  }
  for (const list of bySlot.values()) {
    if (list.length > DATE_BLOCKING_MAX_POSTINGS) continue;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) add(list[i]!, list[j]!);
  }
  const links = linkDates(pairs.values(), {
    overlap: (a, b) => compare.overlap(a, b).dice,
    similarity,
    toldOn: (a, b) => {
      const [x, y] = [day(a), day(b)];
      return x === null ? y : y === null ? x : Math.max(x, y);
    },
    grouped: (a, b) => groupOf.get(byId.get(a.id)!) === groupOf.get(byId.get(b.id)!),
    weight: idf,
  });
  for (const l of links) {
    const ga = groupOf.get(byId.get(l.a.id)!)!;
    const gb = groupOf.get(byId.get(l.b.id)!)!;
    if (ga === gb || ga.some((x) => gb.some((y) => x.article === y.article))) continue;
    for (const o of gb) {
      ga.push(o);
      groupOf.set(o, ga);
    }
    gb.length = 0;
  }
  return groups.filter((g) => g.length > 0);
}

/** WordNet's nouns, opened on first use (null when the dictionary is not installed). */
const nounNet = lazily(() => NounNet.open());

function nounKinds(): { alike: (a: string, b: string) => boolean; kinds: (noun: string, own?: boolean) => string[] } | null {
  const net = nounNet();
  return net && { alike: (a, b) => net.alike(a, b), kinds: (noun, own) => net.kindKeys(noun, own ?? false) };
}

/** Publication day of an article, or null. */
function publishedDay(article: Article): number | null {
  const p = parseIsoDate(article.published);
  const d = p && asDay(p);
  return d ? dayNumber(d) : null;
}

/**
 * The sentences each group cites for a figure of its event: another outlet's figure of the same
 * thing (like.ts) in a sentence the grouping did not put there (worded differently, or giving no
 * date). Two linked sentences on rows of one date join those rows; a sentence without a date joins
 * the row of the sentence it is linked to, directly or through another undated one.
 */
function likeFigures(
  groups: Occurrence[][],
  articles: readonly Article[],
  occurrences: readonly Occurrence[],
  compare: SameReport,
  similarity: ((a: string, b: string) => number | null) | null,
): { extras: Map<Occurrence[], Extra[]>; undated: Row[] } {
  const spanKey = (article: Article, span: Span) => `${article.id}:${span.start}:${span.end}`;
  const occurrencesOf = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const k = spanKey(o.article, o.span);
    occurrencesOf.set(k, [...(occurrencesOf.get(k) ?? []), o]);
  }
  const statements: Statement[] = [];
  const dated = new Map<number, Occurrence[]>();
  for (const article of articles) {
    for (const sentence of article.sentences) {
      const own = occurrencesOf.get(spanKey(article, sentence)) ?? [];
      // Figures first, from the sentence's text: most sentences give none, and a view (its words
      // and terms) is only worth making for those that do.
      const figures = own[0]?.figures ?? figuresIn(article.text.slice(sentence.start, sentence.end));
      if (figures.length === 0) continue;
      const view = own[0]?.view ?? viewOf(article, sentence.index);
      const s: Statement = { id: statements.length, article, span: sentence, view, figures };
      statements.push(s);
      if (own.length) dated.set(s.id, own);
    }
  }
  const days = new Map<Article, number | null>(articles.map((a) => [a, publishedDay(a)]));
  // The story's time where an undated sentence stands: the last date before it that is not merely
  // when something was said, else the first after it (read-dates.ts dates "the next day" alike).
  const byArticle = new Map<Article, Occurrence[]>();
  for (const o of occurrences) if (!o.mention.attribution && precisionOf(o.date) !== "year") byArticle.set(o.article, [...(byArticle.get(o.article) ?? []), o]);
  const storyTime = (s: Statement): Occurrence | null => {
    const own = (byArticle.get(s.article) ?? []).filter((o) => o.span.start !== s.span.start);
    return own.filter((o) => o.span.start < s.span.start).at(-1) ?? own.find((o) => o.span.start > s.span.start) ?? null;
  };
  const fit = (a: Statement, b: Statement): number | null => {
    const da = days.get(a.article);
    const db = days.get(b.article);
    if (da != null && db != null && Math.abs(da - db) > SAME_STORY_DAYS) return null;
    const oa = dated.get(a.id);
    const ob = dated.get(b.id);
    // A sentence with a second date ("has burned 3,200 hectares, the fire service said on
    // Monday") may give its figure as of that other day, not of the event's.
    if ((oa && oa.length > 1) || (ob && ob.length > 1)) return null;
    if (oa && ob) return compatible(oa[0]!.date, ob[0]!.date) ? SAME_DATE_BONUS : null;
    // An undated sentence tells of the story's time where it stands: a figure of another time is
    // likelier another figure ("290 electoral votes" on election night, "306" when electors voted).
    const ta = oa?.[0] ?? storyTime(a);
    const tb = ob?.[0] ?? storyTime(b);
    return ta && tb && !compatible(ta.date, tb.date) ? -STORY_TIME_CLASH : 0;
  };
  // Only figures that differ are cited for their figure: agreeing ones add a citation and no flag.
  const links = linkFigures(statements, { overlap: (a, b) => compare.overlap(a, b).dice, similarity, fit, published: (a) => days.get(a) ?? null, storyDays: SAME_STORY_DAYS, nouns: nounKinds() })
    .filter((l) => !consistent(l.fa, l.fb));
  const groupOf = new Map<Occurrence, Occurrence[]>();
  for (const g of groups) for (const o of g) groupOf.set(o, g);
  const extras = new Map<Occurrence[], Map<number, Extra>>();
  const homes = new Map<number, Set<Occurrence[]>>();
  const home = (s: Statement): Set<Occurrence[]> => {
    let h = homes.get(s.id);
    if (!h) homes.set(s.id, (h = new Set((dated.get(s.id) ?? []).map((o) => groupOf.get(o)!))));
    return h;
  };
  const cites = (g: Occurrence[], s: Statement) => g.some((o) => o.article === s.article && o.span.start === s.span.start);
  const addExtra = (g: Occurrence[], s: Statement, f: Figure) => {
    if (cites(g, s)) return;
    let mine = extras.get(g);
    if (!mine) extras.set(g, (mine = new Map()));
    const x = mine.get(s.id) ?? { article: s.article, span: s.span, view: s.view, figures: [] };
    if (!x.figures.some((y) => y.start === f.start && y.key === f.key && y.value === f.value)) x.figures.push(f);
    mine.set(s.id, x);
    home(s).add(g);
  };
  const pending = [...links];
  const undated = new Map<Occurrence[], Occurrence>();
  while (pending.length > 0) {
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = 0; i < pending.length; i++) {
        const l = pending[i]!;
        const ga = [...home(l.a)];
        const gb = [...home(l.b)];
        if (ga.length === 0 && gb.length === 0) continue;
        pending.splice(i--, 1);
        changed = true;
        for (const g of new Set([...ga, ...gb])) {
          // Figures of alike nouns ("140 people" / "160 staff") are compared as counts of one
          // thing: a cited figure takes its partner's key when the partner is the row's own.
          addExtra(g, l.a, cites(g, l.b) ? { ...l.fa, key: l.fb.key } : l.fa);
          addExtra(g, l.b, { ...l.fb, key: l.fa.key });
        }
      }
    }
    // Two undated sentences, linked to no dated one: a row of their own, at the story's time
    // where they stand.
    const l = pending.shift();
    if (!l) break;
    const anchor = storyTime(l.a) ?? storyTime(l.b);
    if (!anchor) continue;
    const g: Occurrence[] = [];
    undated.set(g, anchor);
    addExtra(g, l.a, l.fa);
    addExtra(g, l.b, { ...l.fb, key: l.fa.key });
  }
  const listed = (g: Occurrence[]) => [...(extras.get(g)?.values() ?? [])];
  return {
    extras: new Map([...extras].filter(([g]) => !undated.has(g)).map(([g]) => [g, listed(g)])),
    undated: [...undated].map(([g, anchor]) => {
      const cited = listed(g);
      return {
        date: anchor.date,
        readAs: `not dated: told after '${anchor.mention.text}' (${humanDate(anchor.date)}) in ${anchor.article.outlet ?? "the same article"}`,
        members: [],
        extras: cited,
        disagreements: disagreements(membersOf([], cited)),
      };
    }),
  };
}
