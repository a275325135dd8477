/**
 * Issue 13 item 9: the persisted index and quote index cost time when damaged, never correctness.
 * Every region of an entry is covered by a checksum, so a flipped byte anywhere means a rebuild;
 * and links, URLs and outlets read back from disk are checked as the manifest's are, so even a
 * forged entry with a correct checksum cannot serve a link to another site.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { Engine } from "../../src/engine.js";
import { openIndexedCorpus } from "../../src/search/persist.js";
import { openQuoteIndex } from "../../src/quotes/persist.js";
import { writeCorpus } from "../helpers/temp-corpus.js";
import { tempDir } from "../helpers/temp-dir.js";

const BRIDGE = `Council approves new footbridge over the Orla

The town council voted on Tuesday to build a footbridge over the river Orla, ending a decade of debate.

"This bridge will finally join the two halves of our town," said Mayor Edyth Varga.

Council engineer Tomas Brenner said the design would cost about 2 million euros.
`;
const MANIFEST = { bridge: { url: "https://example.org/bridge", outlet: "Orla Courier", published: "2022-05-10" } };

function corpus(): string {
  return writeCorpus({ "bridge.txt": BRIDGE, "sources.json": JSON.stringify(MANIFEST) });
}

function open(dir: string, cacheDir: string) {
  const opened = openIndexedCorpus(dir, { cacheDir });
  const quotes = openQuoteIndex(opened.corpus.articles, { dir, cacheDir, corpusKey: opened.key! });
  return { opened, quotes };
}

/** What a front end serves: an answer's citations and every quote of the mayor, with their links. */
function served(dir: string, cacheDir: string) {
  const { opened, quotes } = open(dir, cacheDir);
  const engine = new Engine(opened.corpus, opened.index);
  return {
    sources: opened.source,
    quotesSource: quotes.source,
    answer: engine.ask("How much will the footbridge cost?"),
    quotes: quotes.index.quote("Edyth Varga"),
    articles: opened.corpus.articles.map((a) => ({ url: a.url, outlet: a.outlet, title: a.title, published: a.published })),
  };
}

/** Re-encodes an entry with an edited header the way a forger who knows the layout would, checksum and all. */
function forge(bytes: Buffer, edit: (header: Record<string, unknown>) => void): Buffer {
  const magic = bytes.subarray(0, 8);
  const length = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString("utf8", 12, 12 + length)) as Record<string, unknown>;
  const regionStart = 12 + length + ((4 - ((12 + length) % 4)) % 4);
  const region = bytes.subarray(regionStart, bytes.length - 32);
  edit(header);
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - ((8 + 4 + json.length) % 4)) % 4);
  const body = Buffer.concat([magic, len, json, padding, region]);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}

describe("cache integrity", () => {
  test("a byte flipped anywhere in either entry is noticed: rebuilt, and served exactly as fresh", () => {
    const dir = corpus();
    const cacheDir = tempDir("integrity");
    const fresh = served(dir, cacheDir);
    const { opened, quotes } = open(dir, cacheDir);
    for (const file of [opened.file, quotes.file]) {
      const original = readFileSync(file);
      // Every 97th byte, and the last: magic, lengths, header strings and numbers, the number arrays.
      const positions = [...Array.from({ length: Math.ceil(original.length / 97) }, (_, i) => i * 97), original.length - 1];
      for (const at of positions) {
        const damaged = Buffer.from(original);
        damaged[at] = damaged[at]! ^ 0x01;
        writeFileSync(file, damaged);
        const again = served(dir, cacheDir);
        const rebuilt = file === opened.file ? again.sources : again.quotesSource;
        expect(rebuilt, `${file.slice(-6)} byte ${at} of ${original.length}`).toBe("built");
        expect(again.answer).toEqual(fresh.answer);
        expect(again.quotes).toEqual(fresh.quotes);
        expect(again.articles).toEqual(fresh.articles);
        writeFileSync(file, original);
      }
    }
  });

  test("an edited link in the saved quotes is never served", () => {
    const dir = corpus();
    const cacheDir = tempDir("integrity");
    const fresh = served(dir, cacheDir);
    const file = open(dir, cacheDir).quotes.file;
    const original = readFileSync(file).toString("latin1");
    // Same length, so every offset and length in the file still fits.
    const edited = original.replaceAll("https://example.org/bridge", "https://evil.example/brdge");
    expect(edited).not.toBe(original);
    writeFileSync(file, Buffer.from(edited, "latin1"));
    const again = served(dir, cacheDir);
    expect(again.quotes).toEqual(fresh.quotes);
    for (const q of again.quotes.quotes) expect(q.link).toMatch(/^https:\/\/example\.org\/bridge#:~:text=/);
  });

  test.each([
    ["quotes: a link to another site", "quotes", (h: Record<string, unknown>): void => void ((h.occurrences as { link: string }[])[0]!.link = "https://evil.example/bridge")],
    ["quotes: a javascript: link", "quotes", (h: Record<string, unknown>): void => void ((h.occurrences as { link: string }[])[0]!.link = "javascript:alert(1)")],
    ["index: a javascript: article URL", "index", (h: Record<string, unknown>): void => void ((h.articles as { url: string }[])[0]!.url = "javascript:alert(1)")],
    ["index: an impossible date", "index", (h: Record<string, unknown>): void => void ((h.articles as { published: string }[])[0]!.published = "2022-02-30")],
  ] as const)("a forged entry with a correct checksum is refused (%s)", (_name, which, edit) => {
    const dir = corpus();
    const cacheDir = tempDir("integrity");
    const fresh = served(dir, cacheDir);
    const { opened, quotes } = open(dir, cacheDir);
    const file = which === "quotes" ? quotes.file : opened.file;
    writeFileSync(file, forge(readFileSync(file), edit));
    const again = served(dir, cacheDir);
    expect(which === "quotes" ? again.quotesSource : again.sources).toBe("built");
    expect(again.quotes).toEqual(fresh.quotes);
    expect(again.articles).toEqual(fresh.articles);
  });
});
