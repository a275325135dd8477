/**
 * The persisted quote index: a restored index answers exactly as a freshly built one (on the
 * seeds and on invented articles), and anything that does not fit (a changed article, a damaged
 * or forged entry, an unwritable folder) costs a rebuild, never a wrong answer.
 */
import { readFileSync, statSync, utimesSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import type { Article } from "../src/corpus/types.js";
import { QuoteIndex } from "../src/quotes/quote-index.js";
import { KEEP_ENTRIES, prune } from "../src/search/cache-entry.js";
import { openIndexedCorpus } from "../src/search/persist.js";
import { openQuoteIndex, quoteCacheFileFor } from "../src/quotes/persist.js";
import { SEEDS_DIR, writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

function freshCacheDir(): string {
  return tempDir("qcache");
}

const BRIDGE = `Council approves new footbridge over the Orla

The town council voted on Tuesday to build a footbridge over the river Orla, ending a decade of debate.

"This bridge will finally join the two halves of our town," said Mayor Edith Varga after the vote.

Varga said the work would start in the spring. "We have waited long enough," she added.

Council engineer Tomas Brenner said the design was "simple and sturdy" and would cost about 2 million euros.

"The river floods every winter, so the deck sits high," Brenner told reporters.
`;

const BRIDGE_FOLLOW_UP = `Footbridge contract goes to local firm

A local builder will put up the new footbridge over the Orla, the council said on Friday.

"This bridge will finally join the two halves of our town," Mayor Edyth Varga repeated at the signing.

The town's engineer, Tomas Brenner, said: "We expect the first piles in the water by April."

Opposition councillor Lena Hart called the contract "a rushed decision" and asked for a review.
`;

const FERRY = `Ferry timetable changes for the winter

The island ferry will run four times a day from November, down from six, the operator said.

The last crossing will leave the mainland at 7 p.m. instead of 9 p.m. Season tickets stay valid.
`;

const MANIFEST = {
  bridge: { url: "https://example.org/bridge", outlet: "Orla Courier", published: "2022-05-10" },
  "bridge-contract": { url: "https://example.org/bridge-contract", outlet: "Valley News", published: "2022-05-13" },
};

function inventedCorpus(): string {
  return writeCorpus({ "bridge.txt": BRIDGE, "bridge-contract.md": BRIDGE_FOLLOW_UP, "ferry.txt": FERRY, "sources.json": JSON.stringify(MANIFEST) });
}

const PREFIXES = ["", "v", "var", "bre", "tom", "mayor", "engineer", "h", "x"];
const OTHER_NAMES = ["Orla", "council", "river Orla", "Edith Varga", "Edyth Varga", "Varga", "Kremlin", "Putin", "Biden", "nobody at all"];

/** Everything a front end can ask the index, for comparing two indexes. */
function everything(ix: QuoteIndex, articles: readonly Article[] = []) {
  const names = new Set<string>(OTHER_NAMES);
  for (const s of ix.speakers()) {
    names.add(s.name);
    for (const a of s.aliases) names.add(a);
  }
  // A typo and a role lookup for each speaker exercise the fuzzier paths of `resolve`.
  for (const s of ix.speakers()) names.add(`${s.name}x`);
  return {
    speakers: ix.speakers(),
    occurrences: ix.occurrences,
    // Every word of every headline, for the "mentioned in N articles" counts.
    headlineWords: articles.flatMap((a) => a.title.split(/\s+/)).map((w) => [w, ix.mentionedIn(w)]),
    suggestions: PREFIXES.map((p) => [p, ix.suggestSpeakers(p), ix.suggestSpeakers(p, 2)]),
    lookups: [...names].map((n) => ({
      name: n,
      resolved: ix.resolve(n),
      statements: ix.quote(n),
      all: ix.quote(n, { fragments: true }),
      mentionedIn: ix.mentionedIn(n),
    })),
  };
}

/** The corpus in `dir` with its quote index opened through a cache folder. */
function openBoth(dir: string, cacheDir: string) {
  const opened = openIndexedCorpus(dir, { cacheDir });
  expect(opened.key).not.toBeNull();
  const quotes = openQuoteIndex(opened.corpus.articles, { dir, cacheDir, corpusKey: opened.key! });
  return { articles: opened.corpus.articles, quotes };
}

describe("quote index snapshot", () => {
  it.each([
    ["the seeds", () => SEEDS_DIR],
    ["invented articles", inventedCorpus],
  ])("restores an index that answers exactly as a freshly built one (%s)", (_name, corpusDir) => {
    const dir = corpusDir();
    const articles = Engine.fromDir(dir).articles;
    const built = new QuoteIndex(articles);
    expect(built.speakers().length).toBeGreaterThanOrEqual(3);

    // In memory, and through a JSON round trip of the plain parts (what the cache stores).
    const snapshot = built.snapshot();
    const plain = JSON.parse(JSON.stringify({ ...snapshot, wordOffsets: [], wordArticles: [] }));
    const restored = QuoteIndex.fromSnapshot({ ...plain, wordOffsets: snapshot.wordOffsets, wordArticles: snapshot.wordArticles }, articles);
    expect(restored).not.toBeNull();
    expect(everything(restored!, articles)).toEqual(everything(built, articles));

    // Through the cache folder: built and saved once, then loaded.
    const cacheDir = freshCacheDir();
    expect(openBoth(dir, cacheDir).quotes.source).toBe("built");
    const loaded = openBoth(dir, cacheDir);
    expect(loaded.quotes.source).toBe("loaded");
    expect(everything(loaded.quotes.index, articles)).toEqual(everything(built, articles));
  });

  it("stores offsets, not quoted text", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    const { quotes } = openBoth(dir, cacheDir);
    const quoted = quotes.index.occurrences.map((o) => o.text);
    expect(quoted).toContain("The river floods every winter, so the deck sits high,");
    const stored = readFileSync(quotes.file, "utf8");
    expect(stored).not.toContain("The river floods every winter");
    expect(stored).not.toContain("Council engineer Tomas Brenner said the design");
  });

  it("refuses a snapshot of other articles", () => {
    const articles = Engine.fromDir(inventedCorpus()).articles;
    const snapshot = new QuoteIndex(articles).snapshot();
    const shorter: Article[] = articles.map((a) => ({ ...a, text: a.text.slice(0, 40) }));
    expect(QuoteIndex.fromSnapshot(snapshot, shorter)).toBeNull();
    const renamed: Article[] = articles.map((a) => ({ ...a, id: `${a.id}-other` }));
    expect(QuoteIndex.fromSnapshot(snapshot, renamed)).toBeNull();
    expect(QuoteIndex.fromSnapshot(snapshot, articles.slice(0, 1))).toBeNull();
  });
});

/* eslint-disable @typescript-eslint/no-explicit-any -- tests reach into the entry's documented layout */
/** An entry taken apart (8 magic bytes, 32-bit header length, header JSON, padding, arrays), changed, and put together. */
function withHeader(b: Buffer, change: (header: any) => unknown): Buffer {
  const length = b.readUInt32LE(8);
  const end = 12 + length;
  const header = JSON.parse(b.toString("utf8", 12, end));
  const arrays = b.subarray(end + ((4 - (end % 4)) % 4));
  const json = Buffer.from(JSON.stringify(change(header)));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  return Buffer.concat([b.subarray(0, 8), size, json, Buffer.alloc((4 - ((12 + json.length) % 4)) % 4), arrays]);
}

const firstAttributed = (h: any) => h.occurrences.findIndex((o: any) => o.speaker !== null);
function withOccurrence(b: Buffer, change: (o: any) => void): Buffer {
  return withHeader(b, (h) => {
    change(h.occurrences[firstAttributed(h)]);
    return h;
  });
}
/* eslint-enable @typescript-eslint/no-explicit-any */

describe("persisted quote index", () => {
  it("rebuilds when one byte of an article changes, and quotes the new text", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    openBoth(dir, cacheDir);
    writeFileSync(join(dir, "bridge.txt"), BRIDGE.replace("deck sits high", "deck sits hugh"));
    const after = openBoth(dir, cacheDir);
    expect(after.quotes.source).toBe("built");
    expect(after.quotes.index.quote("Tomas Brenner").quotes.map((q) => q.text)).toContain("The river floods every winter, so the deck sits hugh,");
    expect(everything(after.quotes.index)).toEqual(everything(new QuoteIndex(after.articles)));
    expect(openBoth(dir, cacheDir).quotes.source).toBe("loaded");
  });

  it.each([
    ["truncated", (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ["cut in the number arrays", (b: Buffer) => b.subarray(0, b.length - 4)],
    ["not an entry at all", () => Buffer.from("\u0000\u0001 definitely not a quote index")],
    ["a passage-index entry", (b: Buffer) => Buffer.concat([Buffer.from("cbindex\n", "latin1"), b.subarray(8)])],
    ["a header of the wrong shape", (b: Buffer) => withHeader(b, (h) => ({ ...h, entities: "many" }))],
    ["a quote past the end of its article", (b: Buffer) => withOccurrence(b, (o) => (o.end = 1_000_000))],
    ["a context past the end of its article", (b: Buffer) => withOccurrence(b, (o) => (o.contextEnd = 1_000_000))],
    ["a quote that ends before it starts", (b: Buffer) => withOccurrence(b, (o) => (o.end = o.start - 1))],
    ["an article the corpus does not have", (b: Buffer) => withOccurrence(b, (o) => (o.articleId = "no-such-article"))],
    ["a speaker that is not among the entities", (b: Buffer) => withOccurrence(b, (o) => (o.speaker = 999_999))],
    ["word lists that do not fit", (b: Buffer) => withHeader(b, (h) => ({ ...h, words: h.words.slice(1) }))],
  ])("rebuilds from a damaged entry (%s) and answers correctly", (_name, damage) => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    const first = openBoth(dir, cacheDir);
    const expected = everything(first.quotes.index);
    const original = readFileSync(first.quotes.file);
    const damaged = damage(Buffer.from(original));
    expect(damaged.equals(original)).toBe(false);
    writeFileSync(first.quotes.file, damaged);
    const reopened = openBoth(dir, cacheDir);
    expect(reopened.quotes.source).toBe("built");
    expect(everything(reopened.quotes.index)).toEqual(expected);
    expect(openBoth(dir, cacheDir).quotes.source).toBe("loaded");
  });

  it("is used by Engine.fromDir with a cache folder: saved on first use, then read, not rewritten", () => {
    const dir = inventedCorpus();
    const cacheDir = freshCacheDir();
    const file = quoteCacheFileFor(dir, cacheDir);
    const first = Engine.fromDir(dir, { cacheDir });
    expect(() => statSync(file)).toThrow(); // not before quotes are used
    const expected = first.quote("Brenner");
    expect(expected.quotes.length).toBe(3);
    const written = statSync(file).mtimeMs;
    const old = new Date(written - 60_000);
    utimesSync(file, old, old);

    const second = Engine.fromDir(dir, { cacheDir });
    expect(second.quote("Brenner")).toEqual(expected);
    expect(second.speakers()).toEqual(first.speakers());
    expect(statSync(file).mtimeMs).toBeLessThan(written - 30_000);
    expect(second.corpus.warnings).toEqual([]);
  });

  it("answers from memory when the cache folder cannot be written, and says so", () => {
    const dir = inventedCorpus();
    const blocker = join(freshCacheDir(), "not-a-folder");
    writeFileSync(blocker, "a file where the cache folder should be");
    const engine = Engine.fromDir(dir, { cacheDir: blocker });
    expect(engine.quote("Edith Varga").quotes.map((q) => q.text)).toContain("We have waited long enough,");
    expect(engine.speakers()).toEqual(Engine.fromDir(dir).speakers());
    expect(engine.corpus.warnings.join(" ")).toMatch(/quote cache not saved \(.*not-a-folder/);
  });
});

describe("cache folder pruning", () => {
  it("keeps a corpus folder's index and quotes together and bounds the folder", () => {
    const cacheDir = freshCacheDir();
    const stems = Array.from({ length: KEEP_ENTRIES + 4 }, (_, i) => i.toString(16).padStart(16, "0"));
    const now = Date.now() / 1000;
    stems.forEach((stem, i) => {
      const age = (stems.length - i) * 60; // later stems are newer
      for (const ext of ["idx", "quotes"]) {
        const path = join(cacheDir, `${stem}.${ext}`);
        writeFileSync(path, ext);
        // An old index whose quotes were saved recently counts as recent.
        const t = i === 0 && ext === "quotes" ? now : now - age;
        utimesSync(path, t, t);
      }
    });
    writeFileSync(join(cacheDir, "notes.txt"), "not an entry");
    prune(cacheDir);
    const left = readdirSync(cacheDir).sort();
    const keptStems = new Set(left.filter((n) => n !== "notes.txt").map((n) => n.split(".")[0]));
    expect(keptStems.size).toBe(KEEP_ENTRIES);
    for (const stem of keptStems) expect(left).toEqual(expect.arrayContaining([`${stem}.idx`, `${stem}.quotes`]));
    expect(keptStems.has(stems[0]!)).toBe(true);
    expect(keptStems.has(stems[1]!)).toBe(false);
    expect(keptStems.has(stems[stems.length - 1]!)).toBe(true);
    expect(left).toContain("notes.txt");
  });
});
