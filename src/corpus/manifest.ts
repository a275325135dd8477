/**
 * `sources.json`: per-article metadata keyed by article id. Optional as a whole and per article;
 * whatever it says is checked, because its URLs end up as links in front of users.
 */
import { readFileSync } from "node:fs";
import { lazily } from "../lazily.js";
import { zod } from "../lazy-zod.js";
import { hasInvisible } from "../text/invisible.js";
import { CorpusError } from "./errors.js";

export const MANIFEST_FILE = "sources.json";

/** Tabs, line breaks and other control characters: they would break a link or a line in a reply. */
const CONTROL = /\p{Cc}/u;
/** Bidi controls and zero-width characters: they disguise what a link or a name says. */
const INVISIBLE_MESSAGE = "must not contain invisible or direction-changing characters (bidi controls, zero-width spaces)";

/*
 * The rules, as plain predicates: the manifest's schema below states them with their messages,
 * and the persisted caches check what they read back with the same functions (without zod).
 */

function parsedUrl(s: string): URL | null {
  try {
    return new URL(s);
  } catch {
    return null;
  }
}

const urlRules = {
  plain: (s: string) => !/\s/.test(s) && !CONTROL.test(s),
  visible: (s: string) => !hasInvisible(s),
  http: (s: string) => {
    const u = parsedUrl(s);
    return u !== null && (u.protocol === "http:" || u.protocol === "https:");
  },
  noCredentials: (s: string) => {
    const u = parsedUrl(s);
    return u === null || (u.username === "" && u.password === "");
  },
};

/**
 * Only http(s) links are ever shown; `javascript:` or `file:` URLs are refused here. The string is
 * used as written, so it must be exactly what the URL parser reads: no white space or control
 * characters (which the parser silently drops) and no `user:password@` part (a classic way to
 * disguise where a link goes).
 */
export function isHttpUrl(s: string): boolean {
  return urlRules.plain(s) && urlRules.visible(s) && urlRules.http(s) && urlRules.noCredentials(s);
}

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const dateRules = {
  shape: (s: string) => ISO_DATE.test(s),
  real: (s: string) => !Number.isNaN(Date.parse(s)) && isCalendarDate(s),
};

/** An ISO date such as 2020-11-09 (a time may follow) that names a real calendar day. */
export function isIsoDate(s: string): boolean {
  return dateRules.shape(s) && dateRules.real(s);
}

const lineRules = {
  oneLine: (s: string) => !CONTROL.test(s),
  visible: (s: string) => !hasInvisible(s),
};

/** One line of text as the manifest leaves it: trimmed, not empty, no control or invisible characters. */
export function isOneLine(s: string): boolean {
  return s.length > 0 && s.trim() === s && lineRules.oneLine(s) && lineRules.visible(s);
}

/** What the manifest says of one article. */
export interface ManifestEntry {
  url: string | null;
  outlet: string | null;
  published: string | null;
  title?: string;
}

export type Manifest = Record<string, ManifestEntry>;

/** The manifest's schema, built on first use (see lazy-zod.ts): a cached start reads no manifest. */
const schemas = lazily(() => {
  const z = zod();
  const httpUrl = z
    .string()
    .refine(urlRules.plain, "must not contain spaces, line breaks or control characters")
    .refine(urlRules.visible, INVISIBLE_MESSAGE)
    .refine(urlRules.http, "must be an http(s) URL")
    .refine(urlRules.noCredentials, "must not contain a user name or password");
  const isoDate = z.string().regex(ISO_DATE, "must be an ISO date such as 2020-11-09").refine(dateRules.real, "is not a real calendar date");
  /** Shown to users as a heading or a source name: one line of text. */
  const oneLine = z
    .string()
    .trim()
    .min(1, "must not be empty")
    .refine(lineRules.oneLine, "must be one line of text (no line breaks or control characters)")
    .refine(lineRules.visible, INVISIBLE_MESSAGE);
  const entry = z.strictObject({
    url: httpUrl.nullable().default(null),
    outlet: oneLine.nullable().default(null),
    published: isoDate.nullable().default(null),
    title: oneLine.optional(),
  });
  return { entry, manifest: z.record(z.string(), entry) };
});

/** One article's entry in `sources.json` (zod, loaded on first use). */
export function manifestEntrySchema() {
  return schemas().entry;
}

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
  const parsed = schemas().manifest.safeParse(json);
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
