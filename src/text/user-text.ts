import { z } from "zod";

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

/** Why typed text was refused: nothing left once cleaned, or longer than allowed. */
export type TextProblem = "empty" | "long";

/** What a user typed into a text box, cleaned, then checked to hold 1 to `max` characters. */
export function parseUserText(raw: unknown, max: number): { ok: true; text: string } | { ok: false; problem: TextProblem } {
  const parsed = z.string().transform(cleanUserText).pipe(z.string().min(1, "empty").max(max, "long")).safeParse(raw);
  if (parsed.success) return { ok: true, text: parsed.data };
  // Anything but a too-long text (nothing typed, or not text at all) asks the user to type something.
  return { ok: false, problem: parsed.error.issues.some((i) => i.message === "long") ? "long" : "empty" };
}
