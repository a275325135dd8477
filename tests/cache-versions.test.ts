/**
 * Cache keys from declared versions (issue 12): the persisted index and quote index are keyed by
 * the versions their code declares and the package version, not by hashing source folders. What
 * keeps the versions honest is cache-lock.json, checked here: a module a cache's builder runs
 * changed, and the lock was not renewed, fails `npm test` until a version is bumped (or the change
 * is recorded as one that cannot alter what is saved).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { Article } from "../src/corpus/types.js";
import { changedFiles, codeKey, entriesMatch, importClosure, lockEntry, PACKAGE_VERSION, readLock, relativeImports, unlockedSources, type CacheStamp } from "../src/code-version.js";
import { openQuoteIndex, QUOTE_STAMP } from "../src/quotes/persist.js";
import { INDEX_STAMP, openIndexedCorpus } from "../src/search/persist.js";
import { STAMPS } from "../scripts/cache-lock.js";
import { ROOT } from "./helpers/run-cli.js";
import { writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

function withVersion(stamp: CacheStamp, key: string, value: string | number): CacheStamp {
  return { ...stamp, versions: { ...stamp.versions, [key]: value } };
}

describe("cache-lock.json", () => {
  it.each(STAMPS.map((s) => [s.name, s] as const))("records the versions and modules of the %s cache as they are", (_name, stamp) => {
    const locked = readLock()?.[stamp.name];
    const current = lockEntry(stamp);
    const files = changedFiles(locked, current);
    const advice =
      files.length > 0 && locked && JSON.stringify(locked.versions) === JSON.stringify(current.versions)
        ? `modules the ${stamp.name} cache is built by changed (${files.join(", ")}) but no declared version did: bump the version of the stage that changed (${Object.keys(current.versions).join(", ")}), then \`npm run cache:lock\` (or \`npm run cache:lock -- --no-bump\` if the change cannot alter what is saved)`
        : `cache-lock.json is out of date for ${stamp.name} (${files.length ? files.join(", ") : "versions"}): run \`npm run cache:lock\``;
    expect(entriesMatch(locked, current), advice).toBe(true);
  });

  it("covers every persisted cache that names its code", () => {
    expect(STAMPS.map((s) => s.name).sort()).toEqual(Object.keys(readLock() ?? {}).sort());
    expect(STAMPS).toContain(INDEX_STAMP);
    expect(STAMPS).toContain(QUOTE_STAMP);
  });

  it("follows the builders' imports: the quote lock covers the extractor, the link builder and the corpus reading", () => {
    const quotes = Object.keys(lockEntry(QUOTE_STAMP).files);
    for (const f of ["src/quotes/extract.ts", "src/quotes/version.ts", "src/citation/fragment.ts", "src/corpus/clean.ts", "src/search/analyzer.ts"]) expect(quotes).toContain(f);
    const index = Object.keys(lockEntry(INDEX_STAMP).files);
    expect(index).toContain("src/corpus/segment.ts");
    expect(index).not.toContain("src/quotes/extract.ts");
  });
});

describe("the import scanner that finds a builder's modules", () => {
  function sourcesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []));
  }

  it("finds in every module of src/ the same relative imports as TypeScript's scanner", () => {
    const differ: string[] = [];
    for (const abs of sourcesUnder(join(ROOT, "src"))) {
      const source = readFileSync(abs, "utf8");
      const theirs = ts
        .preProcessFile(source, true, true)
        .importedFiles.map((f) => f.fileName)
        .filter((s) => s.startsWith("."));
      const ours = relativeImports(source, true);
      if (JSON.stringify([...new Set(ours)].sort()) !== JSON.stringify([...new Set(theirs)].sort())) differ.push(relative(ROOT, abs).split(sep).join("/"));
    }
    expect(differ).toEqual([]);
  });

  it("leaves out type-only imports, which change no behaviour", () => {
    const source = ['import type { A } from "./a.js";', 'import { b, type C } from "./b.js";', 'export type { D } from "./d.js";', 'export { e } from "./e.js";', 'import "./f.js";', 'const g = await import("./g.js");'].join("\n");
    expect(relativeImports(source)).toEqual(["./b.js", "./e.js", "./f.js", "./g.js"]);
  });
});

describe("the lock on an invented project", () => {
  function project(files: Record<string, string>): string {
    const root = tempDir("project");
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  }
  const stamp: CacheStamp = { name: "things", builder: "src/save/builder.ts", versions: { things: 1 } };
  const files = {
    "src/save/builder.ts": 'import { x } from "../read/x.js";\nimport type { T } from "../types/t.js";\n',
    "src/read/x.ts": 'export { y } from "../deep/y.js";\nexport const x = 1;\n',
    "src/deep/y.ts": "export const y = 2;\n",
    "src/types/t.ts": "export type T = number;\n",
    "src/other/z.ts": "export const z = 3;\n",
  };

  it("holds the builder's import closure, across folders, and nothing else", () => {
    const root = project(files);
    expect(importClosure(stamp.builder, root)).toEqual(["src/deep/y.ts", "src/read/x.ts", "src/save/builder.ts"]);
  });

  it("a development run adds the sources' hash to its keys only while they differ from the lock", () => {
    const root = project(files);
    const lock = { things: lockEntry(stamp, root) };
    expect(unlockedSources(stamp, lock, root)).toBeNull();
    // A module outside the closure changes nothing.
    writeFileSync(join(root, "src/other/z.ts"), "export const z = 4;\n");
    expect(unlockedSources(stamp, lock, root)).toBeNull();
    // A module two imports away does.
    writeFileSync(join(root, "src/deep/y.ts"), "export const y = 5;\n");
    const dev = unlockedSources(stamp, lock, root);
    expect(dev).toMatch(/^[0-9a-f]{64}$/);
    expect(changedFiles(lock.things, lockEntry(stamp, root))).toEqual(["src/deep/y.ts"]);
    // A bumped version with the lock renewed: clean again.
    const bumped = withVersion(stamp, "things", 2);
    expect(unlockedSources(bumped, { things: lockEntry(bumped, root) }, root)).toBeNull();
  });
});

describe("cache keys from declared versions", () => {
  const ARTICLE = 'Harbour wall to be rebuilt\n\nThe harbour wall will be rebuilt next year, the council said.\n\n"It has stood for a century and it will stand for another," said Mara Voss, the harbour master.\n';

  it("name the declared versions and the package version", () => {
    expect(PACKAGE_VERSION).toBe((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version);
    const key = codeKey(INDEX_STAMP);
    expect(JSON.parse(key)).toMatchObject({ versions: INDEX_STAMP.versions, package: PACKAGE_VERSION });
    expect(codeKey(INDEX_STAMP, "99.0.0")).not.toBe(key);
    expect(codeKey(withVersion(INDEX_STAMP, "analyzer", "other"))).not.toBe(key);
  });

  it("a bumped analyzer or reader version rebuilds the passage index; the same versions load it", () => {
    const dir = writeCorpus({ "harbour.txt": ARTICLE });
    const cacheDir = tempDir("cache");
    const open = (stamp: CacheStamp) => openIndexedCorpus(dir, { cacheDir, racyMs: 0, stamp }).source;
    expect(open(INDEX_STAMP)).toBe("built");
    expect(open(INDEX_STAMP)).toBe("loaded");
    expect(open(withVersion(INDEX_STAMP, "analyzer", "porter-en-next"))).toBe("built");
    expect(open(withVersion(INDEX_STAMP, "analyzer", "porter-en-next"))).toBe("loaded");
    expect(open(withVersion(INDEX_STAMP, "reader", 999))).toBe("built");
  });

  it("a bumped extractor or link version rebuilds the quote index; the same versions load it", () => {
    const dir = writeCorpus({ "harbour.txt": ARTICLE });
    const cacheDir = tempDir("cache");
    const opened = openIndexedCorpus(dir, { cacheDir, racyMs: 0 });
    const articles: readonly Article[] = opened.corpus.articles;
    const open = (stamp: CacheStamp) => openQuoteIndex(articles, { dir, cacheDir, corpusKey: opened.key!, stamp });
    expect(open(QUOTE_STAMP).source).toBe("built");
    const loaded = open(QUOTE_STAMP);
    expect(loaded.source).toBe("loaded");
    expect(loaded.index.quote("Voss").quotes.map((q) => q.text)).toEqual(["It has stood for a century and it will stand for another,"]);
    expect(open(withVersion(QUOTE_STAMP, "extractor", 999)).source).toBe("built");
    expect(open(withVersion(QUOTE_STAMP, "links", 999)).source).toBe("built");
    expect(open(withVersion(QUOTE_STAMP, "links", 999)).source).toBe("loaded");
  });
});
