import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { cacheFileFor } from "../src/search/persist.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";
import { tempDir } from "./helpers/temp-dir.js";

const freshCacheDir = () => tempDir("meaning");

/** Questions whose words the seeds lack, so word meaning decides them. */
const PARAPHRASES = ["Did Trump admit defeat?", "how many electors backed Biden", "what did putin say about climate change"];

describe("the persisted word meaning", () => {
  it("is saved beside the index and restored with the same answers as one built in memory", () => {
    const cacheDir = freshCacheDir();
    const built = Engine.fromDir(SEEDS_DIR, { cacheDir });
    const file = cacheFileFor(SEEDS_DIR, cacheDir).replace(/\.idx$/, ".meaning");
    expect(existsSync(file)).toBe(true);
    const restored = Engine.fromDir(SEEDS_DIR, { cacheDir });
    const inMemory = Engine.fromDir(SEEDS_DIR);
    for (const q of PARAPHRASES) {
      expect(restored.ask(q)).toEqual(inMemory.ask(q));
      expect(built.ask(q)).toEqual(inMemory.ask(q));
    }
  });
  it("with a flipped byte is rebuilt, never served: in the vector table at opening, in the lexicon (read on first use) then", () => {
    const cacheDir = freshCacheDir();
    Engine.fromDir(SEEDS_DIR, { cacheDir });
    const file = cacheFileFor(SEEDS_DIR, cacheDir).replace(/\.idx$/, ".meaning");
    const original = readFileSync(file);
    const inMemory = Engine.fromDir(SEEDS_DIR);
    // The table lies in the middle of the entry; the lexicon (WordNet's links, the soft words) at its end.
    for (const at of [Math.floor(original.length / 2), original.length - 10]) {
      const bytes = Buffer.from(original);
      bytes[at]! ^= 0x55;
      writeFileSync(file, bytes);
      const reopened = Engine.fromDir(SEEDS_DIR, { cacheDir });
      for (const q of PARAPHRASES) expect(reopened.ask(q)).toEqual(inMemory.ask(q));
      expect(readFileSync(file).equals(original)).toBe(true);
    }
  }, 60_000);
});
