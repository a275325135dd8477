/**
 * The figures a sentence states, so that two outlets' versions of one report can be compared like
 * with like: durations ("two hours after", "within an hour", "took half an hour") and counts of a
 * noun ("injuring 14 people", "about 400 metres", "tariffs of 20 percent", "$5 million"). Each
 * keeps its words' offsets and how it bounds the value (exactly, about, at most, at least). Years,
 * ordinals, clock times and the day numbers of dates are not counts.
 */
import { term } from "../search/analyzer.js";

export type Bound = "exact" | "approx" | "atMost" | "atLeast";

export interface Figure {
  kind: "duration" | "count";
  /** Offsets in the text given. */
  start: number;
  end: number;
  text: string;
  /** Seconds for a duration; the number for a count. */
  value: number;
  bound: Bound;
  /** What is counted: "time" for durations, else the counted noun's index term ("peopl", "metr", "percent"). */
  key: string;
  /** The counted noun as written ("passengers"), when a noun follows the number. */
  noun?: string;
  /**
   * How round the number is written, in the value's units: 100 for "4,300", 10 for "160",
   * 0.1 million for "2.5 million", an hour for "six hours". An approximate figure stands for the
   * values nearer it than the next round number.
   */
  step?: number;
}

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const WORD_VALUE: ReadonlyMap<string, number> = new Map([
  ...ONES.map((w, i) => [w, i] as const),
  ...TENS.map((w, i) => [w, i * 10] as const).filter(([w]) => w !== ""),
  ["hundred", 100],
  ["dozen", 12],
  ["a", 1],
  ["an", 1],
]);
const NUMBER_WORD = `(?:${[...TENS.filter(Boolean)].join("|")})(?:-(?:${ONES.slice(1, 10).join("|")}))?|a dozen|dozens|hundreds|a hundred|one hundred|${[...ONES].sort((a, b) => b.length - a.length).join("|")}`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULTIPLIER = String.raw`(?:\s+(million|billion|trillion|thousand)\b)?`;

const QUALIFIERS: ReadonlyMap<string, Bound> = new Map([
  ...["within", "in under", "under", "less than", "fewer than", "no more than", "up to", "at most", "just under", "inside"].map((q) => [q, "atMost" as Bound] as const),
  ...["more than", "over", "at least", "upwards of", "no less than", "just over", "in excess of"].map((q) => [q, "atLeast" as Bound] as const),
  ...["about", "around", "roughly", "some", "nearly", "almost", "approximately", "close to", "an estimated", "an average of", "estimated"].map((q) => [q, "approx" as Bound] as const),
]);
const QUALIFIER = `(?:${[...QUALIFIERS.keys()].sort((a, b) => b.length - a.length).join("|")})`;

const SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400, week: 604_800, fortnight: 1_209_600, month: 2_629_800, year: 31_557_600 };
const TIME_UNIT = "seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?";

