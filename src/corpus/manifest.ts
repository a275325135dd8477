/**
 * `sources.json`: per-article metadata keyed by article id. Optional as a whole and per article;
 * whatever it says is checked, because its URLs end up as links in front of users.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { CorpusError } from "./errors.js";

export const MANIFEST_FILE = "sources.json";

/** Only http(s) links are ever shown; `javascript:` or `file:` URLs are refused here. */
const httpUrl = z
  .string()
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, "must be an ISO date such as 2020-11-09")
  .refine((s) => !Number.isNaN(Date.parse(s)), "is not a real calendar date");

export const manifestEntrySchema = z.strictObject({
  url: httpUrl.nullable().default(null),
  outlet: z.string().trim().min(1, "must not be empty").nullable().default(null),
  published: isoDate.nullable().default(null),
  title: z.string().trim().min(1, "must not be empty").optional(),
});

export const manifestSchema = z.record(z.string(), manifestEntrySchema);

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

function describePath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p}]` : JSON.stringify(String(p)))).join(".");
}

/**
 * Reads and validates a manifest. `knownIds` are the article ids found beside it: an entry for
 * an id with no article is an error (usually a typo that would silently drop metadata).
 */
export function readManifest(file: string, knownIds: ReadonlySet<string>): Manifest {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (err) {
    throw new CorpusError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
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
  for (const id of Object.keys(parsed.data)) {
    if (!knownIds.has(id)) throw new CorpusError(file, `${JSON.stringify(id)}: no article file ${id}.txt or ${id}.md`);
  }
  return parsed.data;
}
