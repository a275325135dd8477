/**
 * Characters that change how text around them is shown without showing themselves: bidi
 * embeddings, overrides, isolates and marks (a right-to-left override turns "fdp.exe" into
 * "exe.pdf"), and zero-width spaces, word joiners and byte-order marks (which hide inside a name or
 * a link). Joiners (U+200C, U+200D) are not among them: emoji and several scripts need them.
 */
const INVISIBLE = /[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

const ANY_INVISIBLE = new RegExp(INVISIBLE.source, "u");

export function hasInvisible(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** The text with each of them replaced by `mark(ch)`. */
export function markInvisible(text: string, mark: (ch: string) => string): string {
  return text.replace(INVISIBLE, mark);
}

/** The text without them, for showing article text: an override in an excerpt cannot reorder a reply. */
export function dropInvisible(text: string): string {
  return markInvisible(text, () => "");
}
