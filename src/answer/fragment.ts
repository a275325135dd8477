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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A case-insensitive matcher for these words separated by any white space, at word edges. */
function phrase(ws: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${ws.map(escapeRegExp).join("\\s+")}(?![\\p{L}\\p{N}])`, "giu");
}

function firstMatch(re: RegExp, text: string, from: number): { start: number; end: number } | null {
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
  for (let k = MIN_EDGE_WORDS; k <= half; k++) {
    const m = firstMatch(phrase(ws.slice(0, k)), text, 0);
    if (m && m.start === span.start) {
      startWords = k;
      break;
    }
  }
  if (startWords < 0) return whole();
  const startEnd = firstMatch(phrase(ws.slice(0, startWords)), text, 0)!.end;
  for (let k = MIN_EDGE_WORDS; k <= half; k++) {
    const m = firstMatch(phrase(ws.slice(ws.length - k)), text, startEnd);
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
