/**
 * Text for Discord messages: markdown escaping, safe links and truncation that fits a limit at a
 * sentence boundary. Pure string functions, no Discord types.
 */
import { splitSentences } from "../corpus/segment.js";
import { dropInvisible } from "../text/invisible.js";

export const ELLIPSIS = "…";

/** Characters that are markdown (or mention/link syntax) anywhere in a line. */
const INLINE = /[\\*_~`|[\]<]/g;
/** The "://" of a URL: escaping its colon keeps Discord from turning typed or quoted text into a link. */
const URL_SCHEME = /(?<=[a-z0-9])(?=:\/\/)/gi;
/** Syntax that only counts at the start of a line: quotes, headings, subtext, lists. */
const LINE_START = /^([ \t]*)(>|#|-|\+|(\d+)\.(?=\s))/gm;

/**
 * Escapes `text` so Discord shows it literally: no bold/italic/strike/spoiler/code, no block quotes,
 * headings or lists, no masked links, and no mention, channel, emoji or timestamp syntax (`<...>`).
 * Bidi controls and zero-width characters are dropped: an override in an excerpt or a headline
 * would reorder the rest of the reply. A URL in the text is not left to become a link (and a
 * preview): only the bot's own masked links are links.
 */
export function escapeMarkdown(text: string): string {
  return dropInvisible(text)
    .replace(INLINE, (ch) => `\\${ch}`)
    .replace(URL_SCHEME, "\\")
    .replace(LINE_START, (_m, space: string, mark: string, digits: string | undefined) =>
      digits === undefined ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}

/** Text shown as a block quote: escaped, every line marked so the quote never ends early. */
export function blockQuote(text: string): string {
  return escapeMarkdown(text)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
}

/**
 * The URL if it is http(s), percent-encoded so it cannot end a markdown link early (parentheses,
 * spaces, angle brackets); null for anything else (javascript:, file:, garbage).
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  return parsed.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** `[label](url)` with the label escaped, or the escaped label alone when the URL is not safe. */
export function maskedLink(label: string, url: string | null | undefined): string {
  const safe = safeUrl(url);
  const text = escapeMarkdown(label);
  return safe ? `[${text}](${safe})` : text;
}

/** Largest candidate for which `fits` holds, assuming it holds for a prefix of the sorted list. */
function largestFitting(sorted: number[], fits: (n: number) => boolean): number | null {
  let lo = 0;
  let hi = sorted.length - 1;
  let best: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(sorted[mid]!)) {
      best = sorted[mid]!;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * `render(raw)` if it fits in `limit` characters; otherwise the longest prefix of `raw` that ends
 * at a sentence boundary (or, when even the first sentence is too long, at a word boundary), then
 * " …", rendered, within `limit`. The prefix is a slice of `raw`, so a cut excerpt stays verbatim.
 */
export function fitText(raw: string, limit: number, render: (s: string) => string = escapeMarkdown): string {
  const whole = render(raw);
  if (whole.length <= limit) return whole;
  const marker = ` ${ELLIPSIS}`;
  if (limit < marker.length) return ELLIPSIS.slice(0, Math.max(0, limit));
  const cut = (end: number) => {
    const prefix = raw.slice(0, end).trimEnd();
    return prefix.length === 0 ? ELLIPSIS : render(prefix) + marker;
  };
  const fits = (end: number) => cut(end).length <= limit;
  // Only prefixes shorter than the limit can fit: escaping never shortens text.
  const reach = Math.min(raw.length, limit);

  const sentenceEnds = splitSentences(raw, { start: 0, end: raw.length }, 0)
    .map((s) => s.end)
    .filter((end) => end < raw.length && end <= reach);
  const atSentence = largestFitting(sentenceEnds, fits);
  if (atSentence !== null) return cut(atSentence);

  const wordEnds: number[] = [];
  for (let i = 1; i <= reach && i < raw.length; i++) {
    if (/\s/.test(raw[i]!) && !/\s/.test(raw[i - 1]!)) wordEnds.push(i);
  }
  const atWord = largestFitting(wordEnds, fits);
  if (atWord !== null) return cut(atWord);

  // One enormous word: cut between characters, never inside a surrogate pair.
  const positions: number[] = [];
  for (let i = 1; i <= reach; i++) {
    const code = raw.charCodeAt(i - 1);
    if (code < 0xd800 || code > 0xdbff) positions.push(i);
  }
  const atChar = largestFitting(positions, fits);
  return atChar !== null ? cut(atChar) : ELLIPSIS;
}
