/**
 * The speaker registry keeps each role with the articles that give it, and so with their dates:
 * who was finance minister when. Every article here is invented.
 */
import { describe, expect, it } from "vitest";
import { QuoteIndex } from "../src/quotes/quote-index.js";
import { article, index } from "./helpers/quote-articles.js";

const early = article(
  "r1",
  "Budget",
  ['Finance Minister Ana Petrova presented the budget on Tuesday. "Every line of it is paid for," Petrova said.'],
  { published: "2024-01-05" },
);
const later = article(
  "r2",
  "New cabinet",
  ['Prime Minister Ana Petrova named her cabinet on Monday. "This is a team for hard years," Petrova said.'],
  { published: "2025-03-01" },
);
const undated = article("r3", "Profile", ['Prime Minister Ana Petrova grew up in Lindby. "I never planned any of this," she said.']);

describe("roles with the articles and dates they are held in", () => {
  it("lists each role with the articles that give it and their dates, earliest first", () => {
    const ix = index(later, undated, early);
    expect(ix.roles("Petrova")).toEqual([
      { role: "Finance Minister", held: [{ articleId: "r1", published: "2024-01-05" }] },
      {
        role: "Prime Minister",
        held: [
          { articleId: "r2", published: "2025-03-01" },
          { articleId: "r3", published: null },
        ],
      },
    ]);
  });

  it("answers null for a name the corpus does not know", () => {
    expect(index(early).roles("Halvorsen")).toBeNull();
  });

  it("keeps the roles' articles through a saved snapshot", () => {
    const articles = [early, later];
    const built = new QuoteIndex(articles);
    const restored = QuoteIndex.fromSnapshot(built.snapshot(), articles);
    expect(restored?.roles("Petrova")).toEqual(built.roles("Petrova"));
  });

  it("refuses a snapshot whose role names an article the corpus does not have", () => {
    const articles = [early, later];
    const snapshot = new QuoteIndex(articles).snapshot();
    const entities = snapshot.entities.map((e) => ({ ...e, roles: e.roles.map((r) => ({ ...r, articles: [...r.articles, "r9"] })) }));
    expect(QuoteIndex.fromSnapshot(snapshot, articles)).not.toBeNull();
    expect(QuoteIndex.fromSnapshot({ ...snapshot, entities }, articles)).toBeNull();
  });
});
