/**
 * `sources.json`: per-article metadata keyed by article id. Optional as a whole and per article;
 * whatever it says is checked, because its URLs end up as links in front of users.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { hasInvisible } from "../text/invisible.js";
import { CorpusError } from "./errors.js";

export const MANIFEST_FILE = "sources.json";

/** Tabs, line breaks and other control characters: they would break a link or a line in a reply. */
const CONTROL = /\p{Cc}/u;
/** Bidi controls and zero-width characters: they disguise what a link or a name says. */
const INVISIBLE_MESSAGE = "must not contain invisible or direction-changing characters (bidi controls, zero-width spaces)";

/**
 * Only http(s) links are ever shown; `javascript:` or `file:` URLs are refused here. The string is
 * used as written, so it must be exactly what the URL parser reads: no white space or control
 * characters (which the parser silently drops) and no `user:password@` part (a classic way to
 * disguise where a link goes).
 */
const httpUrl = z
  .string()
  .refine((s) => !/\s/.test(s) && !CONTROL.test(s), "must not contain spaces, line breaks or control characters")
  .refine((s) => !hasInvisible(s), INVISIBLE_MESSAGE)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL")
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.username === "" && u.password === "";
    } catch {
      return true;
    }
  }, "must not contain a user name or password");

/**
 * YYYY-MM-DD names a real day: JavaScript's parser would read 2021-02-30 as March 2. The year is
 * set on its own, since `Date.UTC` reads years 0 to 99 as 1900 to 1999.
 */
function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split("-").map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d);
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO date such as 2020-11-09")
  .refine((s) => !Number.isNaN(Date.parse(s)) && isCalendarDate(s), "is not a real calendar date");

/** Shown to users as a heading or a source name: one line of text. */
const oneLine = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((s) => !CONTROL.test(s), "must be one line of text (no line breaks or control characters)")
  .refine((s) => !hasInvisible(s), INVISIBLE_MESSAGE);

export const manifestEntrySchema = z.strictObject({
  url: httpUrl.nullable().default(null),
  outlet: oneLine.nullable().default(null),
  published: isoDate.nullable().default(null),
  title: oneLine.optional(),
});

export const manifestSchema = z.record(z.string(), manifestEntrySchema);

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

function describePath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : JSON.stringify(String(p)))).join(".");
}

/**
 * Reads and validates a manifest. `knownIds` are the article ids found beside it: an entry for
 * an id with no article is an error (usually a typo that would silently drop metadata). `read`,
 * when given, is the file's bytes as already read (the cache keys a corpus on exactly those).
 */
export function readManifest(file: string, knownIds: ReadonlySet<string>, read?: Buffer): Manifest {
  let bytes: Buffer;
  try {
    bytes = read ?? readFileSync(file);
  } catch (err) {
    throw new CorpusError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let raw: string;
  try {
    // Fatal decoding: a lenient one would turn bad bytes into U+FFFD inside outlet names and URLs.
    raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusError(file, "is not valid UTF-8 text");
  }
  // Editors on Windows often save JSON with a byte-order mark, which JSON.parse rejects.
  if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new CorpusError(file, `is not valid JSON (${(err as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? describePath(issue.path) : "the top level";
    const what = issue.path.length ? issue.message : "must be an object keyed by article id";
    throw new CorpusError(file, `${where}: ${what}`);
  }
  // The keys as written: a parsed record may silently drop odd keys such as "__proto__".
  for (const id of Object.keys(json as object)) {
    if (!knownIds.has(id)) throw new CorpusError(file, `${JSON.stringify(id)}: no article file ${id}.txt or ${id}.md`);
  }
  return parsed.data;
}
