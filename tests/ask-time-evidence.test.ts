/**
 * When-questions read the dates the date reader (chrono-node, src/dates/) finds in a sentence,
 * not hand-written time patterns: the engine hands each sentence's stated dates to the scorer.
 */
import { describe, expect, it } from "vitest";
import { buildArticle } from "../src/corpus/load.js";
import { Engine } from "../src/engine.js";
import { expectWellFormed } from "./helpers/ask-checks.js";

function engineOf(files: Record<string, string>): Engine {
  const articles = Object.entries(files).map(([id, text]) => buildArticle(id, `${id}.txt`, text, { published: "2031-03-12" }));
  return new Engine({ dir: "(in memory)", articles, warnings: [] });
}

const dam = `Repairs to the Orrin dam will take months

Engineers said on Tuesday that the cracked spillway at the Orrin dam needs a full rebuild.

The spillway gate failed two days before the inspection, flooding the lower car park.

Work on the new spillway is to begin on April 20, the water board said.

The board first warned about the weak spillway in a report that called for urgent repairs.

That warning from the board reached the ministry on February 2, officials confirmed.

The water board has not said what the rebuild will cost.
`;

describe("dates a sentence states", () => {
  const engine = engineOf({ dam });
  const article = engine.articles[0]!;
  const indexOf = (prefix: string) => article.sentences.findIndex((s) => article.text.slice(s.start, s.end).startsWith(prefix));

  it("are the date reader's, with a statement's date marked as only saying when it was said", () => {
    const said = engine.sentenceDates(article, indexOf("Engineers said on Tuesday")) ?? [];
    expect(said.map((d) => d.text)).toContain("on Tuesday");
    expect(said.every((d) => d.attribution)).toBe(true);
    const begin = engine.sentenceDates(article, indexOf("Work on the new spillway")) ?? [];
    expect(begin.some((d) => /April 20/.test(d.text) && !d.attribution)).toBe(true);
    expect(engine.sentenceDates(article, indexOf("The water board has not said"))).toEqual([]);
  });

  it("answer a when-question: the sentence giving the event's date leads, not the one with more of its words", () => {
    const r = engine.ask("When will work on the spillway begin?");
    expectWellFormed(r, engine.articles);
    expect(r.answer).toMatch(/^Work on the new spillway is to begin on April 20/);
    const warned = engine.ask("When did the board warn about the spillway?");
    expectWellFormed(warned, engine.articles);
    expect(warned.answer).toMatch(/^That warning from the board reached the ministry on February 2/);
  });

  it("must be there for a when-question: a sentence with its words but no time is no answer", () => {
    const pipe = engineOf({
      pipe: `Water main bursts on Dock Street

A water main burst on Dock Street on Monday, flooding three shops.

Crews repaired the pipe with a steel sleeve, the city said.
`,
    });
    expect(pipe.ask("When did the water main burst?").answer).toMatch(/on Monday/);
    const repaired = pipe.ask("When did crews repair the pipe?");
    expect(repaired.answer).toBeNull();
    expect(repaired.citations).toEqual([]);
    // The hand-written cues alone (no date reader) never demanded a time of "when".
    expect(pipe.ask("When did crews repair the pipe?", { datesIn: null }).answer).toMatch(/^Crews repaired the pipe/);
  });

  it("are none for an article without a date of its own: its weekdays cannot be read, and the time cues judge", () => {
    const undated = new Engine({ dir: "(in memory)", articles: [buildArticle("dam", "dam.txt", dam)], warnings: [] });
    const a = undated.articles[0]!;
    expect(undated.sentenceDates(a, 0)).toBeNull();
    expect(undated.ask("When did engineers say the spillway needs a rebuild?").answer).toMatch(/^Engineers said on Tuesday/);
  });
});
