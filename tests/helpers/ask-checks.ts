/** Invariants every ask result must keep, whatever the question. */
import { expect } from "vitest";
import type { AskResult } from "../../src/answer/types.js";
import type { Article } from "../../src/corpus/types.js";

export function expectWellFormed(result: AskResult, articles: readonly Article[]): void {
  const byId = new Map(articles.map((a) => [a.id, a]));
  if (result.answer === null) {
    expect(result.citations).toEqual([]);
    expect(result.reason).toBeTruthy();
    return;
  }
  const shownSentences = new Set<string>();
  result.citations.forEach((c, i) => {
    expect(c.n).toBe(i + 1);
    const article = byId.get(c.articleId)!;
    // verbatim: the excerpt is exactly the article text between its offsets, inside kept prose
    expect(c.excerpt).toBe(article.text.slice(c.start, c.end));
    expect(article.paragraphs.some((p) => p.start <= c.start && c.end <= p.end)).toBe(true);
    if (c.sameAs !== null) {
      const shown = result.citations[c.sameAs - 1]!;
      expect(shown.sameAs).toBeNull();
      expect(shown.articleId).not.toBe(c.articleId);
    }
    // never the same sentence twice
    const key = `${c.articleId}:${c.start}`;
    expect(shownSentences.has(key)).toBe(false);
    shownSentences.add(key);
  });
  // the answer is the lead excerpt followed by its markers
  expect(result.answer.startsWith(result.citations[0]!.excerpt)).toBe(true);
  const leadMarkers = result.citations.filter((c) => c.n === 1 || c.sameAs === 1).map((c) => `[${c.n}]`).join("");
  expect(result.answer.endsWith(` ${leadMarkers}`)).toBe(true);
  expect(result.support).toBe(new Set(result.citations.filter((c) => c.n === 1 || c.sameAs === 1).map((c) => c.outlet ?? c.articleId)).size);
}
