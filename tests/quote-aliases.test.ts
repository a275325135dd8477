/** An alias that two speakers share ("President" for two presidents) names neither, so neither lists it. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { nameKey } from "../src/quotes/quote-index.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";
import { article, index } from "./helpers/quote-articles.js";

const fixtures = join(import.meta.dirname, "fixtures");

describe.each([
  ["seeds", SEEDS_DIR],
  ["quote training set 5", join(fixtures, "quotes-train-5", "articles")],
  ["quote blind set A", join(fixtures, "quotes-blind-A", "articles")],
])("the speaker list of %s", (_, dir) => {
  it("gives no alias to two speakers", () => {
    const owners = new Map<string, string[]>();
    for (const s of Engine.fromDir(dir).quotes.speakers()) {
      for (const a of [s.name, ...s.aliases]) owners.set(nameKey(a), [...(owners.get(nameKey(a)) ?? []), s.name]);
    }
    expect([...owners].filter(([, who]) => new Set(who).size > 1)).toEqual([]);
  });
});

it("leaves a shared title out of both speakers' aliases and keeps the ones each holds alone", () => {
  const ix = index(
    article("p1", "Summit", [
      'President Anna Kolvik of Sarnia said: "We came to listen."',
      'President Teo Marrell of Ostrava said: "We came to agree."',
    ]),
  );
  const aliases = ix.speakers().flatMap((s) => s.aliases.map(nameKey));
  expect(aliases).not.toContain("president");
  expect(aliases).toEqual(expect.arrayContaining(["kolvik", "marrell"]));
});
