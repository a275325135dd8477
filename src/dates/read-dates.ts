/**
 * Reading the dates an article gives, with chrono-node doing the parsing and the rules of news
 * writing doing the rest:
 *  - an explicit date ("July 16, 2018", "in 2011", "May 2012") stands on its own;
 *  - a date relative to the day of writing ("on Monday", "four years ago", "last month", "November
 *    3") is read against the article's `published` date: a past-tense weekday is the latest such
 *    day on or before it ("on Monday" in a Tuesday story is the day before), a future one ("will
 *    meet on Thursday") the next; a month or day without a year is the nearest one in that
 *    direction;
 *  - a date relative to the story ("two days later", "the next day") counts from the last date
 *    the article gave before it, not counting dates that only say when something was said;
 *  - "X came a day after Y" is dated from another mention of X in the article, or from Y's date.
 * An article without `published` contributes only explicit dates. Every mention keeps its
 * offsets into the article and how it was read. Read once per article, on demand.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type * as Chrono from "chrono-node";
import type { ParsedResult } from "chrono-node";
import type { Article, Sentence, Span } from "../corpus/types.js";
import { splitSentences } from "../corpus/segment.js";
import { term, words } from "../search/analyzer.js";
import {
  addDays,
  addMonths,
  asDay,
  coarser,
  compatible,
  dayDate,
  dayNumber,
  daysInMonth,
  finerThan,
  fromDayNumber,
  humanDate,
  isValidDay,
  parseIsoDate,
  precisionOf,
  shortDate,
  truncate,
  weekdayOf,
  type Day,
  type PartialDate,
  type Precision,
} from "./calendar.js";

/**
 * The version of date reading: bump it with any change here (or below) that alters which dates
 * are read or how, so saved dates entries are rebuilt (tests/cache-versions.test.ts reminds you).
 */
export const DATE_READER_VERSION = 4;

/** How a date was read: as written, against the article's date, the story's last date, or another mention. */
export type Basis = "explicit" | "published" | "narrative" | "anchored";

export interface DateMention {
  /** Offsets of the date's words in `article.text`. */
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  date: PartialDate;
  basis: Basis;
  /** How a relative date was read ("from 'on Monday', article of 9 Nov 2020"); null when explicit. */
  readAs: string | null;
  /** The date only says when something was said ("Peskov said on Monday"). */
  attribution: boolean;
}

/** A sentence of the article (or of a photo caption) and the dates it gives. */
export interface DatedSpan {
  span: Span;
  /** The article's sentence, or null for a caption's. */
  sentence: Sentence | null;
  mentions: DateMention[];
}

export interface ArticleDates {
  article: Article;
  /** Spans with at least one date, in document order. */
  spans: DatedSpan[];
}

/** IDF of an index term, for telling which other sentence an "X came a day after Y" refers to. */
export type Idf = (t: string) => number;

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** Month and weekday words and their abbreviations: only capitalised ones are dates ("may", "march", "sat" are not). */
const CALENDAR_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)/i;

/** A sentence worth handing to chrono: it names a month, a weekday, a year or a unit of time. */
const LIKELY_DATE =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|\b(?:1[6-9]\d\d|20\d\d)\b|\b(?:yesterday|today|tonight|tomorrow|ago|days?|weeks?|months?|years?|morning|evening|night|afternoon)\b/i;

/** Numbers written as words, for "two days later". */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"].map((w, i) => [w, Math.max(1, i)]),
);
const UNIT_NUMBER = "\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

type Unit = "minute" | "hour" | "day" | "week" | "month" | "year";

/**
 * Dates relative to the story rather than to the day of writing: "two days later", "a week
 * after the vote", "the next day", "the day before", "that night". `after`/`before` followed by
 * what happened make the phrase anchored to that event.
 */
