/**
 * Links that open the article at the cited sentence: the article URL plus a URL text fragment
 * (`#:~:text=start,end`, WICG "URL Fragment Text Directives"), which supporting browsers scroll to
 * and highlight. Start and end are a few words long, and lengthened until they pick out the cited
 * sentence rather than an earlier place on the page that begins or ends the same way.
 */
import type { Span } from "../corpus/types.js";

/**
 * The version of the links built here: bump it when a change alters a link, since the persisted
 * quote index saves them (see src/code-version.ts).
 */
export const LINK_VERSION = 1;

/** Sentences up to this many words are linked whole, as a single `text=` term. */
const WHOLE_UP_TO = 8;
const MIN_EDGE_WORDS = 3;

/**
 * Percent-encodes one text-directive term. Besides what URLs always reserve, the directive syntax
 * gives '-' (prefix/suffix marks), ',' (term separator) and '&' (directive separator) a meaning, so
 * those are encoded too.
 */
export function encodeTextDirectiveTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, "%2D");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Is there a letter or digit just before `at` (a whole code point, surrogates included)? */
function wordCharBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

function wordCharAt(text: string, at: number): boolean {
  return at < text.length && WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * Text lower-cased one code point at a time, keeping every offset: a letter whose lower case is
 * longer ("İ") is kept as it is, which a browser's case-insensitive search finds all the same.
 */
function foldCase(text: string): string {
  const fast = text.toLowerCase();
  if (fast.length === text.length) return fast;
  let out = "";
  for (const ch of text) {
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

/** 32-bit FNV-1a of `s.slice(start, end)`. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function combine(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 31) + b, 31) + c) >>> 0;
}

/**
 * Where a word can begin a match inside a token: at its start or after a character that is not a
 * letter or digit. The last such place, so that a word and the token it is a suffix of agree.
 */
function lastSuffixStart(original: string, start: number, end: number): number {
  for (let p = end - 1; p > start; p--) if (!wordCharBefore(original, p)) return p;
  return start;
}

/** Where a word can end a match inside a token: before a non-letter-or-digit, or at its end; the first. */
function firstPrefixEnd(original: string, start: number, end: number): number {
  for (let q = start + 1; q < end; q++) if (!wordCharAt(original, q)) return q;
  return end;
}

/**
 * One page prepared for phrase search: its white-space-separated tokens, and for every run of
 * three tokens a key (the tail of the first that a word can be, the whole second, the head of the
 * third that a word can be) with the runs of each key in page order. Any place where three words
 * of a phrase match has the phrase's key, so a lookup gives the few places worth checking instead
 * of a scan from the top of the page: linking every quote of a page costs about one pass over it.
 */
interface PageWords {
  lower: string;
  starts: Uint32Array;
  ends: Uint32Array;
  /** The middle tokens of the runs of each key, ascending: `mids[first.get(key) ...]`, `count.get(key)` long. */
  first: Map<number, number>;
  count: Map<number, number>;
  mids: Uint32Array;
}

function preparePage(text: string): PageWords {
  const lower = foldCase(text);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const n = starts.length;
  const keys = new Uint32Array(Math.max(0, n - 2));
  const count = new Map<number, number>();
  for (let t = 1; t + 1 < n; t++) {
    const key = combine(
      hashRange(lower, lastSuffixStart(text, starts[t - 1]!, ends[t - 1]!), ends[t - 1]!),
      hashRange(lower, starts[t]!, ends[t]!),
      hashRange(lower, starts[t + 1]!, firstPrefixEnd(text, starts[t + 1]!, ends[t + 1]!)),
    );
    keys[t - 1] = key;
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const first = new Map<number, number>();
  let offset = 0;
  for (const [key, c] of count) {
    first.set(key, offset);
    offset += c;
  }
  const filled = new Map<number, number>();
  const mids = new Uint32Array(offset);
  for (let t = 1; t + 1 < n; t++) {
    const key = keys[t - 1]!;
    const k = filled.get(key) ?? 0;
    mids[first.get(key)! + k] = t;
    filled.set(key, k + 1);
  }
  return { lower, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), first, count, mids };
}

/** Prepared pages, as one article is linked many times; a few at a time, as articles come in turn. */
const pages = new Map<string, PageWords>();
const PAGES_MAX = 4;
function pageOf(text: string): PageWords {
  let page = pages.get(text);
  if (!page) {
    page = preparePage(text);
    if (pages.size >= PAGES_MAX) pages.delete(pages.keys().next().value!);
    pages.set(text, page);
  }
  return page;
}

/**
 * Whether these (lower-cased) words stand at `at`, any white space between them, not inside a
 * longer word: the end of the match, or -1.
 */
function matchAt(words: readonly string[], text: string, lower: string, at: number): number {
  if (wordCharBefore(text, at)) return -1;
  let pos = at;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      const gap = pos;
      while (pos < text.length && SPACE.test(text[pos]!)) pos++;
      if (pos === gap) return -1;
    }
    if (!lower.startsWith(words[i]!, pos)) return -1;
    pos += words[i]!.length;
  }
  return wordCharAt(text, pos) ? -1 : pos;
}

/**
 * The first place at or after `from` where these words stand, any white space between them,
 * case aside, not inside a longer word: what a browser looks for. The page's key index gives the
 * places where the last three words stand; each is checked whole, in page order.
 */
function firstMatch(ws: readonly string[], text: string, from: number): { start: number; end: number } | null {
  const page = pageOf(text);
  const words = ws.map(foldCase);
  const k = words.length;
  if (k < 3) return firstMatchByScan(words, text, page.lower, from);
  const [a, b, c] = [words[k - 3]!, words[k - 2]!, words[k - 1]!];
  const key = combine(hashRange(a, lastSuffixStart(ws[k - 3]!, 0, a.length), a.length), hashRange(b, 0, b.length), hashRange(c, 0, firstPrefixEnd(ws[k - 1]!, 0, c.length)));
  const offset = page.first.get(key);
  if (offset === undefined) return null;
  const end = offset + page.count.get(key)!;
  // The first run whose phrase could start at or after `from` (runs ascend, and so do their starts).
  const startOf = (i: number) => {
    const t = page.mids[i]! - (k - 2);
    return t < 0 ? -1 : page.ends[t]! - words[0]!.length;
  };
  let lo = offset;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < end; i++) {
    const t = page.mids[i]! - (k - 2);
    const at = startOf(i);
    if (t < 0 || at < page.starts[t]!) continue;
    const stop = matchAt(words, text, page.lower, at);
    if (stop >= 0) return { start: at, end: stop };
  }
  return null;
}

