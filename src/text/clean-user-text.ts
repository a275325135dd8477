/**
 * Text a user typed, made safe to process and to show back: a Discord question is echoed as the
 * answer's title, and the terminal echoes a name nobody is quoted as, where an escape sequence
 * could retitle or recolour the window and a bidi override reverses what follows.
 * Control characters become spaces, since they sit between words; invisible format characters
 * (zero-width spaces and joiners, bidi overrides, byte-order marks, soft hyphens) and lone
 * surrogates are dropped, so "Pu\u200btin" reads as "Putin"; runs of white space collapse.
 */
export function cleanUserText(text: string): string {
  return text
    .replace(/\p{Cc}/gu, " ")
    .replace(/[\p{Cf}\p{Cs}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}
