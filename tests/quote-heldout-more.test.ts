/**
 * The quote engine on the held-out sets written for the third quote round, through
 * `Engine.quote` as the CLI calls it: the seeds queried as users type names (surname, lower case,
 * variants, title plus name, roles), three invented articles in new styles (match report, court
 * report, interview with a Q&A transcript) and two more never tuned on. Precision must stay 100%;
 * recall may not fall below what the engine reached. The misses left: "Joseph Biden" (the seeds
 * call him Joe in every sentence read), a quote in a headline (the title line is no paragraph the
 * quote reader sees), and "managing director" for a role given as "Greyline's managing director, X".
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { scoreQuotes } from "./helpers/quote-gold.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

const FIXTURES = join(import.meta.dirname, "fixtures");

describe.each([
  { name: "seeds queried as users type", dir: SEEDS_DIR, gold: join(FIXTURES, "quotes-heldout-seeds.json"), hits: 155, must: 155 },
  { name: "quotes-heldout-3", dir: join(FIXTURES, "quotes-heldout-3"), gold: join(FIXTURES, "quotes-heldout-3.gold.json"), hits: 57, must: 60 },
  { name: "quotes-heldout-4", dir: join(FIXTURES, "quotes-heldout-4"), gold: join(FIXTURES, "quotes-heldout-4.gold.json"), hits: 40, must: 42 },
])("held-out quotes: $name", ({ dir, gold, hits, must }) => {
  it(`returns no quote of anyone else (precision 100%) and at least ${hits}/${must} gold quotes`, () => {
    const s = scoreQuotes(Engine.fromDir(dir), gold);
    expect(s.wrong).toEqual([]);
    expect(s.notEmpty).toEqual([]);
    expect(s.must).toBe(must);
    expect(s.tp).toBeGreaterThan(0);
    expect(s.hits).toBeGreaterThanOrEqual(hits);
  });
});
