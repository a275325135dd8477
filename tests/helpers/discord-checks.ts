/**
 * Checks on what the bot sent to Discord, shared by the reliability tests: every text in a message
 * payload, and the ways user text could break a message (markdown that leaks, mention syntax,
 * masked links to anything but http(s), control and bidi characters).
 */
import { hasUnsafeCharacters } from "../fixtures/hostile-inputs.js";

/** Every piece of text a message payload shows: content, embed texts, field names and values, button labels. */
export function messageTexts(data: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key: string) => {
    if (typeof v === "string") {
      if (["content", "title", "description", "name", "value", "text", "label"].includes(key)) out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, key);
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) if (k !== "allowed_mentions" && k !== "custom_id") visit(x, k);
    }
  };
  visit(data, "");
  return out;
}

/**
 * What is wrong with `text` as Discord markdown produced from untrusted input; empty when fine.
 * Escaped characters (`\*`) are ignored; what is left must not open anything it does not close,
 * and must not be mention, channel, role, emoji, timestamp or command syntax.
 */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  const bare = text.replace(/\\[\s\S]/g, "");
  if ((bare.match(/```/g) ?? []).length % 2 !== 0) problems.push("unbalanced code fence");
  if ((bare.match(/\|\|/g) ?? []).length % 2 !== 0) problems.push("unbalanced spoiler");
  if (/<(?:@[!&]?\d|#\d|a?:\w+:\d|t:\d|\/\w)/.test(bare)) problems.push("mention, channel, emoji, timestamp or command syntax");
  for (const m of bare.matchAll(/\]\(([^)\s]*)/g)) if (!/^https?:\/\//.test(m[1]!)) problems.push(`masked link to ${JSON.stringify(m[1])}`);
  if (hasUnsafeCharacters(text)) problems.push("control or bidi-override characters");
  return problems;
}

/** `markdownProblems` over every text of a payload, each prefixed with a bit of the text. */
export function payloadProblems(data: unknown): string[] {
  return messageTexts(data).flatMap((t) => markdownProblems(t).map((p) => `${p} in ${JSON.stringify(t.slice(0, 80))}`));
}
