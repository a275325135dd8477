/**
 * Issue 13 item 10: a manifest edited while the corpus is read cannot leave a cache entry keyed to
 * one manifest that holds another's URLs. The entry's key and its content come from the same bytes.
 * The edit is made deterministic here: the manifest reader rewrites the file on disk right before
 * it reads, which is just after the key was computed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test, vi } from "vitest";
import { writeCorpus } from "../helpers/temp-corpus.js";
import { tempDir } from "../helpers/temp-dir.js";

const edits = vi.hoisted(() => ({ before: null as null | (() => void) }));

vi.mock("../../src/corpus/manifest.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/corpus/manifest.js")>();
  return {
    ...original,
    readManifest: (...args: Parameters<typeof original.readManifest>) => {
      const edit = edits.before;
      edits.before = null;
      edit?.();
      return original.readManifest(...args);
    },
  };
});

const { openIndexedCorpus } = await import("../../src/search/persist.js");

const ARTICLE = "Ferry strike ends\n\nThe ferry strike ended on Thursday after the union accepted a pay offer of four percent.\n";
const manifest = (url: string) => JSON.stringify({ ferry: { url, outlet: "Island Times" } });

describe("a manifest edited while the corpus is read", () => {
  test("the entry saved under the old manifest's key never holds the new manifest's URLs", () => {
    const first = manifest("https://island.example/first");
    const second = manifest("https://island.example/second");
    const dir = writeCorpus({ "ferry.txt": ARTICLE, "sources.json": first });
    const cacheDir = tempDir("race");
    // The key is computed from `first`; the edit lands just before the manifest is read again.
    edits.before = () => writeFileSync(join(dir, "sources.json"), second);
    const opened = openIndexedCorpus(dir, { cacheDir });
    const servedNow = opened.corpus.articles[0]!.url;
    // Whatever was served then, the entry for `first` must hold `first`'s URL.
    writeFileSync(join(dir, "sources.json"), first);
    const again = openIndexedCorpus(dir, { cacheDir });
    expect(again.corpus.articles[0]!.url).toBe("https://island.example/first");
    // And the manifest now on disk wins on the next start.
    writeFileSync(join(dir, "sources.json"), second);
    expect(openIndexedCorpus(dir, { cacheDir }).corpus.articles[0]!.url).toBe("https://island.example/second");
    expect(["https://island.example/first", "https://island.example/second"]).toContain(servedNow);
  });
});
