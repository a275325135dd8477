/**
 * Links that open the article at the cited sentence: the article URL plus a URL text fragment
 * (`#:~:text=start,end`, WICG "URL Fragment Text Directives"), which supporting browsers scroll to
 * and highlight. Start and end are a few words long, and lengthened until they pick out the cited
 * sentence rather than an earlier place on the page that begins or ends the same way.
 */
import type { Span } from "../corpus/types.js";

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
 * The page's text lower-cased for matching, or null where lower-casing would move offsets (a
 * few letters lower-case to two characters); cached, as one article is linked many times.
 */
const lowered = new Map<string, string | null>();
const LOWERED_MAX = 256;
function lowerOf(text: string): string | null {
  let l = lowered.get(text);
  if (l === undefined) {
    const low = text.toLowerCase();
    l = low.length === text.length ? low : null;
    if (lowered.size >= LOWERED_MAX) lowered.clear();
    lowered.set(text, l);
  }
  return l;
}

/**
 * The first place at or after `from` where these words stand, any white space between them,
 * case aside, not inside a longer word: what a browser looks for. Plain string search: a
 * compiled Unicode pattern per phrase cost more than the rest of an answer.
 */
function firstMatch(ws: readonly string[], text: string, from: number): { start: number; end: number } | null {
  const lower = lowerOf(text);
  if (lower === null) return firstMatchByPattern(ws, text, from);
  const words = ws.map((w) => w.toLowerCase());
  if (words.some((w, i) => w.length !== ws[i]!.length)) return firstMatchByPattern(ws, text, from);
  for (let at = lower.indexOf(words[0]!, from); at >= 0; at = lower.indexOf(words[0]!, at + 1)) {
    if (wordCharBefore(text, at)) continue;
    let pos = at;
    let ok = true;
    for (let i = 0; i < words.length && ok; i++) {
      if (i > 0) {
        const gap = pos;
        while (pos < text.length && SPACE.test(text[pos]!)) pos++;
        if (pos === gap) ok = false;
      }
      if (ok && lower.startsWith(words[i]!, pos)) pos += words[i]!.length;
      else ok = false;
    }
    if (ok && !wordCharAt(text, pos)) return { start: at, end: pos };
  }
  return null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The same search as a pattern, for text whose lower case is longer than itself. */
function firstMatchByPattern(ws: readonly string[], text: string, from: number): { start: number; end: number } | null {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${ws.map(escapeRegExp).join("\\s+")}(?![\\p{L}\\p{N}])`, "giu");
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
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

/** The URL with a text fragment for the span, or null when there is no URL to link to. */
export function textFragmentLink(url: string | null, text: string, span: Span): string | null {
  if (!url) return null;
  const directive = `:~:text=${textDirective(text, span)}`;
  // A URL that already has a fragment keeps it; the directive follows the fragment delimiter.
  return url.includes("#") ? `${url}${directive}` : `${url}#${directive}`;
}
