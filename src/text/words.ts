/**
 * Counting words in any script. Scripts written with spaces count white-space-separated words;
 * a run of a script written without them (Chinese, Japanese, Thai, Lao, Khmer, Burmese) counts the
 * words Intl.Segmenter finds in it, so a Chinese paragraph is not "one word" to the cleaner.
 */
const SPACELESS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/** Made on first use: creating ICU's word segmenter takes about 20 ms of every start, and most corpora never need it. */
let segmenter: Intl.Segmenter | null = null;

/** Words in `token` (one run without white space): 1, or the segmenter's words in a spaceless script. */
function wordsIn(token: string): number {
  if (!SPACELESS.test(token)) return 1;
  let n = 0;
  for (const s of (segmenter ??= new Intl.Segmenter(undefined, { granularity: "word" })).segment(token)) if (s.isWordLike) n++;
  return Math.max(1, n);
}

/** `words(s) <= max`, without splitting a long paragraph to find out. */
export function atMostWords(s: string, max: number): boolean {
  const token = /\S+/g;
  let n = 0;
  for (let m = token.exec(s); m; m = token.exec(s)) if ((n += wordsIn(m[0])) > max) return false;
  return true;
}

/** Words made of letters and digits (an apostrophe inside one is part of it), in any script. */
export function wordCount(s: string): number {
  let n = 0;
  for (const m of s.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) n += wordsIn(m[0]);
  return n;
}
