/**
 * The stat gate of the persisted index (issue 14): a start whose article files all keep the size,
 * times and inode recorded beside the entry takes the recorded key instead of hashing every byte;
 * anything else hashes, and a changed article is always re-indexed.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheFileFor, openIndexedCorpus, type OpenOptions } from "../src/search/persist.js";
import { writeCorpus } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

const LIGHTHOUSE = `Harbour board votes to restore the old lighthouse

The harbour board voted on Thursday to restore the Kellan Point lighthouse, which has been dark since a storm in 1998.

"The light will shine again by midsummer," said board chair Imogen Raskell.
`;

const FERRY = `Ferry timetable changes for the winter

The island ferry will run four times a day from November, down from six, the operator said.
`;

/** The racy window these tests use instead of 3 s, and a wait that outlasts it (never a timing assertion). */
const RACY_MS = 20;
function settle(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS * 3);
}

/** A whole second a minute ago: a modification time that can be restored exactly. */
const OLD_SECOND = Math.floor(Date.now() / 1000) - 60;

/** A corpus, its files dated OLD_SECOND and settled (older than the racy window), and a cache folder. */
function setup(): { dir: string; options: OpenOptions } {
  const dir = writeCorpus({ "lighthouse.txt": LIGHTHOUSE, "ferry.txt": FERRY, "sources.json": JSON.stringify({ ferry: { outlet: "Island News" } }) });
  for (const name of readdirSync(dir)) utimesSync(join(dir, name), OLD_SECOND, OLD_SECOND);
  settle();
  return { dir, options: { cacheDir: tempDir("cache"), racyMs: RACY_MS } };
}

const text = (opened: ReturnType<typeof openIndexedCorpus>, id: string) => opened.corpus.articles.find((a) => a.id === id)?.text;

describe("the size+mtime gate of the persisted index", () => {
  it("records the stats beside the entry, and a start with unchanged files takes the key from them", () => {
    const { dir, options } = setup();
    const built = openIndexedCorpus(dir, options);
    expect(built.source).toBe("built");
    expect(existsSync(cacheFileFor(dir, options.cacheDir).replace(/\.idx$/, ".stat"))).toBe(true);
    const again = openIndexedCorpus(dir, options);
    expect(again).toMatchObject({ source: "loaded", keyFrom: "stats", key: built.key });
  });

  it("re-indexes an article rewritten with the same size and its old modification time restored", () => {
    const { dir, options } = setup();
    openIndexedCorpus(dir, options);
    const file = join(dir, "lighthouse.txt");
    const before = statSync(file, { bigint: true });
    const edited = LIGHTHOUSE.replace("Thursday", "Saturday");
    expect(edited.length).toBe(LIGHTHOUSE.length);
    writeFileSync(file, edited);
    utimesSync(file, OLD_SECOND, OLD_SECOND);
    const after = statSync(file, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
    settle(); // past the racy window: only the change time tells the edit apart
    const opened = openIndexedCorpus(dir, options);
    expect(opened.source).toBe("built");
    expect(opened.keyFrom).toBe("hashed");
    expect(text(opened, "lighthouse")).toContain("Saturday");
  });

  it("re-indexes an article rewritten with the same size and a new modification time", () => {
    const { dir, options } = setup();
    openIndexedCorpus(dir, options);
    const file = join(dir, "ferry.txt");
    writeFileSync(file, FERRY.replace("four", "five").replace("six", "ten"));
    utimesSync(file, new Date(), new Date(Date.now() - 60_000));
    settle();
    const opened = openIndexedCorpus(dir, options);
    expect(opened.source).toBe("built");
    expect(text(opened, "ferry")).toContain("run five times a day");
    // The new stats are recorded: the next start needs no hashing.
    expect(openIndexedCorpus(dir, options)).toMatchObject({ source: "loaded", keyFrom: "stats" });
  });

  it("a touched file with the same bytes is hashed once, loads, and its new stats are recorded", () => {
    const { dir, options } = setup();
    const built = openIndexedCorpus(dir, options);
    const file = join(dir, "lighthouse.txt");
    utimesSync(file, new Date(), new Date(Date.now() - 60_000));
    settle();
    expect(openIndexedCorpus(dir, options)).toMatchObject({ source: "loaded", keyFrom: "hashed", key: built.key });
    expect(openIndexedCorpus(dir, options)).toMatchObject({ source: "loaded", keyFrom: "stats", key: built.key });
  });

  it("a changed manifest is not hidden by the gate", () => {
    const { dir, options } = setup();
    openIndexedCorpus(dir, options);
    const manifest = join(dir, "sources.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("Island News", "Island Times"));
    utimesSync(manifest, OLD_SECOND, OLD_SECOND);
    settle();
    const opened = openIndexedCorpus(dir, options);
    expect(opened.source).toBe("built");
    expect(opened.corpus.articles.find((a) => a.id === "ferry")?.outlet).toBe("Island Times");
  });

  it("files changed moments ago are hashed, not trusted by their stats (the racy window)", () => {
    const { dir, options } = setup();
    const racy = { ...options, racyMs: 60_000 };
    const built = openIndexedCorpus(dir, racy);
    expect(existsSync(cacheFileFor(dir, options.cacheDir).replace(/\.idx$/, ".stat"))).toBe(false);
    expect(openIndexedCorpus(dir, racy)).toMatchObject({ source: "loaded", keyFrom: "hashed", key: built.key });
  });

  it("a gate naming a key the entry does not have is ignored: the files are hashed", () => {
    const { dir, options } = setup();
    const built = openIndexedCorpus(dir, options);
    const gate = cacheFileFor(dir, options.cacheDir).replace(/\.idx$/, ".stat");
    writeFileSync(gate, JSON.stringify({ ...JSON.parse(readFileSync(gate, "utf8")), key: "0".repeat(64) }));
    expect(openIndexedCorpus(dir, options)).toMatchObject({ source: "loaded", keyFrom: "hashed", key: built.key });
  });
});
