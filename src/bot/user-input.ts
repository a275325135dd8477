/**
 * Text typed by a Discord user, made safe to process and to show back (the question is echoed as
 * the answer's title). Control characters become spaces, since they sit between words; invisible
 * format characters (zero-width spaces and joiners, bidi overrides that would reverse what
 * follows, byte-order marks, soft hyphens) and lone surrogates are dropped, so "Pu\u200btin"
 * reads as "Putin"; runs of white space collapse to one space.
 */
export function cleanUserText(text: string): string {
  return text
    .replace(/\p{Cc}/gu, " ")
    .replace(/[\p{Cf}\p{Cs}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}
