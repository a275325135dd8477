import { describe, expect, it } from "vitest";
import { Engine } from "../src/engine.js";
import { SEEDS_DIR } from "./helpers/temp-corpus.js";

/** Questions across the coverage's topics, answerable or not: every citation must be a slice. */
const QUESTIONS = [
  "why did Putin wait",
  "who congratulated Biden",
  "what did Peskov say",
  "how many electoral votes",
  "what sanctions could Biden impose",
  "did Trump concede",
  "when did the Electoral College vote",
  "what happened in 2016",
  "Navalny",
  "Maduro Venezuela",
];

describe("citations are exact slices of their article", () => {
  const engine = Engine.fromDir(SEEDS_DIR);
  const byId = new Map(engine.articles.map((a) => [a.id, a]));

  it.each(QUESTIONS)("%s", (q) => {
    const r = engine.ask(q);
    for (const c of r.citations) {
      const article = byId.get(c.articleId)!;
      expect(c.excerpt).toBe(article.text.slice(c.start, c.end));
      // and the cited span lies inside kept prose, never furniture
      expect(article.paragraphs.some((p) => p.start <= c.start && c.end <= p.end)).toBe(true);
    }
    if (r.answer === null) expect(r.citations).toEqual([]);
  });
});
