/**
 * Issue 13 item 3: right-to-left overrides, bidi isolates and marks, and zero-width characters.
 * In article text they are neutralised wherever an excerpt, a headline or a name is shown in
 * Discord (checked with the suite's own `payloadProblems`); in the manifest they are refused with
 * one line naming the field, as is a cache entry that carries them.
 */
import { describe, expect, test } from "vitest";
import { CorpusError } from "../../src/corpus/errors.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { Engine } from "../../src/engine.js";
import { renderAskPages, renderQuotePages, renderSourcesPages, speakerChoices } from "../../src/render/discord.js";
import { hasUnsafeCharacters } from "../fixtures/hostile-inputs.js";
import { payloadProblems } from "../helpers/discord-checks.js";
import { writeCorpus } from "../helpers/temp-corpus.js";

const RLO = "\u202e";
const ZWSP = "\u200b";
const RLI = "\u2067";
const RLM = "\u200f";

const ARTICLE = `Harbour board ${RLO}votes to restore the lighthouse

The harbour board voted on Thursday to restore the ${RLO}Kellan Point${ZWSP} lighthouse, which has been dark since 1998.

"The light will shine ${RLI}again${RLM} by midsummer," said board chair Imogen Raskell.
`;

describe("bidi and invisible characters", () => {
  test("the suite's check knows them all", () => {
    for (const ch of [RLO, ZWSP, RLI, RLM, "\u2060", "\ufeff", "\u061c"]) expect(hasUnsafeCharacters(`a${ch}b`)).toBe(true);
    expect(hasUnsafeCharacters("a\u200db")).toBe(false); // a joiner is part of emoji and of several scripts
  });

  test("excerpts, headlines and names shown in Discord carry none of them", () => {
    const dir = writeCorpus({ "lighthouse.txt": ARTICLE, "sources.json": JSON.stringify({ lighthouse: { url: "https://harbour.example/lighthouse", outlet: "Harbour Post" } }) });
    const engine = Engine.fromDir(dir);
    const answer = engine.ask("when will the lighthouse light shine again");
    expect(answer.citations.length).toBeGreaterThan(0);
    const quotes = engine.quote("Imogen Raskell");
    expect(quotes.quotes.length).toBeGreaterThan(0);
    const pages = [...renderAskPages(answer), ...renderQuotePages(quotes), ...renderSourcesPages(engine.sources())];
    for (const page of pages) expect(payloadProblems(page)).toEqual([]);
    for (const choice of speakerChoices(engine.speakers())) expect(hasUnsafeCharacters(choice.name + choice.value)).toBe(false);
    // The citation itself stays the verbatim slice it is.
    expect(answer.citations.some((c) => c.excerpt.includes(RLO) || c.excerpt.includes(RLI))).toBe(true);
  });

  test.each([
    ["url", { url: `https://harbour.example/${RLO}fdp.exe` }],
    ["url", { url: `https://harbour.example/light${ZWSP}house` }],
    ["outlet", { outlet: `Harbour ${RLO}Post` }],
    ["outlet", { outlet: `Harbour${ZWSP}Post` }],
    ["title", { title: `Lighthouse ${RLI}restored` }],
  ])("a manifest %s with one is refused in one line naming the field", (field, entry) => {
    const dir = writeCorpus({ "lighthouse.txt": ARTICLE, "sources.json": JSON.stringify({ lighthouse: entry }) });
    expect(() => loadCorpus(dir)).toThrow(CorpusError);
    try {
      loadCorpus(dir);
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain(`sources.json: "lighthouse"."${field}": `);
      expect(message).toMatch(/invisible|direction/);
      expect(message.split("\n")).toHaveLength(1);
    }
  });
});
