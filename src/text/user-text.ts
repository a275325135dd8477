import { z } from "zod";

// Cleaning lives apart, without zod, for the terminal's renderer (a cached CLI start loads no zod).
import { cleanUserText } from "./clean-user-text.js";

export { cleanUserText };

/** Why typed text was refused: nothing left once cleaned, or longer than allowed. */
export type TextProblem = "empty" | "long";

/** What a user typed into a text box, cleaned, then checked to hold 1 to `max` characters. */
export function parseUserText(raw: unknown, max: number): { ok: true; text: string } | { ok: false; problem: TextProblem } {
  const parsed = z.string().transform(cleanUserText).pipe(z.string().min(1, "empty").max(max, "long")).safeParse(raw);
  if (parsed.success) return { ok: true, text: parsed.data };
  // Anything but a too-long text (nothing typed, or not text at all) asks the user to type something.
  return { ok: false, problem: parsed.error.issues.some((i) => i.message === "long") ? "long" : "empty" };
}