const DURATION = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(${QUALIFIER})\s+)?(?:(half an?|a half)\s+(hour|day|year)|(${DIGITS}|${NUMBER_WORD}|an?)[\s-](?:and a half\s+)?(${TIME_UNIT}))(?:\s+(after|later|before|earlier))?(?![\p{L}\d])(?!\s+(?:ago|old)\b|-old\b)`,
  "giu",
);

const COUNT = new RegExp(
  String.raw`(?<![\p{L}\d.,])(?:(${QUALIFIER})\s+)?([$£€])?(${DIGITS}|${NUMBER_WORD})(?![\p{L}\d])${MULTIPLIER}(\s*%|\s+percent\b|\s+per cent\b)?(?:(?:\s+of\s+the\s+(?:${DIGITS}|${NUMBER_WORD}))?)`,
  "giu",
);
const TIME_UNIT_WORD = new RegExp(`^(?:${TIME_UNIT})$`, "i");
const MONTH_OR_DAY_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;
const NOT_A_COUNT_AFTER = /^(?:\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|o['’]clock)\b|(?:st|nd|rd|th)\b|[:/]\d)/i;

/** The place of a number's last significant digit as written: 100 for "4,300", 0.1 for "2.5", 10 for "twenty". */
function roundness(raw: string): number {
  const s = raw.toLowerCase().replace(/,/g, "");
  if (/^\d/.test(s)) {
    const decimals = /\.(\d+)$/.exec(s);
    if (decimals) return 10 ** -decimals[1]!.length;
    return 10 ** (/0*$/.exec(s)![0].length);
  }
  const v = numberValue(raw);
  return v !== null && v >= 10 && v % 10 === 0 ? (v % 100 === 0 ? 100 : 10) : 1;
}

function numberValue(raw: string): number | null {
  const s = raw.toLowerCase();
  if (/^\d/.test(s)) return Number(s.replace(/,/g, ""));
  if (s === "dozens" || s === "hundreds") return null;
  if (s === "a dozen") return 12;
  if (s === "a hundred" || s === "one hundred") return 100;
  if (s.includes("-")) {
    const [tens, ones] = s.split("-");
    return (WORD_VALUE.get(tens!) ?? 0) + (WORD_VALUE.get(ones!) ?? 0);
  }
  return WORD_VALUE.get(s) ?? null;
}

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const CURRENCY: Record<string, string> = { $: "dollar", "£": "pound", "€": "euro" };

/** Every duration and count in `text`, in order. */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(DURATION)) {
    const bound = m[1] ? QUALIFIERS.get(m[1].toLowerCase())! : "exact";
    let value: number | null;
    let unit: string;
    if (m[2]) {
      value = 0.5;
      unit = m[3]!;
    } else {
      value = numberValue(m[4]!);
      unit = m[5]!;
      if (/and a half/i.test(m[0])) value = value === null ? null : value + 0.5;
    }
    if (value === null) continue;
    // "a second tank": "second" is an ordinal there, not a unit of time.
    if (/^an?$/i.test(m[4] ?? "") && /^second$/i.test(unit) && !m[6] && /^\s+\p{L}/u.test(text.slice(m.index + m[0].length))) continue;
    const seconds = SECONDS[unit.toLowerCase().replace(/s$/, "")]!;
    const step = (m[2] || /and a half/i.test(m[0]) ? 0.5 : roundness(m[4]!)) * seconds;
    out.push({ kind: "duration", start: m.index, end: m.index + m[0].length, text: m[0], value: value * seconds, bound, key: "time", step });
  }
  for (const m of text.matchAll(COUNT)) {
    const start = m.index;
    const numberStart = start + m[0].indexOf(m[3]!, m[1] ? m[1].length : 0);
    if (out.some((f) => f.kind === "duration" && f.start <= numberStart && numberStart < f.end)) continue;
    const raw = m[3]!;
    let value = numberValue(raw);
    if (value === null) continue;
    if (m[4]) value *= MULTIPLIERS[m[4].toLowerCase()]!;
    const after = text.slice(start + m[0].length);
    if (NOT_A_COUNT_AFTER.test(after)) continue;
    if (MONTH_OR_DAY_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    // "six hundred and fifty-five": only the whole number counts, and it is not read.
    if (/\b(?:hundred|thousand|million|and)\s+$/i.test(text.slice(Math.max(0, start - 10), start)) && /^\p{L}/u.test(raw)) continue;
    // A year ("in 2016", "the 2016 election") is a date, not a count.
    if (!m[2] && !m[4] && !m[5] && /^(?:1[6-9]|20)\d\d$/.test(raw)) continue;
    let key: string | null = null;
    let word: string | undefined;
    let end = start + m[0].length;
    if (m[5]) key = "percent";
    else {
      const noun = countedNoun(after);
      if (noun) {
        key = noun.key;
        word = noun.word;
        end += noun.length;
      } else if (m[2]) key = CURRENCY[m[2]]!;
    }
    if (!key || TIME_UNIT_WORD.test(key)) continue;
    if (/^\p{L}/u.test(raw) && (raw.toLowerCase() === "a" || raw.toLowerCase() === "an")) continue;
    const bound = m[1] ? QUALIFIERS.get(m[1].toLowerCase())! : "exact";
    const step = roundness(raw) * (m[4] ? MULTIPLIERS[m[4].toLowerCase()]! : 1);
    out.push({ kind: "count", start, end, text: text.slice(start, end), value, bound, key, step, ...(word ? { noun: word } : {}) });
    // "Four of the nine miners": the nine are miners too.
    const partitive = /\s+of\s+the\s+(\S+)$/i.exec(m[0]);
    if (partitive) {
      const whole = numberValue(partitive[1]!);
      if (whole !== null) out.push({ kind: "count", start, end, text: text.slice(start, end), value: whole, bound: "exact", key, ...(word ? { noun: word } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The noun a number counts: up to three words right after it (a hyphenated unit counts: "a
 * three-metre gash"), stopping at a function word; the first plural among them, else the first
 * word: "4,300 students without classes" counts students.
 */
function countedNoun(after: string): { key: string; word: string; length: number } | null {
  const m = /^(?:-|\s+)((?:[\p{L}][\p{L}'’-]*)(?:\s+[\p{L}][\p{L}'’-]*){0,2})/u.exec(after);
  if (!m) return null;
  const ws: string[] = [];
  for (const w of m[1]!.split(/\s+/)) {
    if (term(w) === null) break;
    ws.push(w);
  }
  // "a 40-year-old man", "five-day": a time unit is no counted noun (durations are read apart).
  if (ws.length === 0 || /^(?:second|minute|hour|day|week|fortnight|month|year)s?\b/i.test(ws[0]!)) return null;
  const plural = ws.find((w) => /\p{Ll}s$/u.test(w) && !/ss$/.test(w));
  const chosen = plural ?? ws[0]!;
  const key = term(chosen);
  if (!key) return null;
  const lead = m[0].length - m[1]!.length;
  const upTo = ws.slice(0, ws.indexOf(chosen) + 1).join(" ");
  return { key, word: chosen, length: lead + upTo.length };
}

/**
 * An approximate figure ("about 400", "roughly 4,300") stands for the values nearer it than the
 * next round number at its roundness (350 is as near 300 as 400), within this share of it at
 * least ("about 137" may be 135)...
 */
const APPROX_MIN = 0.05;
/** ...and at most ("about 1,000" is not 850). */
const APPROX_MAX = 0.1;

/** How far from an approximate figure a value may lie and still be what it approximates. */
function slack(f: Pick<Figure, "value" | "bound" | "step">): number {
  if (f.bound !== "approx") return 0.001 * Math.abs(f.value);
  const v = Math.abs(f.value);
  return Math.min(APPROX_MAX * v, Math.max(APPROX_MIN * v, (f.step ?? Infinity) / 2));
}

/** Could both figures be true of one thing? An approximation holds the values it rounds; a bound holds what it bounds. */
export function consistent(a: Pick<Figure, "value" | "bound" | "step">, b: Pick<Figure, "value" | "bound" | "step">): boolean {
  const point = (f: Pick<Figure, "bound">) => f.bound === "exact" || f.bound === "approx";
  if (point(a) && point(b)) return Math.abs(a.value - b.value) < Math.max(slack(a), slack(b)) || a.value === b.value;
  const near = (x: number, y: number) => Math.abs(x - y) <= 0.001 * Math.max(Math.abs(x), Math.abs(y));
  if (a.bound === b.bound) return near(a.value, b.value);
  const [bound, other] = point(a) ? [b, a] : [a, b];
  if (point(other)) {
    const give = slack(other);
    return bound.bound === "atMost" ? other.value - give <= bound.value : other.value + give >= bound.value;
  }
  // An upper and a lower bound agree when they leave some value between them.
  const upper = a.bound === "atMost" ? a : b;
  const lower = a.bound === "atMost" ? b : a;
  return lower.value <= upper.value;
}