/** The same search by scanning, for phrases too short to have a key. */
function firstMatchByScan(words: readonly string[], text: string, lower: string, from: number): { start: number; end: number } | null {
  for (let at = lower.indexOf(words[0]!, from); at >= 0; at = lower.indexOf(words[0]!, at + 1)) {
    const stop = matchAt(words, text, lower, at);
    if (stop >= 0) return { start: at, end: stop };
  }
  return null;
}

/**
 * The text directive (without "#:~:text=") for `span` of `text`: the first matching range in
 * the page should be exactly this span, as far as the article text can tell.
 */
export function textDirective(text: string, span: Span): string {
  const excerpt = text.slice(span.start, span.end);
  const ws = excerpt.split(/\s+/).filter(Boolean);
  const whole = () => encodeTextDirectiveTerm(ws.join(" "));
  if (ws.length <= WHOLE_UP_TO) return whole();
  const half = Math.floor(ws.length / 2);
  let startWords = -1;
  let startEnd = -1;
  // Wherever the first k+1 words match, the first k match too: each longer start is looked for
  // only from where the shorter one first matched, so a long page is scanned about once.
  for (let k = MIN_EDGE_WORDS, from = 0; k <= half; k++) {
    const m = firstMatch(ws.slice(0, k), text, from);
    if (!m) break;
    if (m.start === span.start) {
      startWords = k;
      startEnd = m.end;
      break;
    }
    from = m.start;
  }
  if (startWords < 0) return whole();
  for (let k = MIN_EDGE_WORDS; k <= half; k++) {
    const m = firstMatch(ws.slice(ws.length - k), text, startEnd);
    if (m && m.end === span.end) {
      return `${encodeTextDirectiveTerm(ws.slice(0, startWords).join(" "))},${encodeTextDirectiveTerm(ws.slice(ws.length - k).join(" "))}`;
    }
  }
  return whole();
}

/**
 * The URL with a text fragment for the span, or null when there is no URL to link to. A URL that
 * already has a fragment keeps it, and the directive follows it; text directives already in it
 * (a URL copied from a highlighted page) are replaced, since a browser highlights only when every
 * one of them matches. Other directives are kept.
 */
export function textFragmentLink(url: string | null, text: string, span: Span): string | null {
  if (!url) return null;
  const hash = url.indexOf("#");
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? "" : url.slice(hash + 1);
  const delimiter = fragment.indexOf(":~:");
  const plain = delimiter < 0 ? fragment : fragment.slice(0, delimiter);
  const others = delimiter < 0 ? [] : fragment.slice(delimiter + 3).split("&").filter((d) => d !== "" && !d.startsWith("text="));
  return `${base}#${plain}:~:${[...others, `text=${textDirective(text, span)}`].join("&")}`;
}
