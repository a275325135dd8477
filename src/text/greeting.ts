/**
 * A greeting or a bare request for help ("hi", "hello", "help", "?") instead of a question. The
 * front ends answer it with a short help reply before asking the engine, which would only refuse
 * (`no article mentions "hi"`).
 */

const GREETINGS = new Set([
  "hi",
  "hii",
  "hello",
  "hey",
  "hiya",
  "howdy",
  "yo",
  "hi there",
  "hello there",
  "hey there",
  "good morning",
  "good afternoon",
  "good evening",
  "help",
  "help me",
  "helpme",
  "what can you do",
  "how does this work",
  "how do i use this",
]);

export function isGreetingOrHelp(text: string): boolean {
  const t = text.normalize("NFKC").trim().toLowerCase();
  if (/^[?¿]+$/.test(t)) return true;
  const words = t
    .replace(/[!?.,;:~¡¿]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return GREETINGS.has(words);
}
