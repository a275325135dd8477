import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { loadCorpus } from "../src/corpus/load.js";
import { cacheFileFor, openIndexedCorpus } from "../src/search/persist.js";
import { SEEDS_DIR, writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

function freshCacheDir(): string {
  return tempDir("cache");
}

const LIGHTHOUSE = `Harbour board votes to restore the old lighthouse

The harbour board voted on Thursday to restore the Kellan Point lighthouse, which has been dark since a storm in 1998.

"The light will shine again by midsummer," said board chair Imogen Raskell. The repairs will cost about 400,000 euros.

Fishermen welcomed the decision. Divers will inspect the foundations next month.
`;

const FERRY = `Ferry timetable changes for the winter

The island ferry will run four times a day from November, down from six, the operator said.

The last crossing will leave the mainland at 7 p.m. instead of 9 p.m. Season tickets stay valid.
`;

const MANIFEST = { lighthouse: { url: "https://example.org/lighthouse", outlet: "Coast Herald", published: "2021-03-04" } };

function inventedCorpus(): string {
  return writeCorpus({ "lighthouse.txt": LIGHTHOUSE, "ferry.md": FERRY, "sources.json": JSON.stringify(MANIFEST) });
}

/** Everything about the articles a reader of the engine can see, for comparing two loads. */
function articleView(engine: Engine) {
  return engine.articles.map((a) => ({
    id: a.id,
    title: a.title,
    url: a.url,
    outlet: a.outlet,
    published: a.published,
    text: a.text,
    paragraphs: a.paragraphs,
    sentences: a.sentences,
    furniture: a.furniture,
  }));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- tests reach into the entry's documented layout */
/** An entry file taken apart: 8 magic bytes, a 32-bit header length, header JSON, padding, arrays. */
function splitEntry(b: Buffer): { magic: Buffer; header: any; arrays: Buffer } {
  const length = b.readUInt32LE(8);
  const end = 12 + length;
  return { magic: b.subarray(0, 8), header: JSON.parse(b.toString("utf8", 12, end)), arrays: b.subarray(end + ((4 - (end % 4)) % 4)) };
}

function joinEntry(magic: Buffer, header: unknown, arrays: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([magic, length, json, Buffer.alloc((4 - ((12 + json.length) % 4)) % 4), arrays]);
}

function withHeader(b: Buffer, change: (header: any) => unknown): Buffer {
  const { magic, header, arrays } = splitEntry(b);
  return joinEntry(magic, change(header), arrays);
}

/** Overwrites one array in place, named by the reference the header holds for it. */
function withArray(b: Buffer, ref: (header: any) => [number, number], change: (values: Uint32Array) => void): Buffer {
  const { magic, header, arrays } = splitEntry(b);
  const [offset, length] = ref(header);
  const copy = new Uint32Array(length / 4);
  new Uint8Array(copy.buffer).set(arrays.subarray(offset, offset + length));
  change(copy);
  const out = Buffer.from(arrays);
  out.set(new Uint8Array(copy.buffer), offset);
  return joinEntry(magic, header, out);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const QUESTIONS = ["When will the lighthouse shine again?", "How much will the repairs cost?", "When does the last ferry leave?"];

describe("persisted index", () => {
  it("is built and saved on first open, then reloaded with the same articles, passages and answers", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    const first = openIndexedCorpus(dir, { cacheDir });
    expect(first.source).toBe("built");
    expect(first.saveError).toBeNull();
    expect(first.bytes).toBeGreaterThan(0);
    expect(readFileSync(first.file).length).toBe(first.bytes);

    const second = openIndexedCorpus(dir, { cacheDir });
    expect(second.source).toBe("loaded");
    expect(second.file).toBe(first.file);

    const built = new Engine(first.corpus, first.index);
    const loaded = new Engine(second.corpus, second.index);
    const inMemory = Engine.fromDir(dir);
    expect(articleView(loaded)).toEqual(articleView(inMemory));
    expect(second.index.passages.map((p) => [p.article.id, p.paragraph])).toEqual(
      inMemory.index.passages.map((p) => [p.article.id, p.paragraph]),
    );
    for (const q of QUESTIONS) {
      expect(loaded.ask(q)).toEqual(inMemory.ask(q));
      expect(built.ask(q)).toEqual(inMemory.ask(q));
    }
    expect(loaded.ask("When will the lighthouse shine again?").citations[0]?.excerpt).toContain("shine again by midsummer");
  });

  it("reloads the seed corpus with identical answers", () => {
    const cacheDir = freshCacheDir();
    openIndexedCorpus(SEEDS_DIR, { cacheDir });
    const reopened = openIndexedCorpus(SEEDS_DIR, { cacheDir });
    expect(reopened.source).toBe("loaded");
    const loaded = new Engine(reopened.corpus, reopened.index);
    const inMemory = Engine.fromDir(SEEDS_DIR);
    for (const q of ["why did Putin wait", "Did Trump concede?", "What did Peskov say about the 2016 election?"]) {
      expect(loaded.ask(q)).toEqual(inMemory.ask(q));
    }
    expect(loaded.index.docFreq).toEqual(inMemory.index.docFreq);
  });

  it("rebuilds when an article changes, and answers from the new text", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    openIndexedCorpus(dir, { cacheDir });
    writeFileSync(join(dir, "ferry.md"), FERRY.replace("7 p.m. instead of 9 p.m.", "6 p.m. instead of 9 p.m."));
    const after = openIndexedCorpus(dir, { cacheDir });
    expect(after.source).toBe("built");
    const answer = new Engine(after.corpus, after.index).ask("When does the last ferry leave?");
    expect(answer.citations[0]?.excerpt).toContain("6 p.m.");
    expect(openIndexedCorpus(dir, { cacheDir }).source).toBe("loaded");
  });

  it("rebuilds when an article is added or removed, or the manifest changes", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    openIndexedCorpus(dir, { cacheDir });

    writeFileSync(join(dir, "extra.txt"), "Library opens on Sundays\n\nThe town library will open on Sundays from May, the council said.\n");
    const added = openIndexedCorpus(dir, { cacheDir });
    expect(added.source).toBe("built");
    expect(added.corpus.articles.map((a) => a.id)).toContain("extra");

    rmSync(join(dir, "extra.txt"));
    const removed = openIndexedCorpus(dir, { cacheDir });
    expect(removed.source).toBe("built");
    expect(removed.corpus.articles.map((a) => a.id)).not.toContain("extra");

    const moved = { lighthouse: { ...MANIFEST.lighthouse, url: "https://example.org/lighthouse-restored" } };
    writeFileSync(join(dir, "sources.json"), JSON.stringify(moved));
    const relabelled = openIndexedCorpus(dir, { cacheDir });
    expect(relabelled.source).toBe("built");
    expect(relabelled.corpus.articles.find((a) => a.id === "lighthouse")?.url).toBe("https://example.org/lighthouse-restored");
  });

  it("rebuilds when a file it ignores appears, so its warning is not lost", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    expect(openIndexedCorpus(dir, { cacheDir }).corpus.warnings).toEqual([]);
    writeFileSync(join(dir, "scan.pdf"), "%PDF-1.4");
    const after = openIndexedCorpus(dir, { cacheDir });
    expect(after.source).toBe("built");
    expect(after.corpus.warnings.join(" ")).toMatch(/ignored .*scan\.pdf/);
    expect(openIndexedCorpus(dir, { cacheDir }).corpus.warnings).toEqual(after.corpus.warnings);
  });

  it("keeps strict and lenient loads apart", () => {
    const dir = writeCorpus({ "good.txt": LIGHTHOUSE, "empty.txt": "" });
    const cacheDir = freshCacheDir();
    const lenient = openIndexedCorpus(dir, { cacheDir });
    expect(lenient.corpus.warnings.join(" ")).toContain("empty.txt");
    expect(() => openIndexedCorpus(dir, { cacheDir, strict: true })).toThrow(/empty\.txt/);
    const again = openIndexedCorpus(dir, { cacheDir });
    expect(again.source).toBe("loaded");
    expect(again.corpus.warnings).toEqual(lenient.corpus.warnings);
  });

  it.each([
    ["truncated", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ["not an index at all", () => Buffer.from("\u0000\u0001 definitely not an index")],
    ["a header of the wrong shape", (b: Buffer) => withHeader(b, () => ({ format: 3, key: "x" }))],
    ["offsets past the text", (b: Buffer) => withArray(b, (h) => h.articles[0].sentences, (a) => a.fill(999_999))],
    ["passages that do not fit", (b: Buffer) => withHeader(b, (h) => ({ ...h, index: { ...h.index, lengths: [h.index.lengths[0], 4] } }))],
    ["an array that is not whole 32-bit integers", (b: Buffer) => withHeader(b, (h) => ({ ...h, index: { ...h.index, docs: [h.index.docs[0], 3] } }))],
    ["an array beyond the end of the file", (b: Buffer) => withHeader(b, (h) => ({ ...h, index: { ...h.index, freqs: [1 << 30, 8] } }))],
    ["postings naming passages that do not exist", (b: Buffer) => withArray(b, (h) => h.index.docs, (a) => a.fill(7_777))],
  ])("rebuilds from a corrupt entry (%s) and still answers correctly", (_name, corrupt) => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    const first = openIndexedCorpus(dir, { cacheDir });
    const original = readFileSync(first.file);
    const damaged = corrupt(Buffer.from(original));
    expect(damaged.equals(original)).toBe(false);
    writeFileSync(first.file, damaged);
    const reopened = openIndexedCorpus(dir, { cacheDir });
    expect(reopened.source).toBe("built");
    const answer = new Engine(reopened.corpus, reopened.index).ask("How much will the repairs cost?");
    expect(answer.citations[0]?.excerpt).toContain("400,000 euros");
    expect(openIndexedCorpus(dir, { cacheDir }).source).toBe("loaded");
  });

  it("serves the corpus even when the cache cannot be written, and says so", () => {
    const dir = inventedCorpus();
    const blocker = join(freshCacheDir(), "not-a-folder");
    writeFileSync(blocker, "a file where the cache folder should be");
    const opened = openIndexedCorpus(dir, { cacheDir: blocker });
    expect(opened.source).toBe("built");
    expect(opened.saveError).toMatch(/not-a-folder/);
    const engine = Engine.fromDir(dir, { cacheDir: blocker });
    expect(engine.corpus.warnings.join(" ")).toMatch(/index cache not saved/);
    expect(engine.ask("How much will the repairs cost?").citations[0]?.excerpt).toContain("400,000 euros");
  });

  it("rebuilds on request even when the entry is fresh", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    openIndexedCorpus(dir, { cacheDir });
    expect(openIndexedCorpus(dir, { cacheDir, rebuild: true }).source).toBe("built");
  });

  it("gives each corpus folder its own entry", () => {
    const cacheDir = freshCacheDir();
    const a = inventedCorpus();
    const b = inventedCorpus();
    expect(cacheFileFor(a, cacheDir)).not.toBe(cacheFileFor(b, cacheDir));
    openIndexedCorpus(a, { cacheDir });
    expect(openIndexedCorpus(b, { cacheDir }).source).toBe("built");
    expect(openIndexedCorpus(a, { cacheDir }).source).toBe("loaded");
  });

  it("reports corpus errors exactly as loading without a cache does", () => {
    const cacheDir = freshCacheDir();
    const missing = join(tmpdir(), "coverage-bot-no-such-folder-7f3a");
    expect(() => openIndexedCorpus(missing, { cacheDir })).toThrow(/corpus folder not found/);
    const empty = writeCorpus({ "notes.csv": "a,b" });
    expect(() => loadCorpus(empty)).toThrow(/no loadable/);
    expect(() => openIndexedCorpus(empty, { cacheDir })).toThrow(/no loadable/);
  });

  it("reports progress by phase when building", () => {
    const dir = inventedCorpus();
    const seen = new Set<string>();
    let lastIndexing = [0, 0];
    openIndexedCorpus(dir, {
      cacheDir: freshCacheDir(),
      onProgress: (phase, done, total) => {
        seen.add(phase);
        if (phase === "indexing") lastIndexing = [done, total];
      },
    });
    expect([...seen]).toEqual(["reading", "segmenting", "indexing", "writing"]);
    expect(lastIndexing).toEqual([2, 2]);
  });
});