const STORY_RELATIVE = new RegExp(
  [
    `\\b(${UNIT_NUMBER})[ -](minute|hour|day|week|month|year)s?\\s+(later|earlier|afterwards?|after|before|on)\\b(?!\\s+than\\b)`,
    `\\bthe\\s+(next|following|previous|preceding)\\s+(day|morning|afternoon|evening|night|week|month|year)\\b`,
    `\\bthe\\s+(day|night|morning|evening)\\s+(after|before)\\b`,
    `\\b(?:the\\s+same\\s+(day)|(?:later\\s+)?that\\s+(?:same\\s+)?(day|night|morning|afternoon|evening))\\b`,
  ].join("|"),
  "gi",
);

/** A word before a date that says the date is when something was said. */
const SPEECH_BEFORE = /\b(said|says|told|tells|announced|stated|added|confirmed|reported|wrote|tweeted|posted|according|statement|briefing)\b(?:\s+[\p{L}'’]+){0,3}\s*$/iu;
/** Words that say what must or may be ("must wait", "can reopen"), in a clause that tells no event. */
const MODAL = /\b(?:must|can|cannot|can['’]t|may|might|should|(?:has|have|had) to|allowed to)\b/i;
/** Words that put a clause in the future ("will meet on Thursday", "is expected to resume"). */
const FUTURE = /\b(?:will|won['’]t|shall|would|could|might|going to|due to|(?:is|are) due|set to|expected to|scheduled to|slated to|plans? to|planned to|hopes? to|expects? to|upcoming|is to|are to)\b|['’]ll\b/gi;
/** Past-tense verbs, regular or common irregular ones, unless an auxiliary makes them a participle ("will be held"). */
const PAST =
  /(?<!\b(?:be|been|being|to|is|are|am|get|gets|got|have|has)\s)\b(?:\p{L}+ed|was|were|had|did|began|said|told|met|went|came|took|made|found|left|held|won|lost|gave|saw|fell|rose|sent|struck|broke|spoke|wrote|ran|became|bought|sold|fought|thought|brought|caught|kept|led|paid|put|quit|set|shut|stood|hit|cut)\b/giu;
/**
 * The past-tense verbs of a stretch of text that tell an act, with their offsets, in order: not
 * an auxiliary ("was", "had"), nor a participle a determiner makes an adjective ("the gutted
 * building").
 */
export function pastVerbs(text: string): { word: string; start: number }[] {
  return [...text.matchAll(PAST)]
    .filter((m) => !/^(?:was|were|had|did)$/i.test(m[0]) && !/\b(?:the|a|an|its|their|his|her|our|this|that)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)))
    .map((m) => ({ word: m[0], start: m.index }));
}
/** Where a clause ends, for judging the tense around a date. */
const CLAUSE_BREAK = /[,;:()]|\s(?:that|which|who|when|while|but|because|after|before|although|as)\s/gi;
/** Words that may stand before a bare month name ("in November", "last March"); otherwise "May" may be a verb. */
const MONTH_LEAD = /\b(?:in|on|since|until|till|by|during|from|to|through|last|next|this|early|late|mid|of|before|after|between|and|or|that)\s*$/i;
/**
 * A wire dateline opening the story: its place (and region), the day it was filed, perhaps the
 * agency, and a dash ("KESSEN, April 14 (Meridian Wire) -", "BOSTON, Oct. 14 —"). The day is
 * when the story was written, like its published date, not an event of it.
 */
const DATELINE_BEFORE = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:,\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})?,\s*$/u;
const DATELINE_AFTER = /^[,\s]*(?:\d{4}\s*)?(?:\([^()]{1,60}\)\s*)?[-—–]/u;
/** A part of the day that names its day after it ("evening of Sunday, February 4", "night on Tuesday"). */
const PART_OF_DAY_OF = /^(?:morning|afternoon|evening|night)\s+(?:of|on)\s+/i;
/** "over the past year", "in the last five years", "for two weeks", "for a second day": stretches of time, not dates. */
const PERIOD = new RegExp(
  `^(?:(?:for|in|within|during|over|about)\\s+(?:the\\s+)?(?:(?:past|last|next|coming|first|previous)\\s+)?(?:${UNIT_NUMBER}|few|several|many)?|(?:the\\s+)?(?:past|last|next|coming|first|previous)\\s+(?:${UNIT_NUMBER}|few|several|many)|(?:the\\s+)?past)\\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)$`,
  "i",
);
/** A year written as digits, as chrono's casual parser leaves "in 2016" and "the 2016 election" alone. */
const YEAR = /(?<![\d$£€¥#.,/:]|No\.\s?)(1[6-9]\d\d|20\d\d)(?![\d%]|s\b|,\d|\.\d|\s*(?:percent|per cent|miles|acres|tons|feet|men|troops|people|persons|dollars|pounds|barrels|votes|cases|jobs)\b)/g;

/** Explicit calendar words: a 4-digit year (or 'YY) makes a date stand on its own. */
const WRITTEN_YEAR = /\b\d{4}\b|['’]\d\d\b/;

/**
 * The chrono parser, shared, loaded on first use: importing it costs about 0.15 s, which a
 * process that never reads a date (most `ask` runs) should not pay at start-up.
 */
let parser: Chrono.Chrono | null = null;
function chronoParser(): Chrono.Chrono {
  return (parser ??= (createRequire(import.meta.url)("chrono-node") as typeof Chrono).casual);
}

let version: string | null = null;

/**
 * The installed chrono-node's version, without loading it (its package exports no package.json):
 * saved dates are keyed on it, since another version may read the same words differently.
 */
export function chronoVersion(): string {
  if (version !== null) return version;
  let dir = dirname(createRequire(import.meta.url).resolve("chrono-node"));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === "chrono-node" && typeof pkg.version === "string") return (version = pkg.version);
    } catch {
      // no package.json here: look further up
    }
    const up = dirname(dir);
    if (up === dir) return (version = "unknown");
    dir = up;
  }
}

/** A date read from a sentence, before it is known whether it only dates a statement. */
type Direct = Omit<DateMention, "attribution">;

/** Text and offsets of one span, with its words' positions. */
interface SpanText {
  span: Span;
  sentence: Sentence | null;
  text: string;
}

const cache = new WeakMap<Article, ArticleDates>();

/** The dates of an article, read once and remembered. */
export function articleDates(article: Article, idf: Idf): ArticleDates {
  let d = cache.get(article);
  if (!d) cache.set(article, (d = readArticle(article, idf)));
  return d;
}

/** The article's sentences and its photo captions' sentences (a caption states when its picture was taken), in order. */
function spansOf(article: Article): SpanText[] {
  const out: SpanText[] = article.sentences.map((s) => ({ span: s, sentence: s, text: article.text.slice(s.start, s.end) }));
  for (const f of article.furniture) {
    if (f.reason !== "photo credit") continue;
    for (const s of splitSentences(article.text, f, 0)) out.push({ span: s, sentence: null, text: article.text.slice(s.start, s.end) });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function readArticle(article: Article, idf: Idf): ArticleDates {
  const publishedDate = parseIsoDate(article.published);
  const published = publishedDate ? asDay(publishedDate) : null;
  const spans: { st: SpanText; mentions: DateMention[]; pending: Pending[] }[] = [];
  // Pass 1: dates that stand alone or count from the day of writing, and those that count from
  // the story's last date, in reading order.
  const story: DateMention[] = [];
  for (const st of spansOf(article)) {
    if (!LIKELY_DATE.test(st.text)) continue;
    const direct = directDates(st, published);
    const mentions: DateMention[] = direct.map((d) => ({ ...d, attribution: isAttribution(st, d.start) }));
    const pending: Pending[] = [];
    // Without the article's date only explicit dates count, even where the story counts on from one.
    for (const rel of published ? storyRelatives(st) : []) {
      if (mentions.some((m) => m.start < rel.end && rel.start < m.end)) continue;
      if (rel.event) {
        pending.push(rel);
        continue;
      }
      const before = [...story, ...mentions.filter((m) => m.end <= rel.start)];
      const anchor = lastNarrative(before);
      if (!anchor) continue;
      const date = shift(anchor.date, rel);
      if (!date) continue;
      mentions.push({
        start: rel.start,
        end: rel.end,
        text: rel.text,
        date,
        basis: "narrative",
        readAs: `from '${rel.text}', after '${anchor.text}' (${humanDate(anchor.date)})`,
        attribution: false,
      });
    }
    mentions.sort((a, b) => a.start - b.start);
    story.push(...mentions);
    spans.push({ st, mentions, pending });
  }
  // Pass 2: "X came a day after Y", once every other date of the article is known.
  for (const s of spans) {
    for (const rel of s.pending) {
      const m = anchored(rel, s.st, s.mentions, spans, idf);
      if (m) s.mentions.push(m);
    }
    s.mentions.sort((a, b) => a.start - b.start);
  }
  return {
    article,
    spans: spans.filter((s) => s.mentions.length > 0).map((s) => ({ span: s.st.span, sentence: s.st.sentence, mentions: s.mentions })),
  };
}

/** The story's time so far: its last date that is not merely when something was said. */
function lastNarrative(before: readonly DateMention[]): DateMention | null {
  for (let i = before.length - 1; i >= 0; i--) if (!before[i]!.attribution) return before[i]!;
  return before[before.length - 1] ?? null;
}

function isAttribution(st: SpanText, at: number): boolean {
  return speechWordBefore(st.text, at - st.span.start) !== null;
}

/**
 * The word that makes a date at `at` in `text` the date something was said ("confirmed" in
 * "tests confirmed on Tuesday"), or null when the date says when something happened.
 */
export function speechWordBefore(text: string, at: number): string | null {
  return SPEECH_BEFORE.exec(text.slice(Math.max(0, at - 60), at))?.[1] ?? null;
}

/** The clause around offsets `at`..`end` of the span's text, and where it starts. */
function clauseAround(text: string, at: number, end: number): { text: string; offset: number } {
  let from = 0;
  let to = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index + m[0].length <= at) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { text: text.slice(from, to), offset: from };
}

/**
 * Does the clause around `text[start, end)` speak of what is still to come ("are expected to be
 * freed later on Thursday", "will resume on Monday")? A plan is not what another outlet reports
 * as done.
 */
export function inFutureClause(text: string, start: number, end: number): boolean {
  return isFuture({ span: { start: 0, end: text.length }, sentence: null, text }, start, end);
}

/**
 * Does the date lie ahead of the day of writing? The tense nearest before it in its clause
 * decides ("began in November and will end on February 3"), else the nearest after it ("On
 * Thursday the council will vote").
 */
function isFuture(st: SpanText, start: number, end: number): boolean {
  const from = start - st.span.start;
  const to = end - st.span.start;
  const { text, offset } = clauseAround(st.text, from, to);
  const markers = [
    ...[...text.matchAll(FUTURE)].map((m) => ({ at: m.index + offset, end: m.index + offset + m[0].length, future: true })),
    ...[...text.matchAll(PAST)].map((m) => ({ at: m.index + offset, end: m.index + offset + m[0].length, future: false })),
  ].sort((a, b) => a.at - b.at || Number(b.future) - Number(a.future));
  const before = markers.filter((m) => m.end <= from);
  if (before.length > 0) {
    // A future phrase that contains a past-looking word ("expected to") counts as the future.
    const last = before[before.length - 1]!;
    const covering = before.find((m) => m.future && m.at <= last.at && m.end >= last.end);
    return covering ? true : last.future;
  }
  return markers.find((m) => m.at >= to)?.future ?? false;
}

/** The calendar words of a chrono result written in lower case ("may", "march"), which are no dates. */
function lowerCaseCalendarWord(text: string): boolean {
  for (const w of text.match(/\p{L}+/gu) ?? []) {
    const lw = w.toLowerCase();
    const named = MONTH_NAMES.some((m) => m.startsWith(lw) || lw.startsWith(m)) || WEEKDAY_NAMES.some((d) => d.startsWith(lw) || lw.startsWith(d));
    if (named && CALENDAR_WORD.test(w) && w[0] === lw[0]) return true;
  }
  return false;
}

/** Is this date the dateline at the start of the article's first sentence? */
function dateline(st: SpanText, d: Direct): boolean {
  if (st.sentence === null || st.sentence.index !== 0) return false;
  const from = d.start - st.span.start;
  const to = d.end - st.span.start;
  return DATELINE_BEFORE.test(st.text.slice(0, from)) && DATELINE_AFTER.test(st.text.slice(to));
}

/** Dates that stand alone, or that count from the day the article was written. */
function directDates(st: SpanText, published: Day | null): Direct[] {
  const out: Direct[] = [];
  const ref = published ? new Date(Date.UTC(published.year, published.month - 1, published.day, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const parsed of chronoParser().parse(st.text, { instant: ref, timezone: 0 })) {
    // "the evening of Sunday, February 4": chrono reads a part of the day that names its day as
    // a time alone, without the day; the day is read from the words after "of".
    const part = PART_OF_DAY_OF.exec(parsed.text);
    const offset = part ? parsed.index + part[0].length : 0;
    const r = part ? (chronoParser().parse(st.text.slice(offset), { instant: ref, timezone: 0 })[0] ?? null) : parsed;
    if (!r || (part && r.index !== 0)) continue;
    const d = fromChrono(r, st, published, offset);
    if (d && !dateline(st, d)) out.push(d);
  }
  // Years alone ("in 2016", "the 2016 election", "last 2011"), which chrono leaves to us.
  for (const m of st.text.matchAll(YEAR)) {
    const start = st.span.start + m.index;
    const end = start + m[0].length;
    if (out.some((d) => d.start < end && start < d.end)) continue;
    out.push({ start, end, text: m[0], date: { year: Number(m[0]), month: null, day: null }, basis: "explicit", readAs: null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** `offset`: where in the span's text the words chrono read begin, before its own index. */
function fromChrono(r: ParsedResult, st: SpanText, published: Day | null, offset = 0): Direct | null {
  const text = r.text.replace(/[\s,.;:]+$/, "");
  const index = offset + r.index;
  const start = st.span.start + index;
  const end = start + text.length;
  const c = r.start;
  const tags = r.tags();
  if (tags.has("casualReference/now") || /^now$/i.test(text)) return null;
  if (lowerCaseCalendarWord(text)) return null;
  if (/^\d{1,2}\/\d{1,2}$/.test(text)) return null;
  // "a day later", "the next day" count from the story, not from the day of writing (storyRelatives).
  STORY_RELATIVE.lastIndex = 0;
  if (STORY_RELATIVE.test(text) || /\b(?:later|earlier|after|afterwards|before)$/i.test(text)) return null;
  if (PERIOD.test(text)) return null;
  const before = st.text.slice(0, index);
  if (/\bthe\s*$/i.test(before) && /^(?:last|past|next)\b/i.test(text)) return null; // "the last year": a stretch
  const hasDate = c.isCertain("year") || c.isCertain("month") || c.isCertain("day") || c.isCertain("weekday") || tags.has("result/relativeDate");
  if (!hasDate) return null;

  // Stands on its own: the year is written.
  if (c.isCertain("year") && WRITTEN_YEAR.test(text)) {
    const date: PartialDate = {
      year: c.get("year")!,
      month: c.isCertain("month") ? c.get("month") : null,
      day: c.isCertain("month") && c.isCertain("day") ? c.get("day") : null,
    };
    if (date.day !== null && !isValidDay(date as Day)) return null;
    return { start, end, text, date, basis: "explicit", readAs: null };
  }
  if (!published) return null;
  const readAs = `from '${text}', article of ${shortDate(published)}`;
  const future = isFuture(st, start, end);

  const named = /\p{L}+/gu;
  const calendarNamed = (text.match(named) ?? []).some((w) => CALENDAR_WORD.test(w) && /^\p{Lu}/u.test(w));
  if (c.isCertain("month") && calendarNamed) {
    // A month, or a month and day, without a year: the nearest one looking back (or ahead).
    const bareMonth = !c.isCertain("day");
    if (bareMonth && !MONTH_LEAD.test(before) && !/^(?:last|next|this|early|late|mid)/i.test(text)) return null;
    const month = c.get("month")!;
    const day = bareMonth ? null : c.get("day")!;
    let year = nearestYear(published, month, day, future);
    // "Saturday, October 15": the weekday tells the year, when the nearest one does not fit it.
    if (day !== null && c.isCertain("weekday")) {
      const fits = [year, future ? year - 1 : year + 1].find((y) => isValidDay({ year: y, month, day }) && weekdayOf({ year: y, month, day }) === c.get("weekday"));
      if (fits !== undefined) year = fits;
    }
    if (day !== null && !isValidDay({ year, month, day })) return null;
    return { start, end, text, date: { year, month, day }, basis: "published", readAs };
  }
  if (c.isCertain("weekday") && calendarNamed) {
    if (/weekend/i.test(text)) return null;
    const wd = c.get("weekday")!;
    const modifier = /^(?:last|past|previous)\b/i.test(text) ? "last" : /^next\b/i.test(text) ? "next" : null;
    const day = resolveWeekday(published, wd, modifier, future);
    return { start, end, text, date: dayDate(day), basis: "published", readAs };
  }
  // Relative to the day of writing: "four years ago", "last month", "yesterday", "last week".
  const unit = unitOf(text);
  const chronoDay = { year: c.get("year")!, month: c.get("month")!, day: c.get("day")! };
  if (unit === "year") return { start, end, text, date: { year: chronoDay.year, month: null, day: null }, basis: "published", readAs };
  if (unit === "month") return { start, end, text, date: { year: chronoDay.year, month: chronoDay.month, day: null }, basis: "published", readAs };
  if (unit === "week" && !/\bago\b/i.test(text)) {
    // "last week": no one day, so the month (or year) the whole week lies in.
    const monday = addDays(chronoDay, -((weekdayOf(chronoDay) + 6) % 7));
    const sunday = addDays(monday, 6);
    if (monday.month === sunday.month) return { start, end, text, date: { year: monday.year, month: monday.month, day: null }, basis: "published", readAs };
    if (monday.year === sunday.year) return { start, end, text, date: { year: monday.year, month: null, day: null }, basis: "published", readAs };
    return null;
  }
  if (!c.isCertain("day") && !tags.has("result/relativeDate") && !tags.has("parser/ENCasualDateParser") && ![...tags].some((t) => t.startsWith("casualReference/"))) return null;
  return { start, end, text, date: dayDate(chronoDay), basis: "published", readAs };
}

function unitOf(text: string): Unit {
  if (/\byears?\b/i.test(text)) return "year";
  if (/\bmonths?\b/i.test(text)) return "month";
  if (/\bweeks?\b/i.test(text)) return "week";
  return "day";
}

/** The year of a month (and day) written without one: the nearest on or before the day of writing, or after it for the future. */
function nearestYear(published: Day, month: number, day: number | null, future: boolean): number {
  const sameMonth = month === published.month;
  if (future) {
    const ahead = month > published.month || (sameMonth && (day === null || day >= published.day));
    return ahead ? published.year : published.year + 1;
  }
  const behind = month < published.month || (sameMonth && (day === null || day <= published.day));
  return behind ? published.year : published.year - 1;
}

/**
 * A weekday against the day of writing: "last Monday" the latest before it, "next Monday" the
 * first after it; otherwise the latest on or before it, or for the future the first on or after.
 */
export function resolveWeekday(published: Day, weekday: number, modifier: "last" | "next" | null, future: boolean): Day {
  const today = weekdayOf(published);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  if (modifier === "last") return addDays(published, -(back === 0 ? 7 : back));
  if (modifier === "next") return addDays(published, ahead === 0 ? 7 : ahead);
  return addDays(published, future ? ahead : -back);
}

interface Pending {
  start: number;
  end: number;
  text: string;
  /** Signed offset and unit; hours and minutes move no day. */
  amount: number;
  unit: Unit;
  /** What the phrase counts from when it names it ("after the Electoral College affirmed ..."), as offsets. */
  event: Span | null;
}

/** Story-relative phrases of a span: "two days later", "the next day", "a day after the vote". */
function storyRelatives(st: SpanText): Pending[] {
  const out: Pending[] = [];
  STORY_RELATIVE.lastIndex = 0;
  for (const m of st.text.matchAll(STORY_RELATIVE)) {
    const start = st.span.start + m.index;
    const end = start + m[0].length;
    let amount: number;
    let unit: Unit;
    let direction: string;
    if (m[1] !== undefined) {
      const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (NUMBER_WORDS.get(m[1].toLowerCase().replace(/^an$/, "a")) ?? 1);
      unit = m[2]!.toLowerCase() as Unit;
      direction = m[3]!.toLowerCase();
      amount = direction === "earlier" || direction === "before" ? -n : n;
    } else if (m[4] !== undefined) {
      unit = unitWord(m[5]!);
      amount = /^(?:next|following)$/i.test(m[4]) ? 1 : -1;
      direction = "later";
    } else if (m[6] !== undefined) {
      unit = "day";
      direction = m[7]!.toLowerCase();
      amount = direction === "before" ? -1 : 1;
    } else {
      unit = "day";
      amount = 0;
      direction = "same";
    }
    if (unit === "week") {
      amount *= 7;
      unit = "day";
    }
    let event: Span | null = null;
    if (direction === "after" || direction === "before") {
      // What follows, up to the end of its clause, is the event it counts from.
      const rest = st.text.slice(end - st.span.start);
      const clause = /^\s+([^,;:.!?]*)/.exec(rest);
      if (clause && /\p{L}/u.test(clause[1]!)) {
        const from = end + clause[0].length - clause[1]!.length;
        event = { start: from, end: from + clause[1]!.trimEnd().length };
      }
    }
    out.push({ start, end, text: m[0], amount, unit, event });
  }
  return out;
}

function unitWord(w: string): Unit {
  const lw = w.toLowerCase();
  return lw === "week" || lw === "month" || lw === "year" ? lw : "day";
}

/** `date` moved by the phrase's offset, at the coarser of its precision and the phrase's. */
function shift(date: PartialDate, rel: Pick<Pending, "amount" | "unit">): PartialDate | null {
  const unitPrecision: Precision = rel.unit === "year" ? "year" : rel.unit === "month" ? "month" : "day";
  const precision = coarser(precisionOf(date), unitPrecision);
  if (rel.unit === "minute" || rel.unit === "hour" || rel.amount === 0) return truncate(date, precision);
  if (rel.unit === "year") return { year: date.year + rel.amount, month: null, day: null };
  const day = asDay(date) ?? { year: date.year, month: date.month ?? 7, day: Math.min(15, daysInMonth(date.year, date.month ?? 7)) };
  if (rel.unit === "month") return truncate(dayDate(addMonths(day, rel.amount)), precision);
  const moved = fromDayNumber(dayNumber(day) + rel.amount);
  // Days from a month or a year: only as precise as that, and only while it stays inside it.
  const out = truncate(dayDate(moved), precision);
  return compatible(out, date) || precision === "day" ? out : null;
}

/** Content terms of a stretch of text, without the words that only write a date. */
function contentTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (/^\d+$/.test(w.word) || CALENDAR_WORD.test(w.word)) continue;
    const t = term(w.word);
    if (t) out.add(t);
  }
  return out;
}

/** Light verbs that join "X came a day after Y": X is what comes before them. */
const LINKING_VERB = /\s(?:came|comes|happened|occurred|took place|followed|follows|arrived|was|were)\s[^]*$/i;

/**
 * "X came a day after Y": if the sentence dates itself otherwise, the phrase adds nothing. Else X
 * is dated by another mention of X in the article ("the message", "the collapse"), or the date
 * is counted from Y's: a date inside Y ("two days after the November 3 vote"), or another
 * mention of Y in the article. Failing both, Y's own coarser date, or nothing.
 */
function anchored(rel: Pending, st: SpanText, own: readonly DateMention[], spans: readonly { st: SpanText; mentions: DateMention[] }[], idf: Idf): DateMention | null {
  const event = rel.event!;
  // "must wait 12 weeks after disinfection", "would be delayed by up to eight weeks after
  // contamination was found": a rule, a forecast or a plan counted from an event, no event of its own.
  if (ruleOrPlan(st, rel)) return null;
  const outside = own.filter((m) => m.basis !== "anchored" && (m.end <= event.start || m.start >= event.end));
  if (outside.length > 0) return null;
  const inside = own.filter((m) => m.basis !== "anchored" && m.start >= event.start && m.end <= event.end);
  const need: Precision = rel.unit === "year" ? "year" : rel.unit === "month" ? "month" : "day";
  const good = inside.find((m) => !finerThan(need, precisionOf(m.date)));
  if (good) {
    const date = shift(good.date, rel);
    if (date) return mention(rel, date, `from '${rel.text}', counted from '${good.text}' (${humanDate(good.date)})`);
  }
  const coarse = inside[0] ?? null;
  const fits = (d: PartialDate) => !coarse || compatible(d, coarse.date);
  const others = spans.filter((s) => s.st !== st).flatMap((s) => s.mentions.filter((m) => m.basis !== "anchored").map((m) => ({ m, terms: contentTerms(s.st.text) })));
  const weight = (ts: ReadonlySet<string>) => [...ts].reduce((n, t) => n + idf(t), 0);
  const best = (target: ReadonlySet<string>, minShare: number, minWeight: number, admit: (m: DateMention) => boolean) => {
    const total = weight(target);
    if (total <= 0) return null;
    let top: { m: DateMention; shared: number } | null = null;
    for (const o of others) {
      if (!admit(o.m) || finerThan(need, precisionOf(o.m.date))) continue;
      let shared = 0;
      for (const t of target) if (o.terms.has(t)) shared += idf(t);
      if (shared / total >= minShare && shared >= minWeight && (!top || shared > top.shared)) top = { m: o.m, shared };
    }
    return top?.m ?? null;
  };
  // X: the sentence before the phrase, up to its linking verb.
  const head = st.text.slice(0, rel.start - st.span.start).replace(LINKING_VERB, "");
  const x = best(contentTerms(head), 0.6, 0, (m) => fits(m.date));
  if (x) return mention(rel, x.date, `from '${rel.text}', as '${x.text}' (${humanDate(x.date)}) dates the same in the article`);
  const y = best(contentTerms(st.text.slice(event.start - st.span.start, event.end - st.span.start)), 0.15, 2, (m) => {
    const d = shift(m.date, rel);
    return d !== null && fits(d);
  });
  if (y) {
    const date = shift(y.date, rel);
    if (date) return mention(rel, date, `from '${rel.text}', counted from '${y.text}' (${humanDate(y.date)})`);
  }
  if (coarse) {
    const date = shift(coarse.date, rel);
    if (date) return mention(rel, date, `from '${rel.text}', counted from '${coarse.text}'`);
  }
  return null;
}

/** Does the clause before a story-relative phrase speak of what must, may or will be? */
function ruleOrPlan(st: SpanText, rel: Pick<Pending, "start" | "end">): boolean {
  const from = rel.start - st.span.start;
  const { text, offset } = clauseAround(st.text, from, rel.end - st.span.start);
  return MODAL.test(text.slice(0, from - offset)) || isFuture(st, rel.start, rel.end);
}

function mention(rel: Pending, date: PartialDate, readAs: string): DateMention {
  return { start: rel.start, end: rel.end, text: rel.text, date, basis: "anchored", readAs, attribution: false };
}
